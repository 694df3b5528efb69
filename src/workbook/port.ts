/**
 * The one small workbook interface the surfaces use. The engine itself only
 * sees plain data (WorkbookData, SheetLayout); adapters for the .xlsx file
 * and for Office.js implement this.
 */
import type { WorkbookData } from "../engine/model/cells";
import type { SheetLayout } from "../engine/summary/layout-model";

export interface CellWrite {
  sheet: string;
  /** A1 address */
  cell: string;
  value: string | number | boolean | null;
}

export interface SheetSnapshot {
  name: string;
  /** address → canonical content (see cellContent), for fingerprints */
  contents: [string, string][];
}

export interface WorkbookPort {
  /** Every sheet's values, number formats, font names and merges. */
  read(): Promise<WorkbookData>;
  /** The current contents of one sheet, or null if it does not exist. */
  snapshot(name: string): Promise<SheetSnapshot | null>;
  /** Write a sheet from a layout model, replacing a sheet of that name. */
  writeSheet(layout: SheetLayout, opts?: { activate?: boolean }): Promise<void>;
  /** Rename a sheet (used to keep a backup of an edited summary). */
  renameSheet(from: string, to: string): Promise<void>;
  /** Replace the hidden settings sheet's rows. */
  writeSettings(rows: (string | number)[][]): Promise<void>;
  /** Set single cells (fixes and their undo). */
  setCells(changes: CellWrite[]): Promise<void>;
  sheetNames(): Promise<string[]>;
}

/** A failure with a reason the UI can put in words (codes map to the string tables). */
export class HtxError extends Error {
  constructor(
    readonly code:
      | "notFound"
      | "notXlsx"
      | "legacyXls"
      | "encrypted"
      | "emptyWorkbook"
      | "tooLarge"
      | "tooManyCells"
      | "tooLargeFile"
      | "unsupportedParts"
      | "sameAsInput"
      | "writeFailed",
    readonly params: Record<string, string | number> = {},
    detail?: string
  ) {
    super(detail ?? code);
    this.name = "HtxError";
  }
}
