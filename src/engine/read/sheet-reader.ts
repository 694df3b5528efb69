/**
 * Reading one messy sheet into records (DOMAIN §3): data rows below the
 * header, group rows as headings that carry the district, total and subtotal
 * rows kept out of the data and remembered for the cross-check.
 */
import { ColumnMap, HeaderMatch } from "../detect/headers";
import { FieldDef, SheetKind } from "../detect/schema";
import { areaScale, dvtOf, moneyScale } from "../detect/units";
import { UnitList, hasUnitPrefix } from "../model/admin-units";
import type { CellValue, SheetData } from "../model/cells";
import { makeIssue } from "../model/issue-factory";
import type { Issue } from "../model/issues";
import { foldKey, foldWords } from "../text/normalize";
import { matchEnum } from "./enums";
import {
  CellCtx,
  FieldValue,
  isBlank,
  readDate,
  readEnum,
  readNames,
  readNumber,
  readText,
} from "./fields";

export interface DataRecord {
  /** 0-based sheet row */
  row: number;
  v: Record<string, FieldValue>;
  /** index into SheetRead.groups, or -1 */
  group: number;
  /** true when a duplicate: counted once */
  duplicate?: boolean;
}

export interface GroupRow {
  row: number;
  label: string;
  district: string | null;
  /** a sector heading ("A. NÔNG NGHIỆP") gives the sector to the rows below it */
  sector: string | null;
  /** the group row itself carries figures: a subtotal at the top of its group */
  hasFigures: boolean;
}

export interface TotalRow {
  row: number;
  label: string;
  scope: "grand" | "group" | "since" | "unit";
  /** for scope "group": the group index; for "since": first record index covered */
  group: number;
  from: number;
  /** records covered: [from, to) for scope "since" */
  to: number;
  /** for scope "unit": the unit a "Cộng huyện X" row names */
  unit?: string;
  /** for scope "unit": the record indexes it covers (worked out once the sheet is read) */
  covered?: number[];
}

export interface NumericColumn {
  col: number;
  field: FieldDef;
  /** raw values (column's own unit) per record index; NaN when blank/unreadable */
  raw: Float64Array;
}

export interface SheetRead {
  sheet: SheetData;
  kind: SheetKind;
  header: HeaderMatch;
  /** column index → field (only mapped columns) */
  fieldColumns: ColumnMap[];
  /** field key → column index */
  colOf: Map<string, number>;
  /** column index → scale to đồng / ha */
  scaleOf: Map<number, number>;
  records: DataRecord[];
  groups: GroupRow[];
  totals: TotalRow[];
  numeric: NumericColumn[];
  issues: Issue[];
  /** the STT column, if any */
  sttCol: number;
}

export interface ReadOptions {
  reportSerial: number;
  units: UnitList;
}

const NUMERIC_TYPES = new Set(["int", "number", "money", "area"]);

// ------------------------------------------------------------------ labels

const ROMAN = /^(?:[IVXLC]+|[A-Z])\s*[.):\-–]\s*/;
const ARABIC = /^\d{1,3}\s*[.)\-–]\s+/;

function stripNumbering(label: string): { rest: string; numbered: boolean } {
  const m = ROMAN.exec(label) ?? ARABIC.exec(label);
  if (m) return { rest: label.slice(m[0].length).trim(), numbered: true };
  return { rest: label, numbered: false };
}

const GRAND_RE = /^(tong cong|tong so|toan tinh|cong toan tinh|tong cong toan tinh)( |$)|^tong$/;
const SUB_RE = /^cong( (huyen|tp|thanh pho|thi xa|tx|xa|phuong)( .*)?)?$/;

/** "Tổng…", "Toàn…", "Cộng…" with or without diacritics (NFC), any case. */
const TOTAL_PREFIX = /^(t[oổô]ng|to[aà]n|c[oộô]ng)/iu;

