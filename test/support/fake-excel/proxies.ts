/**
 * The fake's proxy objects: like Office.js, calls and property sets are queued
 * and only run at `context.sync()`, loaded properties become readable after
 * that sync, and reading one that was not loaded (or set) and synced throws
 * PropertyNotLoaded. Objects returned by `…OrNullObject` know `isNullObject`
 * after the next sync.
 */
import type * as X from "../../../src/adapters/office/excel-types";
import {
  MAX_COLS,
  MAX_ROWS,
  Rect,
  colName,
  intersects,
  parseRect,
  qualified,
  rectCells,
} from "./address";
import { FakeValue, coerceInput } from "./coerce";
import type { ApiSupport } from "./requirements";
import { ErrorCodes, FakeExcelError, propertyNotLoaded } from "./errors";
import {
  BorderSpec,
  CellFormat,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_FONT,
  DEFAULT_ROW_HEIGHT,
  FakeModel,
  FakeSheet,
} from "./model";

// ------------------------------------------------------------------ requests

export interface Op {
  name: string;
  /** Bytes this operation adds to the request. */
  bytes: number;
  run(tx: Tx): void;
}

export interface Limits {
  requestBytes: number;
  responseBytes: number;
  cells: number;
}

/** UTF-8 bytes of the JSON of a value (payload sizes). */
export function jsonBytes(x: unknown): number {
  const s = JSON.stringify(x) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** One sync being executed. */
export class Tx {
  responseBytes = 0;
  cells = 0;
  calcSuspended = false;
  screenSuspended = false;
  readonly commits: (() => void)[] = [];
  constructor(
    readonly model: FakeModel,
    readonly limits: Limits,
    readonly apis: ApiSupport
  ) {}

  /** A range operation over `n` cells (fails over the cell limit, like Excel). */
  cellsOp(n: number): void {
    if (n > this.limits.cells)
      throw new FakeExcelError(
        ErrorCodes.rangeExceedsLimit,
        `The range has ${n} cells; at most ${this.limits.cells} are allowed in one operation.`
      );
    this.cells += n;
  }

  respond(payload: unknown): void {
    this.responseBytes += jsonBytes(payload);
  }

  /** The host must have this API (ApiNotFound otherwise). */
  api(name: string): void {
    this.apis.require(name);
  }
}

export interface ContextHost {
  readonly model: FakeModel;
  readonly apis: ApiSupport;
  sync(ctx: FakeContext): Promise<void>;
}

export class FakeContext implements X.RequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  readonly trackedObjects = { add(): void {}, remove(): void {} };
  _queue: Op[] = [];
  _nullables: ProxyBase<unknown>[] = [];
  _closed = false;

  constructor(readonly _host: ContextHost) {
    this.workbook = new FakeWorkbook(this, () => _host.model, false, "Workbook");
    this.application = this.workbook.application;
  }

  sync(): Promise<void> {
    return this._host.sync(this);
  }

  _enqueue(op: Op): void {
    if (this._closed) throw new FakeExcelError(ErrorCodes.invalidRequestContext);
    this._queue.push(op);
  }
}

// ------------------------------------------------------------------ base

function propList(props?: string | string[] | { select?: string }): string[] {
  const raw =
    props === undefined
      ? []
      : typeof props === "string"
        ? props.split(",")
        : Array.isArray(props)
          ? props.flatMap((p) => p.split(","))
          : (props.select ?? "").split(",");
  return raw.map((p) => p.trim()).filter(Boolean);
}

export abstract class ProxyBase<T> implements X.ClientObject {
  protected readonly _loaded = new Map<string, unknown>();
  private _cache: { t: T | null } | null = null;
  private _nullKnown = false;
  private readonly _children = new Map<string, unknown>();

  constructor(
    readonly _ctx: FakeContext,
    private readonly _resolver: () => T | null,
    readonly _orNull: boolean,
    readonly _type: string
  ) {
    if (_orNull) _ctx._nullables.push(this as ProxyBase<unknown>);
  }

  /** Properties `load()` without arguments loads. */
  protected abstract readonly _scalars: string[];

  /** Read one property of the target (at sync). */
  protected abstract _read(t: T, prop: string, tx: Tx): unknown;

  /** Count (and limit) the cells a load touches, once per load. */
  protected _loadCells(t: T, props: string[], tx: Tx): void {
    void t;
    void props;
    void tx;
  }

  protected _alive(t: T): boolean {
    void t;
    return true;
  }

  _resolveOrNull(): T | null {
    if (!this._cache) this._cache = { t: this._resolver() };
    const t = this._cache.t;
    if (t === null) {
      if (this._orNull) return null;
      throw new FakeExcelError(ErrorCodes.itemNotFound, undefined, this._type);
    }
    if (!this._alive(t))
      throw new FakeExcelError(ErrorCodes.itemNotFound, `The ${this._type} no longer exists.`);
    return t;
  }

  _resolve(): T {
    const t = this._resolveOrNull();
    if (t === null)
      throw new FakeExcelError(
        ErrorCodes.itemNotFound,
        `The ${this._type} does not exist (null object).`,
        this._type
      );
    return t;
  }

  _markKnown(tx: Tx): void {
    tx.commits.push(() => {
      this._nullKnown = true;
    });
  }

  get isNullObject(): boolean {
    if (!this._nullKnown) throw propertyNotLoaded("isNullObject", this._type);
    return this._cache?.t === null;
  }

  protected _get<V>(prop: string): V {
    if (!this._loaded.has(prop)) throw propertyNotLoaded(prop, this._type);
    return this._loaded.get(prop) as V;
  }

