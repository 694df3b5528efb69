/**
 * Plan targets (DOMAIN §2 PLAN): long form (code | label | ĐVT | year | target
 * | percent) or wide form (one column per year), matched to indicators by
 * code or label; the ĐVT sets the money scale.
 */
import { yearFromName } from "../detect/kinds";
import { moneyScale } from "../detect/units";
import { makeIssue } from "../model/issue-factory";
import type { Issue } from "../model/issues";
import { parseNumberText } from "../parse/number";
import { isBlank } from "../read/fields";
import type { SheetRead } from "../read/sheet-reader";
import { foldKey, foldWords } from "../text/normalize";
import { INDICATORS, INDICATOR_BY_CODE, IndicatorDef } from "./definitions";

export interface PlanEntry {
  code: string;
  year: number;
  /** In the indicator's unit. */
  target: number;
  sheet: string;
  row: number;
  targetCol: number;
  /** The percentage staff typed (in percent points), with its cell. */
  typedPercent: number | null;
  percentCol: number | null;
}

function labelKey(s: string): string {
  let w = " " + foldWords(s) + " ";
  w = w.replace(/^ trong do /, " ");
  w = w
    .replace(/ to hop tac /g, " tht ")
    .replace(/ hop tac xa /g, " htx ")
    .replace(/ lien hiep htx /g, " lhhtx ");
  return w.replace(/ /g, "");
}

const BY_LABEL = new Map<string, IndicatorDef[]>();
for (const d of INDICATORS) {
  const k = labelKey(d.label);
  BY_LABEL.set(k, [...(BY_LABEL.get(k) ?? []), d]);
}

/** The indicator a plan row names, by code first, then by label (ĐVT disambiguates). */
export function matchIndicator(
  code: string | null,
  label: string | null,
  unit: string | null
): IndicatorDef | null {
  if (code) {
    const d = INDICATOR_BY_CODE.get(code.trim().toLowerCase());
    if (d) return d;
  }
  if (label) {
    const list = BY_LABEL.get(labelKey(label));
    if (list && list.length === 1) return list[0];
    if (list && list.length > 1 && unit)
      return list.find((d) => foldKey(d.unit) === foldKey(unit)) ?? list[0];
    if (list) return list[0];
  }
  return null;
}

function isMoneyUnit(u: string): boolean {
  return /dong/.test(foldWords(u));
}

/** Convert a typed target to the indicator's unit using the plan's ĐVT. */
function toIndicatorUnit(d: IndicatorDef, value: number, dvt: string | null): number {
  if (!dvt || !isMoneyUnit(d.unit)) return value;
  const from = moneyScale(dvt);
  const to = moneyScale(d.unit);
  if (from === null || to === null) return value;
  return (value * from) / to;
}

function numberAt(
  read: SheetRead,
  row: number,
  col: number
): { value: number; percentFormat: boolean } | null {
  const v = read.sheet.values[row]?.[col];
  if (isBlank(v)) return null;
  const fmt = read.sheet.numberFormats?.[row]?.[col] ?? "";
  if (typeof v === "number")
    return Number.isFinite(v) ? { value: v, percentFormat: fmt.includes("%") } : null;
  if (typeof v === "string") {
    const p = parseNumberText(v);
    return p ? { value: p.value, percentFormat: false } : null;
  }
  return null;
}

export interface PlanRead {
  entries: PlanEntry[];
  issues: Issue[];
}

/**
 * Every target of the plan sheets. A long-form row with no year takes the year
 * in the sheet's name ("Kế hoạch 2022"), else `defaultYear`. In the wide form
 * a percent column with no year belongs to the year column on its left.
 */
export function readPlans(reads: SheetRead[], defaultYear: number): PlanRead {
  const entries: PlanEntry[] = [];
  const issues: Issue[] = [];
  const seen = new Map<string, PlanEntry>();
  for (const read of reads) {
    const yearCols = read.header.columns.filter((c) => c.year !== undefined && c.field);
    const targetCol = read.colOf.get("target");
    const percentCol = read.colOf.get("percent");
    for (const rec of read.records) {
      const code = typeof rec.v.code === "string" ? rec.v.code : null;
      const label = typeof rec.v.label === "string" ? rec.v.label : null;
      const unit = typeof rec.v.unit === "string" ? rec.v.unit : null;
      const d = matchIndicator(code, label, unit);
      if (!d) continue;
      const add = (year: number, tCol: number, pCol: number | null) => {
        const t = numberAt(read, rec.row, tCol);
        if (!t) return;
        let typed: number | null = null;
        if (pCol !== null) {
          const p = numberAt(read, rec.row, pCol);
          if (p) typed = p.percentFormat ? p.value * 100 : p.value;
        }
        const e: PlanEntry = {
          code: d.code,
          year,
          target: toIndicatorUnit(d, t.value, unit),
          sheet: read.sheet.name,
          row: rec.row,
          targetCol: tCol,
          typedPercent: typed,
          percentCol: typed === null ? null : pCol,
        };
        const key = `${d.code}@${year}`;
        const prev = seen.get(key);
        if (prev) {
          issues.push(
            makeIssue(
              "duplicate-row",
              { sheet: read.sheet.name, row: rec.row, col: tCol, field: "target" },
              { row: prev.row + 1, text: d.label, year }
            )
          );
          entries.splice(entries.indexOf(prev), 1);
        }
        seen.set(key, e);
        entries.push(e);
      };
      if (targetCol !== undefined) {
        const y = rec.v.year;
        const year =
          typeof y === "number" && Number.isInteger(y)
            ? y
            : (yearFromName(read.sheet.name) ?? defaultYear);
        add(year, targetCol, percentCol ?? null);
      }
      for (const c of yearCols) {
        if (c.field?.key !== "target") continue;
        const pc =
          yearCols.find((x) => x.field?.key === "percent" && x.year === c.year)?.col ??
          (percentCol !== undefined &&
          targetCol === undefined &&
          nearestYearColumn(yearCols, percentCol) === c.col
            ? percentCol
            : undefined);
        add(c.year as number, c.col, pc ?? null);
      }
    }
  }
  return { entries, issues };
}

/** The target column nearest to the left of `col` (wide form). */
function nearestYearColumn(
  yearCols: { col: number; field: { key: string } | null }[],
  col: number
): number | null {
  let best: number | null = null;
  for (const c of yearCols)
    if (c.field?.key === "target" && c.col < col && (best === null || c.col > best)) best = c.col;
  return best;
}

export function planFor(plan: PlanRead, code: string, year: number): PlanEntry | null {
  return plan.entries.find((e) => e.code === code && e.year === year) ?? null;
}