function totalKind(label: string, units: UnitList): "grand" | "sub" | null {
  const rest = stripNumbering(label).rest;
  // Every total label starts with "tổng", "toàn" or "cộng" (any case).
  const c0 = rest.charCodeAt(0) | 0x20;
  if (c0 !== 0x74 /* t */ && c0 !== 0x63 /* c */) return null;
  if (!TOTAL_PREFIX.test(rest)) return null;
  const w = foldWords(rest);
  if (GRAND_RE.test(w)) return "grand";
  if (SUB_RE.test(w)) return "sub";
  if (w.startsWith("cong ") && units.find(w.slice(5))) return "sub";
  return null;
}

const ROMAN_TOKEN = /^(?:[IVXLC]+|[A-Z])[.)]?$/;

/** "Kiên Giang, ngày 31 tháng 12 năm 2022" — a place, a comma, then the date (day and month may be blank). */
const DATE_LINE = /^[^\d,]{2,60},\s*ngày[\s\d.…_]*tháng[\s\d.…_]*năm\s*\d{4}/iu;
/** Titles of a form's signature block (folded). */
const SIGNATURE_TITLES = new Set([
  "nguoi lap bieu",
  "nguoi lap",
  "thu truong don vi",
  "giam doc",
  "pho giam doc",
  "chu tich",
  "pho chu tich",
  "ke toan",
  "ke toan truong",
  "noi nhan",
  "xac nhan cua don vi",
]);

/** A row with the place-and-date line or a signature title: the end of the table. */
function endsTable(row: CellValue[]): boolean {
  for (const v of row) {
    if (typeof v !== "string" || v.length > 120) continue;
    const w = foldWords(v);
    if (
      DATE_LINE.test(v.normalize("NFC").trim()) ||
      SIGNATURE_TITLES.has(w) ||
      /^(tm|kt|tl|q) /.test(w)
    ) {
      return true;
    }
  }
  return false;
}

/** A footnote: "(*) …", "* …", "Ghi chú: …", "Nguồn: …", "Lưu ý: …". */
function isNote(label: string): boolean {
  if (/^\(?\*+\)?/.test(label)) return true;
  return /^(ghi chu|nguon|luu y|chu thich)( |$)/.test(foldWords(label));
}

function isRomanToken(t: string): boolean {
  return /^(?:[IVXLC]+|[A-Z]|\d{1,4})[.)]?$/.test(t);
}

function isUpper(s: string): boolean {
  return s === s.toUpperCase() && s !== s.toLowerCase();
}

// ------------------------------------------------------------------ reader

