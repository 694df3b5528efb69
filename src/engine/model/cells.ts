/**
 * The engine's view of a workbook: plain arrays of cell values, no host types.
 * Adapters (the .xlsx file, Office.js) fill these; everything else reads them.
 */

/** An error value shown by the spreadsheet ("#REF!", "#DIV/0!" …). */
export interface CellError {
  error: string;
}

/**
 * A cell's value as the host shows it. Dates arrive as Excel serial numbers
 * (1900 system) — adapters convert host date objects — and the number format
 * tells that it was a date.
 */
export type CellValue = string | number | boolean | null | CellError;

/** A merged area, 0-based and inclusive. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One sheet's content, row-major from A1 (row 0 is spreadsheet row 1). */
export interface SheetData {
  name: string;
  /** "visible" | "hidden" | "veryHidden" */
  visibility?: "visible" | "hidden" | "veryHidden";
  values: CellValue[][];
  /** Number format per cell, where the host gave it. */
  numberFormats?: (string | null | undefined)[][];
  /** Font name per cell, where the host gave it (the strongest hint for legacy fonts). */
  fonts?: (string | null | undefined)[][];
  /** Formula text per cell ("=SUM(E6:E20)"), where the host gave it. */
  formulas?: (string | null | undefined)[][];
  merges: MergeArea[];
}

export interface WorkbookData {
  sheets: SheetData[];
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && typeof (v as CellError).error === "string";
}

/** Column letters for a 0-based column index: 0 → "A", 27 → "AB". */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "E7" for 0-based row 6, column 4. */
export function cellAddress(row: number, col: number): string {
  return columnLetter(col) + String(row + 1);
}

/** 0-based column index for letters ("A" → 0). Returns -1 for invalid input. */
export function columnIndex(letters: string): number {
  const s = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) return -1;
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parse "E7" into 0-based { row, col }; null when invalid. */
export function parseAddress(a1: string): { row: number; col: number } | null {
  const m = /^\s*\$?([A-Za-z]{1,3})\$?(\d+)\s*$/.exec(a1);
  if (!m) return null;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (col < 0 || row < 0) return null;
  return { row, col };
}
