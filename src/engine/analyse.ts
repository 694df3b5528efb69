/**
 * The engine's front door: read a workbook, check it, compute the indicators
 * of a year. Pure: no host, no I/O.
 */
import { columnChecks, duplicateChecks, rowChecks } from "./check/sheet-checks";
import { yearFromName } from "./detect/kinds";
import { totalChecks } from "./check/total-checks";
import { SheetKind } from "./detect/schema";
import { INDICATORS, IndicatorDef } from "./indicators/definitions";
import { Figure, Source, computeYear } from "./indicators/compute";
import { PlanRead, planFor, readPlans } from "./indicators/plan";
import type { WorkbookData } from "./model/cells";
import { makeIssue } from "./model/issue-factory";
import { Issue, sortIssues } from "./model/issues";
import type { DateValue } from "./parse/date";
import { ymdFromSerial } from "./parse/date";
import { WorkbookRead, readWorkbook, sheetsForYear } from "./read/workbook-reader";
import { formatNumberVi, roundHalfUp } from "./format/vi";
import { foldWords } from "./text/normalize";

export interface AnalyseOptions {
  /** The year to report; default: the latest year with data, not after the report date. */
  year?: number;
  /** The report date as an Excel serial; default: today. */
  reportSerial?: number;
}

export interface IndicatorResult {
  code: string;
  label: string;
  label_en: string;
  unit: string;
  plan: number | null;
  actual: number | null;
  percent: number | null;
  previous: number | null;
  plan_next: number | null;
  def: IndicatorDef;
  sources: Source[];
  planSource: { sheet: string; row: number } | null;
  planNextSource: { sheet: string; row: number } | null;
}

export interface Analysis {
  year: number;
  /** Years with data, not after the report date, newest first (for a year picker). */
  years: number[];
  reportSerial: number;
  issues: Issue[];
  indicators: IndicatorResult[];
  read: WorkbookRead;
  plan: PlanRead;
}

/** Today as an Excel serial (local calendar day). */
export function todaySerial(now: Date = new Date()): number {
  return Math.round(
    (Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - Date.UTC(1899, 11, 30)) / 86400000
  );
}

const NEEDED: SheetKind[] = ["tht", "htx", "training", "fairs", "plan"];
const PERCENT_TOLERANCE = 0.5;

function htxNameKey(s: string): string {
  return (" " + foldWords(s) + " ").replace(/ hop tac xa /g, " htx ").replace(/ /g, "");
}

function dateYears(read: WorkbookRead, reportSerial: number): number[] {
  const years = new Set<number>();
  for (const s of read.sheets) {
    if (s.kind === "plan" || s.kind === "units") continue;
    for (const rec of s.records) {
      for (const f of ["founded", "dissolved", "suspended", "date"]) {
        const d = rec.v[f] as DateValue | null | undefined;
        if (d && typeof d === "object" && "serial" in d && d.serial <= reportSerial)
          years.add(d.year);
      }
    }
  }
  return [...years];
}

