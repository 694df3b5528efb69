/**
 * Header rows (DOMAIN §2, §3): find the header under title rows, join two-row
 * merged headers, skip the column-number row, map columns to fields.
 */
import type { CellValue, MergeArea, SheetData } from "../model/cells";
import { isCellError } from "../model/cells";
import { foldKey } from "../text/normalize";
import { FieldDef, KIND_BY_NAME, KINDS, SheetKind } from "./schema";
import { dvtOf, stripUnit } from "./units";

/** How far down the sheet a header row is looked for. */
export const HEADER_SCAN_ROWS = 40;

export interface ColumnMap {
  col: number;
  /** The header text as read (joined for two-row headers). */
  header: string;
  field: FieldDef | null;
  /** Plan sheets in wide form: the year a target/percent column holds. */
  year?: number;
}

export interface HeaderMatch {
  kind: SheetKind;
  /** 0-based rows that make the header (one or two). */
  rows: number[];
  /** 0-based first data row (after a column-number row, if any). */
  dataStart: number;
  columnNumberRow: number | null;
  columns: ColumnMap[];
  score: number;
}

interface AliasKey {
  field: FieldDef;
  key: string;
}

const aliasCache = new Map<SheetKind, AliasKey[]>();
function aliasKeys(kind: SheetKind): AliasKey[] {
  let list = aliasCache.get(kind);
  if (!list) {
    list = [];
    for (const f of KIND_BY_NAME[kind].fields) {
      for (const a of f.aliases) {
        const key = foldKey(stripUnit(a));
        if (key) list.push({ field: f, key });
      }
    }
    aliasCache.set(kind, list);
  }
  return list;
}

/** Containment is allowed only for aliases this long (short ones like "Xã" match exactly). */
const MIN_CONTAIN = 5;

/** The best field for one header text, with its score (exact beats containment, longer beats shorter). */
export function matchHeader(
  kind: SheetKind,
  header: string
): { field: FieldDef; score: number } | null {
  const h = foldKey(stripUnit(header));
  if (!h) return null;
  let best: { field: FieldDef; score: number } | null = null;
  for (const a of aliasKeys(kind)) {
    let score = 0;
    if (h === a.key) score = 10000 + a.key.length;
    else if (a.key.length >= MIN_CONTAIN && h.includes(a.key)) score = a.key.length;
    if (score > 0 && (!best || score > best.score)) best = { field: a.field, score };
  }
  return best;
}

export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.normalize("NFC").replace(/\s+/g, " ").trim();
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isCellError(v)) return v.error;
  return "";
}

/** Header texts of a row with merged areas filled from their top-left cell. */
function headerRowTexts(
  sheet: SheetData,
  r: number,
  width: number,
  merges: MergeArea[]
): { texts: string[]; mergedFrom: number[] } {
  const row = sheet.values[r] ?? [];
  const texts: string[] = [];
  const mergedFrom: number[] = [];
  for (let c = 0; c < width; c++) {
    texts.push(cellText(row[c]));
    mergedFrom.push(-1);
  }
  for (const m of merges) {
    if (m.top > r || m.bottom < r) continue;
    const src = cellText(sheet.values[m.top]?.[m.left]);
    for (let c = m.left; c <= m.right && c < width; c++) {
      if (c === m.left && r === m.top) continue;
      texts[c] = src;
      mergedFrom[c] = m.top === r ? 1 : 2; // 1: horizontal fill, 2: filled from above
    }
  }
  return { texts, mergedFrom };
}

const COLNUM_RE = /^\(?\s*(\d{1,2}|[A-Za-z])\s*\)?\.?$/;

/** The "(1) (2) (3)…", "1 2 3…" or "A B C" row forms put under headers. */
export function isColumnNumberRow(row: CellValue[] | undefined): boolean {
  if (!row) return false;
  let n = 0;
  for (const v of row) {
    if (v === null || v === undefined || v === "") continue;
    const t = cellText(v);
    if (!COLNUM_RE.test(t)) return false;
    n++;
  }
  return n >= 3;
}

const YEAR_IN_HEADER = /(?:^|\D)((?:19|20)\d\d)(?:\D|$)/;