export function readSheet(
  sheet: SheetData,
  header: HeaderMatch,
  opts: ReadOptions,
  titleUnit: string | null
): SheetRead {
  const issues: Issue[] = [];
  const kind = header.kind;
  const fieldColumns = header.columns.filter((c) => c.field);
  const colOf = new Map<string, number>();
  const scaleOf = new Map<number, number>();
  const defaultMoney = (titleUnit ? moneyScale(titleUnit) : null) ?? 1;
  for (const c of fieldColumns) {
    const f = c.field as FieldDef;
    if (c.year === undefined && !colOf.has(f.key)) colOf.set(f.key, c.col);
    if (f.type === "money") scaleOf.set(c.col, moneyScale(c.header) ?? defaultMoney);
    else if (f.type === "area") scaleOf.set(c.col, areaScale(c.header) ?? 1);
    else scaleOf.set(c.col, 1);
  }
  const sttCol =
    header.columns.find((c) => ["stt", "tt", "sott", "sothutu"].includes(foldKey(c.header)))?.col ??
    -1;
  const nameCol =
    colOf.get("name") ??
    colOf.get("title") ??
    colOf.get("event") ??
    colOf.get("label") ??
    colOf.get("project") ??
    -1;
  const numericCols = fieldColumns.filter((c) => NUMERIC_TYPES.has((c.field as FieldDef).type));
  const valueCols = fieldColumns.filter((c) => {
    const t = (c.field as FieldDef).type;
    return NUMERIC_TYPES.has(t) || t === "date";
  });

  // Wide plan columns (one per year) are read by the plan reader.
  const readCols = fieldColumns.filter((c) => c.year === undefined);
  const ctxs: CellCtx[] = readCols.map((c) => ({
    sheet: sheet.name,
    row: 0,
    col: c.col,
    field: c.field as FieldDef,
    scale: scaleOf.get(c.col) ?? 1,
    numberFormat: null,
    font: null,
    reportSerial: opts.reportSerial,
    issues,
  }));
  const records: DataRecord[] = [];
  const groups: GroupRow[] = [];
  const totals: TotalRow[] = [];
  const rawLists: number[][] = numericCols.map(() => []);
  let currentGroup = -1;
  // Headings nest ("I. Huyện Tân Hiệp" then "1. Nông nghiệp"): district and sector are kept apart.
  let currentDistrict: string | null = null;
  let currentSector: string | null = null;
  const sectorEnum = kind === "htx" ? "htxSector" : kind === "tht" ? "sector" : null;
  let lastTotalRecord = 0;
  let ended = false;
  const values = sheet.values;
  const fmts = sheet.numberFormats;
  const fonts = sheet.fonts;

  for (let r = header.dataStart; r < values.length; r++) {
    const row = values[r];
    if (!row) continue;
    let nonBlank = 0;
    let label = "";
    let labelCol = -1;
    // "I", "II", "A" in the STT column number a group row ("I | Huyện Tân Hiệp | …").
    let numberToken = false;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (isBlank(v)) continue;
      nonBlank++;
      if (!label && typeof v === "string") {
        const t = v.trim();
        if (!(c === sttCol && isRomanToken(t)) && !(isRomanToken(t) && t.length <= 4 && c < 2)) {
          label = t.normalize("NFC");
          labelCol = c;
        } else if (ROMAN_TOKEN.test(t)) numberToken = true;
      }
    }
    if (nonBlank === 0 || ended) continue;
    let figures = 0;
    for (const c of valueCols) if (!isBlank(row[c.col])) figures++;
    // The place-and-date line and the signature block under a form end its table.
    if (
      records.length > 0 &&
      kind !== "plan" &&
      !row.some((x) => typeof x === "number") &&
      endsTable(row)
    ) {
      ended = true;
      continue;
    }
    // Footnotes ("(*) Ghi chú: …") are not data.
    if (label && figures === 0 && isNote(label)) continue;

    // Total and subtotal rows: statements to check, never data.
    if (
      label &&
      kind !== "plan" &&
      labelCol !== -1 &&
      (labelCol <= Math.max(nameCol, 2) || labelCol === nameCol)
    ) {
      const tk = totalKind(label, opts.units);
      if (tk) {
        if (tk === "grand") {
          totals.push({ row: r, label, scope: "grand", group: -1, from: 0, to: 0 });
          // A grand total under the rows closes the table: what follows is notes and signatures.
          if (records.length > 0) ended = true;
        } else {
          const named = foldWords(stripNumbering(label).rest).replace(/^cong ?/, "");
          const unit = named ? opts.units.canonical(named) : null;
          // "Cộng huyện X" covers the rows of X wherever they stand (above or below it).
          if (unit) totals.push({ row: r, label, scope: "unit", unit, group: -1, from: 0, to: 0 });
          else if (currentGroup >= 0)
            totals.push({ row: r, label, scope: "group", group: currentGroup, from: 0, to: 0 });
          else
            totals.push({
              row: r,
              label,
              scope: "since",
              group: -1,
              from: lastTotalRecord,
              to: records.length,
            });
        }
        lastTotalRecord = records.length;
        continue;
      }
    }

    // Group rows: headings that may carry the district.
    if (label && kind !== "plan") {
      const stripped = stripNumbering(label);
      const rest = stripped.rest;
      const numbered = stripped.numbered || numberToken;
      const maybeHeadingOnly = figures === 0 && nonBlank <= 2;
      const maybeWithFigures = figures > 0 && numbered;
      let headingOnly = false;
      let headingWithFigures = false;
      let unit: string | null = null;
      if (maybeHeadingOnly || maybeWithFigures) {
        unit = opts.units.canonical(rest);
        const strong = numbered || hasUnitPrefix(rest) || unit !== null;
        headingOnly = maybeHeadingOnly && (strong || isUpper(rest));
        headingWithFigures =
          maybeWithFigures &&
          (unit !== null || hasUnitPrefix(rest) || isUpper(rest)) &&
          !hasOtherText(row, labelCol, valueCols, sttCol);
      }
      if (headingOnly || headingWithFigures) {
        const sectorMatch = sectorEnum && !unit ? matchEnum(sectorEnum, rest) : null;
        const sector = sectorMatch && sectorMatch.status !== "unknown" ? sectorMatch.value : null;
        groups.push({ row: r, label, district: unit, sector, hasFigures: headingWithFigures });
        currentGroup = groups.length - 1;
        if (unit) {
          currentDistrict = unit;
          currentSector = null;
        } else if (sector) currentSector = sector;
        if (headingWithFigures)
          totals.push({ row: r, label, scope: "group", group: currentGroup, from: 0, to: 0 });
        continue;
      }
    }

    // A data row.
    const rec: DataRecord = { row: r, v: {}, group: currentGroup };
    for (let k = 0; k < readCols.length; k++) {
      const c = readCols[k];
      const f = c.field as FieldDef;
      const v: CellValue = row[c.col] ?? null;
      // One context per column, reused row after row (no allocation per cell).
      const ctx = ctxs[k];
      ctx.row = r;
      ctx.numberFormat = fmts?.[r]?.[c.col];
      ctx.font = fonts?.[r]?.[c.col];
      let value: FieldValue = null;
      switch (f.type) {
        case "text":
          value = readText(v, ctx);
          break;
        case "enum":
          value = readEnum(v, ctx);
          break;
        case "names":
          value = readNames(v, ctx);
          break;
        case "date":
          value = readDate(v, ctx);
          break;
        default: {
          const n = readNumber(v, ctx);
          value = n === null ? null : n * ctx.scale;
        }
      }
      const fromHeading = f.key === "sector" && currentSector !== null;
      if (
        value === null &&
        f.required &&
        isBlank(v) &&
        !(kind === "htx" && f.key === "kind") &&
        !fromHeading
      ) {
        issues.push(
          makeIssue(
            "blank-required",
            { sheet: sheet.name, row: r, col: c.col, field: f.key },
            { fieldKey: f.key }
          )
        );
      }
      rec.v[f.key] = value;
    }
    if (rec.v.district == null && currentDistrict) rec.v.district = currentDistrict;
    if (rec.v.sector == null && currentSector) rec.v.sector = currentSector;
    for (let i = 0; i < numericCols.length; i++) {
      const c = numericCols[i];
      const x = rec.v[(c.field as FieldDef).key];
      rawLists[i].push(typeof x === "number" ? x / (scaleOf.get(c.col) ?? 1) : NaN);
    }
    records.push(rec);
  }

  // Close the "since" subtotals; a unit's subtotal covers the rows of its group or district.
  for (const t of totals) {
    if (t.scope === "since" && t.to === 0) t.to = records.length;
    if (t.scope === "unit") {
      // The rows of that unit: given in their own cell or by the heading above them.
      t.covered = [];
      records.forEach((rec, i) => {
        const d = rec.v.district;
        if (typeof d === "string" && opts.units.canonical(d) === t.unit)
          (t.covered as number[]).push(i);
      });
    }
  }

  const numeric: NumericColumn[] = numericCols.map((c, i) => ({
    col: c.col,
    field: c.field as FieldDef,
    raw: Float64Array.from(rawLists[i]),
  }));
  return {
    sheet,
    kind,
    header,
    fieldColumns,
    colOf,
    scaleOf,
    records,
    groups,
    totals,
    numeric,
    issues,
    sttCol,
  };
}

function hasOtherText(
  row: CellValue[],
  labelCol: number,
  valueCols: ColumnMap[],
  sttCol: number
): boolean {
  const vc = new Set(valueCols.map((c) => c.col));
  for (let c = 0; c < row.length; c++) {
    if (c === labelCol || c === sttCol || vc.has(c)) continue;
    if (!isBlank(row[c])) return true;
  }
  return false;
}

/** "ĐVT: triệu đồng" in the title rows above the header, if any. */
export function titleUnitOf(sheet: SheetData, header: HeaderMatch): string | null {
  for (let r = 0; r < header.rows[0]; r++) {
    for (const v of sheet.values[r] ?? []) {
      if (typeof v === "string") {
        const u = dvtOf(v);
        if (u) return u;
      }
    }
  }
  return null;
}
