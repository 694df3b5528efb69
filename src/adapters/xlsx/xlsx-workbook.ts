/**
 * The .xlsx adapter: the workbook interface over ExcelJS. Reads values (dates
 * as serials), number formats, font names and merges; writes a sheet from a
 * layout model; saves to a temporary file and renames it into place.
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { CellValue, MergeArea, SheetData, WorkbookData } from "../../engine/model/cells";
import { parseAddress } from "../../engine/model/cells";
import { SETTINGS_SHEET } from "../../engine/detect/kinds";
import {
  FONT_NAME,
  LayoutCell,
  STYLES,
  SheetLayout,
  cellContent,
} from "../../engine/summary/layout-model";
import { CellWrite, HtxError, SheetSnapshot, WorkbookPort } from "../../workbook/port";
import { PackageInfo, PartKey, inspectPackage } from "./inspect";

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH) / 86400000;
}

type AnyValue = ExcelJS.CellValue | undefined;

interface Converted {
  value: CellValue;
  formula: string | null;
  font: string | null;
}

function convert(v: AnyValue): Converted {
  if (v === null || v === undefined) return { value: null, formula: null, font: null };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean")
    return { value: v, formula: null, font: null };
  if (v instanceof Date) return { value: dateToSerial(v), formula: null, font: null };
  const o = v as unknown as Record<string, unknown>;
  if (typeof o.error === "string") return { value: { error: o.error }, formula: null, font: null };
  if ("formula" in o || "sharedFormula" in o) {
    const inner = convert(o.result as AnyValue);
    const f = (o.formula ?? o.sharedFormula) as string | undefined;
    return { value: inner.value, formula: f ? "=" + f : null, font: null };
  }
  if (Array.isArray(o.richText)) {
    const runs = o.richText as { text: string; font?: { name?: string } }[];
    return {
      value: runs.map((r) => r.text).join(""),
      formula: null,
      font: runs.find((r) => r.font?.name)?.font?.name ?? null,
    };
  }
  if (typeof o.text === "string") return { value: o.text, formula: null, font: null };
  return { value: null, formula: null, font: null };
}

function isMergedSlave(cell: ExcelJS.Cell): boolean {
  return cell.isMerged && cell.master !== cell && cell.master.address !== cell.address;
}

export function sheetFromWorksheet(ws: ExcelJS.Worksheet): SheetData {
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const fonts: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const vr: CellValue[] = [];
    const fr: (string | null)[] = [];
    const nr: (string | null)[] = [];
    const fo: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // ExcelJS repeats a merged area's value in every cell; hosts show it in the top-left only.
      if (isMergedSlave(cell)) return;
      const c = colNumber - 1;
      const conv = convert(cell.value);
      vr[c] = conv.value;
      const fmt = cell.numFmt;
      if (fmt) nr[c] = fmt;
      const font = conv.font ?? cell.font?.name ?? null;
      if (font) fo[c] = font;
      if (conv.formula) fr[c] = conv.formula;
    });
    for (let c = 0; c < vr.length; c++) if (vr[c] === undefined) vr[c] = null;
    values[r] = vr;
    numberFormats[r] = nr;
    fonts[r] = fo;
    formulas[r] = fr;
  });
  for (let r = 0; r < values.length; r++) {
    if (!values[r]) {
      values[r] = [];
      numberFormats[r] = [];
      fonts[r] = [];
      formulas[r] = [];
    }
  }
  const merges: MergeArea[] = [];
  const raw =
    (
      ws as unknown as {
        _merges: Record<string, { top: number; left: number; bottom: number; right: number }>;
      }
    )._merges ?? {};
  for (const m of Object.values(raw)) {
    if (m)
      merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  }
  const visibility = (ws.state as SheetData["visibility"]) ?? "visible";
  return { name: ws.name, visibility, values, numberFormats, fonts, formulas, merges };
}

function argb(c: string): { argb: string } {
  return { argb: c };
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

function applyStyle(cell: ExcelJS.Cell, lc: LayoutCell): void {
  const st = lc.style ? STYLES[lc.style] : {};
  cell.font = {
    name: FONT_NAME,
    size: st.size ?? 12,
    bold: !!st.bold,
    italic: !!st.italic,
    underline: !!st.underline,
  };
  cell.alignment = {
    horizontal: st.horizontal,
    vertical: st.vertical ?? "middle",
    wrapText: !!st.wrap,
  };
  if (st.border) cell.border = THIN;
  if (st.numFmt) cell.numFmt = st.numFmt;
  if (st.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: argb(st.fill) };
}

/** Write a layout model into a fresh worksheet. */
export function writeLayout(
  ws: ExcelJS.Worksheet,
  layout: SheetLayout,
  opts: { cachedResults?: boolean } = {}
): void {
  layout.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const c of layout.hiddenColumns) ws.getColumn(c + 1).hidden = true;
  for (const [r, h] of Object.entries(layout.rowHeights)) ws.getRow(Number(r) + 1).height = h;
  for (const m of layout.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const lc of layout.cells) {
    const cell = ws.getCell(lc.row + 1, lc.col + 1);
    if (lc.formula) {
      const result = opts.cachedResults === false ? undefined : lc.result;
      cell.value =
        result === undefined
          ? ({ formula: lc.formula } as ExcelJS.CellFormulaValue)
          : ({ formula: lc.formula, result } as ExcelJS.CellFormulaValue);
    } else if (lc.value !== undefined && lc.value !== null && lc.value !== "") {
      cell.value = lc.value;
    }
    applyStyle(cell, lc);
    if (lc.note) cell.note = lc.note;
  }
  ws.views = [{ state: "frozen", ySplit: layout.freezeRows, xSplit: 0, activeCell: "A1" }];
  ws.pageSetup = {
    paperSize: 9,
    orientation: layout.print.landscape ? "landscape" : "portrait",
    fitToPage: layout.print.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: layout.print.printTitleRows
      ? `${layout.print.printTitleRows[0] + 1}:${layout.print.printTitleRows[1] + 1}`
      : undefined,
    margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

export class XlsxWorkbook implements WorkbookPort {
  private constructor(
    readonly wb: ExcelJS.Workbook,
    readonly file: string,
    readonly info: PackageInfo
  ) {}

  /** Open an .xlsx file; bad input becomes an HtxError with a reason. */
  static async open(file: string): Promise<XlsxWorkbook> {
    const info = await inspectPackage(file);
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.readFile(file);
    } catch (e) {
      throw new HtxError("notXlsx", {}, (e as Error).message);
    }
    return new XlsxWorkbook(wb, file, info);
  }

  /** Wrap a workbook built in memory (tests, demo). */
  static fromWorkbook(wb: ExcelJS.Workbook): XlsxWorkbook {
    return new XlsxWorkbook(wb, "", { zip: undefined as never, unsupported: [], sheets: [] });
  }

  async read(): Promise<WorkbookData> {
    return { sheets: this.wb.worksheets.map(sheetFromWorksheet) };
  }

  async sheetNames(): Promise<string[]> {
    return this.wb.worksheets.map((w) => w.name);
  }

  async snapshot(name: string): Promise<SheetSnapshot | null> {
    const ws = this.wb.getWorksheet(name);
    if (!ws) return null;
    const contents: [string, string][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (isMergedSlave(cell)) return;
        const conv = convert(cell.value);
        const v = conv.value;
        const content = cellContent(typeof v === "object" && v !== null ? null : v, conv.formula);
        if (content) contents.push([cell.address, content]);
      });
    });
    return { name, contents };
  }

  async writeSheet(
    layout: SheetLayout,
    opts: { activate?: boolean; cachedResults?: boolean } = {}
  ): Promise<void> {
    const old = this.wb.getWorksheet(layout.name);
    let orderNo: number | undefined;
    if (old) {
      orderNo = (old as unknown as { orderNo: number }).orderNo;
      this.wb.removeWorksheet(old.id);
    }
    const ws = this.wb.addWorksheet(layout.name);
    if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
    writeLayout(ws, layout, opts);
    if (opts.activate !== false) {
      const idx = this.wb.worksheets.indexOf(ws);
      this.wb.views = [
        {
          x: 0,
          y: 0,
          width: 20000,
          height: 12000,
          firstSheet: 0,
          activeTab: Math.max(0, idx),
          visibility: "visible",
        },
      ];
    }
  }

  async renameSheet(from: string, to: string): Promise<void> {
    const ws = this.wb.getWorksheet(from);
    if (ws) ws.name = to;
  }

  async writeSettings(rows: (string | number)[][]): Promise<void> {
    const old = this.wb.getWorksheet(SETTINGS_SHEET);
    if (old) this.wb.removeWorksheet(old.id);
    const ws = this.wb.addWorksheet(SETTINGS_SHEET, { state: "hidden" });
    rows.forEach((r) => ws.addRow(r));
  }

  async setCells(changes: CellWrite[]): Promise<void> {
    for (const ch of changes) {
      const ws = this.wb.getWorksheet(ch.sheet);
      const a = parseAddress(ch.cell);
      if (!ws || !a) continue;
      ws.getCell(a.row + 1, a.col + 1).value = ch.value;
    }
  }

  /** Parts of the original file that the ExcelJS writer would drop. */
  unsupportedParts(): PartKey[] {
    return this.info.unsupported;
  }

  /** Save to `out` through a temporary file; never over the input, never half-written. */
  async saveAs(out: string): Promise<void> {
    if (this.file && (await sameFile(this.file, out))) throw new HtxError("sameAsInput");
    await saveWorkbookAtomically(this.wb, out);
  }
}

export async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/** Write to a temporary file beside `out`, then rename it into place. */
export async function saveWorkbookAtomically(wb: ExcelJS.Workbook, out: string): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.mkdir(dir, { recursive: true });
    await wb.xlsx.writeFile(tmp);
    await fs.rename(tmp, out);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new HtxError("writeFailed", { file: out, reason: (e as Error).message });
  }
}
