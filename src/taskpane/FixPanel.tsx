/**
 * Fix: a preview of every change the fixable issues would make (cell, from →
 * to, what and why), Apply (only the cells listed, only where they still hold
 * what the check saw), and Undo through the Session (Office.js edits clear
 * Excel's own undo). Cells are not marked, so nothing of the user's
 * formatting is ever touched.
 */
import { useEffect, useState } from "react";
import { Button } from "@fluentui/react-components";
import type { CheckView } from "../app/session";
import { emit } from "../app/runtime";
import type { PlannedChange } from "../workbook/fix-service";
import type { FixValue } from "../engine/model/issues";
import { usePane, useFocusAfter } from "./context";
import { useStyles } from "./styles";

export function FixPanel({
  view,
  setView,
}: {
  view: CheckView | null;
  setView: (v: CheckView) => void;
}) {
  const styles = useStyles();
  const { t, lang, session, busy, run, announce } = usePane();
  const [plan, setPlan] = useState<PlannedChange[] | null>(null);
  const [planView, setPlanView] = useState<CheckView | null>(null);
  const [headingRef, focusHeading] = useFocusAfter<HTMLHeadingElement>();
  const [undoRef, focusUndo] = useFocusAfter<HTMLButtonElement>();
  const [previewRef, focusPreview] = useFocusAfter<HTMLButtonElement>();

  // A preview belongs to the check it was made from: a new check drops it.
  useEffect(() => {
    if (plan && view !== planView) setPlan(null);
  }, [view, plan, planView]);

  const show = (v: CheckView) => {
    setView(v);
    emit({ type: "checked", origin: "pane", view: v });
  };

  const preview = async () => {
    let v = view;
    if (!session.analysis) {
      const checked = await run("check", t.previewing, () => session.check());
      if (!checked) return;
      show(checked);
      v = checked;
    }
    const changes = session.previewFixes();
    setPlan(changes);
    setPlanView(v);
    announce(changes.length ? t.previewHeading({ count: changes.length }) : t.noFixes);
    focusHeading();
  };

  const apply = async () => {
    if (!plan || plan.length === 0) return;
    const r = await run("fix", t.applying, () => session.applyFixes(plan));
    if (!r) return;
    setPlan(null);
    show(r.view);
    const n = r.done.applied.length;
    const skipped = r.done.skipped.length;
    announce(t.applied({ count: n }) + (skipped ? " " + t.skipped({ count: skipped }) : ""));
    focusUndo();
  };

  const undo = async () => {
    const r = await run("undo", t.undoing, () => session.undo());
    if (r === undefined) return;
    if (r === null) {
      announce(t.nothingToUndo);
      return;
    }
    setPlan(null);
    show(r.view);
    const skipped = r.done.skipped.length;
    announce(
      t.undone({ count: r.done.applied.length }) +
        (skipped ? " " + t.skipped({ count: skipped }) : "")
    );
    focusPreview();
  };

  const text = (v: FixValue) =>
    v === null || v === "" ? (
      <em>{t.emptyValue}</em>
    ) : (
      <span className={styles.value}>{String(v)}</span>
    );

  return (
    <div className={styles.panel}>
      <p className={styles.para}>{t.fixIntro}</p>
      <div className={styles.actions}>
        <Button ref={previewRef} disabledFocusable={busy !== null} onClick={() => void preview()}>
          {t.previewButton}
        </Button>
        <Button
          ref={undoRef}
          disabledFocusable={busy !== null || !session.canUndo()}
          onClick={() => void undo()}
        >
          {t.undoButton}
        </Button>
      </div>

      {plan && plan.length === 0 && <p className={styles.para}>{t.noFixes}</p>}
      {plan && plan.length > 0 && (
        <>
          <h2 ref={headingRef} tabIndex={-1} className={styles.heading}>
            {t.previewHeading({ count: plan.length })}
          </h2>
          <ul className={styles.list} data-testid="preview">
            {plan.map((p) => (
              <li
                key={`${p.sheet}!${p.cell}`}
                className={styles.change}
                data-sheet={p.sheet}
                data-cell={p.cell}
              >
                <span className={styles.cell}>
                  {p.sheet}!{p.cell}
                </span>
                <span>
                  {text(p.from)} → {text(p.to)}
                </span>
                <span className={styles.muted}>
                  {lang === "en" ? p.description_en : p.description}
                </span>
              </li>
            ))}
          </ul>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabledFocusable={busy !== null}
              onClick={() => void apply()}
            >
              {t.applyButton({ count: plan.length })}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
