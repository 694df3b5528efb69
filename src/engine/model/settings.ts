/**
 * The user's detection overrides and the add-in's own records, kept in the
 * hidden `_htx_settings` sheet so that the add-in and the command line see the
 * same choices (DOMAIN §2). A plain four-column table: setting | sheet | value | column.
 */
import type { CellValue, SheetData } from "./cells";
import { KINDS, SheetKind } from "../detect/schema";
import { columnIndex } from "./cells";

export interface SheetOverride {
  sheet: string;
  /** The kind of the sheet, or "ignore" to leave it out. */
  kind?: SheetKind | "ignore";
  /** 1-based header row. */
  headerRow?: number;
  /** Column letter → field key ("ignore" leaves the column out). */
  columns?: Record<string, string>;
}

export interface SummaryRecord {
  sheet: string;
  year: number;
  /** Fingerprint of the sheet as the add-in wrote it (to notice hand edits). */
  hash: string;
}

export interface Settings {
  overrides: SheetOverride[];
  summaries: SummaryRecord[];
  /** Name of the organisation for the title block. */
  organisation?: string;
  /** Place for the date line ("Kiên Giang"). */
  place?: string;
}

export const SETTINGS_HEADER = ["setting", "sheet", "value", "column"];

export function emptySettings(): Settings {
  return { overrides: [], summaries: [] };
}

const KIND_KEYS = new Set<string>(KINDS.map((k) => k.kind));

function str(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return "";
  return String(v).normalize("NFC").trim();
}

/** Read settings from the sheet's cells; unknown rows are ignored, never fatal. */
export function parseSettings(sheet: SheetData | undefined): Settings {
  const s = emptySettings();
  if (!sheet) return s;
  const byName = new Map<string, SheetOverride>();
  const over = (name: string): SheetOverride => {
    let o = byName.get(name);
    if (!o) {
      o = { sheet: name };
      byName.set(name, o);
      s.overrides.push(o);
    }
    return o;
  };
  for (const row of sheet.values) {
    if (!row) continue;
    const [setting, sheetName, value, column] = [
      str(row[0]),
      str(row[1]),
      str(row[2]),
      str(row[3]),
    ];
    switch (setting) {
      case "kind":
        if (sheetName && (KIND_KEYS.has(value) || value === "ignore"))
          over(sheetName).kind = value as SheetKind | "ignore";
        break;
      case "header_row": {
        const n = Number(value);
        if (sheetName && Number.isInteger(n) && n >= 1) over(sheetName).headerRow = n;
        break;
      }
      case "field":
        if (sheetName && value && columnIndex(column) >= 0) {
          const o = over(sheetName);
          o.columns = { ...(o.columns ?? {}), [column.toUpperCase()]: value };
        }
        break;
      case "summary": {
        const y = Number(column);
        if (sheetName && value && Number.isInteger(y))
          s.summaries.push({ sheet: sheetName, year: y, hash: value });
        break;
      }
      case "organisation":
        if (value) s.organisation = value;
        break;
      case "place":
        if (value) s.place = value;
        break;
      default:
        break;
    }
  }
  return s;
}

/** The settings as the rows of the `_htx_settings` sheet (header first). */
export function settingsRows(s: Settings): (string | number)[][] {
  const rows: (string | number)[][] = [SETTINGS_HEADER];
  if (s.organisation) rows.push(["organisation", "", s.organisation, ""]);
  if (s.place) rows.push(["place", "", s.place, ""]);
  for (const o of s.overrides) {
    if (o.kind) rows.push(["kind", o.sheet, o.kind, ""]);
    if (o.headerRow) rows.push(["header_row", o.sheet, o.headerRow, ""]);
    for (const [col, field] of Object.entries(o.columns ?? {}))
      rows.push(["field", o.sheet, field, col]);
  }
  for (const r of s.summaries) rows.push(["summary", r.sheet, r.hash, r.year]);
  return rows;
}

export function overrideFor(s: Settings, sheet: string): SheetOverride | undefined {
  return s.overrides.find((o) => o.sheet === sheet);
}
