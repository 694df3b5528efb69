/**
 * The fake's workbook: sheets of cells (values, formulas, number formats, font
 * names, formats), merges, column/row sizes, page setup, notes, protection.
 * Every change an operation makes is journaled so that an operation that fails
 * part-way can be undone: no single operation is ever half applied (a failed
 * sync keeps the operations before the failing one, as Excel does).
 */
import type { CellValue, SheetData, WorkbookData } from "../../../src/engine/model/cells";
import { FakeExcelError } from "./errors";
import { MAX_COLS, Rect, intersects } from "./address";
import type { FakeValue } from "./coerce";

export interface BorderSpec {
  style: string;
  weight: string;
  color: string;
}

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  size?: number;
  color?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  fill?: string;
  borders?: Partial<Record<"top" | "bottom" | "left" | "right", BorderSpec>>;
}

export interface PageSetup {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  printTitleRows: string | null;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export const DEFAULT_FONT = { name: "Calibri", size: 11 };
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

type CellArray = "values" | "formulas" | "numberFormats" | "fonts";

export class FakeSheet {
  visibility: Visibility = "Visible";
  protected = false;
  tabColor = "";
  values: FakeValue[][] = [];
  formulas: (string | undefined)[][] = [];
  numberFormats: (string | undefined)[][] = [];
  fonts: (string | undefined)[][] = [];
  /** key: row * MAX_COLS + col */
  formats = new Map<number, CellFormat>();
  merges: Rect[] = [];
  columnWidths = new Map<number, number>();
  hiddenColumns = new Set<number>();
  rowHeights = new Map<number, number>();
  freezeRows = 0;
  page: PageSetup = {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    printTitleRows: null,
  };
  /** "A1" → text */
  notes = new Map<string, string>();
  constructor(
    readonly id: string,
    public name: string
  ) {}
}

const VISIBILITY: Record<string, Visibility> = {
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
};

const INVALID_NAME = /[[\]:*?/\\]/;

export class FakeModel {
  sheets: FakeSheet[] = [];
  activeId: string | null = null;
  selection: { sheetId: string; rect: Rect } | null = null;
  structureProtected = false;
  private nextId = 1;
  private journal: (() => void)[] | null = null;
  private savedRows = new Set<string>();
  private savedFormats = new Set<string>();

  static fromWorkbookData(data: WorkbookData): FakeModel {
    const m = new FakeModel();
    for (const s of data.sheets) {
      const sheet = new FakeSheet(m.newId(), s.name);
      sheet.visibility = VISIBILITY[s.visibility ?? "visible"] ?? "Visible";
      sheet.values = s.values.map((row) =>
        Array.from(row ?? [], (v) => (v === undefined ? null : cloneValue(v)))
      );
      sheet.formulas = (s.formulas ?? []).map((row) => copyRow(row));
      sheet.numberFormats = (s.numberFormats ?? []).map((row) => copyRow(row));
      sheet.fonts = (s.fonts ?? []).map((row) => copyRow(row));
      sheet.merges = s.merges.map((r) => ({ ...r }));
      m.sheets.push(sheet);
    }
    if (!m.sheets.length) m.sheets.push(new FakeSheet(m.newId(), "Sheet1"));
    m.activeId = (m.sheets.find((s) => s.visibility === "Visible") ?? m.sheets[0]).id;
    return m;
  }

