/**
 * What Excel does with a value written through `values` / `formulas`: text
 * that looks like a number, a percentage, "(1)", a date, TRUE/FALSE or an
 * error becomes that; "=…" becomes a formula; a leading apostrophe keeps the
 * rest as text; the text number format "@" keeps everything as text (en-US
 * input rules, as Office.js uses).
 */
import { FakeExcelError } from "./errors";

export type FakeValue = string | number | boolean | null | { error: string };

export interface Coerced {
  value: FakeValue;
  formula?: string;
}

const ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"];
const NUM = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const GROUPED = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d*)?`;
const NUMBER = new RegExp(String.raw`^([+-]?)\$?(${NUM}|${GROUPED})(%?)$`);
const PAREN = new RegExp(String.raw`^\(\$?(${NUM}|${GROUPED})\)$`);

function serial(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCMonth() !== m - 1) return null;
  return (t - Date.UTC(1899, 11, 30)) / 86400000;
}

/** A number (or date serial) Excel would read from this text, or null. */
export function numberFromText(s: string): number | null {
  const t = s.trim();
  let m = NUMBER.exec(t);
  if (m) {
    const n = Number(m[2].replace(/,/g, "")) * (m[1] === "-" ? -1 : 1);
    return m[3] ? n / 100 : n;
  }
  m = PAREN.exec(t);
  if (m) return -Number(m[1].replace(/,/g, ""));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return serial(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const y = Number(m[3]) < 100 ? 2000 + Number(m[3]) : Number(m[3]);
    return serial(y, Number(m[1]), Number(m[2]));
  }
  return null;
}

/** A written value as the cell will hold it; `undefined`/`null` means "leave the cell". */
export function coerceInput(input: unknown, numberFormat: string | undefined): Coerced | null {
  if (input === null || input === undefined) return null;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new FakeExcelError("InvalidArgument");
    return { value: input };
  }
  if (typeof input === "boolean") return { value: input };
  if (typeof input !== "string") throw new FakeExcelError("InvalidArgument");
  const s = input;
  if (s === "") return { value: null };
  if (s.startsWith("'")) return { value: s.slice(1) === "" ? null : s.slice(1) };
  if (numberFormat === "@") return { value: s };
  if (s.startsWith("=") && s.length > 1) return { value: null, formula: s };
  const upper = s.trim().toUpperCase();
  if (ERRORS.includes(upper)) return { value: { error: upper } };
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE" };
  const n = numberFromText(s);
  if (n !== null) return { value: n };
  return { value: s };
}
