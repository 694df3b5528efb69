/// <reference types="custom-functions-runtime" />
/*
 * Excel's calling conventions for the HTX.* custom functions, and reading cell values with the
 * engine's own parsers.
 *
 *  - A matrix parameter arrives as a 2-D array (rows of cells), also for a single cell or a
 *    constant (`[[5]]`). Results of element-wise functions are 2-D arrays that spill.
 *  - Two ranges combine like Excel's own array arithmetic: each dimension of an argument is
 *    either the result's size or 1 (then it is repeated: a scalar broadcasts); cells of the
 *    result beyond a smaller argument's size are #N/A.
 *  - A blank cell arrives as null (or undefined, or "" — all three are blank here); an omitted
 *    optional argument as null.
 *  - Values of cells that hold Excel data types (objects with a `basicValue`, allowed by
 *    `allowCustomDataForDataTypeAny`) are read through their basic value; an error value in a
 *    cell is passed on as the same error.
 *  - Bad input becomes an Excel error value (CustomFunctions.Error), never an exception. Its
 *    message is in both languages (`both`), the words from the tables (Strings.functions).
 */
import type { DateValue } from "../engine/parse/date";
import { parseDateValue } from "../engine/parse/date";
import { parseNumberText } from "../engine/parse/number";
import { en } from "../i18n/en";
import type { FunctionStrings } from "../i18n/types";
import { vi } from "../i18n/vi";

export type Matrix = unknown[][];

/** The Excel error codes the functions return (CustomFunctions.ErrorCode values). */
export const ErrorCodes = {
  value: "#VALUE!",
  divisionByZero: "#DIV/0!",
  number: "#NUM!",
  notAvailable: "#N/A",
  nullReference: "#NULL!",
} as const;

type Code = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/**
 * Codes whose custom message Excel shows. The CustomFunctions API documents that #DIV/0!, #NUM!
 * and #NULL! take no custom message, so none is passed with them.
 */
const CODES_WITH_MESSAGE: ReadonlySet<string> = new Set([
  ErrorCodes.value,
  ErrorCodes.notAvailable,
]);

const OUTPUT_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCodes));

interface ErrorLike {
  code: string;
  message?: string;
}

type Runtime = { Error?: new (code: CustomFunctions.ErrorCode, message?: string) => ErrorLike };

function runtime(): Runtime | undefined {
  return (globalThis as { CustomFunctions?: Runtime }).CustomFunctions;
}

/**
 * An Excel error value. The message (shown in the cell's error indicator) is kept only for the
 * codes that support one. Outside Excel (no CustomFunctions runtime) a plain `{ code, message }`
 * object is returned.
 */
export function excelError(code: Code, message?: string): CustomFunctions.Error {
  const keep = message !== undefined && CODES_WITH_MESSAGE.has(code);
  const Ctor = runtime()?.Error;
  if (typeof Ctor === "function") {
    const err = keep
      ? new Ctor(code as CustomFunctions.ErrorCode, message)
      : new Ctor(code as CustomFunctions.ErrorCode);
    return err as CustomFunctions.Error;
  }
  const plain: ErrorLike = keep ? { code, message } : { code };
  return plain as CustomFunctions.Error;
}

/** True for an Excel error value (ours, the runtime's, or one passed in from a cell). */
export function isError(v: unknown): v is CustomFunctions.Error {
  if (typeof v !== "object" || v === null) return false;
  const Ctor = runtime()?.Error;
  if (typeof Ctor === "function" && v instanceof Ctor) return true;
  const code = (v as { code?: unknown }).code;
  return typeof code === "string" && code.charCodeAt(0) === 35; /* # */
}

/**
 * A message's words in both languages, Vietnamese first: "Ô nguồn có lỗi / The source cell holds
 * an error". `separator` is " / " between phrases, "/" between single words ("hoặc/or").
 */
export function both(words: (s: FunctionStrings) => string, separator = " / "): string {
  return `${words(vi.functions)}${separator}${words(en.functions)}`;
}

/** Short quote of a cell's text for messages. */
export function quote(text: string): string {
  const t = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `"${t}"`;
}

/**
 * A cell value in plain form: numbers, strings and booleans as they are; blank (null, undefined,
 * "") as null; an Excel data type (object with `basicValue`) as its basic value; an error value
 * (a CustomFunctions.Error or an Excel error cell value) as an error; other objects as #VALUE!.
 */
export function plainValue(v: unknown): unknown {
  if (v === undefined || v === "") return null;
  if (typeof v !== "object" || v === null) return v;
  if (isError(v)) return v;
  const o = v as { type?: unknown; basicValue?: unknown; errorType?: unknown };
  if (o.type === "Error") {
    const code = typeof o.basicValue === "string" ? o.basicValue : "";
    return OUTPUT_CODES.has(code)
      ? excelError(
          code as Code,
          both((s) => s.sourceError)
        )
      : excelError(
          ErrorCodes.value,
          both((s) => s.sourceErrorCode({ code }))
        );
  }
  if ("basicValue" in o) {
    const b = o.basicValue;
    if (b === undefined || b === "" || b === null) return null;
    if (typeof b === "number" || typeof b === "string" || typeof b === "boolean") return b;
  }
  if (v instanceof Date) return v;
  return excelError(
    ErrorCodes.value,
    both((s) => s.unsupportedType)
  );
}

/** Only spaces (or nothing). */
function isBlankText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0)) return false;
  }
  return true;
}