  /** The workbook as the engine sees it (what a perfect adapter would read). */
  toWorkbookData(): WorkbookData {
    const vis: Record<Visibility, SheetData["visibility"]> = {
      Visible: "visible",
      Hidden: "hidden",
      VeryHidden: "veryHidden",
    };
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        visibility: vis[s.visibility],
        values: s.values.map((row) =>
          Array.from(row ?? [], (v) => (v === undefined ? null : v))
        ) as CellValue[][],
        numberFormats: s.numberFormats.map((row) => copyRow(row)),
        fonts: s.fonts.map((row) => copyRow(row)),
        formulas: s.formulas.map((row) => copyRow(row)),
        merges: s.merges.map((r) => ({ ...r })),
      })),
    };
  }

  newId(): string {
    return `{${(this.nextId++).toString(16).padStart(8, "0")}-fake}`;
  }

  // ---------------------------------------------------------------- journal

  begin(): void {
    this.journal = [];
    this.savedRows.clear();
    this.savedFormats.clear();
  }

  commit(): void {
    this.journal = null;
  }

  rollback(): void {
    const j = this.journal ?? [];
    this.journal = null;
    for (let i = j.length - 1; i >= 0; i--) j[i]();
  }

  private undo(fn: () => void): void {
    this.journal?.push(fn);
  }

  /** Set obj[key] = value, journaled. */
  setField<T extends object, K extends keyof T>(obj: T, key: K, value: T[K]): void {
    const old = obj[key];
    this.undo(() => {
      obj[key] = old;
    });
    obj[key] = value;
  }

  private saveRow(sheet: FakeSheet, arr: CellArray, r: number): void {
    if (!this.journal) return;
    const key = `${sheet.id}|${arr}|${r}`;
    if (this.savedRows.has(key)) return;
    this.savedRows.add(key);
    const rows = sheet[arr] as unknown[][];
    const len = rows.length;
    const old = r < len && rows[r] ? rows[r].slice() : undefined;
    this.undo(() => {
      if (old) rows[r] = old;
      else if (r < len) delete rows[r];
      else rows.length = len;
    });
  }

  private saveFormat(sheet: FakeSheet, key: number): void {
    if (!this.journal) return;
    const k = `${sheet.id}|${key}`;
    if (this.savedFormats.has(k)) return;
    this.savedFormats.add(k);
    const old = sheet.formats.get(key);
    const copy = old ? cloneFormat(old) : undefined;
    this.undo(() => {
      if (copy) sheet.formats.set(key, copy);
      else sheet.formats.delete(key);
    });
  }

  // ---------------------------------------------------------------- sheets

  isAlive(sheet: FakeSheet): boolean {
    return this.sheets.includes(sheet);
  }

  find(key: string): FakeSheet | null {
    return (
      this.sheets.find((s) => s.id === key) ??
      this.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase()) ??
      null
    );
  }

  private checkStructure(): void {
    if (this.structureProtected)
      throw new FakeExcelError("AccessDenied", "The workbook's structure is protected.");
  }

  private checkName(name: string, self: FakeSheet | null): void {
    if (!name || name.length > 31 || INVALID_NAME.test(name) || /^'|'$/.test(name))
      throw new FakeExcelError("InvalidArgument", `Invalid sheet name "${name}".`);
    const other = this.find(name);
    if (other && other !== self && other.name.toLowerCase() === name.toLowerCase())
      throw new FakeExcelError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
  }

  addSheet(name?: string): FakeSheet {
    this.checkStructure();
    let n = name;
    if (n === undefined || n === "") {
      for (let i = this.sheets.length + 1; ; i++) {
        if (!this.find(`Sheet${i}`)) {
          n = `Sheet${i}`;
          break;
        }
      }
    }
    this.checkName(n as string, null);
    const sheet = new FakeSheet(this.newId(), n as string);
    const list = this.sheets;
    list.push(sheet);
    this.undo(() => {
      const i = list.indexOf(sheet);
      if (i >= 0) list.splice(i, 1);
    });
    return sheet;
  }

  renameSheet(sheet: FakeSheet, name: string): void {
    this.checkStructure();
    this.checkName(name, sheet);
    this.setField(sheet, "name", name);
  }

  private visibleCount(except?: FakeSheet): number {
    return this.sheets.filter((s) => s !== except && s.visibility === "Visible").length;
  }

  setVisibility(sheet: FakeSheet, v: string): void {
    if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden")
      throw new FakeExcelError("InvalidArgument", `Invalid visibility "${v}".`);
    if (v === sheet.visibility) return;
    this.checkStructure();
    if (v !== "Visible" && this.visibleCount(sheet) === 0)
      throw new FakeExcelError(
        "InvalidOperation",
        "A workbook must keep at least one visible sheet."
      );
    this.setField(sheet, "visibility", v);
    if (v !== "Visible" && this.activeId === sheet.id) this.activateNeighbour(sheet);
  }

  moveSheet(sheet: FakeSheet, position: number): void {
    this.checkStructure();
    if (!Number.isInteger(position) || position < 0)
      throw new FakeExcelError("InvalidArgument", `Invalid position ${position}.`);
    const old = this.sheets.slice();
    this.undo(() => {
      this.sheets = old;
    });
    const list = this.sheets.filter((s) => s !== sheet);
    list.splice(Math.min(position, list.length), 0, sheet);
    this.sheets = list;
  }

  deleteSheet(sheet: FakeSheet): void {
    this.checkStructure();
    if (sheet.visibility === "Visible" && this.visibleCount(sheet) === 0)
      throw new FakeExcelError(
        "InvalidOperation",
        "A workbook must keep at least one visible sheet."
      );
    if (this.activeId === sheet.id) this.activateNeighbour(sheet);
    const old = this.sheets.slice();
    this.undo(() => {
      this.sheets = old;
    });
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.selection?.sheetId === sheet.id) this.setField(this, "selection", null);
  }

  private activateNeighbour(sheet: FakeSheet): void {
    const i = this.sheets.indexOf(sheet);
    const next =
      this.sheets.slice(i + 1).find((s) => s.visibility === "Visible") ??
      this.sheets
        .slice(0, i)
        .reverse()
        .find((s) => s.visibility === "Visible");
    this.setField(this, "activeId", next ? next.id : null);
  }

  activate(sheet: FakeSheet): void {
    if (sheet.visibility !== "Visible")
      throw new FakeExcelError("InvalidOperation", "A hidden sheet cannot be activated.");
    this.setField(this, "activeId", sheet.id);
  }

  checkWritable(sheet: FakeSheet): void {
    if (sheet.protected)
      throw new FakeExcelError(
        "AccessDenied",
        "The cell or chart you're trying to change is on a protected sheet."
      );
  }

  // ---------------------------------------------------------------- cells

  value(sheet: FakeSheet, r: number, c: number): FakeValue {
    const v = sheet.values[r]?.[c];
    return v === undefined ? null : v;
  }

  formula(sheet: FakeSheet, r: number, c: number): string | undefined {
    return sheet.formulas[r]?.[c] ?? undefined;
  }

  numberFormat(sheet: FakeSheet, r: number, c: number): string | undefined {
    return sheet.numberFormats[r]?.[c] ?? undefined;
  }

  font(sheet: FakeSheet, r: number, c: number): string | undefined {
    return sheet.fonts[r]?.[c] ?? undefined;
  }

  format(sheet: FakeSheet, r: number, c: number): CellFormat | undefined {
    return sheet.formats.get(r * MAX_COLS + c);
  }

  private put<K extends CellArray>(
    sheet: FakeSheet,
    arr: K,
    r: number,
    c: number,
    v: FakeSheet[K][number][number]
  ): void {
    const rows = sheet[arr] as unknown[][];
    const cur = rows[r]?.[c];
    if (cur === v || ((cur === undefined || cur === null) && (v === undefined || v === null)))
      return;
    this.saveRow(sheet, arr, r);
    if (!rows[r]) {
      while (rows.length < r) rows.push([]);
      rows[r] = [];
    }
    rows[r][c] = v;
  }

  setCell(sheet: FakeSheet, r: number, c: number, value: FakeValue, formula?: string): void {
    this.put(sheet, "values", r, c, value);
    this.put(sheet, "formulas", r, c, formula);
  }

  setNumberFormat(sheet: FakeSheet, r: number, c: number, f: string | undefined): void {
    this.put(sheet, "numberFormats", r, c, f === "General" ? undefined : f);
  }

  setFont(sheet: FakeSheet, r: number, c: number, name: string): void {
    this.put(sheet, "fonts", r, c, name);
  }

  updateFormat(sheet: FakeSheet, r: number, c: number, patch: (f: CellFormat) => void): void {
    const key = r * MAX_COLS + c;
    this.saveFormat(sheet, key);
    const f = sheet.formats.get(key) ?? {};
    patch(f);
    sheet.formats.set(key, f);
  }

  /** The used range: cells with values or formulas, or (not valuesOnly) any format too. */
  usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const see = (r: number, c: number) => {
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    };
    const scan = (rows: unknown[][], present: (v: unknown) => boolean) => {
      rows.forEach((row, r) => {
        if (!row) return;
        row.forEach((v, c) => {
          if (present(v)) see(r, c);
        });
      });
    };
    scan(sheet.values, (v) => v !== null && v !== undefined);
    scan(sheet.formulas, (v) => typeof v === "string");
    if (!valuesOnly) {
      scan(sheet.numberFormats, (v) => typeof v === "string");
      scan(sheet.fonts, (v) => typeof v === "string");
      for (const key of sheet.formats.keys()) see(Math.floor(key / MAX_COLS), key % MAX_COLS);
      for (const m of sheet.merges) {
        see(m.top, m.left);
        see(m.bottom, m.right);
      }
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  merge(sheet: FakeSheet, rect: Rect, across: boolean): void {
    this.checkWritable(sheet);
    const areas: Rect[] = across
      ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => ({
          ...rect,
          top: rect.top + i,
          bottom: rect.top + i,
        }))
      : [rect];
    const old = sheet.merges.slice();
    this.undo(() => {
      sheet.merges = old;
    });
    for (const a of areas) {
      if (a.top === a.bottom && a.left === a.right) continue;
      sheet.merges = sheet.merges.filter((m) => !intersects(m, a));
      sheet.merges.push({ ...a });
      // Only the top-left cell keeps its content.
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++)
          if (r !== a.top || c !== a.left) this.setCell(sheet, r, c, null, undefined);
    }
  }

  unmerge(sheet: FakeSheet, rect: Rect): void {
    this.checkWritable(sheet);
    const old = sheet.merges.slice();
    this.undo(() => {
      sheet.merges = old;
    });
    sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
  }

  setMap<K, V>(map: Map<K, V>, key: K, value: V | undefined): void {
    const had = map.has(key);
    const old = map.get(key);
    this.undo(() => {
      if (had) map.set(key, old as V);
      else map.delete(key);
    });
    if (value === undefined) map.delete(key);
    else map.set(key, value);
  }

  setFlag<K>(set: Set<K>, key: K, on: boolean): void {
    const had = set.has(key);
    this.undo(() => {
      if (had) set.add(key);
      else set.delete(key);
    });
    if (on) set.add(key);
    else set.delete(key);
  }
}

function copyRow<T>(row: (T | null | undefined)[] | undefined): (T | undefined)[] {
  const out: (T | undefined)[] = [];
  if (!row) return out;
  row.forEach((v, i) => {
    if (v !== null && v !== undefined) out[i] = v;
  });
  return out;
}

function cloneValue(v: CellValue): FakeValue {
  return typeof v === "object" && v !== null ? { error: v.error } : v;
}

function cloneFormat(f: CellFormat): CellFormat {
  const c: CellFormat = { ...f };
  if (f.borders) {
    c.borders = {};
    for (const [k, b] of Object.entries(f.borders)) if (b) c.borders[k as "top"] = { ...b };
  }
  return c;
}
