/**
 * Check: run the check, counts by sheet and severity, the sheets read, and
 * the issues grouped by sheet then by code, filterable by severity, sheet and
 * code. Choosing an issue (click or Enter) selects its cell in Excel.
 */
import { useEffect, useMemo, useState } from "react";
import { Button, Field, Select, mergeClasses } from "@fluentui/react-components";
import type { CheckView } from "../app/session";
import { filterIssues } from "../app/session";
import { selectCell } from "../app/runtime";
import type { Issue, IssueCode, Severity } from "../engine/model/issues";
import { ISSUE_CODES } from "../engine/model/issues";
import { usePane, useFocusAfter } from "./context";
import { useStyles } from "./styles";

const SEVERITIES: Severity[] = ["error", "warning", "info"];
/** Issues rendered at first, and added by each "show more". */
const PAGE = 150;
/** The value of the sheet filter for issues about the whole workbook. */
const WORKBOOK = "\u0000workbook";

interface Filter {
  severity: Severity | "";
  sheet: string;
  code: IssueCode | "";
}

interface CodeGroup {
  code: IssueCode;
  issues: Issue[];
}

interface SheetGroup {
  sheet: string | null;
  count: number;
  codes: CodeGroup[];
}

/** Group (sheet, then code) in the order the issues come in, keeping at most `limit` issues. */
function group(issues: Issue[], limit: number): SheetGroup[] {
  const sheets = new Map<string | null, SheetGroup>();
  const codes = new Map<string, CodeGroup>();
  let shown = 0;
  for (const issue of issues) {
    let g = sheets.get(issue.sheet);
    if (!g) sheets.set(issue.sheet, (g = { sheet: issue.sheet, count: 0, codes: [] }));
    g.count++;
    const key = `${issue.sheet ?? WORKBOOK}\u0001${issue.code}`;
    let c = codes.get(key);
    if (!c) {
      c = { code: issue.code, issues: [] };
      codes.set(key, c);
      g.codes.push(c);
    }
    if (shown < limit) {
      c.issues.push(issue);
      shown++;
    }
  }
  return [...sheets.values()];
}