  protected _child<C>(key: string, make: () => C): C {
    let c = this._children.get(key) as C | undefined;
    if (c === undefined) {
      c = make();
      this._children.set(key, c);
    }
    return c;
  }

  /** Queue a property set; readable (as `readBack`, default the value) after the sync. */
  protected _set(
    prop: string,
    value: unknown,
    apply: (t: T, tx: Tx) => void,
    readBack?: (t: T, tx: Tx) => unknown
  ): void {
    this._ctx._enqueue({
      name: `${this._type}.${prop}=`,
      bytes: jsonBytes({ o: this._type, p: prop, v: value }),
      run: (tx) => {
        const t = this._resolve();
        apply(t, tx);
        const back = readBack ? readBack(t, tx) : value;
        tx.commits.push(() => {
          this._loaded.set(prop, back);
          this._nullKnown = true;
        });
      },
    });
  }

  /** Queue a method call. */
  protected _call(method: string, args: unknown[], fn: (t: T, tx: Tx) => void): void {
    this._ctx._enqueue({
      name: `${this._type}.${method}`,
      bytes: jsonBytes({ o: this._type, m: method, a: args }),
      run: (tx) => fn(this._resolve(), tx),
    });
  }

  load(props?: string | string[] | { select?: string }): this {
    const names = propList(props);
    const list = names.length ? names : this._scalars;
    this._ctx._enqueue({
      name: `${this._type}.load`,
      bytes: jsonBytes({ o: this._type, l: list }),
      run: (tx) => {
        const t = this._resolveOrNull();
        const got: Record<string, unknown> = {};
        if (t !== null) {
          this._loadCells(t, list, tx);
          for (const p of list) got[p] = this._read(t, p, tx);
        }
        tx.respond(got);
        tx.commits.push(() => {
          for (const [k, v] of Object.entries(got)) this._loaded.set(k, v);
          this._nullKnown = true;
        });
      },
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

function unknownProp(type: string, prop: string): FakeExcelError {
  return new FakeExcelError(
    ErrorCodes.invalidArgument,
    `The property '${prop}' does not exist on ${type} (or the fake does not model it).`
  );
}

export class FakeClientResult<T> implements X.ClientResult<T> {
  private _ready = false;
  private _value: T | undefined;
  get value(): T {
    if (!this._ready) throw propertyNotLoaded("value", "ClientResult");
    return this._value as T;
  }
  _set(v: T): void {
    this._ready = true;
    this._value = v;
  }
}

// ------------------------------------------------------------------ cells as Excel shows them

function excelValue(v: FakeValue | undefined): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return v.error;
  return v;
}

function valueType(v: FakeValue | undefined): string {
  if (v === null || v === undefined) return "Empty";
  if (typeof v === "object") return "Error";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "String";
}

function textOf(v: FakeValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

type GridKind = "values" | "valueTypes" | "formulas" | "numberFormat" | "text";

function readGrid(sheet: FakeSheet, rect: Rect, kind: GridKind): unknown[][] {
  const out: unknown[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const vals = sheet.values[r];
    const fx = sheet.formulas[r];
    const nf = sheet.numberFormats[r];
    const row: unknown[] = new Array(rect.right - rect.left + 1);
    for (let c = rect.left, j = 0; c <= rect.right; c++, j++) {
      const v = vals ? vals[c] : undefined;
      switch (kind) {
        case "values":
          row[j] = excelValue(v);
          break;
        case "valueTypes":
          row[j] = valueType(v);
          break;
        case "formulas":
          row[j] = (fx && fx[c]) ?? excelValue(v);
          break;
        case "numberFormat":
          row[j] = (nf && nf[c]) ?? "General";
          break;
        case "text":
          row[j] = textOf(v);
          break;
      }
    }
    out.push(row);
  }
  return out;
}

function forCells(rects: Rect[], fn: (r: number, c: number) => void): void {
  for (const rect of rects)
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) fn(r, c);
}

/** The common value over the cells, or null when they differ (as Excel reports mixed formats). */
function uniform<V>(rects: Rect[], get: (r: number, c: number) => V): V | null {
  let first = true;
  let value: V | null = null;
  let mixed = false;
  forCells(rects, (r, c) => {
    if (mixed) return;
    const v = get(r, c);
    if (first) {
      value = v;
      first = false;
    } else if (v !== value) mixed = true;
  });
  return mixed ? null : value;
}

// ------------------------------------------------------------------ workbook

export class FakeWorkbook extends ProxyBase<FakeModel> implements X.Workbook {
  protected readonly _scalars = ["name"];
  protected _read(_t: FakeModel, prop: string): unknown {
    if (prop === "name") return "Book1.xlsx";
    throw unknownProp(this._type, prop);
  }
  get worksheets(): FakeWorksheetCollection {
    return this._child(
      "worksheets",
      () =>
        new FakeWorksheetCollection(this._ctx, () => this._resolve(), false, "WorksheetCollection")
    );
  }
  get application(): FakeApplication {
    return this._child(
      "application",
      () => new FakeApplication(this._ctx, () => this._resolve(), false, "Application")
    );
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(
      this._ctx,
      () => {
        const m = this._resolve();
        const sel = m.selection;
        const sheet = sel ? m.find(sel.sheetId) : m.find(m.activeId ?? "");
        if (!sheet) return null;
        return { sheet, rect: sel && sel.sheetId === sheet.id ? sel.rect : cell(0, 0) };
      },
      false,
      "Range"
    );
  }
}

function cell(r: number, c: number): Rect {
  return { top: r, left: c, bottom: r, right: c };
}

export class FakeApplication extends ProxyBase<FakeModel> implements X.Application {
  protected readonly _scalars = ["calculationMode"];
  protected _read(_t: FakeModel, prop: string): unknown {
    if (prop === "calculationMode") return "Automatic";
    throw unknownProp(this._type, prop);
  }
  suspendApiCalculationUntilNextSync(): void {
    this._call("suspendApiCalculationUntilNextSync", [], (_t, tx) => {
      tx.api("suspendApiCalculationUntilNextSync");
      tx.calcSuspended = true;
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._call("suspendScreenUpdatingUntilNextSync", [], (_t, tx) => {
      tx.api("suspendScreenUpdatingUntilNextSync");
      tx.screenSuspended = true;
    });
  }
}

// ------------------------------------------------------------------ worksheets

const SHEET_SCALARS = ["name", "id", "position", "visibility", "tabColor"];

export class FakeWorksheetCollection extends ProxyBase<FakeModel> implements X.WorksheetCollection {
  protected readonly _scalars = ["items"];
  protected _read(): unknown {
    throw unknownProp(this._type, "?");
  }

  get items(): FakeWorksheet[] {
    return this._get("items");
  }

  override load(props?: string | string[] | { select?: string }): this {
    const names = propList(props)
      .map((p) => p.replace(/^items\/?/, ""))
      .filter(Boolean);
    const list = names.length ? [...new Set(names)] : SHEET_SCALARS;
    this._ctx._enqueue({
      name: `${this._type}.load`,
      bytes: jsonBytes({ o: this._type, l: list }),
      run: (tx) => {
        const m = this._resolve();
        const items = m.sheets.map((s) => {
          const p = new FakeWorksheet(this._ctx, () => s, false, "Worksheet");
          const got: Record<string, unknown> = {};
          for (const prop of list) got[prop] = p._readNow(s, prop);
          return { p, got };
        });
        tx.respond({ items: items.map((i) => i.got) });
        tx.commits.push(() => {
          for (const { p, got } of items) p._commitLoaded(got);
          this._loaded.set(
            "items",
            items.map((i) => i.p)
          );
        });
        this._markKnown(tx);
      },
    });
    return this;
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this._ctx, () => this._resolve().find(key), false, "Worksheet");
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this._ctx, () => this._resolve().find(key), true, "Worksheet");
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this._ctx,
      () => {
        const m = this._resolve();
        return m.find(m.activeId ?? "");
      },
      false,
      "Worksheet"
    );
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this._call("getCount", [], (m, tx) => {
      const n = m.sheets.length;
      tx.respond(n);
      tx.commits.push(() => result._set(n));
    });
    return result;
  }

  add(name?: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this._call("add", [name ?? null], (m) => {
      created = m.addSheet(name);
    });
    return new FakeWorksheet(
      this._ctx,
      () => {
        if (!created)
          throw new FakeExcelError(ErrorCodes.invalidOperation, "The sheet was not added.");
        return created;
      },
      false,
      "Worksheet"
    );
  }
}

export class FakeWorksheet extends ProxyBase<FakeSheet> implements X.Worksheet {
  protected readonly _scalars = SHEET_SCALARS;

  protected override _alive(t: FakeSheet): boolean {
    return this._ctx._host.model.isAlive(t);
  }

  private get _model(): FakeModel {
    return this._ctx._host.model;
  }

  protected _read(s: FakeSheet, prop: string): unknown {
    switch (prop) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return this._model.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor;
      default:
        throw unknownProp(this._type, prop);
    }
  }

  _readNow(s: FakeSheet, prop: string): unknown {
    return this._read(s, prop);
  }

  _commitLoaded(got: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(got)) this._loaded.set(k, v);
  }

  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (s) => this._model.renameSheet(s, v));
  }
  get id(): string {
    return this._get("id");
  }
  get position(): number {
    return this._get("position");
  }
  set position(v: number) {
    this._set(
      "position",
      v,
      (s) => this._model.moveSheet(s, v),
      (s) => this._model.sheets.indexOf(s)
    );
  }
  get visibility(): string {
    return this._get("visibility");
  }
  set visibility(v: string) {
    this._set("visibility", v, (s) => this._model.setVisibility(s, v));
  }
  get tabColor(): string {
    return this._get("tabColor");
  }
  set tabColor(v: string) {
    this._set("tabColor", v, (s) => {
      this._model.checkWritable(s);
      this._model.setField(s, "tabColor", v);
    });
  }

  get protection(): FakeProtection {
    return this._child(
      "protection",
      () => new FakeProtection(this._ctx, () => this._resolve(), false, "WorksheetProtection")
    );
  }
  get freezePanes(): FakeFreezePanes {
    return this._child(
      "freezePanes",
      () => new FakeFreezePanes(this._ctx, () => this._resolve(), false, "WorksheetFreezePanes")
    );
  }
  get pageLayout(): FakePageLayout {
    return this._child(
      "pageLayout",
      () => new FakePageLayout(this._ctx, () => this._resolve(), false, "PageLayout")
    );
  }
  get notes(): FakeNotes {
    return this._child(
      "notes",
      () => new FakeNotes(this._ctx, () => this._resolve(), false, "NoteCollection")
    );
  }

  private _range(make: (s: FakeSheet) => Rect | null, orNull = false): FakeRange {
    return new FakeRange(
      this._ctx,
      () => {
        const s = this._resolve();
        const rect = make(s);
        return rect ? { sheet: s, rect } : null;
      },
      orNull,
      "Range"
    );
  }

  getRange(address?: string): FakeRange {
    return this._range(() => {
      if (address === undefined || address === "")
        return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
      const r = parseRect(address);
      if (!r) throw new FakeExcelError(ErrorCodes.invalidArgument, `Invalid address "${address}".`);
      return r;
    });
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return this._range(() => {
      const ok =
        [row, col, rows, cols].every(Number.isInteger) &&
        row >= 0 &&
        col >= 0 &&
        rows >= 1 &&
        cols >= 1 &&
        row + rows <= MAX_ROWS &&
        col + cols <= MAX_COLS;
      if (!ok)
        throw new FakeExcelError(
          ErrorCodes.invalidArgument,
          `Invalid range indexes (${row}, ${col}, ${rows}, ${cols}).`
        );
      return { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 };
    });
  }

  getCell(row: number, col: number): FakeRange {
    return this.getRangeByIndexes(row, col, 1, 1);
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this._range((s) => this._model.usedRect(s, !!valuesOnly) ?? cell(0, 0));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this._range((s) => this._model.usedRect(s, !!valuesOnly), true);
  }

  getRanges(address?: string): FakeRangeAreas {
    return new FakeRangeAreas(
      this._ctx,
      () => {
        const s = this._resolve();
        const parts = (address ?? "").split(/[,;]/).map((p) => p.trim());
        const rects = parts.map(parseRect);
        if (!parts.length || rects.some((r) => r === null))
          throw new FakeExcelError(ErrorCodes.invalidArgument, `Invalid address "${address}".`);
        return { sheet: s, rects: rects as Rect[] };
      },
      false,
      "RangeAreas"
    );
  }

  activate(): void {
    this._call("activate", [], (s) => this._model.activate(s));
  }

  delete(): void {
    this._call("delete", [], (s) => this._model.deleteSheet(s));
  }
}

