/**
 * The part of the Excel JavaScript API (office-js, ExcelApi 1.9+; notes 1.18) that the Office
 * adapter uses, declared structurally so that the adapter compiles without the office-js globals
 * and runs on the in-memory fake in tests. Every member has the shape of its office-js
 * counterpart (enums widened to `string`, `any` to `unknown`), so `Excel.run` and
 * `Excel.RequestContext` are assignable to `ExcelRun` and `RequestContext`.
 */

/** office-js `OfficeExtension.ClientResult<T>`: `value` is readable after `context.sync()`. */
export interface ClientResult<T> {
  readonly value: T;
}

/** Members every proxy object has. */
export interface ClientObject {
  /** True when an `…OrNullObject` method found nothing (readable after a sync). */
  readonly isNullObject: boolean;
}

export interface RangeFont extends ClientObject {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  /** "None" | "Single" | "Double" | … */
  underline: string;
  color: string;
  load(propertyNames?: string | string[]): unknown;
}

export interface RangeFill extends ClientObject {
  /** "#RRGGBB" */
  color: string;
  clear(): void;
}

export interface RangeBorder extends ClientObject {
  /** "None" | "Continuous" | "Dash" | … */
  style: string;
  /** "Hairline" | "Thin" | "Medium" | "Thick" */
  weight: string;
  color: string;
}

export interface RangeBorderCollection extends ClientObject {
  /** "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal" | … */
  getItem(index: string): RangeBorder;
}

export interface RangeFormat extends ClientObject {
  readonly font: RangeFont;
  readonly fill: RangeFill;
  readonly borders: RangeBorderCollection;
  /** "General" | "Left" | "Center" | "Right" | … */
  horizontalAlignment: string;
  /** "Top" | "Center" | "Bottom" | … */
  verticalAlignment: string;
  wrapText: boolean;
  /** Points. */
  columnWidth: number;
  /** Points. */
  rowHeight: number;
  load(propertyNames?: string | string[]): unknown;
}

/** Per-cell properties as `getCellProperties` returns them (only what was asked for is set). */
export interface CellProperties {
  format?: { font?: { name?: string } };
}

export interface CellPropertiesLoadOptions {
  format?: { font?: { name?: boolean } };
}

export interface Range extends ClientObject {
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  /** "Empty" | "String" | "Double" | "Boolean" | "Error" | … */
  readonly valueTypes: string[][];
  readonly text: string[][];
  columnHidden: boolean;
  readonly format: RangeFormat;
  readonly worksheet: Worksheet;
  load(propertyNames?: string | string[]): unknown;
  getCell(row: number, column: number): Range;
  getEntireColumn(): Range;
  getCellProperties(
    cellPropertiesLoadOptions: CellPropertiesLoadOptions
  ): ClientResult<CellProperties[][]>;
  getMergedAreasOrNullObject(): RangeAreas;
  merge(across?: boolean): void;
  select(): void;
}

export interface RangeAreas extends ClientObject {
  /** "Sheet1!A1:B4, Sheet1!D1:D4" */
  readonly address: string;
  readonly areaCount: number;
  readonly format: RangeFormat;
  load(propertyNames?: string | string[]): unknown;
}

export interface WorksheetProtection extends ClientObject {
  readonly protected: boolean;
  load(propertyNames?: string | string[]): unknown;
}

export interface WorksheetFreezePanes extends ClientObject {
  freezeRows(count?: number): void;
}

export interface PageLayoutZoomOptions {
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
  scale?: number;
}

export interface PageLayout extends ClientObject {
  /** "Portrait" | "Landscape" */
  orientation: string;
  /** "A4" | "Letter" | … */
  paperSize: string;
  zoom: PageLayoutZoomOptions;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  setPrintTitleRows(printTitleRows: Range | string): void;
}

/** ExcelApi 1.18. */
export interface NoteCollection extends ClientObject {
  add(cellAddress: Range | string, content: unknown): unknown;
}

export interface Worksheet extends ClientObject {
  name: string;
  readonly id: string;
  position: number;
  /** "Visible" | "Hidden" | "VeryHidden" */
  visibility: string;
  readonly protection: WorksheetProtection;
  readonly freezePanes: WorksheetFreezePanes;
  readonly pageLayout: PageLayout;
  readonly notes: NoteCollection;
  load(propertyNames?: string | string[]): unknown;
  getRange(address?: string): Range;
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): Range;
  getRanges(address?: string): RangeAreas;
  getUsedRange(valuesOnly?: boolean): Range;
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range;
  activate(): void;
  delete(): void;
}

export interface WorksheetCollection extends ClientObject {
  readonly items: Worksheet[];
  load(propertyNames?: string | string[]): unknown;
  getItem(key: string): Worksheet;
  getItemOrNullObject(key: string): Worksheet;
  add(name?: string): Worksheet;
  getActiveWorksheet(): Worksheet;
}

export interface Application extends ClientObject {
  suspendApiCalculationUntilNextSync(): void;
  /** ExcelApi 1.9. */
  suspendScreenUpdatingUntilNextSync(): void;
}

export interface Workbook extends ClientObject {
  readonly worksheets: WorksheetCollection;
  readonly application: Application;
  getSelectedRange(): Range;
}

export interface RequestContext {
  readonly workbook: Workbook;
  sync(): Promise<unknown>;
}

/** `Excel.run`, injected (tests pass the fake's). */
export type ExcelRun = <T>(batch: (context: RequestContext) => Promise<T>) => Promise<T>;

/** The error office-js rejects a sync with (`OfficeExtension.Error`). */
export interface OfficeExtensionError {
  name?: string;
  code: string;
  message: string;
  debugInfo?: { code?: string; message?: string; errorLocation?: string };
}
