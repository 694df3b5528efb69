/**
 * Renders the demo data (demo-data.ts) as an ExcelJS workbook:
 * `htx-report demo` writes it as htx-demo-2022.xlsx.
 */
import * as fs from "fs";
import ExcelJS from "exceljs";
import { columnLetter as engineColumnLetter } from "../engine/model/cells";
import {
  ColumnKind,
  DemoCell,
  DemoColumn,
  DemoData,
  DemoSheetSpec,
  NUM_FMT,
  REPORT_DATE,
  WORKBOOK_CREATOR,
  buildDemoData,
  demoSheetSpecs,
} from "./demo-data";

export const FONT_NAME = "Times New Roman";

const THIN: Partial<ExcelJS.Border> = { style: "thin" };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 12 };
const FONT_BOLD: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 12, bold: true };
const FONT_ITALIC: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 11, italic: true };
const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFDDEBF7" },
};

/**
 * Shared style objects (ExcelJS caches style ids by object identity, which
 * keeps large sheets fast). Never mutate them: always assign a whole style.
 */
export interface SheetStyles {
  title: Partial<ExcelJS.Style>;
  titleMain: Partial<ExcelJS.Style>;
  header: Partial<ExcelJS.Style>;
  columnNumber: Partial<ExcelJS.Style>;
  data: Record<ColumnKind, Partial<ExcelJS.Style>>;
  total: Record<ColumnKind, Partial<ExcelJS.Style>>;
}

function dataStyle(kind: ColumnKind, bold: boolean): Partial<ExcelJS.Style> {
  const numFmt = NUM_FMT[kind];
  const horizontal =
    kind === "stt" || kind === "date" || kind === "code"
      ? "center"
      : kind === "text"
        ? "left"
        : "right";
  const style: Partial<ExcelJS.Style> = {
    font: bold ? FONT_BOLD : FONT,
    border: BORDER,
    alignment: { vertical: "middle", horizontal, wrapText: kind === "text" },
  };
  if (numFmt) style.numFmt = numFmt;
  return style;
}

export function makeSheetStyles(): SheetStyles {
  const kinds: ColumnKind[] = ["stt", "text", "code", "int", "money", "decimal1", "area", "date"];
  const data = {} as Record<ColumnKind, Partial<ExcelJS.Style>>;
  const total = {} as Record<ColumnKind, Partial<ExcelJS.Style>>;
  for (const k of kinds) {
    data[k] = dataStyle(k, false);
    total[k] = dataStyle(k, true);
  }
  return {
    title: { font: FONT_BOLD, alignment: { vertical: "middle", horizontal: "left" } },
    titleMain: {
      font: { name: FONT_NAME, size: 13, bold: true },
      alignment: { vertical: "middle", horizontal: "center" },
    },
    header: {
      font: FONT_BOLD,
      border: BORDER,
      fill: HEADER_FILL,
      alignment: { vertical: "middle", horizontal: "center", wrapText: true },
    },
    columnNumber: {
      font: FONT_ITALIC,
      border: BORDER,
      alignment: { vertical: "middle", horizontal: "center" },
    },
    data,
    total,
  };
}

/** The ExcelJS value of a spec cell (formulas keep their cached result). */
export function toCellValue(cell: DemoCell): ExcelJS.CellValue {
  if (cell === null) return null;
  if (typeof cell === "object" && !(cell instanceof Date)) {
    return { formula: cell.formula, result: cell.result };
  }
  return cell;
}

/** Column letter of a 1-based index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  return index > 0 ? engineColumnLetter(index - 1) : "";
}

/** Column widths and the frozen pane: what both the demo and the streaming writer share. */
export function columnDefs(columns: readonly DemoColumn[]): Partial<ExcelJS.Column>[] {
  return columns.map((c) => ({ width: c.width }));
}

/** Sheet view with the panes frozen under the header (and the column-number row). */
export function frozenView(spec: Pick<DemoSheetSpec, "headerRow" | "columnNumberRow">) {
  const ySplit = spec.columnNumberRow ?? spec.headerRow;
  return { state: "frozen" as const, xSplit: 0, ySplit, topLeftCell: `A${ySplit + 1}` };
}

