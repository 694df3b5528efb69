/**
 * Detection override: when a sheet is not recognised, or recognised wrongly,
 * the user says which kind it is, which row is its header and which column is
 * which field. Saved through Session.saveOverride (the hidden `_htx_settings`
 * sheet, read by every later check, here and on the command line), then the
 * workbook is checked again.
 */
import { useMemo, useState } from "react";
import { Button, Field, Input, Select } from "@fluentui/react-components";
import type { CheckView } from "../app/session";
import { emit } from "../app/runtime";
import { KINDS, KIND_BY_NAME } from "../engine/detect/schema";
import type { SheetKind } from "../engine/detect/schema";
import { columnIndex } from "../engine/model/cells";

/** Excel's last column, XFD. */
const LAST_COLUMN = 16383;
import type { SheetOverride } from "../engine/model/settings";
import { usePane } from "./context";
import { useStyles } from "./styles";

type KindChoice = SheetKind | "ignore" | "";

interface Form {
  sheet: string;
  kind: KindChoice;
  headerRow: string;
  /** field key → column letters as typed */
  columns: Record<string, string>;
}

interface Detected {
  kind: KindChoice;
  headerRow: string;
  /** field key → column letter, as the add-in reads the sheet now */
  columns: Record<string, string>;
  /** field key → the header text read there */
  headers: Record<string, string>;
}

const EMPTY: Form = { sheet: "", kind: "", headerRow: "", columns: {} };

export function DetectPanel({
  view,
  setView,
}: {
  view: CheckView | null;
  setView: (v: CheckView) => void;
}) {
  const styles = useStyles();
  const { t, s, session, busy, run, announce } = usePane();
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const analysis = view ? session.analysis : null;
  const sheetNames = useMemo(() => (analysis ? session.dataSheetNames() : []), [analysis, session]);

  /** What the add-in does with a sheet now (the session knows): the saved choice, else detection. */
  const detected = (sheet: string): Detected => session.detection(sheet) as Detected;

  const current = form.sheet ? detected(form.sheet) : null;

  const chooseSheet = (sheet: string) => {
    setErrors({});
    if (!sheet) return setForm(EMPTY);
    const d = detected(sheet);
    setForm({ sheet, kind: d.kind, headerRow: d.headerRow, columns: { ...d.columns } });
  };

  const chooseKind = (kind: KindChoice) => {
    setErrors({});
    const d = current;
    setForm({ ...form, kind, columns: d && d.kind === kind ? { ...d.columns } : {} });
  };

  const save = async () => {
    if (!form.sheet || !form.kind) return;
    const errs: Record<string, string> = {};
    const o: SheetOverride = { sheet: form.sheet, kind: form.kind };
    if (form.kind !== "ignore") {
      const row = form.headerRow.trim();
      if (row) {
        const n = Number(row);
        if (!/^\d+$/.test(row) || n < 1) errs.headerRow = t.badHeaderRow;
        else o.headerRow = n;
      }
      const columns: Record<string, string> = {};
      for (const f of KIND_BY_NAME[form.kind].fields) {
        const letter = (form.columns[f.key] ?? "").trim().toUpperCase();
        if (!letter) continue;
        const index = columnIndex(letter);
        if (index < 0 || index > LAST_COLUMN) errs[f.key] = t.badColumn({ value: letter });
        else if (columns[letter]) errs[f.key] = t.duplicateColumn({ column: letter });
        else columns[letter] = f.key;
      }
      // A column the add-in had given to a field the user cleared is left out.
      if (current && current.kind === form.kind) {
        for (const [field, letter] of Object.entries(current.columns)) {
          const now = (form.columns[field] ?? "").trim();
          if (!now && !columns[letter]) columns[letter] = "ignore";
        }
      }
      if (Object.keys(columns).length) o.columns = columns;
    }
    setErrors(errs);
    if (Object.keys(errs).length) {
      announce(Object.values(errs)[0]);
      return;
    }
    const v = await run("settings", t.saving, () => session.saveOverride(o));
    if (!v) return;
    setView(v);
    emit({ type: "checked", origin: "pane", view: v });
    announce(t.saved({ sheet: form.sheet }));
  };

  const fields = form.kind && form.kind !== "ignore" ? KIND_BY_NAME[form.kind].fields : [];

  return (
    <div className={styles.panel}>
      <p className={styles.para}>{t.detectIntro}</p>
      {!view && <p className={styles.muted}>{t.notChecked}</p>}
      {view && (
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Field label={t.sheetLabel}>
            <Select
              className={styles.full}
              value={form.sheet}
              onChange={(_, d) => chooseSheet(d.value)}
            >
              <option value="">{t.chooseSheet}</option>
              {sheetNames.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </Field>

          {form.sheet && (
            <Field label={t.kindLabel}>
              <Select
                className={styles.full}
                value={form.kind}
                onChange={(_, d) => chooseKind(d.value as KindChoice)}
              >
                <option value="">—</option>
                {KINDS.map((k) => (
                  <option key={k.kind} value={k.kind}>
                    {s.kinds[k.kind] ?? k.kind}
                  </option>
                ))}
                <option value="ignore">{t.ignoreKind}</option>
              </Select>
            </Field>
          )}

          {fields.length > 0 && (
            <>
              <Field
                label={t.headerRowLabel}
                hint={t.headerRowHint}
                validationState={errors.headerRow ? "error" : "none"}
                validationMessage={errors.headerRow}
              >
                <Input
                  className={styles.full}
                  inputMode="numeric"
                  value={form.headerRow}
                  onChange={(_, d) => setForm({ ...form, headerRow: d.value })}
                />
              </Field>
              <fieldset className={styles.filters}>
                <legend className={styles.legend}>{t.columnsHeading}</legend>
                <p className={styles.muted}>{t.columnsHint}</p>
                <div className={styles.columns}>
                  {fields.map((f) => (
                    <Field
                      key={f.key}
                      label={`${s.fields[f.key] ?? f.key}${f.required ? ` (${t.required})` : ""}`}
                      hint={
                        current?.headers[f.key]
                          ? t.detectedHeader({ header: current.headers[f.key] })
                          : undefined
                      }
                      validationState={errors[f.key] ? "error" : "none"}
                      validationMessage={errors[f.key]}
                    >
                      <Input
                        className={styles.full}
                        maxLength={3}
                        value={form.columns[f.key] ?? ""}
                        onChange={(_, d) =>
                          setForm({ ...form, columns: { ...form.columns, [f.key]: d.value } })
                        }
                      />
                    </Field>
                  ))}
                </div>
              </fieldset>
            </>
          )}

          {form.sheet && form.kind && (
            <div className={styles.actions}>
              <Button type="submit" appearance="primary" disabledFocusable={busy !== null}>
                {t.saveOverride}
              </Button>
            </div>
          )}
        </form>
      )}
    </div>
  );
}