export class FakeProtection extends ProxyBase<FakeSheet> implements X.WorksheetProtection {
  protected readonly _scalars = ["protected"];
  protected _read(s: FakeSheet, prop: string): unknown {
    if (prop === "protected") return s.protected;
    throw unknownProp(this._type, prop);
  }
  get protected(): boolean {
    return this._get("protected");
  }
  protect(): void {
    this._call("protect", [], (s) => this._ctx._host.model.setField(s, "protected", true));
  }
  unprotect(): void {
    this._call("unprotect", [], (s) => this._ctx._host.model.setField(s, "protected", false));
  }
}

export class FakeFreezePanes extends ProxyBase<FakeSheet> implements X.WorksheetFreezePanes {
  protected readonly _scalars: string[] = [];
  protected _read(_s: FakeSheet, prop: string): unknown {
    throw unknownProp(this._type, prop);
  }
  freezeRows(count = 1): void {
    this._call("freezeRows", [count], (s) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS)
        throw new FakeExcelError(ErrorCodes.invalidArgument);
      this._ctx._host.model.setField(s, "freezeRows", count);
    });
  }
  unfreeze(): void {
    this._call("unfreeze", [], (s) => this._ctx._host.model.setField(s, "freezeRows", 0));
  }
}

const ORIENTATIONS = ["Portrait", "Landscape"];
const PAPER = ["Letter", "Legal", "A3", "A4", "A5", "B4", "B5", "Executive", "Tabloid"];
type Margin =
  "leftMargin" | "rightMargin" | "topMargin" | "bottomMargin" | "headerMargin" | "footerMargin";

