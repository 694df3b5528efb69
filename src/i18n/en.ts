/** English strings. */
import type { Strings } from "./types";
import { vi } from "./vi";

/** "1 error", "2 errors". */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const en: Strings = {
  lang: "en",
  kinds: {
    tht: "Cooperative groups",
    htx: "Cooperatives",
    training: "Training",
    fairs: "Trade fairs",
    loans: "Loans",
    plan: "Plan",
    units: "Administrative units",
  },
  fields: {
    name: "Name",
    district: "District",
    commune: "Commune",
    sector: "Sector",
    founded: "Founded",
    dissolved: "Dissolved",
    suspended: "Suspended",
    status: "Status",
    members: "Members",
    capital: "Contributed capital",
    area: "Area",
    workers: "Workers",
    revenue: "Revenue",
    reg_code: "Registration code",
    kind: "Kind",
    charter_capital: "Charter capital",
    member_coops: "Member cooperatives",
    rating: "Rating",
    title: "Course",
    date: "Date",
    location: "Location",
    partner: "Partner",
    participants: "Participants",
    event: "Event",
    htx_count: "Cooperatives taking part",
    products: "Products",
    htx_names: "Cooperatives (names)",
    project: "Project",
    htx_name: "Cooperative",
    fund: "Fund",
    amount: "Amount",
    code: "Indicator code",
    label: "Indicator",
    unit: "Unit",
    year: "Year",
    target: "Target",
    percent: "Percent of plan",
    unit_name: "Unit name",
    level: "Level",
    valid_from: "Valid from",
    valid_to: "Valid to",
  },
  severities: { error: "Error", warning: "Warning", info: "Info" },
  issues: {
    "sheet-missing": (p) => `No ${p.kind} sheet found: the indicators taken from it stay blank.`,
    "header-not-found": (p) => `No header row recognised in sheet "${p.sheet}" (${p.kind}).`,
    "column-missing": (p) => `Required column "${p.field}" is missing.`,
    "column-unknown": (p) => `Column "${p.value}" matches no field and is ignored.`,
    "blank-required": (p) =>
      p.text
        ? `Status is "dissolved" but there is no dissolution date.`
        : `Required cell "${p.field}" is empty.`,
    "type-error": (p) => `"${p.value}" cannot be read as ${p.expected} (column ${p.field}).`,
    "number-as-text": (p) => `The number ${p.value} is stored as text (column ${p.field}).`,
    "negative-value": (p) => `Negative value ${p.value} in column ${p.field}.`,
    "not-integer": (p) => `${p.field} must be a whole number, found ${p.value}.`,
    "date-invalid": (p) => `Impossible date "${p.value}" (column ${p.field}).`,
    "date-future": (p) =>
      `Date ${p.value} is after the report date ${p.expected} (column ${p.field}).`,
    "date-order": (p) => `${p.field} (${p.value}) is before the founding date (${p.expected}).`,
    "enum-unknown": (p) => `"${p.value}" is not a category of column ${p.field} (${p.expected}).`,
    "enum-variant": (p) => `"${p.value}" is another spelling of "${p.expected}".`,
    "legacy-encoding": (p) =>
      `Text typed in the legacy ${p.encoding} encoding: "${p.value}" → "${p.expected}".`,
    "unicode-nfd": (p) => `Decomposed Unicode (NFD): "${p.value}"; it should be composed (NFC).`,
    "formula-error": (p) => `The cell holds the error ${p.value}.`,
    "unit-suspect": (p) =>
      `Value ${p.value} is off by a factor of 1,000 or more from the rest of column ${p.field} (median ${p.expected}): wrong unit?`,
    "below-legal-minimum": (p) =>
      `${p.field} is ${p.value}, below the legal minimum of ${p.expected}.`,
    "duplicate-row": (p) =>
      p.text
        ? `The ${p.year} target for "${p.text}" is also given in row ${p.row}: the later one is used.`
        : `This row repeats row ${p.row}.`,
    "duplicate-key": (p) => `Same ${p.field} "${p.value}" as row ${p.row}: counted once.`,
    "unknown-unit": (p) => `"${p.value}" is not in the list of administrative units.`,
    "unknown-htx": (p) => `Cooperative "${p.value}" is not in the cooperatives sheet.`,
    "count-mismatch": (p) => `The count says ${p.value} cooperatives but ${p.expected} are listed.`,
    "total-mismatch": (p) =>
      `The total row says ${p.value}, the rows add up to ${p.expected} (column ${p.field}).`,
    "plan-missing": (p) => `No ${p.year} target for the indicator "${p.value}".`,
    "percent-mismatch": (p) =>
      `The typed percentage is ${p.value}% but actual/plan is ${p.expected}% (${p.text}).`,
    "no-dissolved": () =>
      `The cooperatives list has no dissolved rows: year-on-year figures may be wrong.`,
  },
  fixes: {
    numberAsText: (p) => `Write the number ${p.expected} instead of the text "${p.value}".`,
    enumVariant: (p) => `Write "${p.expected}" instead of "${p.value}".`,
    legacy: (p) => `Convert "${p.value}" to Unicode: "${p.expected}".`,
    nfd: () => `Convert to composed Unicode (NFC).`,
  },
  cli: {
    cannotRead: (p) => `Cannot read ${p.file}: ${p.reason}`,
    notXlsx: () => `not an Excel .xlsx file`,
    legacyXls: () =>
      `.xls files (Excel 97–2003) are not supported; open it in Excel and save as .xlsx`,
    encrypted: () => `the file is password-protected; remove the password and try again`,
    notFound: () => `file not found`,
    emptyWorkbook: () => `the workbook holds no data`,
    tooLarge: (p) => `sheet "${p.sheet}" has ${p.rows} rows, over the limit of ${p.limit} rows`,
    tooManyCells: (p) =>
      `the workbook has about ${Number(p.cells).toLocaleString("en")} cells, over the limit of ${Number(p.limit).toLocaleString("en")} cells that memory allows; split it into several files, or run with NODE_OPTIONS=--max-old-space-size=8192`,
    tooLargeFile: (p) => `the file is ${p.size} MB, over the limit of ${p.limit} MB`,
    unsupportedParts: (p) =>
      `the file holds ${p.parts}, which the writer cannot keep; build the summary in Excel (the add-in) or save a copy without them`,
    sameAsInput: () => `the output file is the input file; choose another name`,
    written: (p) => `Wrote ${p.file}`,
    demoWritten: (p) => `Wrote the sample workbook ${p.input} and its summary ${p.output}`,
    summaryCounts: (p) => `${p.errors} errors, ${p.warnings} warnings, ${p.infos} info`,
    noIssues: () => `No issues.`,
    progress: (p) => `Reading ${p.sheet}: ${p.rows} rows`,
    badYear: (p) => `Invalid year: ${p.value}`,
    badDate: (p) => `Invalid report date: ${p.value} (use dd/mm/yyyy)`,
    writeFailed: (p) => `Cannot write ${p.file}: ${p.reason}`,
    summaryHeader: (p) => `Summary for ${p.year}`,
  },
  summary: {
    title: "SUMMARY OF THE COLLECTIVE ECONOMY AND COOPERATIVES, YEAR",
    country: "SOCIALIST REPUBLIC OF VIETNAM",
    motto: "Independence - Freedom - Happiness",
    stt: "No.",
    indicator: "Indicator",
    unit: "Unit",
    plan: "Plan",
    actual: "Actual",
    percent: "% of plan",
    previous: "Actual",
    change: "Change (+/−)",
    secTht: "Cooperative groups",
    secHtx: "Cooperatives",
    secUnion: "Unions of cooperatives",
    secTraining: "Training and outreach",
    secFairs: "Trade promotion",
    secLoans: "Loans",
    secPlanNext: "Plan for",
    prose: "Draft of the report text",
    noteSource: "Source",
    noteRows: "rows",
    noteNoData: "No source sheet",
    unavailable: "no data",
    planNextTarget: "Target",
  },
  pane: {
    title: "HTX Report",
    year: "Report year",
    yearHint: "By default the latest year with data.",
    tabs: { check: "Check", fix: "Fix", summary: "Summary", detect: "Detection" },
    statusLabel: "Status",
    dismiss: "Dismiss",
    working: "Working…",
    checkButton: "Check the data",
    checking: "Checking the data…",
    checked: (p) =>
      `Checked the ${p.year} data: ${p.errors} errors, ${p.warnings} warnings, ${p.infos} info.`,
    notChecked: "Not checked yet. Select “Check the data” to read the sheets.",
    noIssues: "No issues.",
    countsCaption: "Issues by sheet",
    sheetColumn: "Sheet",
    totalRow: "Total",
    workbook: "Whole workbook",
    filters: "Filter the list",
    filterSeverity: "Severity",
    filterSheet: "Sheet",
    filterCode: "Kind of issue",
    all: "All",
    showing: (p) => `Showing ${p.shown} of ${p.total} issues.`,
    showMore: (p) => `Show ${p.count} more`,
    clickHint: "Choose an issue (click or Enter) to go to its cell in Excel.",
    selected: (p) => `Selected cell ${p.cell} on sheet “${p.sheet}”.`,
    issueLabel: (p) => `${p.severity}, cell ${p.cell}: ${p.message}`,
    groupCount: (p) => `${p.count} ${p.count === 1 ? "issue" : "issues"}`,
    sheetsRead: "Sheets recognised",
    sheetsSkipped: "Sheets not read",
    sheetKindRow: (p) => `${p.kind}, header row ${p.row}`,
    codes: {
      "sheet-missing": "Sheet missing",
      "header-not-found": "No header row",
      "column-missing": "Required column missing",
      "column-unknown": "Unrecognised column",
      "blank-required": "Required cell empty",
      "type-error": "Wrong type",
      "number-as-text": "Number stored as text",
      "negative-value": "Negative value",
      "not-integer": "Not a whole number",
      "date-invalid": "Impossible date",
      "date-future": "Date after the report date",
      "date-order": "Date before founding",
      "enum-unknown": "Unknown category",
      "enum-variant": "Category spelled differently",
      "legacy-encoding": "Legacy encoding (TCVN3/VNI)",
      "unicode-nfd": "Decomposed Unicode",
      "formula-error": "Formula error",
      "unit-suspect": "Suspect unit",
      "below-legal-minimum": "Below the legal minimum",
      "duplicate-row": "Duplicate row",
      "duplicate-key": "Duplicate code or name",
      "unknown-unit": "Unknown administrative unit",
      "unknown-htx": "Cooperative not in the list",
      "count-mismatch": "Count mismatch",
      "total-mismatch": "Wrong total",
      "plan-missing": "Plan target missing",
      "percent-mismatch": "Wrong percentage",
      "no-dissolved": "No dissolved cooperatives",
    },
    fixIntro:
      "Only the cells listed are written. Excel cannot undo the add-in's changes, so use the Undo button here.",
    previewButton: "Preview the changes",
    previewing: "Listing the changes…",
    noFixes: "No issue can be fixed automatically.",
    previewHeading: (p) => `${p.count} ${p.count === 1 ? "change" : "changes"} to write`,
    emptyValue: "(empty)",
    applyButton: (p) => `Apply ${p.count} ${p.count === 1 ? "change" : "changes"}`,
    applying: "Writing the changes…",
    applied: (p) => `Fixed ${p.count} ${p.count === 1 ? "cell" : "cells"} and checked again.`,
    skipped: (p) =>
      `${p.count} ${p.count === 1 ? "cell was" : "cells were"} edited since the check and left alone.`,
    undoButton: "Undo the last fixes",
    undoing: "Undoing…",
    undone: (p) => `Undid ${p.count} ${p.count === 1 ? "cell" : "cells"} and checked again.`,
    nothingToUndo: "Nothing to undo.",
    summaryIntro:
      "Build the standard “Tổng hợp” sheet of the provincial report in this workbook, from the data and plan sheets.",
    buildButton: (p) => `Build the ${p.year} summary`,
    buildButtonLatest: "Build the summary",
    building: "Building the summary…",
    built: (p) => `Built the sheet “${p.sheet}” and opened it.`,
    rebuilt: (p) => `Rebuilt the sheet “${p.sheet}” and opened it.`,
    backupKept: (p) => `The old one is kept as “${p.backup}”.`,
    notReplaced: (p) => `Not replaced: the sheet “${p.sheet}” is unchanged.`,
    goToSheet: (p) => `Open “${p.sheet}”`,
    noPlanSheet:
      "The workbook has no plan sheet, so the plan and % of plan columns stay blank. You can create a plan sheet listing every plannable indicator, then fill in the targets.",
    createPlanButton: "Create the plan sheet",
    creatingPlan: "Creating the plan sheet…",
    planCreated: (p) =>
      `Created the sheet “${p.sheet}”: fill in the Plan column, then build the summary again.`,
    errorsRemain: (p) =>
      `The data still has ${p.errors} ${p.errors === 1 ? "error" : "errors"}: review the Check tab before using the summary.`,
    confirmTitle: "The summary sheet was edited by hand",
    confirmBody: (p) =>
      `The sheet “${p.sheet}” has changes made by hand. Keep a copy named “${p.backup}” and replace it with the new summary?`,
    confirmReplace: "Keep a backup and replace",
    cancel: "Cancel",
    progress: (p) => `${p.done} of ${p.total} rows done`,
    detectIntro:
      "If the add-in does not recognise a sheet, or gets it wrong, say what kind of sheet it is, which row is the header and which column is which field. The choice is saved in the workbook (hidden sheet _htx_settings) for every later check.",
    sheetLabel: "Sheet",
    chooseSheet: "Choose a sheet",
    kindLabel: "Kind of sheet",
    ignoreKind: "Ignore this sheet",
    headerRowLabel: "Header row",
    headerRowHint: "The row number, e.g. 3.",
    columnsHeading: "Column of each field",
    columnsHint: "Type the column letter (A, B, …, AA); leave empty if there is none.",
    required: "required",
    detectedHeader: (p) => `Header read now: “${p.header}”`,
    saveOverride: "Save and check again",
    saving: "Saving the choice…",
    saved: (p) => `Saved the choice for the sheet “${p.sheet}” and checked again.`,
    badHeaderRow: "The header row must be a whole number from 1.",
    badColumn: (p) => `“${p.value}” is not a column letter (A, B, …, AA).`,
    duplicateColumn: (p) => `Column ${p.column} is chosen for two fields.`,
  },
  commands: {
    checkClean: (p) => `Checked the ${p.year} data: no problems found.`,
    checkFound: (p) =>
      `Checked the ${p.year} data: ${count(p.errors, "error", "errors")}, ` +
      `${count(p.warnings, "warning", "warnings")}, ${p.infos} info. ` +
      `Click a row to go to its cell.`,
    built: (p) =>
      p.replaced
        ? `Rebuilt the sheet “${p.sheet}” from the current data.`
        : `Built the sheet “${p.sheet}”.`,
    builtWithErrors: (p) =>
      `The data still has ${count(p.errors, "error", "errors")}: review them before using the figures.`,
    confirmReplace: (p) =>
      `The sheet “${p.sheet}” was edited by hand, so it was not replaced. If you rebuild it, the ` +
      `current one is kept as “${p.backup}”. Confirm in this pane.`,
    busy: () => `HTX Report is busy with another task. Wait for it to finish, then click again.`,
    checkFailed: (p) => `Could not check the data. ${p.reason}`,
    buildFailed: (p) => `Could not build the summary. ${p.reason}`,
    noExcel: () =>
      `Could not reach Excel. Close the pane and open HTX Report again from the Home tab.`,
    unexpected: (p) => `Unexpected error: ${p.detail}`,
  },
  hostErrors: {
    editMode: () =>
      "Excel is editing a cell. Press Enter or Esc to leave the cell, then try again.",
    protected: (p) =>
      `The sheet${p.sheet ? ` “${p.sheet}”` : ""} or the workbook is protected, so nothing was written. ` +
      "Unprotect it (Review → Unprotect Sheet / Protect Workbook) and try again.",
    limit: () =>
      "The request exceeded Excel's limits (5 MB or 5 million cells at a time), even when split up.",
    notFound: (p) =>
      `${p.sheet ? `The sheet “${p.sheet}”` : "An object"} was not found in the workbook.`,
    busy: () => "Excel is busy. Wait a moment and try again.",
    hostError: (p) => `Excel reported an error: ${p.detail ?? ""}`.trim(),
  },
};

export function strings(lang: "vi" | "en" | string | undefined): Strings {
  return lang === "en" ? en : vi;
}