function mapColumns(
  kind: SheetKind,
  headers: string[]
): { columns: ColumnMap[]; score: number; anchors: number } {
  const columns: ColumnMap[] = [];
  const taken = new Set<string>();
  let score = 0;
  for (let c = 0; c < headers.length; c++) {
    const header = headers[c];
    if (!header) continue;
    let year: number | undefined;
    let text = header;
    if (kind === "plan") {
      const y = YEAR_IN_HEADER.exec(header);
      if (y) {
        const withoutYear = header.replace(y[1], " ");
        const m = matchHeader(kind, withoutYear);
        if (m && (m.field.key === "target" || m.field.key === "percent")) {
          year = Number(y[1]);
          text = withoutYear;
        }
      }
    }
    const m = matchHeader(kind, text);
    const col: ColumnMap = { col: c, header, field: null };
    if (m) {
      const slot = year !== undefined ? `${m.field.key}@${year}` : m.field.key;
      if (!taken.has(slot)) {
        taken.add(slot);
        col.field = m.field;
        if (year !== undefined) col.year = year;
        score += m.score >= 10000 ? 1.1 : 1;
      }
    }
    columns.push(col);
  }
  const anchors = KIND_BY_NAME[kind].anchors.filter((a) =>
    columns.some((c) => c.field?.key === a)
  ).length;
  return { columns, score, anchors };
}

function isHeaderLike(texts: string[], row: CellValue[] | undefined): boolean {
  // A header row is made of several texts (a title or "ĐVT: …" line is one text, even merged
  // across the table); more than one number (that is not a year) means data.
  const distinct = new Set(texts.filter((t) => t !== ""));
  if (distinct.size < 2) return false;
  if ([...distinct].some((t) => dvtOf(t) !== null) && distinct.size <= 2) return false;
  let numbers = 0;
  for (const v of row ?? []) {
    if (typeof v === "number" && !(Number.isInteger(v) && v >= 1900 && v <= 2100)) numbers++;
  }
  return numbers <= 1 && texts.some((t) => t !== "");
}

/**
 * Find the header of `sheet` for `kind` (or for any kind when null).
 * `headerRow` (0-based) forces the row, as an override does.
 */
export function findHeader(
  sheet: SheetData,
  kind: SheetKind | null,
  headerRow?: number
): HeaderMatch | null {
  const width = sheet.values.reduce((w, r) => Math.max(w, r ? r.length : 0), 0);
  const limit = Math.min(sheet.values.length, HEADER_SCAN_ROWS);
  const merges = sheet.merges.filter((m) => m.top < limit + 2);
  const kinds = kind ? [kind] : KINDS.map((k) => k.kind);
  let best: HeaderMatch | null = null;
  const rows = headerRow !== undefined ? [headerRow] : Array.from({ length: limit }, (_, i) => i);
  for (const r of rows) {
    const top = headerRowTexts(sheet, r, width, merges);
    if (headerRow === undefined && !isHeaderLike(top.texts, sheet.values[r])) continue;
    const candidates: { rows: number[]; headers: string[] }[] = [{ rows: [r], headers: top.texts }];
    const next = sheet.values[r + 1];
    if (headerRow === undefined && r + 1 < sheet.values.length && !isColumnNumberRow(next)) {
      const bottom = headerRowTexts(sheet, r + 1, width, merges);
      if (isHeaderLike(bottom.texts, next)) {
        const joined = top.texts.map((t, c) => {
          const b = bottom.texts[c];
          if (!b || bottom.mergedFrom[c] === 2) return t;
          if (!t) return b;
          return `${t} ${b}`;
        });
        candidates.push({ rows: [r, r + 1], headers: joined });
      }
    }
    for (const k of kinds) {
      let chosen: HeaderMatch | null = null;
      for (const cand of candidates) {
        const m = mapColumns(k, cand.headers);
        // A header row the user named (an override) is taken as it is.
        const forced = headerRow !== undefined && kind !== null;
        const need = KIND_BY_NAME[k].anyAnchor ? 1 : KIND_BY_NAME[k].anchors.length;
        if (m.anchors < need && !forced) continue;
        const minFields = forced ? 0 : kind ? 1 : 3;
        const fields = m.columns.filter((c) => c.field).length;
        if (fields < minFields) continue;
        if (!chosen || m.score > chosen.score) {
          const last = cand.rows[cand.rows.length - 1];
          const colNum = isColumnNumberRow(sheet.values[last + 1]) ? last + 1 : null;
          chosen = {
            kind: k,
            rows: cand.rows,
            dataStart: colNum !== null ? colNum + 1 : last + 1,
            columnNumberRow: colNum,
            columns: m.columns,
            score: m.score,
          };
        }
      }
      if (chosen && (!best || chosen.score > best.score)) best = chosen;
    }
  }
  return best;
}
