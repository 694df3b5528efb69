/**
 * Build summary: one button; progress while it works (the status line, and a
 * bar when the adapter reports rows); then the new sheet, which Excel shows
 * (the adapter activates it). Replacing a summary sheet edited by hand is
 * asked first (the pane's Dialog) and keeps a backup copy.
 */
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { CheckView } from "../app/session";
import { selectCell } from "../app/runtime";
import { usePane, useFocusAfter } from "./context";
import { useStyles } from "./styles";

export interface BuildOutcome {
  sheet: string;
  backup: string | null;
  replaced: boolean;
  /** False when the user kept the edited sheet (nothing written). */
  written: boolean;
}

export function SummaryPanel({
  view,
  setView,
  built,
  onBuild,
}: {
  view: CheckView | null;
  setView: (v: CheckView) => void;
  built: BuildOutcome | null;
  onBuild: () => Promise<BuildOutcome | null>;
}) {
  const styles = useStyles();
  const { t, busy, announce, fail, run, session } = usePane();
  const [resultRef, focusResult] = useFocusAfter<HTMLDivElement>();
  const noPlan = view !== null && session.needsPlanSheet();

  const createPlan = async () => {
    const before = new Set((view?.sheets ?? []).map((x) => x.name));
    const v = await run("settings", t.creatingPlan, () => session.createPlanSheet());
    if (!v) return;
    setView(v);
    const created = v.sheets.find((x) => x.kind === "plan" && !before.has(x.name));
    if (created) announce(t.planCreated({ sheet: created.name }));
  };

  return (
    <div className={styles.panel}>
      <p className={styles.para}>{t.summaryIntro}</p>
      {noPlan && (
        <MessageBar intent="warning" layout="multiline" data-testid="no-plan">
          <MessageBarBody>
            {t.noPlanSheet}{" "}
            <Button
              size="small"
              disabledFocusable={busy !== null}
              onClick={() => void createPlan()}
            >
              {t.createPlanButton}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabledFocusable={busy !== null}
          onClick={() => {
            void onBuild().then((r) => r && focusResult());
          }}
        >
          {view ? t.buildButton({ year: view.year }) : t.buildButtonLatest}
        </Button>
      </div>
      {busy === "build" && <p className={styles.muted}>{t.building}</p>}

      {built && (
        <div ref={resultRef} tabIndex={-1} data-testid="built">
          {built.written ? (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                {built.replaced
                  ? t.rebuilt({ sheet: built.sheet })
                  : t.built({ sheet: built.sheet })}
                {built.backup ? " " + t.backupKept({ backup: built.backup }) : ""}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{t.notReplaced({ sheet: built.sheet })}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
      {built?.written && (
        <div className={styles.actions}>
          <Button
            onClick={() => {
              selectCell(built.sheet, "A1").then(
                () => announce(t.selected({ sheet: built.sheet, cell: "A1" })),
                (e: unknown) => fail(e)
              );
            }}
          >
            {t.goToSheet({ sheet: built.sheet })}
          </Button>
        </div>
      )}
      {built?.written && view && view.total.error > 0 && (
        <p className={styles.muted}>{t.errorsRemain({ errors: view.total.error })}</p>
      )}
    </div>
  );
}
