/** Checks on one sheet's structure and rows (DOMAIN §4). */
import { FieldDef, KIND_BY_NAME } from "../detect/schema";
import { foldKey, isAscii, nameKey } from "../text/normalize";
import { UnitList, unitKey } from "../model/admin-units";
import type { CellValue } from "../model/cells";
import { makeIssue } from "../model/issue-factory";
import type { Issue } from "../model/issues";
import type { DateValue } from "../parse/date";
import { formatDateVi, parseDateValue } from "../parse/date";
import { matchEnum } from "../read/enums";
import { isBlank, showNumber } from "../read/fields";
import type { DataRecord, SheetRead } from "../read/sheet-reader";

const IGNORED_HEADERS = new Set(["stt", "tt", "sott", "sothutu"]);

/** column-missing and column-unknown. */
export function columnChecks(read: SheetRead): Issue[] {
  const out: Issue[] = [];
  const name = read.sheet.name;
  const headerRow = read.header.rows[read.header.rows.length - 1];
  for (const f of KIND_BY_NAME[read.kind].fields) {
    if (f.required && !read.colOf.has(f.key)) {
      if (read.kind === "htx" && f.key === "kind") continue;
      // Sector headings ("A. NÔNG NGHIỆP") gave every row its sector.
      if (f.key === "sector" && read.records.length && read.records.every((r) => r.v.sector))
        continue;
      out.push(
        makeIssue(
          "column-missing",
          { sheet: name, row: null, col: null, field: f.key },
          { fieldKey: f.key }
        )
      );
    }
  }
  for (const c of read.header.columns) {
    if (c.field || !c.header || IGNORED_HEADERS.has(foldKey(c.header))) continue;
    out.push(
      makeIssue(
        "column-unknown",
        { sheet: name, row: headerRow, col: c.col, field: null },
        { value: c.header }
      )
    );
  }
  return out;
}

function at(read: SheetRead, rec: DataRecord, field: string) {
  const col = read.colOf.get(field);
  return { sheet: read.sheet.name, row: rec.row, col: col ?? null, field };
}

/** The unit's kind for HTX sheets: given, else inferred from the name, else htx. */
export function htxKindOf(rec: DataRecord): "htx" | "qtdnd" | "lhhtx" {
  const k = rec.v.kind;
  if (k === "htx" || k === "qtdnd" || k === "lhhtx") return k;
  const name = typeof rec.v.name === "string" ? rec.v.name : "";
  const m = matchEnum("htxKind", name);
  if (m.status !== "unknown" && (m.value === "qtdnd" || m.value === "lhhtx")) return m.value;
  return "htx";
}

/** Row checks that need only the sheet itself. Marks duplicate records. */
export function rowChecks(read: SheetRead, units: UnitList): Issue[] {
  const out: Issue[] = [];
  const kind = read.kind;
  const isUnitList = kind === "tht" || kind === "htx";
  for (const rec of read.records) {
    const v = rec.v;
    if (isUnitList) {
      if (kind === "htx") v.kind = htxKindOf(rec);
      const founded = v.founded as DateValue | null;
      for (const f of ["dissolved", "suspended"]) {
        const d = v[f] as DateValue | null;
        if (
          founded &&
          d &&
          d.serial < founded.serial &&
          !(d.precision !== "day" && d.year === founded.year)
        ) {
          out.push(
            makeIssue("date-order", at(read, rec, f), {
              fieldKey: f,
              value: formatDateVi(d),
              expected: formatDateVi(founded),
            })
          );
        }
      }
      // "Giải thể năm 2021", "Giải thể (01/5/2022)": the date written in the status is used.
      for (const [status, field] of [
        ["dissolved", "dissolved"],
        ["suspended", "suspended"],
      ] as const) {
        if (v.status !== status || v[field]) continue;
        const statusCol = read.colOf.get("status");
        const raw = statusCol === undefined ? null : read.sheet.values[rec.row]?.[statusCol];
        const inText = typeof raw === "string" ? dateInText(raw) : null;
        if (inText) v[field] = inText;
      }
      if (v.status === "dissolved" && !v.dissolved) {
        const col = read.colOf.get("dissolved");
        const loc = col !== undefined ? at(read, rec, "dissolved") : at(read, rec, "status");
        if (col === undefined || isBlank(read.sheet.values[rec.row]?.[col])) {
          out.push(makeIssue("blank-required", loc, { fieldKey: "dissolved", text: "dissolved" }));
        }
      }
      // Legal minimums.
      const members = v.members;
      if (kind === "tht" && typeof members === "number" && members < 2) {
        out.push(
          makeIssue("below-legal-minimum", at(read, rec, "members"), {
            fieldKey: "members",
            value: showNumber(members),
            expected: "2",
          })
        );
      }
      if (kind === "htx") {
        const hk = v.kind;
        if (hk !== "lhhtx" && typeof members === "number" && members < 5) {
          out.push(
            makeIssue("below-legal-minimum", at(read, rec, "members"), {
              fieldKey: "members",
              value: showNumber(members),
              expected: "5",
            })
          );
        }
        const mc = v.member_coops;
        if (hk === "lhhtx" && typeof mc === "number" && mc < 3) {
          out.push(
            makeIssue("below-legal-minimum", at(read, rec, "member_coops"), {
              fieldKey: "member_coops",
              value: showNumber(mc),
              expected: "3",
            })
          );
        }
      }
      // Administrative units.
      const district = v.district;
      if (typeof district === "string" && district) {
        const when = founded ? founded.serial : null;
        const needCommuneLevel = units.hasCommunes && when !== null && when >= MERGER_SERIAL;
        if (!needCommuneLevel && !units.find(district)) {
          out.push(makeIssue("unknown-unit", at(read, rec, "district"), { value: district }));
        }
      }
      const commune = v.commune;
      if (units.hasCommunes && typeof commune === "string" && commune && !units.find(commune)) {
        out.push(makeIssue("unknown-unit", at(read, rec, "commune"), { value: commune }));
      }
    }
    if (kind === "fairs") {
      const names = v.htx_names as string[] | null;
      const count = v.htx_count;
      if (names && typeof count === "number" && count !== names.length) {
        out.push(
          makeIssue("count-mismatch", at(read, rec, "htx_count"), {
            value: showNumber(count),
            expected: String(names.length),
          })
        );
      }
    }
  }
  out.push(...unitSuspectChecks(read));
  return out;
}

