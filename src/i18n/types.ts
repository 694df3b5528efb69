/** The shape of a UI string table. Every human-readable string lives in vi.ts and en.ts. */
import type { IssueCode } from "../engine/model/issues";
import type { CommandStrings } from "./commands.types";

export type HostErrorCode = "editMode" | "protected" | "limit" | "notFound" | "busy" | "hostError";

/** Parameters a check message may use. */
export interface IssueParams {
  /** field label in the table's language (filled by the caller per language) */
  field?: string;
  sheet?: string;
  value?: string;
  expected?: string;
  actual?: string;
  kind?: string;
  other?: string;
  row?: number;
  count?: number;
  limit?: number;
  year?: number;
  encoding?: string;
  text?: string;
}

export interface Strings {
  lang: "vi" | "en";
  kinds: Record<string, string>;
  fields: Record<string, string>;
  severities: Record<"error" | "warning" | "info", string>;
  issues: Record<IssueCode, (p: IssueParams) => string>;
  fixes: {
    numberAsText: (p: IssueParams) => string;
    enumVariant: (p: IssueParams) => string;
    legacy: (p: IssueParams) => string;
    nfd: (p: IssueParams) => string;
  };
  cli: Record<string, (p: Record<string, string | number>) => string>;
  summary: Record<string, string>;
  /** What a value was expected to be, for the type-error message: "… không đọc được là số nguyên". */
  types: { int: string; number: string; money: string; area: string; date: string };
  /** Parts of an .xlsx file the writer cannot keep (cli.unsupportedParts lists them). */
  parts: {
    charts: string;
    pivots: string;
    drawings: string;
    macros: string;
    addins: string;
    slicers: string;
    embedded: string;
    threadedComments: string;
    externalLinks: string;
    dataModel: string;
  };
  pane: PaneStrings;
  /** The ribbon commands' notices (src/commands, src/app/runtime.ts). */
  commands: CommandStrings & {
    /** NoExcelError's message: the Excel API is missing (src/app/runtime.ts). */
    noExcelApi: () => string;
  };
  /** The HTX.* custom functions' error messages (src/functions). */
  functions: FunctionStrings;
  /** Excel's errors in words the user can act on (src/adapters/office). */
  hostErrors: Record<HostErrorCode, (p: Record<string, string | number>) => string>;
}

type N = number;

/**
 * The HTX.* custom functions' error messages (src/functions/cells.ts, functions.ts): the words of
 * one language. The functions write every message in both languages, Vietnamese first:
 * `<what>: <value> <vi> / <en>` (cells.ts `both`); `<what>` is the parameter's English name.
 */
export interface FunctionStrings {
  /** A source cell holds an Excel error that the function passes on. */
  sourceError: string;
  /** A source cell holds an Excel error the functions cannot return (it becomes #VALUE!). */
  sourceErrorCode: (p: { code: string }) => string;
  /** A cell holds a data type with no plain value. */
  unsupportedType: string;
  /** After `<what>: <value>`. */
  notANumber: string;
  /** After `<what>: <value>`. */
  notADate: string;
  /** After `<what>: <value>`: a date that does not exist (31/02/2022). */
  notARealDate: string;
  /** After `<what>:`: an option that is not text. */
  invalidValue: string;
  /** Two ranges of different sizes (#N/A beyond the smaller one). */
  sizeMismatch: string;
  /** Between two option values: `"vi" hoặc/or "en"`. */
  or: string;
  /** After the encodings: `encoding: "tcvn3", "vni" hoặc tên phông / or a font name (…)`. */
  orFontName: string;
  /** ACTIVE_AT without a date. */
  noDate: string;
  /** NEW_IN without a year. */
  noYear: string;
  /** ACTIVE_AT's founded and dissolved ranges differ in size. */
  sameSize: string;
  /** A cell's place in a range, 1-based. */
  position: (p: { row: number; column: number }) => string;
}

/** The task pane's words (src/taskpane). */
export interface PaneStrings {
  /** The pane's heading and the page's title (taskpane.html keeps the Vietnamese as its fallback). */
  title: string;
  /** The page without JavaScript (taskpane.html's <noscript>, both languages: a static copy). */
  noScript: string;
  year: string;
  yearHint: string;
  tabs: { check: string; fix: string; summary: string; detect: string };
  /** The live region's name (screen readers). */
  statusLabel: string;
  dismiss: string;
  working: string;
  // Check
  checkButton: string;
  checking: string;
  checked: (p: { year: N; errors: N; warnings: N; infos: N }) => string;
  notChecked: string;
  noIssues: string;
  countsCaption: string;
  sheetColumn: string;
  totalRow: string;
  /** Group of issues about the whole workbook (no sheet). */
  workbook: string;
  filters: string;
  filterSeverity: string;
  filterSheet: string;
  filterCode: string;
  all: string;
  showing: (p: { shown: N; total: N }) => string;
  showMore: (p: { count: N }) => string;
  clickHint: string;
  selected: (p: { sheet: string; cell: string }) => string;
  /** An issue button's accessible name. */
  issueLabel: (p: { severity: string; cell: string; message: string }) => string;
  groupCount: (p: { count: N }) => string;
  sheetsRead: string;
  sheetsSkipped: string;
  sheetKindRow: (p: { kind: string; row: N }) => string;
  codes: Record<IssueCode, string>;
  // Fix
  fixIntro: string;
  previewButton: string;
  previewing: string;
  noFixes: string;
  previewHeading: (p: { count: N }) => string;
  emptyValue: string;
  applyButton: (p: { count: N }) => string;
  applying: string;
  applied: (p: { count: N }) => string;
  skipped: (p: { count: N }) => string;
  undoButton: string;
  undoing: string;
  undone: (p: { count: N }) => string;
  nothingToUndo: string;
  // Summary
  summaryIntro: string;
  buildButton: (p: { year: N }) => string;
  buildButtonLatest: string;
  building: string;
  built: (p: { sheet: string }) => string;
  rebuilt: (p: { sheet: string }) => string;
  backupKept: (p: { backup: string }) => string;
  notReplaced: (p: { sheet: string }) => string;
  goToSheet: (p: { sheet: string }) => string;
  errorsRemain: (p: { errors: N }) => string;
  /** The workbook has no plan sheet: the targets stay blank. */
  noPlanSheet: string;
  createPlanButton: string;
  creatingPlan: string;
  planCreated: (p: { sheet: string }) => string;
  confirmTitle: string;
  confirmBody: (p: { sheet: string; backup: string }) => string;
  confirmReplace: string;
  cancel: string;
  progress: (p: { done: N; total: N }) => string;
  // Detection override
  detectIntro: string;
  sheetLabel: string;
  chooseSheet: string;
  kindLabel: string;
  ignoreKind: string;
  headerRowLabel: string;
  headerRowHint: string;
  columnsHeading: string;
  columnsHint: string;
  required: string;
  detectedHeader: (p: { header: string }) => string;
  saveOverride: string;
  saving: string;
  saved: (p: { sheet: string }) => string;
  badHeaderRow: string;
  badColumn: (p: { value: string }) => string;
  duplicateColumn: (p: { column: string }) => string;
}