export class FakePageLayout extends ProxyBase<FakeSheet> implements X.PageLayout {
  protected readonly _scalars = [
    "orientation",
    "paperSize",
    "zoom",
    "leftMargin",
    "rightMargin",
    "topMargin",
    "bottomMargin",
    "headerMargin",
    "footerMargin",
  ];
  protected _read(s: FakeSheet, prop: string): unknown {
    if (this._scalars.includes(prop)) {
      const v = s.page[prop as keyof typeof s.page];
      return typeof v === "object" && v !== null ? { ...v } : v;
    }
    throw unknownProp(this._type, prop);
  }
  private _page<K extends keyof FakeSheet["page"]>(
    key: K,
    value: FakeSheet["page"][K],
    valid: boolean
  ): void {
    this._set(key, value, (s) => {
      if (!valid) throw new FakeExcelError(ErrorCodes.invalidArgument, `Invalid ${key}.`);
      this._ctx._host.model.setField(s.page, key, value);
    });
  }
  get orientation(): string {
    return this._get("orientation");
  }
  set orientation(v: string) {
    this._page("orientation", v, ORIENTATIONS.includes(v));
  }
  get paperSize(): string {
    return this._get("paperSize");
  }
  set paperSize(v: string) {
    this._page("paperSize", v, PAPER.includes(v));
  }
  get zoom(): X.PageLayoutZoomOptions {
    return this._get("zoom");
  }
  set zoom(v: X.PageLayoutZoomOptions) {
    const ok =
      (v.scale === undefined || (v.scale >= 10 && v.scale <= 400)) &&
      [v.horizontalFitToPages, v.verticalFitToPages].every(
        (n) => n === undefined || (Number.isInteger(n) && n >= 0)
      );
    this._page("zoom", { ...v }, ok);
  }
  private _margin(key: Margin, v: number): void {
    this._page(key, v, Number.isFinite(v) && v >= 0);
  }
  get leftMargin(): number {
    return this._get("leftMargin");
  }
  set leftMargin(v: number) {
    this._margin("leftMargin", v);
  }
  get rightMargin(): number {
    return this._get("rightMargin");
  }
  set rightMargin(v: number) {
    this._margin("rightMargin", v);
  }
  get topMargin(): number {
    return this._get("topMargin");
  }
  set topMargin(v: number) {
    this._margin("topMargin", v);
  }
  get bottomMargin(): number {
    return this._get("bottomMargin");
  }
  set bottomMargin(v: number) {
    this._margin("bottomMargin", v);
  }
  get headerMargin(): number {
    return this._get("headerMargin");
  }
  set headerMargin(v: number) {
    this._margin("headerMargin", v);
  }
  get footerMargin(): number {
    return this._get("footerMargin");
  }
  set footerMargin(v: number) {
    this._margin("footerMargin", v);
  }
  setPrintTitleRows(rows: X.Range | string): void {
    this._call("setPrintTitleRows", [typeof rows === "string" ? rows : "<Range>"], (s) => {
      let text: string;
      if (typeof rows === "string") {
        if (!/^\$?\d+:\$?\d+$/.test(rows.trim()))
          throw new FakeExcelError(ErrorCodes.invalidArgument, `Invalid rows "${rows}".`);
        text = rows.trim();
      } else {
        const r = (rows as unknown as FakeRange)._resolve().rect;
        text = `$${r.top + 1}:$${r.bottom + 1}`;
      }
      this._ctx._host.model.setField(s.page, "printTitleRows", text);
    });
  }
}

