/**
 * Cell values between Excel (Office.js) and the engine: Excel's "" is an empty
 * cell, an error is a string whose value type is "Error", dates are already
 * serial numbers. Text written back is protected from Excel's input
 * conversion ("(1)" would become -1, "0123" 123, "=x" a formula).
 */
import type { CellValue } from "../../engine/model/cells";
import { mayBeLegacy } from "../../engine/text/legacy";

/** Excel's error values (what `values` holds for an error cell). */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CONNECT!",
  "#BLOCKED!",
  "#UNKNOWN!",
  "#FIELD!",
  "#CALC!",
  "#BUSY!",
  "#PYTHON!",
]);

/** One cell as Office.js gives it (`values` + `valueTypes`) → the engine's value. */
export function cellFromExcel(value: unknown, valueType: string | undefined): CellValue {
  if (valueType === "Error") return { error: String(value) };
  if (value === "" || value === null || value === undefined || valueType === "Empty") return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") {
    // Without value types (not loaded), an error string is the best guess.
    if (valueType === undefined && EXCEL_ERRORS.has(value)) return { error: value };
    return value;
  }
  return String(value);
}

const MONTH_THEN_DIGIT = /^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s./,-]*\d/i;

/**
 * True when Excel could read the text as something else on input: anything not
 * starting with a letter (numbers, "(1)", "5%", dates, "=…", "'…", "#N/A"),
 * TRUE/FALSE, "Jan 5".
 */
export function needsTextPrefix(s: string): boolean {
  if (s === "") return false;
  const first = /\S/.exec(s);
  if (!first) return true;
  if (!/\p{L}/u.test(first[0])) return true;
  return /^\s*(true|false)\s*$/i.test(s) || MONTH_THEN_DIGIT.test(s);
}

/** A value to write with `values`/`formulas` so that Excel stores exactly it. */
export function toExcelInput(
  v: string | number | boolean | null | undefined
): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "boolean") return v;
  return needsTextPrefix(v) ? "'" + v : v;
}

/**
 * Whether the cell's font can change what the engine makes of this text (the engine's own gate,
 * `mayBeLegacy`). Only these cells' font names are fetched.
 */
export function fontMayMatter(text: string): boolean {
  return mayBeLegacy(text);
}

/** UTF-8 length of a string (payload sizes), without TextEncoder or Buffer. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
