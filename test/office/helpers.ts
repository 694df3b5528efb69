/**
 * Workbooks for the Office adapter tests: the demo and the messy fixture as
 * the .xlsx adapter reads them, and the demo with a long generated HTX list
 * (built as arrays directly, fast).
 */
import ExcelJS from "exceljs";
import { dateToSerial, sheetFromWorksheet } from "../../src/adapters/xlsx/xlsx-workbook";
import {
  DEMO_SEED,
  HTX_COLUMNS,
  LIST_LAYOUT,
  NUM_FMT,
  Rng,
  SHEET_NAMES,
  htxCells,
  largeHtxRow,
} from "../../src/demo/demo-data";
import { FONT_NAME, buildDemoWorkbook } from "../../src/demo/demo-workbook";
import type { CellValue, WorkbookData } from "../../src/engine/model/cells";
import { serialFromYmd } from "../../src/engine/parse/date";
import { buildMessyWorkbook } from "../fixtures/messy";

export const OPTS = { year: 2022, reportSerial: serialFromYmd(2022, 12, 19) };

/**
 * The workbook as the .xlsx adapter reads it, plus the font names of empty
 * formatted cells (which the .xlsx adapter leaves out and Excel has): the fake
 * then holds the fonts a real workbook would.
 */
export function workbookDataOf(wb: ExcelJS.Workbook): WorkbookData {
  return {
    sheets: wb.worksheets.map((ws) => {
      const sheet = sheetFromWorksheet(ws);
      const fonts = sheet.fonts ?? (sheet.fonts = []);
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          const name = cell.font?.name;
          if (!name) return;
          const fr = fonts[r - 1] ?? (fonts[r - 1] = []);
          if (fr[c - 1] === undefined || fr[c - 1] === null) fr[c - 1] = name;
        });
      });
      return sheet;
    }),
  };
}

/** Only what the .xlsx adapter reads (the fake then has no fonts on empty cells). */
export function xlsxDataOf(wb: ExcelJS.Workbook): WorkbookData {
  return { sheets: wb.worksheets.map(sheetFromWorksheet) };
}

export const demoData = (): WorkbookData => workbookDataOf(buildDemoWorkbook());
export const messyData = (): WorkbookData => workbookDataOf(buildMessyWorkbook());

/** The demo workbook with `rows` generated rows in "DS HTX" instead of its own. */
export function bigData(rows: number): WorkbookData {
  const data = demoData();
  const sheet = data.sheets.find((s) => s.name === SHEET_NAMES.htx);
  if (!sheet) throw new Error("no HTX sheet in the demo");
  const first = LIST_LAYOUT.firstDataRow - 1;
  const cut = <T>(a: T[] | undefined): T[] => (a ?? []).slice(0, first);
  sheet.values = cut(sheet.values);
  sheet.numberFormats = cut(sheet.numberFormats);
  sheet.fonts = cut(sheet.fonts);
  sheet.formulas = cut(sheet.formulas);
  const rng = new Rng(DEMO_SEED + 101);
  const formats = HTX_COLUMNS.map((c) => NUM_FMT[c.kind]);
  for (let i = 0; i < rows; i++) {
    const cells = htxCells(largeHtxRow(rng, i), i + 1);
    const values: CellValue[] = cells.map((v) =>
      v instanceof Date
        ? dateToSerial(v)
        : v === null || typeof v === "string" || typeof v === "number"
          ? v
          : null
    );
    sheet.values.push(values);
    sheet.numberFormats?.push(values.map((v, c) => (v === null ? undefined : formats[c])));
    sheet.fonts?.push(values.map(() => FONT_NAME));
    sheet.formulas?.push([]);
  }
  return data;
}

/** Immediate "sleep" for retries in tests. */
export const noSleep = async (): Promise<void> => undefined;