/** A date written inside a text ("Giải thể năm 2021", "… (01/5/2022)"), or null. */
export function dateInText(text: string): DateValue | null {
  const m =
    /(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})/.exec(text) ??
    /(\d{1,2}[/.-](?:19|20)\d{2})/.exec(text) ??
    /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(text);
  if (!m) return null;
  const r = parseDateValue(m[1]);
  return r && r.ok ? r.date : null;
}

function inherited(rec: DataRecord): string {
  return `${String(rec.v.district ?? "")}\u0001${String(rec.v.sector ?? "")}`;
}

/** 1 July 2025: Kiên Giang merged into An Giang, districts abolished. */
const MERGER_SERIAL = 45839;

/** Hash of a row's cells (STT left out): FNV-1a over the raw values, trailing blanks ignored. */
function rowHash(row: CellValue[], stt: number, extra: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < extra.length; i++) h = Math.imul(h ^ extra.charCodeAt(i), 0x01000193);
  let last = row.length - 1;
  while (last >= 0 && isBlank(row[last])) last--;
  for (let c = 0; c <= last; c++) {
    if (c === stt) continue;
    const v = row[c];
    let t = v === null || v === undefined ? "" : typeof v === "object" ? v.error : String(v);
    if (typeof v === "string") {
      t = t.trim();
      if (!isAscii(t)) t = t.normalize("NFC");
    }
    for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193);
  }
  return h >>> 0;
}

function sameRow(a: CellValue[], b: CellValue[], stt: number): boolean {
  const n = Math.max(a.length, b.length);
  for (let c = 0; c < n; c++) {
    if (c === stt) continue;
    const x = a[c] ?? null;
    const y = b[c] ?? null;
    if (x === y || (isBlank(x) && isBlank(y))) continue;
    if (
      typeof x === "string" &&
      typeof y === "string" &&
      x.trim().normalize("NFC") === y.trim().normalize("NFC")
    )
      continue;
    if (
      typeof x === "object" &&
      typeof y === "object" &&
      x !== null &&
      y !== null &&
      x.error === y.error
    )
      continue;
    return false;
  }
  return true;
}

interface Seen {
  sheet: string;
  row: number;
}

/**
 * The same row twice (STT ignored; a district given by a group row counts as
 * part of the row), the same reg_code, or the same name in the same district:
 * flagged on the later row, counted once. Sheets of one kind that are read
 * together are checked together.
 */
