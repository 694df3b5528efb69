/**
 * Total and subtotal rows are statements to check (DOMAIN §3, §4): a subtotal
 * covers the data rows of its group, a grand total all data rows of the sheet.
 * One issue per wrong cell; tolerance: half the last decimal shown.
 */
import { isCellError } from "../model/cells";
import { makeIssue } from "../model/issue-factory";
import type { Issue } from "../model/issues";
import { parseNumberText } from "../parse/number";
import { showNumber } from "../read/fields";
import type { SheetRead, TotalRow } from "../read/sheet-reader";

/** Decimals a number format shows ("#,##0.00" → 2), or null for General / unknown. */
export function formatDecimals(fmt: string | null | undefined): number | null {
  if (!fmt || /general/i.test(fmt)) return null;
  const section = fmt
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "");
  const m = /[0#?]\.([0#?]+)/.exec(section);
  if (m) return m[1].length + (section.includes("%") ? 2 : 0);
  if (/[0#]/.test(section)) return section.includes("%") ? 2 : 0;
  return null;
}

function decimalsOf(x: number): number {
  if (Number.isInteger(x)) return 0;
  const s = String(x);
  if (s.includes("e")) return 10;
  return Math.min(10, (s.split(".")[1] ?? "").length);
}

function coveredRecords(read: SheetRead, t: TotalRow): number[] {
  const out: number[] = [];
  if (t.scope === "grand") {
    for (let i = 0; i < read.records.length; i++) out.push(i);
  } else if (t.scope === "unit") {
    out.push(...(t.covered ?? []));
  } else if (t.scope === "group") {
    read.records.forEach((r, i) => {
      if (r.group === t.group) out.push(i);
    });
  } else {
    for (let i = t.from; i < t.to; i++) out.push(i);
  }
  return out;
}

export function totalChecks(read: SheetRead): Issue[] {
  const out: Issue[] = [];
  if (!read.totals.length || !read.records.length) return out;
  for (const t of read.totals) {
    const covered = coveredRecords(read, t);
    if (!covered.length) continue;
    const row = read.sheet.values[t.row] ?? [];
    for (const col of read.numeric) {
      const cell = row[col.col];
      if (cell === null || cell === undefined || cell === "" || isCellError(cell)) continue;
      let stated: number | null = null;
      let shownDecimals: number | null = null;
      if (typeof cell === "number") {
        stated = cell;
        shownDecimals = formatDecimals(read.sheet.numberFormats?.[t.row]?.[col.col]);
        if (shownDecimals === null) shownDecimals = decimalsOf(cell);
      } else if (typeof cell === "string") {
        const p = parseNumberText(cell);
        if (p) {
          stated = p.value;
          const m = /[.,](\d+)\s*\D*$/.exec(cell.trim());
          shownDecimals =
            m && p.form !== "plain" && !/^\d{3}$/.test(m[1]) ? m[1].length : decimalsOf(p.value);
        }
      }
      if (stated === null) continue;
      let sum = 0;
      for (const i of covered) {
        const x = col.raw[i];
        if (!Number.isNaN(x)) sum += x;
      }
      // Half the last decimal shown, plus room for binary rounding of the sum itself.
      const tol = 0.5 * Math.pow(10, -(shownDecimals ?? 0)) * (1 + 1e-9) + Math.abs(sum) * 1e-12;
      if (Math.abs(stated - sum) > tol) {
        out.push(
          makeIssue(
            "total-mismatch",
            { sheet: read.sheet.name, row: t.row, col: col.col, field: col.field.key },
            { value: showNumber(stated), expected: showNumber(sum), fieldKey: col.field.key }
          )
        );
      }
    }
  }
  return out;
}
