/** Issues found by the checks (DOMAIN §4). */

export type Severity = "error" | "warning" | "info";

export const ISSUE_CODES = [
  "sheet-missing",
  "header-not-found",
  "column-missing",
  "column-unknown",
  "blank-required",
  "type-error",
  "number-as-text",
  "negative-value",
  "not-integer",
  "date-invalid",
  "date-future",
  "date-order",
  "enum-unknown",
  "enum-variant",
  "legacy-encoding",
  "unicode-nfd",
  "formula-error",
  "unit-suspect",
  "below-legal-minimum",
  "duplicate-row",
  "duplicate-key",
  "unknown-unit",
  "unknown-htx",
  "count-mismatch",
  "total-mismatch",
  "plan-missing",
  "percent-mismatch",
  "no-dissolved",
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export const SEVERITY: Record<IssueCode, Severity> = {
  "sheet-missing": "warning",
  "header-not-found": "error",
  "column-missing": "error",
  "column-unknown": "info",
  "blank-required": "error",
  "type-error": "error",
  "number-as-text": "warning",
  "negative-value": "error",
  "not-integer": "error",
  "date-invalid": "error",
  "date-future": "error",
  "date-order": "error",
  "enum-unknown": "error",
  "enum-variant": "info",
  "legacy-encoding": "warning",
  "unicode-nfd": "info",
  "formula-error": "error",
  "unit-suspect": "warning",
  "below-legal-minimum": "warning",
  "duplicate-row": "warning",
  "duplicate-key": "error",
  "unknown-unit": "warning",
  "unknown-htx": "warning",
  "count-mismatch": "warning",
  "total-mismatch": "error",
  "plan-missing": "info",
  "percent-mismatch": "error",
  "no-dissolved": "info",
};

/** A cell value as a fix writes it. */
export type FixValue = string | number | boolean | null;

export interface FixChange {
  cell: string;
  from: FixValue;
  to: FixValue;
}

export interface Fix {
  description: string;
  description_en: string;
  changes: FixChange[];
}

export interface Issue {
  sheet: string | null;
  cell: string | null;
  row: number | null;
  column: string | null;
  field: string | null;
  code: IssueCode;
  severity: Severity;
  message: string;
  message_en: string;
  fix: Fix | null;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: by sheet order given, then row, column, code. */
export function sortIssues(issues: Issue[], sheetOrder: string[]): Issue[] {
  const pos = new Map(sheetOrder.map((s, i) => [s, i]));
  const colNum = (c: string | null) => (c === null ? -1 : c.length * 1000 + c.charCodeAt(0));
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => {
      const sa = a.issue.sheet === null ? -1 : (pos.get(a.issue.sheet) ?? 9999);
      const sb = b.issue.sheet === null ? -1 : (pos.get(b.issue.sheet) ?? 9999);
      if (sa !== sb) return sa - sb;
      const ra = a.issue.row ?? 0;
      const rb = b.issue.row ?? 0;
      if (ra !== rb) return ra - rb;
      const ca = colNum(a.issue.column);
      const cb = colNum(b.issue.column);
      if (ca !== cb) return ca - cb;
      return a.i - b.i;
    })
    .map((x) => x.issue);
}

export function countBySeverity(issues: Issue[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) out[i.severity]++;
  return out;
}

export function severityRank(s: Severity): number {
  return SEVERITY_RANK[s];
}