export class FakeNotes extends ProxyBase<FakeSheet> implements X.NoteCollection {
  protected readonly _scalars: string[] = [];
  protected _read(_s: FakeSheet, prop: string): unknown {
    throw unknownProp(this._type, prop);
  }
  add(cellAddress: X.Range | string, content: unknown): void {
    this._call(
      "add",
      [typeof cellAddress === "string" ? cellAddress : "<Range>", content],
      (s, tx) => {
        tx.api("notes");
        const model = this._ctx._host.model;
        let rect: Rect | null;
        if (typeof cellAddress === "string") rect = parseRect(cellAddress);
        else rect = (cellAddress as unknown as FakeRange)._resolve().rect;
        if (!rect || rect.top !== rect.bottom || rect.left !== rect.right)
          throw new FakeExcelError(ErrorCodes.invalidArgument, "A note goes on one cell.");
        model.checkWritable(s);
        model.setMap(s.notes, colName(rect.left) + (rect.top + 1), String(content));
      }
    );
  }
}

// ------------------------------------------------------------------ ranges

export interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

export interface AreasTarget {
  sheet: FakeSheet;
  rects: Rect[];
}

const RANGE_SCALARS = [
  "address",
  "rowIndex",
  "columnIndex",
  "rowCount",
  "columnCount",
  "cellCount",
  "values",
  "valueTypes",
  "formulas",
  "numberFormat",
  "text",
];

const GRID_PROPS = ["values", "valueTypes", "formulas", "numberFormat", "text"];

export class FakeRange extends ProxyBase<RangeTarget> implements X.Range {
  protected readonly _scalars = RANGE_SCALARS;

  private get _model(): FakeModel {
    return this._ctx._host.model;
  }

  protected override _alive(t: RangeTarget): boolean {
    return this._model.isAlive(t.sheet);
  }

  protected override _loadCells(t: RangeTarget, props: string[], tx: Tx): void {
    if (props.some((p) => GRID_PROPS.includes(p))) tx.cellsOp(rectCells(t.rect));
  }

  protected _read(t: RangeTarget, prop: string): unknown {
    const { sheet, rect } = t;
    switch (prop) {
      case "address":
        return qualified(sheet.name, rect);
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      case "cellCount":
        return rectCells(rect);
      case "values":
      case "valueTypes":
      case "formulas":
      case "numberFormat":
      case "text":
        return readGrid(sheet, rect, prop);
      case "columnHidden": {
        let all = true;
        for (let c = rect.left; c <= rect.right; c++) if (!sheet.hiddenColumns.has(c)) all = false;
        return all;
      }
      case "isEntireColumn":
        return rect.top === 0 && rect.bottom === MAX_ROWS - 1;
      case "isEntireRow":
        return rect.left === 0 && rect.right === MAX_COLS - 1;
      default:
        throw unknownProp(this._type, prop);
    }
  }

  get address(): string {
    return this._get("address");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get values(): unknown[][] {
    return this._get("values");
  }
  set values(v: unknown[][]) {
    this._setGrid("values", v);
  }
  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  set formulas(v: unknown[][]) {
    this._setGrid("formulas", v);
  }
  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this._setGrid("numberFormat", v);
  }
  get columnHidden(): boolean {
    return this._get("columnHidden");
  }
  set columnHidden(v: boolean) {
    this._set("columnHidden", v, ({ sheet, rect }) => {
      this._model.checkWritable(sheet);
      for (let c = rect.left; c <= rect.right; c++) this._model.setFlag(sheet.hiddenColumns, c, v);
    });
  }

