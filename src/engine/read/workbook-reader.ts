/**
 * Reading a whole workbook: which sheet is which kind, where its header is,
 * and its records. Sheets the add-in wrote itself are never read as data.
 */
import { ColumnMap, HeaderMatch, findHeader } from "../detect/headers";
import { isOwnSheet, kindFromName, yearFromName, SETTINGS_SHEET } from "../detect/kinds";
import { KIND_BY_NAME, SheetKind } from "../detect/schema";
import { AdminUnit, DEFAULT_UNITS, UnitList } from "../model/admin-units";
import { columnIndex, SheetData, WorkbookData } from "../model/cells";
import { makeIssue } from "../model/issue-factory";
import type { Issue } from "../model/issues";
import { Settings, overrideFor, parseSettings } from "../model/settings";
import type { DateValue } from "../parse/date";
import { foldWords } from "../text/normalize";
import { SheetRead, readSheet, titleUnitOf } from "./sheet-reader";

export interface WorkbookRead {
  sheets: SheetRead[];
  /** Sheets that were recognised by name but whose header was not found. */
  issues: Issue[];
  units: UnitList;
  settings: Settings;
  sheetOrder: string[];
  /** Sheets left out (own sheets, unrecognised sheets). */
  skipped: string[];
  /** Kinds recognised by sheet name whose header row was not found. */
  headerNotFound: Set<SheetKind>;
  /** The sheets the add-in wrote itself (settings, summaries and their backups). */
  own: string[];
}

export interface WorkbookReadOptions {
  reportSerial: number;
}

function applyColumnOverrides(
  header: HeaderMatch,
  columns: Record<string, string> | undefined
): HeaderMatch {
  if (!columns) return header;
  const kindDef = KIND_BY_NAME[header.kind];
  const byCol = new Map<number, string>();
  for (const [letter, field] of Object.entries(columns)) byCol.set(columnIndex(letter), field);
  const overridden = new Set([...byCol.values()]);
  const cols: ColumnMap[] = header.columns.map((c) => {
    const forced = byCol.get(c.col);
    if (forced !== undefined) {
      const f = kindDef.fields.find((x) => x.key === forced) ?? null;
      return { col: c.col, header: c.header, field: f };
    }
    // A field the user placed elsewhere leaves its guessed column.
    if (c.field && overridden.has(c.field.key))
      return { col: c.col, header: c.header, field: null };
    return c;
  });
  for (const [col, field] of byCol) {
    if (!cols.some((c) => c.col === col)) {
      const f = kindDef.fields.find((x) => x.key === field) ?? null;
      cols.push({ col, header: "", field: f });
    }
  }
  cols.sort((a, b) => a.col - b.col);
  return { ...header, columns: cols };
}

function unitsFromRead(read: SheetRead): AdminUnit[] {
  const out: AdminUnit[] = [];
  for (const r of read.records) {
    const name = r.v.unit_name;
    if (typeof name !== "string" || !name) continue;
    const level =
      typeof r.v.level === "string" && foldWords(r.v.level).startsWith("xa") ? "xa" : "huyen";
    const from = r.v.valid_from as DateValue | null;
    const to = r.v.valid_to as DateValue | null;
    out.push({ name, level, validFrom: from ? from.serial : null, validTo: to ? to.serial : null });
  }
  return out;
}

export function readWorkbook(wb: WorkbookData, opts: WorkbookReadOptions): WorkbookRead {
  const settings = parseSettings(wb.sheets.find((s) => s.name === SETTINGS_SHEET));
  const ownNames = new Set(settings.summaries.map((s) => s.sheet));
  const issues: Issue[] = [];
  const skipped: string[] = [];
  const headerNotFound = new Set<SheetKind>();
  const own: string[] = [];
  const plans: {
    sheet: SheetData;
    kind: SheetKind | null;
    headerRow?: number;
    columns?: Record<string, string>;
  }[] = [];

  for (const sheet of wb.sheets) {
    if (isOwnSheet(sheet, ownNames)) {
      skipped.push(sheet.name);
      own.push(sheet.name);
      continue;
    }
    const o = overrideFor(settings, sheet.name);
    if (o?.kind === "ignore") {
      skipped.push(sheet.name);
      continue;
    }
    const kind = (o?.kind as SheetKind | undefined) ?? kindFromName(sheet.name);
    plans.push({ sheet, kind, headerRow: o?.headerRow, columns: o?.columns });
  }

  // The unit list first: it helps read group rows everywhere else.
  let units = new UnitList(DEFAULT_UNITS);
  const reads: SheetRead[] = [];
  const order = [...plans].sort(
    (a, b) => (a.kind === "units" ? -1 : 0) - (b.kind === "units" ? -1 : 0)
  );
  for (const p of order) {
    const headerRow = p.headerRow !== undefined ? p.headerRow - 1 : undefined;
    let header = findHeader(p.sheet, p.kind, headerRow);
    if (!header) {
      if (p.kind) {
        headerNotFound.add(p.kind);
        issues.push(
          makeIssue(
            "header-not-found",
            { sheet: p.sheet.name, row: null, col: null, field: null },
            { sheet: p.sheet.name, kindKey: p.kind }
          )
        );
      } else skipped.push(p.sheet.name);
      continue;
    }
    header = applyColumnOverrides(header, p.columns);
    const read = readSheet(
      p.sheet,
      header,
      { reportSerial: opts.reportSerial, units },
      titleUnitOf(p.sheet, header)
    );
    if (read.kind === "units") {
      const list = unitsFromRead(read);
      if (list.length) units = new UnitList(list);
    }
    reads.push(read);
  }
  const sheetOrder = wb.sheets.map((s) => s.name);
  reads.sort((a, b) => sheetOrder.indexOf(a.sheet.name) - sheetOrder.indexOf(b.sheet.name));
  return { sheets: reads, issues, units, settings, sheetOrder, skipped, headerNotFound, own };
}

/**
 * The sheets of one kind to use for year Y: all of them, unless their names
 * carry different years; then the sheet of year Y (else the latest before Y).
 */
export function sheetsForYear(read: WorkbookRead, kind: SheetKind, year: number): SheetRead[] {
  const all = read.sheets.filter((s) => s.kind === kind);
  const dated = all.filter((s) => yearFromName(s.sheet.name) !== null);
  if (dated.length === 0) return all;
  // Names carry years ("DS HTX 2021", "DS HTX 2022"): the sheet of the year asked for; else an
  // undated sheet (the current list beside dated archives); else the latest year before it.
  const exact = dated.filter((s) => yearFromName(s.sheet.name) === year);
  if (exact.length) return exact;
  const undated = all.filter((s) => yearFromName(s.sheet.name) === null);
  if (undated.length) return undated;
  const years = [...new Set(dated.map((s) => yearFromName(s.sheet.name) as number))];
  const best = years.filter((y) => y <= year).sort((a, b) => b - a)[0] ?? Math.min(...years);
  return dated.filter((s) => yearFromName(s.sheet.name) === best);
}
