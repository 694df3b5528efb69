/**
 * Administrative units are data, not code (DOMAIN §1): Kiên Giang's 15
 * district-level units as of 2022 by default, or the workbook's own
 * "Danh mục đơn vị" sheet.
 */
import { foldWords } from "../text/normalize";

export interface AdminUnit {
  name: string;
  level: "huyen" | "xa";
  /** Excel serials, inclusive; null = open. */
  validFrom: number | null;
  validTo: number | null;
}

export const DEFAULT_UNITS: AdminUnit[] = [
  "Rạch Giá",
  "Hà Tiên",
  "Phú Quốc",
  "Kiên Lương",
  "Giang Thành",
  "Hòn Đất",
  "Tân Hiệp",
  "Châu Thành",
  "Giồng Riềng",
  "Gò Quao",
  "An Biên",
  "An Minh",
  "U Minh Thượng",
  "Vĩnh Thuận",
  "Kiên Hải",
].map((name) => ({ name, level: "huyen" as const, validFrom: null, validTo: null }));

/** Prefixes, folded ("H." is how forms shorten "Huyện"; "TX." "Thị xã"; "TT." "Thị trấn"). */
const PREFIXES = [
  "huyen",
  "thanh pho",
  "tp",
  "thi xa",
  "tx",
  "xa",
  "phuong",
  "thi tran",
  "tt",
  "h",
];

/** Folded unit name without its prefix ("TP. Rạch Giá" → "rach gia"). */
export function unitKey(name: string): string {
  let w = foldWords(name);
  for (const p of PREFIXES) {
    if (w.startsWith(p + " ")) {
      w = w.slice(p.length + 1);
      break;
    }
  }
  return w;
}

/** True when the words start with a unit prefix ("Huyện …", "TP …"). */
export function hasUnitPrefix(name: string): boolean {
  const w = foldWords(name);
  return PREFIXES.some((p) => w.startsWith(p + " "));
}

export class UnitList {
  private readonly byKey = new Map<string, AdminUnit[]>();
  readonly hasCommunes: boolean;
  constructor(readonly units: AdminUnit[]) {
    for (const u of units) {
      const k = unitKey(u.name);
      const list = this.byKey.get(k) ?? [];
      list.push(u);
      this.byKey.set(k, list);
    }
    this.hasCommunes = units.some((u) => u.level === "xa");
  }

  /** The unit a name refers to, valid at `serial` when given. */
  private readonly keyMemo = new Map<string, string>();

  find(name: string, serial?: number | null): AdminUnit | null {
    let k = this.keyMemo.get(name);
    if (k === undefined) {
      if (this.keyMemo.size >= 10000) this.keyMemo.clear();
      k = unitKey(name);
      this.keyMemo.set(name, k);
    }
    const list = this.byKey.get(k);
    if (!list) return null;
    if (serial === undefined || serial === null) return list[0];
    return (
      list.find(
        (u) =>
          (u.validFrom === null || serial >= u.validFrom) &&
          (u.validTo === null || serial <= u.validTo)
      ) ?? null
    );
  }

  /** The canonical name for a district named in a group row or cell. */
  canonical(name: string): string | null {
    const u = this.find(name);
    return u ? u.name : null;
  }
}