/**
 * A cell read as a number: numbers as they are; text with the engine's parseNumberText
 * (Vietnamese first: "1.830,51", "17 tỷ 792 triệu", "8.076.287.000 đồng"; "75%" reads 0.75);
 * blank → null; anything else → #VALUE! naming `what`.
 */
export function readNumber(v: unknown, what: string): number | null | CustomFunctions.Error {
  if (typeof v === "number") {
    return Number.isFinite(v) ? v : excelError(ErrorCodes.number);
  }
  if (v === null || v === undefined) return null;
  if (typeof v === "string") {
    if (isBlankText(v)) return null;
    const p = parseNumberText(v);
    if (p === null) {
      return excelError(ErrorCodes.value, `${what}: ${quote(v)} ${both((s) => s.notANumber)}`);
    }
    return p.percent ? p.value / 100 : p.value;
  }
  if (typeof v === "boolean") {
    return excelError(ErrorCodes.value, `${what}: TRUE/FALSE ${both((s) => s.notANumber)}`);
  }
  const plain = plainValue(v);
  if (isError(plain)) return plain;
  return readNumber(plain, what);
}

/**
 * A cell read as a date with the engine's parseDateValue: serials, an integer 1900..2100 as a
 * year, text "dd/mm/yyyy", "mm/yyyy", "yyyy", "ngày 14 tháng 02 năm 2022" … (day first).
 * Blank and 0 → null (0 is what a blank date cell shows in some sheets). Text that is not a date,
 * or an impossible date (31/02/2022) → #VALUE!; a number that is no valid serial → #NUM!.
 */
export function readDate(v: unknown, what: string): DateValue | null | CustomFunctions.Error {
  if (v === null || v === undefined || v === 0) return null;
  if (typeof v === "string" && isBlankText(v)) return null;
  if (typeof v === "boolean") {
    return excelError(ErrorCodes.value, `${what}: TRUE/FALSE ${both((s) => s.notADate)}`);
  }
  if (typeof v === "object" && !(v instanceof Date)) {
    const plain = plainValue(v);
    if (isError(plain)) return plain;
    return readDate(plain, what);
  }
  const r = parseDateValue(v);
  if (r === null) return null;
  if (r.ok) return r.date;
  if (typeof v === "number") return excelError(ErrorCodes.number);
  const shown = typeof v === "string" ? quote(v) : String(v);
  return r.reason === "invalid"
    ? excelError(ErrorCodes.value, `${what}: ${shown} ${both((s) => s.notARealDate)}`)
    : excelError(ErrorCodes.value, `${what}: ${shown} ${both((s) => s.notADate)}`);
}

/**
 * An optional text option (lang, style, encoding): null when omitted or blank, else the text
 * trimmed, NFC, lower case. A number is read as its text; anything else is #VALUE!.
 */
export function readOption(v: unknown, what: string): string | null | CustomFunctions.Error {
  let x = v;
  if (Array.isArray(x)) x = Array.isArray(x[0]) ? x[0][0] : x[0];
  x = plainValue(x);
  if (x === null) return null;
  if (isError(x)) return x;
  if (typeof x === "number") x = String(x);
  if (typeof x !== "string") {
    return excelError(ErrorCodes.value, `${what}: ${both((s) => s.invalidValue)}`);
  }
  const t = x.trim().normalize("NFC").toLowerCase();
  return t === "" ? null : t;
}

/** Any argument as a 2-D array: a scalar is [[x]], a 1-D array one row. */
export function asMatrix(v: unknown): Matrix {
  if (!Array.isArray(v)) return [[v]];
  if (v.length === 0) return [[null]];
  if (!Array.isArray(v[0])) return [v];
  for (let i = 1; i < v.length; i++) {
    if (!Array.isArray(v[i])) return v.map((row) => (Array.isArray(row) ? row : [row]));
  }
  return v as Matrix;
}

function widthOf(m: Matrix): number {
  let w = 0;
  for (const row of m) if (row.length > w) w = row.length;
  return Math.max(w, 1);
}

/** f over every cell of one argument, same shape. */
export function map1(a: unknown, f: (x: unknown) => unknown): unknown[][] {
  const m = asMatrix(a);
  const out: unknown[][] = new Array(m.length);
  for (let i = 0; i < m.length; i++) {
    const row = m[i];
    const r = new Array(row.length);
    for (let j = 0; j < row.length; j++) r[j] = f(row[j]);
    out[i] = r;
  }
  return out;
}

/** f over two arguments combined cell by cell (Excel broadcasting, see the top of the file). */
export function map2(a: unknown, b: unknown, f: (x: unknown, y: unknown) => unknown): unknown[][] {
  const ma = asMatrix(a);
  const mb = asMatrix(b);
  const ra = ma.length;
  const rb = mb.length;
  const ca = widthOf(ma);
  const cb = widthOf(mb);
  const rows = Math.max(ra, rb);
  const cols = Math.max(ca, cb);
  let na: CustomFunctions.Error | null = null;
  const out: unknown[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const rowA = ra === 1 ? ma[0] : i < ra ? ma[i] : null;
    const rowB = rb === 1 ? mb[0] : i < rb ? mb[i] : null;
    const r = new Array(cols);
    for (let j = 0; j < cols; j++) {
      const ja = ca === 1 ? 0 : j;
      const jb = cb === 1 ? 0 : j;
      if (rowA === null || rowB === null || ja >= ca || jb >= cb) {
        na ??= excelError(
          ErrorCodes.notAvailable,
          both((s) => s.sizeMismatch)
        );
        r[j] = na;
        continue;
      }
      r[j] = f(rowA[ja], rowB[jb]);
    }
    out[i] = r;
  }
  return out;
}
