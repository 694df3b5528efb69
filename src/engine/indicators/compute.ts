/**
 * The indicators of DOMAIN §5 for a year Y, with previous-year values and
 * the rows each figure came from. Money and area are summed in đồng and ha,
 * then scaled to the indicator's unit.
 */
import type { DateValue } from "../parse/date";
import { serialFromYmd } from "../parse/date";
import { activeOn, foundedInYear } from "./active";
import type { DataRecord, SheetRead } from "../read/sheet-reader";
import { INDICATORS } from "./definitions";

export interface Source {
  sheet: string;
  /** 1-based rows */
  rows: number[];
}

export interface Figure {
  value: number | null;
  sources: Source[];
}

class Acc {
  value = 0;
  any = false;
  private readonly rows = new Map<string, number[]>();
  add(sheet: string, row: number, x: number): void {
    this.value += x;
    this.any = true;
    let list = this.rows.get(sheet);
    if (!list) this.rows.set(sheet, (list = []));
    list.push(row + 1);
  }
  sources(): Source[] {
    return [...this.rows].map(([sheet, rows]) => ({ sheet, rows }));
  }
}

type Sheets = Partial<Record<"tht" | "htx" | "training" | "fairs" | "loans", SheetRead[]>>;

function dateOf(v: unknown): DateValue | null {
  return v && typeof v === "object" && "serial" in (v as object) ? (v as DateValue) : null;
}

/**
 * Active at the end of `year` (DOMAIN §5), for the report year `reportYear`: the plain-date test
 * of active.ts (shared with HTX.ACTIVE_AT), with a suspension date counting like a dissolution,
 * and the status for units with no usable date.
 */
export function activeAt(rec: DataRecord, year: number, reportYear: number): boolean {
  const end = serialFromYmd(year, 12, 31);
  const founded = dateOf(rec.v.founded);
  const dissolved = dateOf(rec.v.dissolved);
  const suspended = dateOf(rec.v.suspended);
  if (!activeOn(founded, dissolved, end) || !activeOn(founded, suspended, end)) return false;
  if (rec.v.status === "dissolved" && !dissolved) return false;
  if (rec.v.status === "suspended" && !suspended && year >= reportYear) return false;
  return true;
}

function suspendedAt(rec: DataRecord, year: number, reportYear: number): boolean {
  const end = serialFromYmd(year, 12, 31);
  const founded = dateOf(rec.v.founded);
  const dissolved = dateOf(rec.v.dissolved);
  // Existing and not dissolved at the end of the year…
  if (!activeOn(founded, dissolved, end)) return false;
  if (rec.v.status === "dissolved" && !dissolved) return false;
  // …and suspended by then.
  const suspended = dateOf(rec.v.suspended);
  if (suspended) return !activeOn(null, suspended, end);
  return rec.v.status === "suspended" && year >= reportYear;
}