export function CheckPanel({
  view,
  onCheck,
}: {
  view: CheckView | null;
  onCheck: () => Promise<CheckView | undefined>;
}) {
  const styles = useStyles();
  const { t, s, busy, lang } = usePane();
  const [filter, setFilter] = useState<Filter>({ severity: "", sheet: "", code: "" });
  const [limit, setLimit] = useState(PAGE);
  const [resultsRef, focusResults] = useFocusAfter<HTMLHeadingElement>();
  const [lastView, setLastView] = useState<CheckView | null>(null);

  // A new check: keep the filters that still make sense, show the first page.
  useEffect(() => {
    if (!view || view === lastView) return;
    setLastView(view);
    setLimit(PAGE);
    setFilter((f) => ({
      severity: f.severity,
      sheet:
        f.sheet && (f.sheet === WORKBOOK || view.issues.some((i) => i.sheet === f.sheet))
          ? f.sheet
          : "",
      code: f.code && view.issues.some((i) => i.code === f.code) ? f.code : "",
    }));
  }, [view, lastView]);

  const filtered = useMemo(() => {
    if (!view) return [];
    return filterIssues(view.issues, {
      severity: filter.severity || undefined,
      sheet: filter.sheet === "" ? undefined : filter.sheet === WORKBOOK ? null : filter.sheet,
      code: filter.code || undefined,
    });
  }, [view, filter]);
  const groups = useMemo(() => group(filtered, limit), [filtered, limit]);
  const shown = Math.min(limit, filtered.length);

  const sheetOptions = useMemo(() => {
    const names: (string | null)[] = [];
    for (const i of view?.issues ?? []) if (!names.includes(i.sheet)) names.push(i.sheet);
    return names;
  }, [view]);
  const codeOptions = useMemo(() => {
    const present = new Set((view?.issues ?? []).map((i) => i.code));
    return ISSUE_CODES.filter((c) => present.has(c));
  }, [view]);

  const sheetName = (sheet: string | null) => sheet ?? t.workbook;

  return (
    <div className={styles.panel}>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabledFocusable={busy !== null}
          onClick={() => {
            // Land on the results (the live region reads the counts too).
            void onCheck().then((v) => v && focusResults());
          }}
        >
          {t.checkButton}
        </Button>
      </div>

      {!view && <p className={styles.muted}>{t.notChecked}</p>}

      {view && (
        <>
          <h2 ref={resultsRef} tabIndex={-1} className={styles.heading} data-testid="results">
            {t.checked({
              year: view.year,
              errors: view.total.error,
              warnings: view.total.warning,
              infos: view.total.info,
            })}
          </h2>

          {view.bySheet.length > 0 && (
            <table className={styles.table} data-testid="counts">
              <caption className={styles.caption}>{t.countsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.sheetColumn}</th>
                  {SEVERITIES.map((sev) => (
                    <th scope="col" className="num" key={sev}>
                      {s.severities[sev]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {view.bySheet.map((c) => (
                  <tr key={c.sheet ?? WORKBOOK}>
                    <th scope="row">{sheetName(c.sheet)}</th>
                    {SEVERITIES.map((sev) => (
                      <td className="num" key={sev}>
                        {c[sev]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t.totalRow}</th>
                  {SEVERITIES.map((sev) => (
                    <td className="num" key={sev}>
                      {view.total[sev]}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          )}

          <details className={styles.details}>
            <summary className={styles.summary}>
              {t.sheetsRead} ({view.sheets.length})
              {view.skipped.length > 0 ? ` · ${t.sheetsSkipped} (${view.skipped.length})` : ""}
            </summary>
            <ul className={styles.list}>
              {view.sheets.map((sh) => (
                <li key={sh.name}>
                  {sh.name}:{" "}
                  {t.sheetKindRow({ kind: s.kinds[sh.kind] ?? sh.kind, row: sh.headerRow })}
                </li>
              ))}
            </ul>
            {view.skipped.length > 0 && (
              <>
                <h3 className={styles.subheading}>{t.sheetsSkipped}</h3>
                <ul className={styles.list}>
                  {view.skipped.map((name) => (
                    <li key={name}>{name}</li>
                  ))}
                </ul>
              </>
            )}
          </details>

          {view.issues.length === 0 ? (
            <p className={styles.para}>{t.noIssues}</p>
          ) : (
            <>
              <details className={styles.details}>
                <summary className={styles.summary}>{t.filters}</summary>
                <div role="group" aria-label={t.filters} className={styles.filters}>
                  <Field label={t.filterSeverity}>
                    <Select
                      className={styles.full}
                      value={filter.severity}
                      onChange={(_, d) => {
                        setFilter({ ...filter, severity: d.value as Severity | "" });
                        setLimit(PAGE);
                      }}
                    >
                      <option value="">{t.all}</option>
                      {SEVERITIES.map((sev) => (
                        <option key={sev} value={sev}>
                          {s.severities[sev]}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={t.filterSheet}>
                    <Select
                      className={styles.full}
                      value={filter.sheet}
                      onChange={(_, d) => {
                        setFilter({ ...filter, sheet: d.value });
                        setLimit(PAGE);
                      }}
                    >
                      <option value="">{t.all}</option>
                      {sheetOptions.map((name) => (
                        <option key={name ?? WORKBOOK} value={name ?? WORKBOOK}>
                          {sheetName(name)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={t.filterCode}>
                    <Select
                      className={styles.full}
                      value={filter.code}
                      onChange={(_, d) => {
                        setFilter({ ...filter, code: d.value as IssueCode | "" });
                        setLimit(PAGE);
                      }}
                    >
                      <option value="">{t.all}</option>
                      {codeOptions.map((code) => (
                        <option key={code} value={code}>
                          {t.codes[code]}
                        </option>
                      ))}
                    </Select>
                  </Field>
                </div>
              </details>

              <p className={styles.muted}>
                {t.showing({ shown, total: filtered.length })} {t.clickHint}
              </p>

              <div data-testid="issues" className={styles.group}>
                {groups.map((g) => (
                  <section key={g.sheet ?? WORKBOOK} className={styles.group}>
                    <h3 className={styles.subheading}>
                      {sheetName(g.sheet)} · {t.groupCount({ count: g.count })}
                    </h3>
                    {g.codes
                      .filter((c) => c.issues.length > 0)
                      .map((c) => (
                        <div key={c.code}>
                          <h4 className={styles.subheading}>{t.codes[c.code]}</h4>
                          <ul className={styles.list}>
                            {c.issues.map((issue, n) => (
                              <li key={n}>
                                <IssueItem issue={issue} lang={lang} />
                              </li>
                            ))}
                          </ul>
                        </div>
                      ))}
                  </section>
                ))}
              </div>

              {shown < filtered.length && (
                <div className={styles.actions}>
                  <Button onClick={() => setLimit(limit + PAGE)}>
                    {t.showMore({ count: Math.min(PAGE, filtered.length - shown) })}
                  </Button>
                </div>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}

/** One issue: a button that selects its cell (the sheet's A1 for a sheet-level issue). */
function IssueItem({ issue, lang }: { issue: Issue; lang: "vi" | "en" }) {
  const styles = useStyles();
  const { t, s, announce, fail } = usePane();
  const message = lang === "en" ? issue.message_en : issue.message;
  const severity = s.severities[issue.severity];
  const content = (
    <>
      <span className={styles.issueHead}>
        {issue.cell && <span className={styles.cell}>{issue.cell}</span>}
        <span className={styles.sev}>{severity}</span>
      </span>
      <span>{message}</span>
    </>
  );
  if (issue.sheet === null) {
    return (
      <div className={mergeClasses(styles.issue, styles.issueStatic, styles[issue.severity])}>
        {content}
      </div>
    );
  }
  const sheet = issue.sheet;
  const cell = issue.cell ?? "A1";
  return (
    <button
      type="button"
      className={mergeClasses(styles.issue, styles[issue.severity])}
      data-sheet={sheet}
      data-cell={cell}
      data-code={issue.code}
      aria-label={t.issueLabel({ severity, cell: `${sheet}!${cell}`, message })}
      onClick={() => {
        selectCell(sheet, cell).then(
          () => announce(t.selected({ sheet, cell })),
          (e: unknown) => fail(e)
        );
      }}
    >
      {content}
    </button>
  );
}