export function duplicateChecks(reads: SheetRead[], units: UnitList): Issue[] {
  const out: Issue[] = [];
  const seenRow = new Map<number, Seen[]>();
  const seenCode = new Map<string, Seen>();
  const seenName = new Map<string, Seen>();
  const districtKey = new Map<string, string>();
  const where = (read: SheetRead, prev: Seen) => ({
    row: prev.row + 1,
    other: prev.sheet !== read.sheet.name ? prev.sheet : undefined,
  });
  for (const read of reads) {
    if (read.kind === "plan" || read.kind === "units") continue;
    const keyed = read.kind === "tht" || read.kind === "htx";
    const values = read.sheet.values;
    const byName = new Map(reads.map((r) => [r.sheet.name, r]));
    for (const rec of read.records) {
      const row = values[rec.row] ?? [];
      // What headings above give the row (district, sector) is part of the row.
      const groupDistrict = inherited(rec);
      const h = rowHash(row, read.sttCol, groupDistrict);
      const bucket = seenRow.get(h);
      const first = bucket?.find((p) => {
        const other = byName.get(p.sheet) as SheetRead;
        const rec2 = other.records.find((x) => x.row === p.row);
        const d2 = rec2 ? inherited(rec2) : "";
        return (
          d2 === groupDistrict &&
          other.sttCol === read.sttCol &&
          sameRow(other.sheet.values[p.row] ?? [], row, read.sttCol)
        );
      });
      if (first !== undefined) {
        rec.duplicate = true;
        const firstCol = row.findIndex((v, c) => c !== read.sttCol && !isBlank(v));
        out.push(
          makeIssue(
            "duplicate-row",
            { sheet: read.sheet.name, row: rec.row, col: Math.max(0, firstCol), field: null },
            where(read, first)
          )
        );
        continue;
      }
      const here: Seen = { sheet: read.sheet.name, row: rec.row };
      if (bucket) bucket.push(here);
      else seenRow.set(h, [here]);
      if (!keyed) continue;
      const code = rec.v.reg_code;
      if (typeof code === "string" && code.trim()) {
        const k = read.kind + "\u0001" + foldKey(code);
        const prev = seenCode.get(k);
        if (prev !== undefined) {
          rec.duplicate = true;
          out.push(
            makeIssue("duplicate-key", at(read, rec, "reg_code"), {
              fieldKey: "reg_code",
              value: code,
              ...where(read, prev),
            })
          );
          continue;
        }
        seenCode.set(k, here);
      }
      const name = rec.v.name;
      if (typeof name === "string" && name) {
        // Unit names compare without their prefix ("Huyện An Biên" = "An Biên").
        const d = typeof rec.v.district === "string" ? rec.v.district : "";
        let dk = districtKey.get(d);
        if (dk === undefined) {
          dk = d ? nameKey(units.canonical(d) ?? unitKey(d)) : "";
          districtKey.set(d, dk);
        }
        const k = read.kind + "\u0001" + nameKey(name) + "\u0001" + dk;
        const prev = seenName.get(k);
        if (prev !== undefined) {
          rec.duplicate = true;
          out.push(
            makeIssue("duplicate-key", at(read, rec, "name"), {
              fieldKey: "name",
              value: name,
              ...where(read, prev),
            })
          );
          continue;
        }
        seenName.set(k, here);
      }
    }
  }
  return out;
}

const SUSPECT_FACTOR = 1000;
const SUSPECT_MIN_ROWS = 5;

function median(xs: number[]): number {
  const s = Float64Array.from(xs).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Values off by ×1000 from their column's median among rows of the same kind. */
function unitSuspectChecks(read: SheetRead): Issue[] {
  const out: Issue[] = [];
  for (const col of read.numeric) {
    const f: FieldDef = col.field;
    if (f.type !== "money" && f.type !== "area" && f.type !== "number") continue;
    if (read.kind === "plan") continue;
    const groups = new Map<string, number[]>();
    read.records.forEach((rec, i) => {
      const x = col.raw[i];
      if (!(x > 0)) return;
      const g = read.kind === "htx" ? String(rec.v.kind) : "";
      let list = groups.get(g);
      if (!list) groups.set(g, (list = []));
      list.push(i);
    });
    for (const idx of groups.values()) {
      if (idx.length < SUSPECT_MIN_ROWS) continue;
      const med = median(idx.map((i) => col.raw[i]));
      if (!(med > 0)) continue;
      for (const i of idx) {
        const x = col.raw[i];
        if (x / med >= SUSPECT_FACTOR || med / x >= SUSPECT_FACTOR) {
          const rec = read.records[i];
          out.push(
            makeIssue(
              "unit-suspect",
              { sheet: read.sheet.name, row: rec.row, col: col.col, field: f.key },
              { value: showNumber(x), expected: showNumber(med), fieldKey: f.key }
            )
          );
        }
      }
    }
  }
  return out;
}
