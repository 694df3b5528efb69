/**
 * Small in-memory workbooks for engine tests: build SheetData arrays directly
 * (row-major from A1, dates as Excel serials) and derive one-cell variations
 * without touching the original.
 */
import type { CellValue, MergeArea, SheetData, WorkbookData } from "../../src/engine/model/cells";
import { columnIndex, parseAddress } from "../../src/engine/model/cells";
import { serialFromYmd } from "../../src/engine/parse/date";

type Grid<T> = (T | null | undefined)[][];

export interface SheetOptions {
  numberFormats?: Grid<string>;
  fonts?: Grid<string>;
  formulas?: Grid<string>;
  merges?: MergeArea[];
  visibility?: SheetData["visibility"];
}

/** A sheet from its rows (row 0 is spreadsheet row 1). */
export function sheet(name: string, rows: CellValue[][], opts: SheetOptions = {}): SheetData {
  const s: SheetData = { name, values: rows, merges: opts.merges ?? [] };
  if (opts.numberFormats) s.numberFormats = opts.numberFormats;
  if (opts.fonts) s.fonts = opts.fonts;
  if (opts.formulas) s.formulas = opts.formulas;
  if (opts.visibility) s.visibility = opts.visibility;
  return s;
}

export function workbook(...sheets: SheetData[]): WorkbookData {
  return { sheets };
}

/** Excel serial of a calendar day. */
export function d(y: number, m: number, day: number): number {
  return serialFromYmd(y, m, day);
}

/** A deep copy (workbooks are plain data). */
export function clone<T>(x: T): T {
  return structuredClone(x);
}

export function getSheet(wb: WorkbookData, name: string): SheetData {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function at(a1: string): { row: number; col: number } {
  const p = parseAddress(a1);
  if (!p) throw new Error(`bad address ${a1}`);
  return p;
}

function put<T>(grid: Grid<T>, row: number, col: number, v: T | null): void {
  while (grid.length <= row) grid.push([]);
  const r = grid[row] ?? (grid[row] = []);
  while (r.length < col) r.push(null);
  r[col] = v;
}

/** A copy of `wb` with cell `a1` of `sheetName` set to `value`. */
export function setCell(
  wb: WorkbookData,
  sheetName: string,
  a1: string,
  value: CellValue
): WorkbookData {
  const out = clone(wb);
  const { row, col } = at(a1);
  put(getSheet(out, sheetName).values, row, col, value);
  return out;
}

/** A copy of `wb` with several cells of one sheet set: `{ E3: 4, B2: "x" }`. */
export function setCells(
  wb: WorkbookData,
  sheetName: string,
  cells: Record<string, CellValue>
): WorkbookData {
  let out = wb;
  for (const [a1, v] of Object.entries(cells)) out = setCell(out, sheetName, a1, v);
  return out;
}

/** A copy of `wb` with the number format of one cell set. */
export function setFormat(
  wb: WorkbookData,
  sheetName: string,
  a1: string,
  fmt: string
): WorkbookData {
  const out = clone(wb);
  const s = getSheet(out, sheetName);
  const { row, col } = at(a1);
  put((s.numberFormats ??= []), row, col, fmt);
  return out;
}

/** A copy of `wb` with the font name of one cell set. */
export function setFont(
  wb: WorkbookData,
  sheetName: string,
  a1: string,
  font: string
): WorkbookData {
  const out = clone(wb);
  const s = getSheet(out, sheetName);
  const { row, col } = at(a1);
  put((s.fonts ??= []), row, col, font);
  return out;
}

/** A copy of `wb` with rows appended to a sheet (or inserted before 1-based row `before`). */
export function addRows(
  wb: WorkbookData,
  sheetName: string,
  rows: CellValue[][],
  before?: number
): WorkbookData {
  const out = clone(wb);
  const s = getSheet(out, sheetName);
  if (before === undefined) s.values.push(...clone(rows));
  else s.values.splice(before - 1, 0, ...clone(rows));
  return out;
}

/** A copy of `wb` without a sheet's 1-based row. */
export function removeRow(wb: WorkbookData, sheetName: string, row: number): WorkbookData {
  const out = clone(wb);
  getSheet(out, sheetName).values.splice(row - 1, 1);
  return out;
}

/** A copy of `wb` without a sheet's column ("D"): the columns right of it move left. */
export function removeColumn(wb: WorkbookData, sheetName: string, letter: string): WorkbookData {
  const out = clone(wb);
  const c = columnIndex(letter);
  for (const r of getSheet(out, sheetName).values) if (r) r.splice(c, 1);
  return out;
}

/** A copy of `wb` without the named sheets. */
export function removeSheet(wb: WorkbookData, ...names: string[]): WorkbookData {
  const out = clone(wb);
  out.sheets = out.sheets.filter((s) => !names.includes(s.name));
  return out;
}

/** A copy of `wb` with a sheet replaced (by name) or appended. */
export function putSheet(wb: WorkbookData, s: SheetData): WorkbookData {
  const out = clone(wb);
  const i = out.sheets.findIndex((x) => x.name === s.name);
  if (i >= 0) out.sheets[i] = clone(s);
  else out.sheets.push(clone(s));
  return out;
}

/** A THT sheet's header: A STT | B name | C district | D sector | E founded | F members | G capital (triệu). */
export const THT_HEADER7: CellValue[] = [
  "STT",
  "Tên THT",
  "Huyện",
  "Lĩnh vực",
  "Ngày thành lập",
  "Số tổ viên",
  "Vốn góp (triệu đồng)",
];