  private _setGrid(kind: "values" | "formulas" | "numberFormat", grid: unknown[][]): void {
    this._set(
      kind,
      grid,
      ({ sheet, rect }, tx) => {
        const rows = rect.bottom - rect.top + 1;
        const cols = rect.right - rect.left + 1;
        const ok =
          Array.isArray(grid) &&
          grid.length === rows &&
          grid.every((row) => Array.isArray(row) && row.length === cols);
        if (!ok)
          throw new FakeExcelError(
            ErrorCodes.invalidArgument,
            "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
          );
        this._model.checkWritable(sheet);
        tx.cellsOp(rows * cols);
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) {
            const r = rect.top + i;
            const c = rect.left + j;
            const input = grid[i][j];
            if (kind === "numberFormat") {
              if (input === null || input === undefined) continue;
              if (typeof input !== "string") throw new FakeExcelError(ErrorCodes.invalidArgument);
              this._model.setNumberFormat(sheet, r, c, input);
              continue;
            }
            const coerced = coerceInput(input, this._model.numberFormat(sheet, r, c));
            if (coerced) this._model.setCell(sheet, r, c, coerced.value, coerced.formula);
          }
        }
      },
      ({ sheet, rect }) => readGrid(sheet, rect, kind)
    );
  }

  get format(): FakeRangeFormat {
    return this._child(
      "format",
      () =>
        new FakeRangeFormat(
          this._ctx,
          () => {
            const t = this._resolve();
            return { sheet: t.sheet, rects: [t.rect] };
          },
          false,
          "RangeFormat"
        )
    );
  }

  get worksheet(): FakeWorksheet {
    return this._child(
      "worksheet",
      () => new FakeWorksheet(this._ctx, () => this._resolve().sheet, false, "Worksheet")
    );
  }

  private _derived(make: (t: RangeTarget) => Rect): FakeRange {
    return new FakeRange(
      this._ctx,
      () => {
        const t = this._resolve();
        return { sheet: t.sheet, rect: make(t) };
      },
      false,
      "Range"
    );
  }

  getCell(row: number, column: number): FakeRange {
    return this._derived(({ rect }) => cell(rect.top + row, rect.left + column));
  }

  getEntireColumn(): FakeRange {
    return this._derived(({ rect }) => ({ ...rect, top: 0, bottom: MAX_ROWS - 1 }));
  }

  getEntireRow(): FakeRange {
    return this._derived(({ rect }) => ({ ...rect, left: 0, right: MAX_COLS - 1 }));
  }

  getCellProperties(
    options: X.CellPropertiesLoadOptions & {
      format?: {
        font?: { bold?: boolean; italic?: boolean; size?: boolean; color?: boolean };
        fill?: { color?: boolean };
        horizontalAlignment?: boolean;
        verticalAlignment?: boolean;
        wrapText?: boolean;
      };
    }
  ): FakeClientResult<X.CellProperties[][]> {
    const result = new FakeClientResult<X.CellProperties[][]>();
    this._call("getCellProperties", [options], ({ sheet, rect }, tx) => {
      tx.cellsOp(rectCells(rect));
      const m = this._model;
      const fo = options.format ?? {};
      const grid: X.CellProperties[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const row: X.CellProperties[] = [];
        for (let c = rect.left; c <= rect.right; c++) {
          const f = m.format(sheet, r, c) ?? {};
          const format: Record<string, unknown> = {};
          if (fo.font) {
            const font: Record<string, unknown> = {};
            if (fo.font.name) font.name = m.font(sheet, r, c) ?? DEFAULT_FONT.name;
            if (fo.font.bold) font.bold = f.bold ?? false;
            if (fo.font.italic) font.italic = f.italic ?? false;
            if (fo.font.size) font.size = f.size ?? DEFAULT_FONT.size;
            if (fo.font.color) font.color = f.color ?? "#000000";
            format.font = font;
          }
          if (fo.fill?.color) format.fill = { color: f.fill ?? "#FFFFFF" };
          if (fo.horizontalAlignment)
            format.horizontalAlignment = f.horizontalAlignment ?? "General";
          if (fo.verticalAlignment) format.verticalAlignment = f.verticalAlignment ?? "Bottom";
          if (fo.wrapText) format.wrapText = f.wrapText ?? false;
          row.push({ format } as X.CellProperties);
        }
        grid.push(row);
      }
      tx.respond(grid);
      tx.commits.push(() => result._set(grid));
    });
    return result;
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(
      this._ctx,
      () => {
        this._ctx._host.apis.require("getMergedAreasOrNullObject");
        const { sheet, rect } = this._resolve();
        const rects = sheet.merges.filter((m) => intersects(m, rect)).map((m) => ({ ...m }));
        return rects.length ? { sheet, rects } : null;
      },
      true,
      "RangeAreas"
    );
  }

  merge(across = false): void {
    this._call("merge", [across], ({ sheet, rect }) => this._model.merge(sheet, rect, across));
  }

  unmerge(): void {
    this._call("unmerge", [], ({ sheet, rect }) => this._model.unmerge(sheet, rect));
  }

  select(): void {
    this._call("select", [], ({ sheet, rect }) => {
      this._model.activate(sheet);
      this._model.setField(this._model, "selection", { sheetId: sheet.id, rect: { ...rect } });
    });
  }

  clear(applyTo: string = "All"): void {
    this._call("clear", [applyTo], ({ sheet, rect }, tx) => {
      const m = this._model;
      m.checkWritable(sheet);
      tx.cellsOp(rectCells(rect));
      const contents = applyTo === "All" || applyTo === "Contents";
      const formats = applyTo === "All" || applyTo === "Formats";
      forCells([rect], (r, c) => {
        if (contents) m.setCell(sheet, r, c, null, undefined);
        if (formats) {
          m.setNumberFormat(sheet, r, c, undefined);
          if (m.font(sheet, r, c) !== undefined) m.setFont(sheet, r, c, DEFAULT_FONT.name);
          if (m.format(sheet, r, c))
            m.updateFormat(sheet, r, c, (f) =>
              Object.keys(f).forEach((k) => delete f[k as keyof CellFormat])
            );
        }
      });
    });
  }
}

