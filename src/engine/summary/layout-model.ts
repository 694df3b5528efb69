/**
 * A sheet to write, described without any host types: cells with values or
 * formulas and named styles, merges, widths, hidden columns, freeze and print
 * setup. The .xlsx and Office.js adapters both write this.
 */
import type { MergeArea } from "../model/cells";

export type StyleName =
  | "org"
  | "country"
  | "motto"
  | "dateLine"
  | "title"
  | "header"
  | "colNumber"
  | "section"
  | "sectionLabel"
  | "label"
  | "subLabel"
  | "unit"
  | "int"
  | "dec2"
  | "percent"
  | "proseHeading"
  | "prose"
  | "hidden";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  border?: boolean;
  numFmt?: string;
  fill?: string;
}

export const FONT_NAME = "Times New Roman";

export const STYLES: Record<StyleName, CellStyle> = {
  org: { bold: true, size: 12, horizontal: "center", wrap: true },
  country: { bold: true, size: 12, horizontal: "center" },
  motto: { bold: true, underline: true, size: 13, horizontal: "center" },
  dateLine: { italic: true, size: 12, horizontal: "center" },
  title: { bold: true, size: 14, horizontal: "center", wrap: true },
  header: {
    bold: true,
    size: 11,
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    border: true,
    fill: "FFDDEBF7",
  },
  colNumber: { italic: true, size: 10, horizontal: "center", border: true },
  section: { bold: true, size: 12, horizontal: "center", border: true },
  sectionLabel: { bold: true, size: 12, border: true, wrap: true },
  label: { size: 12, border: true, wrap: true, vertical: "middle" },
  subLabel: { italic: true, size: 12, border: true, wrap: true, vertical: "middle" },
  unit: { size: 12, border: true, horizontal: "center", vertical: "middle" },
  int: { size: 12, border: true, numFmt: "#,##0", vertical: "middle" },
  dec2: { size: 12, border: true, numFmt: "#,##0.00", vertical: "middle" },
  percent: { size: 12, border: true, numFmt: "0%", horizontal: "center", vertical: "middle" },
  proseHeading: { bold: true, size: 12 },
  prose: { size: 12, wrap: true, vertical: "top", horizontal: "left" },
  hidden: { size: 9 },
};

export interface LayoutCell {
  /** 0-based */
  row: number;
  col: number;
  value?: string | number | null;
  /** A formula without the leading "=" */
  formula?: string;
  /** The formula's value as the engine computed it (cached for viewers that do not recalculate). */
  result?: number | string;
  style?: StyleName;
  /** A note (comment) on the cell. */
  note?: string;
}

export interface SheetLayout {
  name: string;
  cells: LayoutCell[];
  merges: MergeArea[];
  /** Widths in characters, per column from A. */
  columnWidths: number[];
  hiddenColumns: number[];
  /** Heights in points, by 0-based row. */
  rowHeights: Record<number, number>;
  /** Rows frozen at the top. */
  freezeRows: number;
  print: {
    paper: "A4";
    landscape: boolean;
    fitToWidth: boolean;
    printTitleRows?: [number, number];
  };
}

/** Canonical content of a cell for fingerprints: "=formula", a number or a string. */
export function cellContent(value: unknown, formula?: string | null): string {
  if (formula) return "=" + formula.replace(/^=/, "");
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return "s:" + value.normalize("NFC");
  if (typeof value === "boolean") return value ? "b:1" : "b:0";
  return "";
}

/**
 * A fingerprint of a sheet's contents (address → content), to notice that a
 * summary sheet was edited by hand since the add-in wrote it. FNV-1a, 2×32 bits.
 */
export function fingerprint(entries: Iterable<[string, string]>): string {
  const list = [...entries]
    .filter(([, c]) => c !== "")
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (const [addr, content] of list) {
    const s = addr + "\u0000" + content + "\u0001";
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
      h2 ^= h2 >>> 15;
    }
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
}