export function analyse(wb: WorkbookData, opts: AnalyseOptions = {}): Analysis {
  const reportSerial = opts.reportSerial ?? todaySerial();
  const read = readWorkbook(wb, { reportSerial });
  const issues: Issue[] = [...read.issues];
  for (const s of read.sheets) {
    issues.push(...s.issues, ...columnChecks(s), ...rowChecks(s, read.units), ...totalChecks(s));
  }
  // Duplicates across the sheets of one kind that are read together (same year in the name).
  const together = new Map<string, typeof read.sheets>();
  for (const s of read.sheets) {
    const key = `${s.kind}@${yearFromName(s.sheet.name) ?? ""}`;
    together.set(key, [...(together.get(key) ?? []), s]);
  }
  for (const group of together.values()) issues.push(...duplicateChecks(group, read.units));

  // Cross-sheet checks.
  const htxSheets = read.sheets.filter((s) => s.kind === "htx");
  // The HTX names are folded only when some fair lists names.
  const anyNames = read.sheets.some(
    (s) => s.kind === "fairs" && s.records.some((r) => r.v.htx_names)
  );
  const htxNames = new Set<string>();
  if (anyNames) {
    for (const s of htxSheets)
      for (const r of s.records)
        if (typeof r.v.name === "string") htxNames.add(htxNameKey(r.v.name));
  }
  if (htxSheets.length) {
    for (const s of read.sheets.filter((x) => x.kind === "fairs")) {
      const col = s.colOf.get("htx_names");
      for (const r of s.records) {
        for (const n of (r.v.htx_names as string[] | null) ?? []) {
          if (!htxNames.has(htxNameKey(n))) {
            issues.push(
              makeIssue(
                "unknown-htx",
                { sheet: s.sheet.name, row: r.row, col: col ?? null, field: "htx_names" },
                { value: n }
              )
            );
          }
        }
      }
    }
    const anyDissolved = htxSheets.some((s) =>
      s.records.some((r) => r.v.dissolved || r.v.status === "dissolved")
    );
    if (!anyDissolved)
      issues.push(
        makeIssue("no-dissolved", {
          sheet: htxSheets[0].sheet.name,
          row: null,
          col: null,
          field: null,
        })
      );
  }
  for (const k of NEEDED) {
    // A sheet of that kind whose header was not found has its own issue (header-not-found).
    if (!read.sheets.some((s) => s.kind === k) && !read.headerNotFound.has(k)) {
      issues.push(
        makeIssue(
          "sheet-missing",
          { sheet: null, row: null, col: null, field: null },
          { kindKey: k }
        )
      );
    }
  }

  // The year.
  const reportYear = ymdFromSerial(reportSerial).year;
  const years = dateYears(read, reportSerial);
  const year = opts.year ?? (years.length ? Math.max(...years) : reportYear);

  const pick = (y: number) => ({
    tht: sheetsForYear(read, "tht", y),
    htx: sheetsForYear(read, "htx", y),
    training: sheetsForYear(read, "training", y),
    fairs: sheetsForYear(read, "fairs", y),
    loans: sheetsForYear(read, "loans", y),
  });
  const forYear = pick(year);
  const nonEmpty = (x: ReturnType<typeof pick>) =>
    Object.fromEntries(Object.entries(x).map(([k, v]) => [k, v.length ? v : undefined]));
  const current = computeYear(nonEmpty(forYear), year, year);
  // The previous year from its own sheet when the names carry years ("DS HTX 2021").
  const previous = computeYear(nonEmpty(pick(year - 1)), year - 1, year);

  const planSheets = read.sheets.filter((s) => s.kind === "plan");
  const plan = readPlans(planSheets, year);
  issues.push(...plan.issues);

  const indicators: IndicatorResult[] = INDICATORS.map((def) => {
    const cur: Figure = current.get(def.code) ?? { value: null, sources: [] };
    const prev: Figure = previous.get(def.code) ?? { value: null, sources: [] };
    const p = planFor(plan, def.code, year);
    const pn = planFor(plan, def.code, year + 1);
    const planValue = p ? p.target : null;
    const percent =
      planValue !== null && planValue !== 0 && cur.value !== null ? cur.value / planValue : null;
    return {
      code: def.code,
      label: def.label,
      label_en: def.label_en,
      unit: def.unit,
      plan: planValue,
      actual: cur.value,
      percent,
      previous: prev.value,
      plan_next: pn ? pn.target : null,
      def,
      sources: cur.sources,
      planSource: p ? { sheet: p.sheet, row: p.row + 1 } : null,
      planNextSource: pn ? { sheet: pn.sheet, row: pn.row + 1 } : null,
    };
  });

  // Plan checks.
  if (planSheets.length) {
    for (const ind of indicators) {
      const e = planFor(plan, ind.code, year);
      if (ind.def.plannable && !e) {
        issues.push(
          makeIssue(
            "plan-missing",
            { sheet: planSheets[0].sheet.name, row: null, col: null, field: null },
            { value: ind.label, year }
          )
        );
      }
      if (e && e.typedPercent !== null && e.percentCol !== null && ind.percent !== null) {
        const computed = ind.percent * 100;
        if (Math.abs(computed - e.typedPercent) > PERCENT_TOLERANCE) {
          issues.push(
            makeIssue(
              "percent-mismatch",
              { sheet: e.sheet, row: e.row, col: e.percentCol, field: "percent" },
              {
                value: fmtPct(e.typedPercent),
                expected: fmtPct(computed),
                text: `${fmtNum(ind.actual)}/${fmtNum(ind.plan)}`,
              }
            )
          );
        }
      }
    }
  }

  return {
    year,
    years: [...new Set(years)].sort((x, y) => y - x),
    reportSerial,
    issues: sortIssues(issues, read.sheetOrder),
    indicators,
    read,
    plan,
  };
}

function fmtPct(x: number): string {
  return formatNumberVi(roundHalfUp(x, 1));
}

function fmtNum(x: number | null): string {
  return x === null ? "" : formatNumberVi(x);
}