export class FakeRangeAreas extends ProxyBase<AreasTarget> implements X.RangeAreas {
  protected readonly _scalars = ["address", "areaCount", "cellCount"];
  protected override _alive(t: AreasTarget): boolean {
    return this._ctx._host.model.isAlive(t.sheet);
  }
  protected _read(t: AreasTarget, prop: string): unknown {
    switch (prop) {
      case "address":
        return t.rects.map((r) => qualified(t.sheet.name, r)).join(", ");
      case "areaCount":
        return t.rects.length;
      case "cellCount":
        return t.rects.reduce((n, r) => n + rectCells(r), 0);
      default:
        throw unknownProp(this._type, prop);
    }
  }
  get address(): string {
    return this._get("address");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
  get format(): FakeRangeFormat {
    return this._child(
      "format",
      () => new FakeRangeFormat(this._ctx, () => this._resolve(), false, "RangeFormat")
    );
  }
}

// ------------------------------------------------------------------ formats

abstract class AreasProxy extends ProxyBase<AreasTarget> {
  protected get _model(): FakeModel {
    return this._ctx._host.model;
  }
  protected override _alive(t: AreasTarget): boolean {
    return this._model.isAlive(t.sheet);
  }
  /** Set a per-cell format attribute over every cell of the areas. */
  protected _setCells(prop: string, value: unknown, patch: (f: CellFormat) => void): void {
    this._set(prop, value, ({ sheet, rects }, tx) => {
      this._model.checkWritable(sheet);
      tx.cellsOp(rects.reduce((n, r) => n + rectCells(r), 0));
      forCells(rects, (r, c) => this._model.updateFormat(sheet, r, c, patch));
    });
  }
  protected _uniform<V>(t: AreasTarget, get: (f: CellFormat, r: number, c: number) => V): V | null {
    return uniform(t.rects, (r, c) => get(this._model.format(t.sheet, r, c) ?? {}, r, c));
  }
}

export class FakeRangeFormat extends AreasProxy implements X.RangeFormat {
  protected readonly _scalars = [
    "horizontalAlignment",
    "verticalAlignment",
    "wrapText",
    "columnWidth",
    "rowHeight",
  ];
  protected _read(t: AreasTarget, prop: string): unknown {
    switch (prop) {
      case "horizontalAlignment":
        return this._uniform(t, (f) => f.horizontalAlignment ?? "General");
      case "verticalAlignment":
        return this._uniform(t, (f) => f.verticalAlignment ?? "Bottom");
      case "wrapText":
        return this._uniform(t, (f) => f.wrapText ?? false);
      case "columnWidth": {
        const widths = new Set<number>();
        for (const r of t.rects)
          for (let c = r.left; c <= r.right; c++)
            widths.add(t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
        return widths.size === 1 ? [...widths][0] : null;
      }
      case "rowHeight": {
        const heights = new Set<number>();
        for (const r of t.rects)
          for (let row = r.top; row <= Math.min(r.bottom, r.top + 10000); row++)
            heights.add(t.sheet.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT);
        return heights.size === 1 ? [...heights][0] : null;
      }
      default:
        throw unknownProp(this._type, prop);
    }
  }
  get font(): FakeRangeFont {
    return this._child(
      "font",
      () => new FakeRangeFont(this._ctx, () => this._resolve(), false, "RangeFont")
    );
  }
  get fill(): FakeRangeFill {
    return this._child(
      "fill",
      () => new FakeRangeFill(this._ctx, () => this._resolve(), false, "RangeFill")
    );
  }
  get borders(): FakeBorders {
    return this._child(
      "borders",
      () => new FakeBorders(this._ctx, () => this._resolve(), false, "RangeBorderCollection")
    );
  }
  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this._setCells("horizontalAlignment", v, (f) => (f.horizontalAlignment = v));
  }
  get verticalAlignment(): string {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this._setCells("verticalAlignment", v, (f) => (f.verticalAlignment = v));
  }
  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._setCells("wrapText", v, (f) => (f.wrapText = v));
  }
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(v: number) {
    this._set("columnWidth", v, ({ sheet, rects }) => {
      if (!(v >= 0)) throw new FakeExcelError(ErrorCodes.invalidArgument);
      this._model.checkWritable(sheet);
      for (const r of rects)
        for (let c = r.left; c <= r.right; c++) this._model.setMap(sheet.columnWidths, c, v);
    });
  }
  get rowHeight(): number {
    return this._get("rowHeight");
  }
  set rowHeight(v: number) {
    this._set("rowHeight", v, ({ sheet, rects }) => {
      if (!(v >= 0 && v <= 409)) throw new FakeExcelError(ErrorCodes.invalidArgument);
      this._model.checkWritable(sheet);
      for (const r of rects)
        for (let row = r.top; row <= r.bottom; row++) this._model.setMap(sheet.rowHeights, row, v);
    });
  }
}