/** Fills a row with values and styles (works for both worksheet kinds). */
export function fillRow(
  row: ExcelJS.Row,
  values: readonly DemoCell[],
  columns: readonly DemoColumn[],
  styles: Record<ColumnKind, Partial<ExcelJS.Style>>
): void {
  for (let c = 0; c < columns.length; c++) {
    const cell = row.getCell(c + 1);
    const v = values[c] ?? null;
    if (v !== null) cell.value = toCellValue(v);
    cell.style = styles[columns[c].kind];
  }
}

/**
 * Writes the title block, the header and the column-number row of a sheet
 * (rows 1 … firstDataRow − 1). Rows are created in order, so this works on a
 * streaming worksheet too (the caller commits them).
 */
export function writeSheetHead(
  ws: ExcelJS.Worksheet,
  spec: DemoSheetSpec,
  styles: SheetStyles
): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  const width = spec.columns.length;
  for (let r = 1; r < spec.firstDataRow; r++) {
    const row = ws.getRow(r);
    rows.push(row);
    const title = spec.titleRows[r - 1];
    if (title) {
      const cell = row.getCell(1);
      cell.value = title;
      cell.style = r === spec.mergedTitleRow ? styles.titleMain : styles.title;
      if (r === spec.mergedTitleRow) row.height = 22;
    } else if (r === spec.headerRow) {
      spec.columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        cell.value = c.header;
        cell.style = styles.header;
      });
      row.height = 48;
    } else if (r === spec.columnNumberRow) {
      for (let i = 0; i < width; i++) {
        const cell = row.getCell(i + 1);
        cell.value = `(${i + 1})`;
        cell.style = styles.columnNumber;
      }
    }
  }
  if (spec.mergedTitleRow !== null) {
    ws.mergeCells(spec.mergedTitleRow, 1, spec.mergedTitleRow, width);
  }
  return rows;
}

/** Page setup shared by the sheets: A4 landscape, fit to one page wide, headers repeated. */
export function pageSetup(spec: DemoSheetSpec): Partial<ExcelJS.PageSetup> {
  const last = spec.columnNumberRow ?? spec.headerRow;
  return {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${spec.headerRow}:${last}`,
  };
}

function renderSheet(wb: ExcelJS.Workbook, spec: DemoSheetSpec, styles: SheetStyles): void {
  const ws = wb.addWorksheet(spec.name, {
    views: [frozenView(spec)],
    pageSetup: pageSetup(spec),
    properties: { defaultRowHeight: 16 },
  });
  ws.columns = columnDefs(spec.columns);
  writeSheetHead(ws, spec, styles);
  let r = spec.firstDataRow;
  for (const values of spec.rows) {
    fillRow(ws.getRow(r++), values, spec.columns, styles.data);
  }
  if (spec.totalRow) fillRow(ws.getRow(r), spec.totalRow, spec.columns, styles.total);
}

/** Builds the demo workbook in memory. */
export function buildDemoWorkbook(data: DemoData = buildDemoData()): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = WORKBOOK_CREATOR;
  wb.lastModifiedBy = WORKBOOK_CREATOR;
  wb.title = "Tình hình kinh tế tập thể, HTX năm 2022 (dữ liệu mẫu)";
  wb.company = "Liên minh Hợp tác xã tỉnh Kiên Giang";
  // Fixed dates keep the output independent of the clock.
  wb.created = REPORT_DATE;
  wb.modified = REPORT_DATE;
  const styles = makeSheetStyles();
  for (const spec of demoSheetSpecs(data)) renderSheet(wb, spec, styles);
  return wb;
}

/** Writes the demo workbook to `path` (via `path + ".tmp"` and a rename). */
export async function writeDemoWorkbook(path: string): Promise<void> {
  const tmp = `${path}.tmp`;
  try {
    await buildDemoWorkbook().xlsx.writeFile(tmp);
    await fs.promises.rename(tmp, path);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    throw err;
  }
}