function foundedIn(rec: DataRecord, year: number): boolean {
  return foundedInYear(dateOf(rec.v.founded), year);
}

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** Values of every indicator for one year, keyed by code; null when unavailable. */
export function computeYear(sheets: Sheets, year: number, reportYear: number): Map<string, Figure> {
  const out = new Map<string, Figure>();
  const put = (code: string, acc: Acc | null, available: boolean, count = false) => {
    if (!available || acc === null) out.set(code, { value: null, sources: [] });
    else out.set(code, { value: count || acc.any ? acc.value : 0, sources: acc.sources() });
  };
  // A field is available when a column holds it, or headings gave it to the rows (sector).
  const hasCol = (reads: SheetRead[] | undefined, field: string) =>
    !!reads && reads.some((r) => r.colOf.has(field) || r.records.some((x) => x.v[field] != null));

  // ---- THT
  const tht = sheets.tht;
  {
    const a: Record<string, Acc> = {};
    const acc = (k: string) => (a[k] ??= new Acc());
    let revenueRows = 0;
    for (const read of tht ?? []) {
      for (const rec of read.records) {
        if (rec.duplicate) continue;
        const s = read.sheet.name;
        const v = rec.v;
        if (foundedIn(rec, year)) {
          acc("tht.new").add(s, rec.row, 1);
          for (const [code, f] of [
            ["tht.new.capital", "capital"],
            ["tht.new.area", "area"],
            ["tht.new.members", "members"],
            ["tht.new.workers", "workers"],
          ]) {
            const x = num(v[f]);
            if (x !== null) acc(code).add(s, rec.row, x);
          }
        }
        if (activeAt(rec, year, reportYear)) {
          acc("tht.total").add(s, rec.row, 1);
          if (v.sector === "nong_nghiep") acc("tht.total.nong_nghiep").add(s, rec.row, 1);
          if (v.sector === "phi_nong_nghiep") acc("tht.total.phi_nong_nghiep").add(s, rec.row, 1);
          for (const [code, f] of [
            ["tht.capital", "capital"],
            ["tht.area", "area"],
            ["tht.members", "members"],
            ["tht.workers", "workers"],
            ["tht.revenue.avg", "revenue"],
          ]) {
            const x = num(v[f]);
            if (x !== null) {
              acc(code).add(s, rec.row, x);
              if (f === "revenue") revenueRows++;
            }
          }
        }
      }
    }
    const ok = !!tht && tht.length > 0;
    put("tht.new", acc("tht.new"), ok, true);
    put("tht.new.capital", acc("tht.new.capital"), ok && hasCol(tht, "capital"));
    put("tht.new.area", acc("tht.new.area"), ok && hasCol(tht, "area"));
    put("tht.new.members", acc("tht.new.members"), ok && hasCol(tht, "members"));
    put("tht.new.workers", acc("tht.new.workers"), ok && hasCol(tht, "workers"));
    put("tht.total", acc("tht.total"), ok, true);
    put("tht.total.nong_nghiep", acc("tht.total.nong_nghiep"), ok && hasCol(tht, "sector"), true);
    put(
      "tht.total.phi_nong_nghiep",
      acc("tht.total.phi_nong_nghiep"),
      ok && hasCol(tht, "sector"),
      true
    );
    put("tht.capital", acc("tht.capital"), ok && hasCol(tht, "capital"));
    put("tht.area", acc("tht.area"), ok && hasCol(tht, "area"));
    put("tht.members", acc("tht.members"), ok && hasCol(tht, "members"));
    put("tht.workers", acc("tht.workers"), ok && hasCol(tht, "workers"));
    const rev = acc("tht.revenue.avg");
    out.set("tht.revenue.avg", {
      value: ok && revenueRows > 0 ? rev.value / revenueRows : null,
      sources: rev.sources(),
    });
  }

  // ---- HTX and unions
  const htx = sheets.htx;
  {
    const a: Record<string, Acc> = {};
    const acc = (k: string) => (a[k] ??= new Acc());
    let revenueRows = 0;
    for (const read of htx ?? []) {
      for (const rec of read.records) {
        if (rec.duplicate) continue;
        const s = read.sheet.name;
        const v = rec.v;
        const kind = v.kind;
        if (kind === "lhhtx") {
          if (foundedIn(rec, year)) {
            acc("union.new").add(s, rec.row, 1);
            for (const [code, f] of [
              ["union.new.charter_capital", "charter_capital"],
              ["union.new.area", "area"],
              ["union.new.member_coops", "member_coops"],
            ]) {
              const x = num(v[f]);
              if (x !== null) acc(code).add(s, rec.row, x);
            }
          }
          continue;
        }
        if (foundedIn(rec, year)) {
          acc("htx.new").add(s, rec.row, 1);
          for (const [code, f] of [
            ["htx.new.area", "area"],
            ["htx.new.charter_capital", "charter_capital"],
            ["htx.new.members", "members"],
            ["htx.new.workers", "workers"],
          ]) {
            const x = num(v[f]);
            if (x !== null) acc(code).add(s, rec.row, x);
          }
        }
        const dissolved = dateOf(v.dissolved);
        if (dissolved && dissolved.year === year) acc("htx.dissolved").add(s, rec.row, 1);
        if (suspendedAt(rec, year, reportYear)) acc("htx.suspended").add(s, rec.row, 1);
        if (activeAt(rec, year - 1, reportYear)) acc("htx.active.prev").add(s, rec.row, 1);
        if (activeAt(rec, year, reportYear)) {
          acc("htx.active").add(s, rec.row, 1);
          const credit = kind === "qtdnd" || v.sector === "tin_dung";
          if (credit) acc("htx.active.qtdnd").add(s, rec.row, 1);
          else if (v.sector === "nong_nghiep") acc("htx.active.nong_nghiep").add(s, rec.row, 1);
          else if (v.sector === "phi_nong_nghiep")
            acc("htx.active.phi_nong_nghiep").add(s, rec.row, 1);
          else acc("htx.active.unclassified").add(s, rec.row, 1);
          for (const [code, f] of [
            ["htx.charter_capital", "charter_capital"],
            ["htx.area", "area"],
            ["htx.members", "members"],
            ["htx.workers", "workers"],
            ["htx.revenue.avg", "revenue"],
          ]) {
            const x = num(v[f]);
            if (x !== null) {
              acc(code).add(s, rec.row, x);
              if (f === "revenue") revenueRows++;
            }
          }
        }
      }
    }
    const ok = !!htx && htx.length > 0;
    for (const code of [
      "htx.new",
      "htx.active",
      "htx.active.prev",
      "htx.dissolved",
      "htx.suspended",
      "union.new",
    ])
      put(code, acc(code), ok, true);
    for (const code of [
      "htx.active.nong_nghiep",
      "htx.active.phi_nong_nghiep",
      "htx.active.qtdnd",
      "htx.active.unclassified",
    ])
      put(code, acc(code), ok, true);
    const fieldOf: Record<string, string> = {
      "htx.new.area": "area",
      "htx.new.charter_capital": "charter_capital",
      "htx.new.members": "members",
      "htx.new.workers": "workers",
      "htx.charter_capital": "charter_capital",
      "htx.area": "area",
      "htx.members": "members",
      "htx.workers": "workers",
      "union.new.charter_capital": "charter_capital",
      "union.new.area": "area",
      "union.new.member_coops": "member_coops",
    };
    for (const [code, f] of Object.entries(fieldOf)) put(code, acc(code), ok && hasCol(htx, f));
    const rev = acc("htx.revenue.avg");
    out.set("htx.revenue.avg", {
      value: ok && revenueRows > 0 ? rev.value / revenueRows : null,
      sources: rev.sources(),
    });
  }

  // ---- Training
  const training = sheets.training;
  {
    const a: Record<string, Acc> = {};
    const acc = (k: string) => (a[k] ??= new Acc());
    for (const read of training ?? []) {
      for (const rec of read.records) {
        if (rec.duplicate) continue;
        const d = dateOf(rec.v.date);
        if (!d || d.year !== year) continue;
        const k = rec.v.kind;
        const s = read.sheet.name;
        const p = num(rec.v.participants);
        if (k === "quan_ly" || k === "nang_luc") {
          acc(`training.${k}.courses`).add(s, rec.row, 1);
          if (p !== null) acc(`training.${k}.participants`).add(s, rec.row, p);
        } else if (k === "tuyen_truyen") {
          acc("training.tuyen_truyen.sessions").add(s, rec.row, 1);
          if (p !== null) acc("training.tuyen_truyen.participants").add(s, rec.row, p);
        }
      }
    }
    const ok = !!training && training.length > 0;
    for (const code of [
      "training.quan_ly.courses",
      "training.nang_luc.courses",
      "training.tuyen_truyen.sessions",
    ])
      put(code, acc(code), ok, true);
    for (const code of [
      "training.quan_ly.participants",
      "training.nang_luc.participants",
      "training.tuyen_truyen.participants",
    ])
      put(code, acc(code), ok && hasCol(training, "participants"), true);
  }

  // ---- Fairs
  const fairs = sheets.fairs;
  {
    const a: Record<string, Acc> = {};
    const acc = (k: string) => (a[k] ??= new Acc());
    for (const read of fairs ?? []) {
      for (const rec of read.records) {
        if (rec.duplicate) continue;
        const d = dateOf(rec.v.date);
        if (!d || d.year !== year) continue;
        const s = read.sheet.name;
        const k = rec.v.kind ?? "hoi_cho";
        const names = rec.v.htx_names as string[] | null;
        const count = num(rec.v.htx_count) ?? (names ? names.length : null);
        if (k === "hoi_cho") {
          acc("fairs.events").add(s, rec.row, 1);
          if (count !== null) acc("fairs.htx").add(s, rec.row, count);
        } else if (k === "hoi_nghi_xttm") {
          if (count !== null) acc("fairs.conference.htx").add(s, rec.row, count);
        } else if (k === "ket_noi") {
          const p = num(rec.v.products);
          if (p !== null) acc("fairs.connect.products").add(s, rec.row, p);
        }
      }
    }
    const ok = !!fairs && fairs.length > 0;
    for (const code of [
      "fairs.htx",
      "fairs.events",
      "fairs.conference.htx",
      "fairs.connect.products",
    ])
      put(code, acc(code), ok, true);
  }

  // ---- Loans
  const loans = sheets.loans;
  {
    const projects = new Acc();
    const amount = new Acc();
    for (const read of loans ?? []) {
      for (const rec of read.records) {
        if (rec.duplicate) continue;
        const d = dateOf(rec.v.date);
        const hasDateCol = read.colOf.has("date");
        if (hasDateCol && (!d || d.year !== year)) continue;
        projects.add(read.sheet.name, rec.row, 1);
        const x = num(rec.v.amount);
        if (x !== null) amount.add(read.sheet.name, rec.row, x);
      }
    }
    const ok = !!loans && loans.length > 0;
    put("loans.projects", projects, ok, true);
    put("loans.amount", amount, ok, true);
  }

  // Scale money and area to the indicators' units, and drop the binary noise of summing
  // decimals (55.99999999999999 → 56): 15 significant digits, as a spreadsheet shows them.
  for (const d of INDICATORS) {
    const f = out.get(d.code);
    if (f && f.value !== null) f.value = Number((f.value * d.scale).toPrecision(15));
  }
  return out;
}