export class FakeRangeFont extends AreasProxy implements X.RangeFont {
  protected readonly _scalars = ["name", "size", "bold", "italic", "underline", "color"];
  protected _read(t: AreasTarget, prop: string): unknown {
    switch (prop) {
      case "name":
        return uniform(t.rects, (r, c) => this._model.font(t.sheet, r, c) ?? DEFAULT_FONT.name);
      case "size":
        return this._uniform(t, (f) => f.size ?? DEFAULT_FONT.size);
      case "bold":
        return this._uniform(t, (f) => f.bold ?? false);
      case "italic":
        return this._uniform(t, (f) => f.italic ?? false);
      case "underline":
        return this._uniform(t, (f) => f.underline ?? "None");
      case "color":
        return this._uniform(t, (f) => f.color ?? "#000000");
      default:
        throw unknownProp(this._type, prop);
    }
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, ({ sheet, rects }, tx) => {
      this._model.checkWritable(sheet);
      tx.cellsOp(rects.reduce((n, r) => n + rectCells(r), 0));
      forCells(rects, (r, c) => this._model.setFont(sheet, r, c, v));
    });
  }
  get size(): number {
    return this._get("size");
  }
  set size(v: number) {
    if (!(v >= 1 && v <= 409)) throw new FakeExcelError(ErrorCodes.invalidArgument);
    this._setCells("size", v, (f) => (f.size = v));
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._setCells("bold", v, (f) => (f.bold = v));
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._setCells("italic", v, (f) => (f.italic = v));
  }
  get underline(): string {
    return this._get("underline");
  }
  set underline(v: string) {
    this._setCells("underline", v, (f) => (f.underline = v));
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._setCells("color", v, (f) => (f.color = v));
  }
}

export class FakeRangeFill extends AreasProxy implements X.RangeFill {
  protected readonly _scalars = ["color"];
  protected _read(t: AreasTarget, prop: string): unknown {
    if (prop === "color") return this._uniform(t, (f) => f.fill ?? "#FFFFFF");
    throw unknownProp(this._type, prop);
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    if (!/^#[0-9A-Fa-f]{6}$/.test(v) && !/^[A-Za-z]+$/.test(v))
      throw new FakeExcelError(ErrorCodes.invalidArgument, `Invalid colour "${v}".`);
    this._setCells("fill", v, (f) => (f.fill = v.toUpperCase()));
  }
  clear(): void {
    this._call("clear", [], ({ sheet, rects }) => {
      this._model.checkWritable(sheet);
      forCells(rects, (r, c) => this._model.updateFormat(sheet, r, c, (f) => delete f.fill));
    });
  }
}

const EDGE_NAMES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];

export class FakeBorders extends AreasProxy implements X.RangeBorderCollection {
  protected readonly _scalars: string[] = [];
  protected _read(_t: AreasTarget, prop: string): unknown {
    throw unknownProp(this._type, prop);
  }
  getItem(index: string): FakeBorder {
    if (!EDGE_NAMES.includes(index))
      throw new FakeExcelError(ErrorCodes.invalidArgument, `Invalid border "${index}".`);
    return new FakeBorder(
      this._ctx,
      () => {
        const t = this._resolve();
        return { ...t, edge: index };
      },
      false,
      "RangeBorder"
    );
  }
}

type Side = "top" | "bottom" | "left" | "right";

/** The cell sides one border item of a rectangle covers. */
function edgeCells(rect: Rect, edge: string): { r: number; c: number; side: Side }[] {
  const out: { r: number; c: number; side: Side }[] = [];
  const cols = (fn: (c: number) => void) => {
    for (let c = rect.left; c <= rect.right; c++) fn(c);
  };
  const rows = (fn: (r: number) => void) => {
    for (let r = rect.top; r <= rect.bottom; r++) fn(r);
  };
  switch (edge) {
    case "EdgeTop":
      cols((c) => out.push({ r: rect.top, c, side: "top" }));
      break;
    case "EdgeBottom":
      cols((c) => out.push({ r: rect.bottom, c, side: "bottom" }));
      break;
    case "EdgeLeft":
      rows((r) => out.push({ r, c: rect.left, side: "left" }));
      break;
    case "EdgeRight":
      rows((r) => out.push({ r, c: rect.right, side: "right" }));
      break;
    case "InsideHorizontal":
      rows((r) =>
        cols((c) => {
          if (r < rect.bottom) out.push({ r, c, side: "bottom" });
          if (r > rect.top) out.push({ r, c, side: "top" });
        })
      );
      break;
    case "InsideVertical":
      rows((r) =>
        cols((c) => {
          if (c < rect.right) out.push({ r, c, side: "right" });
          if (c > rect.left) out.push({ r, c, side: "left" });
        })
      );
      break;
    default:
      break;
  }
  return out;
}

export class FakeBorder extends ProxyBase<AreasTarget & { edge: string }> implements X.RangeBorder {
  protected readonly _scalars = ["style", "weight", "color"];
  private get _model(): FakeModel {
    return this._ctx._host.model;
  }
  protected _read(t: AreasTarget & { edge: string }, prop: string): unknown {
    if (!this._scalars.includes(prop)) throw unknownProp(this._type, prop);
    const values = new Set<string>();
    for (const rect of t.rects)
      for (const { r, c, side } of edgeCells(rect, t.edge)) {
        const b = this._model.format(t.sheet, r, c)?.borders?.[side];
        const fallback = prop === "style" ? "None" : prop === "weight" ? "Thin" : "#000000";
        values.add(b ? b[prop as keyof BorderSpec] : fallback);
      }
    return values.size === 1 ? [...values][0] : null;
  }
  private _setSide(prop: keyof BorderSpec, v: string): void {
    this._set(prop, v, ({ sheet, rects, edge }) => {
      this._model.checkWritable(sheet);
      for (const rect of rects)
        for (const { r, c, side } of edgeCells(rect, edge))
          this._model.updateFormat(sheet, r, c, (f) => {
            f.borders = f.borders ?? {};
            const b = f.borders[side] ?? { style: "None", weight: "Thin", color: "#000000" };
            f.borders[side] = { ...b, [prop]: v };
          });
    });
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._setSide("style", v);
  }
  get weight(): string {
    return this._get("weight");
  }
  set weight(v: string) {
    this._setSide("weight", v);
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._setSide("color", v);
  }
}
