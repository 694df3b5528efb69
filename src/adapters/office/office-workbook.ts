/**
 * The Office.js adapter: the workbook interface over the Excel JavaScript API,
 * for the task pane and the ribbon commands. `Excel.run` is injected (tests
 * pass the in-memory fake), so nothing here touches a global.
 *
 * Reading: one sync for the sheet list, one for every used range and merged
 * area, then each sheet's used range in row chunks sized to stay well under
 * Excel's 5 MB / 5 million-cell limits per request (values, value types,
 * number formats and formulas in one load, with each column's font name).
 * Font names matter only for text that could be legacy TCVN3/VNI; where a
 * column's font is mixed, those cells' fonts are fetched in one more sync for
 * the chunk. Syncs: a small constant plus one (rarely two) per chunk.
 *
 * Writing a sheet: it is built under a hidden temporary name in one batch (one
 * values/formulas write for the whole table, formats grouped into a bounded
 * number of multi-area ranges), with calculation and screen updating
 * suspended, then swapped in under its name in one more sync, the old sheet
 * deleted last. Excel keeps what a failed sync did before the failing
 * operation; any failure is undone from what is there: the temporary sheet
 * deleted, the old one as it was. Never a half-built sheet.
 *
 * Fixes (`setCells`) are all or nothing too: old contents are read before
 * writing and put back if a write fails part-way.
 *
 * Merged areas are read only where the host has ExcelApi 1.13.
 */
import type { CellValue, SheetData, WorkbookData } from "../../engine/model/cells";
import { cellAddress, isCellError, parseAddress } from "../../engine/model/cells";
import { SETTINGS_SHEET } from "../../engine/detect/kinds";
import {
  CellStyle,
  FONT_NAME,
  STYLES,
  SheetLayout,
  cellContent,
} from "../../engine/summary/layout-model";
import type { CellWrite, SheetSnapshot, WorkbookPort } from "../../workbook/port";
import { Rect, addressLists, coverCells, parseAreas } from "./a1";
import { cellFromExcel, fontMayMatter, toExcelInput, utf8Length } from "./convert";
import { OfficeError, RetryOptions, isLimitError, toOfficeError, withRetry } from "./errors";
import type {
  ExcelRun,
  RangeAreas,
  RangeFormat,
  RequestContext,
  Worksheet,
  WorksheetProtection,
} from "./excel-types";

/** Excel's documented limits per request (Excel on the web: 5 MB payloads). */
export const EXCEL_LIMITS = { requestBytes: 5_000_000, responseBytes: 5_000_000, cells: 5_000_000 };

/** Hidden sheets the adapter builds in; a leftover one is deleted by the next write. */
export const TEMP_PREFIX = "_htx_tmp_";
const OLD_PREFIX = "_htx_old_";

/** Before anything was measured: generous for values + types + formats + formulas. */
const INITIAL_BYTES_PER_CELL = 100;
/** Chunks are planned with the largest bytes per cell seen so far times this. */
const SIZE_MARGIN = 1.25;
/** `[{"format":{"font":{"name":"Times New Roman"}}}]`, with room for longer names. */
const FONT_BYTES_PER_CELL = 80;
/** Share of a chunk's request budget that the previous chunk's font requests may use. */
const FONT_SHARE = 0.25;
/** Longest run of cells one font request covers. */
const FONT_RUN = 4096;
/** Up to this many columns, a chunk also loads each column's (uniform) font name. */
const MAX_FONT_COLUMNS = 512;
/** Candidate cells closer than this in a column share one font request. */
const FONT_GAP = 8;
/** Operations queued per sync at most (keeps requests small whatever the layout). */
const MAX_OPS_PER_SYNC = 2000;
/** Longest run of adjacent cells `setCells` writes (and reads back) as one range. */
const MAX_RUN_CELLS = 4096;
/** Planned answer size per cell when reading old contents (formulas, values, types). */
const OLD_BYTES_PER_CELL = 100;

export interface OfficeWorkbookOptions {
  /**
   * `Office.context.requirements.isSetSupported`. Default: ExcelApi up to 1.9
   * is assumed (every current Excel), later sets (notes: 1.18) are not.
   */
  isSetSupported?: (set: string, version: string) => boolean;
  /** Excel's limits (default EXCEL_LIMITS). */
  limits?: Partial<typeof EXCEL_LIMITS>;
  /** Share of a limit that one request aims at (default 0.6). */
  budget?: number;
  retry?: RetryOptions;
  /** Rows read / written so far, for a progress bar. */
  onProgress?: (p: { phase: "read" | "write"; done: number; total: number }) => void;
}

/** What the last public call did (tests and the benchmark read it). */
export interface IoStats {
  syncs: number;
  /** Value chunks read (one sync each). */
  chunks: number;
  /** Font-name syncs (only for chunks with possible legacy text). */
  fontSyncs: number;
  /** Chunks that hit a limit and were split (each one failed sync). */
  splits: number;
  /** Cells read or written. */
  cells: number;
  /** Largest request payload estimated for one sync (bytes). */
  maxRequestEstimate: number;
}

function emptyStats(): IoStats {
  return { syncs: 0, chunks: 0, fontSyncs: 0, splits: 0, cells: 0, maxRequestEstimate: 0 };
}

/** What `replaceSheet` needs to undo itself. */
interface SwapState {
  tmpName: string;
  /** The new sheet's id, once known. */
  tempId: string | null;
  oldId: string | null;
  oldName: string | null;
  oldPosition: number | null;
  /** The sheet that was active before (activated again on failure). */
  activeId: string;
}

/** Adjacent cells of one column written by `setCells`. */
interface CellRun {
  sheet: string;
  ws: Worksheet;
  top: number;
  col: number;
  values: CellWrite["value"][];
}

/** A run's contents before `setCells` wrote it. */
interface OldCells {
  formulas: unknown[][];
  values: unknown[][];
  types: string[][];
}

interface SheetInfo {
  ws: Worksheet;
  name: string;
  visibility: SheetData["visibility"];
  used: Rect | null;
  merges: Rect[];
}

type Grid<T> = (T | null | undefined)[][];

/** Font names owed for a run of cells in one column (fetched with the next sync). */
interface FontJob {
  ws: Worksheet;
  out: SheetArrays;
  col: number;
  top: number;
  bottom: number;
  /** The rows of the run whose font is wanted. */
  rows: number[];
}

interface SheetArrays {
  values: CellValue[][];
  numberFormats: Grid<string>;
  fonts: Grid<string>;
  formulas: Grid<string>;
}

const VISIBILITY: Record<string, SheetData["visibility"]> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/** Column width in characters (as in .xlsx) → points (Office.js), for the default font. */
export function charsToPoints(chars: number): number {
  const px = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return Math.round(px * 0.75 * 100) / 100;
}

function jsonBytes(x: unknown): number {
  return utf8Length(JSON.stringify(x));
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

function uniqueName(prefix: string, taken: string[]): string {
  const set = new Set(taken.map((t) => t.toLowerCase()));
  const stamp = Date.now().toString(36);
  for (let i = 0; ; i++) {
    const name = `${prefix}${stamp}${i ? "_" + i : ""}`.slice(0, 31);
    if (!set.has(name.toLowerCase())) return name;
  }
}

function isSlave(merges: Rect[], row: number, col: number): boolean {
  for (const m of merges) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right)
      return row !== m.top || col !== m.left;
  }
  return false;
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly limits: typeof EXCEL_LIMITS;
  private readonly budget: number;
  /** Largest response bytes per cell measured in this call, over all sheets (0: none yet). */
  private measuredBytesPerCell = 0;
  /** Counters of the last public call. */
  last: IoStats = emptyStats();
  /** Counters summed over every call since construction (or `resetTotals`). */
  totals: IoStats = emptyStats();

  constructor(
    excel: ExcelRun | { run: ExcelRun },
    readonly opts: OfficeWorkbookOptions = {}
  ) {
    const run: ExcelRun = typeof excel === "function" ? excel : (batch) => excel.run(batch);
    // Every sync of ours goes through this context, which counts it.
    this.run = (batch) =>
      run((context) =>
        batch({
          workbook: context.workbook,
          sync: async () => {
            this.last.syncs++;
            return context.sync();
          },
        })
      );
    this.limits = { ...EXCEL_LIMITS, ...(opts.limits ?? {}) };
    this.budget = Math.min(0.95, Math.max(0.05, opts.budget ?? 0.6));
  }

  // ------------------------------------------------------------------ plumbing

  private supports(version: string): boolean {
    if (this.opts.isSetSupported) return this.opts.isSetSupported("ExcelApi", version);
    return Number(version.split(".")[1] ?? 0) <= 9;
  }

  private get byteBudget(): number {
    return Math.floor(Math.min(this.limits.requestBytes, this.limits.responseBytes) * this.budget);
  }

  private get cellBudget(): number {
    return Math.floor(this.limits.cells * this.budget);
  }

  private noteRequest(bytes: number): void {
    this.last.maxRequestEstimate = Math.max(this.last.maxRequestEstimate, bytes);
  }

  resetTotals(): void {
    this.totals = emptyStats();
  }

  /** One public call: fresh counters, transient errors retried, Excel errors in words. */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    this.last = emptyStats();
    this.measuredBytesPerCell = 0;
    try {
      return await withRetry(fn, this.opts.retry);
    } catch (e) {
      throw toOfficeError(e);
    } finally {
      const t = this.totals;
      const l = this.last;
      t.syncs += l.syncs;
      t.chunks += l.chunks;
      t.fontSyncs += l.fontSyncs;
      t.splits += l.splits;
      t.cells += l.cells;
      t.maxRequestEstimate = Math.max(t.maxRequestEstimate, l.maxRequestEstimate);
    }
  }

  private suspend(context: RequestContext): void {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    if (this.supports("1.9")) context.workbook.application.suspendScreenUpdatingUntilNextSync();
  }

  // ------------------------------------------------------------------ reading

  async read(): Promise<WorkbookData> {
    return this.call(() =>
      this.run(async (context) => {
        const coll = context.workbook.worksheets;
        coll.load("items/name,items/visibility");
        await context.sync();
        const infos = await this.loadUsed(
          context,
          coll.items.map((ws) => ({ ws, name: ws.name, visibility: ws.visibility }))
        );
        const total = infos.reduce((n, i) => n + (i.used ? i.used.bottom - i.used.top + 1 : 0), 0);
        const progress = { done: 0, total };
        const fonts: FontJob[] = [];
        const sheets: SheetData[] = [];
        for (const info of infos) {
          sheets.push(await this.readSheet(context, info, "read", progress, fonts));
        }
        // Font names still owed (the last chunk's): in syncs of their own.
        while (fonts.length) {
          const batch = this.queueFonts(fonts, this.byteBudget, true);
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- usually one pass; more only when one request cannot hold every font run
          await context.sync();
          this.last.fontSyncs++;
          this.applyFonts(fonts, batch);
        }
        return { sheets };
      })
    );
  }

  /**
   * One sync: every sheet's used range (values only) and merged areas. If the
   * merged areas together are too large for one response, they are read one
   * sheet per sync instead.
   */
  private async loadUsed(
    context: RequestContext,
    sheets: { ws: Worksheet; name: string; visibility: string }[]
  ): Promise<SheetInfo[]> {
    const queueUsed = () =>
      sheets.map((s) => {
        const used = s.ws.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        return used;
      });
    // Merged areas need ExcelApi 1.13 (Range.getMergedAreasOrNullObject). On
    // an older host (Excel 2016 / 2019 bought outright …) the call would fail
    // the whole sync with ApiNotFound, so there no merges are read at all and
    // every sheet reads as unmerged: a merged area's value is in its top-left
    // cell and the other cells are empty, which is how the engine sees it too,
    // only without knowing the area's extent.
    const mergesSupported = this.supports("1.13");
    const queueMerges = (s: { ws: Worksheet }): RangeAreas | null => {
      if (!mergesSupported) return null;
      const m = s.ws.getRange().getMergedAreasOrNullObject();
      m.load("address");
      return m;
    };
    let used = queueUsed();
    let merges: (RangeAreas | null)[] = sheets.map(queueMerges);
    try {
      await context.sync();
    } catch (e) {
      if (!isLimitError(e) || !mergesSupported) throw e;
      used = queueUsed();
      await context.sync();
      merges = [];
      for (const s of sheets) {
        const m = queueMerges(s);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- fallback only: one sync per sheet when all merged areas do not fit in one response
        await context.sync();
        merges.push(m);
      }
    }
    return sheets.map((s, i) => {
      const u = used[i];
      const m = merges[i];
      return {
        ws: s.ws,
        name: s.name,
        visibility: VISIBILITY[s.visibility] ?? "visible",
        used: u.isNullObject
          ? null
          : {
              top: u.rowIndex,
              left: u.columnIndex,
              bottom: u.rowIndex + u.rowCount - 1,
              right: u.columnIndex + u.columnCount - 1,
            },
        merges: !m || m.isNullObject ? [] : parseAreas(m.address),
      };
    });
  }

  /**
   * Response bytes per cell to plan a chunk with: the largest measured on this
   * sheet, else on any sheet so far, else a generous guess; plus a margin.
   */
  private bytesPerCell(sheetMeasured: number): number {
    const m = sheetMeasured || this.measuredBytesPerCell;
    return m ? m * SIZE_MARGIN : INITIAL_BYTES_PER_CELL;
  }

  /** Rows of the next chunk: within the byte and cell budgets, at least one. */
  private chunkRows(cols: number, remaining: number, bytesPerCell: number): number {
    const cells = Math.min(Math.floor(this.byteBudget / bytesPerCell), this.cellBudget);
    return Math.max(1, Math.min(remaining, Math.floor(cells / cols)));
  }

  /**
   * A sheet's used range in row chunks, converted to the engine's arrays. In
   * "read" mode each chunk's sync also carries each column's font name and the
   * per-cell font requests owed by the previous chunk (`fonts`).
   */
  private async readSheet(
    context: RequestContext,
    info: SheetInfo,
    mode: "read" | "snapshot",
    progress: { done: number; total: number },
    fonts: FontJob[] = []
  ): Promise<SheetData> {
    const out: SheetArrays = { values: [], numberFormats: [], fonts: [], formulas: [] };
    const used = info.used;
    if (used) {
      const cols = used.right - used.left + 1;
      let row = used.top;
      let sheetMeasured = 0;
      while (row <= used.bottom) {
        const rows = this.chunkRows(cols, used.bottom - row + 1, this.bytesPerCell(sheetMeasured));
        const range = info.ws.getRangeByIndexes(row, used.left, rows, cols);
        range.load("values,valueTypes,numberFormat,formulas");
        // Each column's font name (null when mixed): usually one name covers every cell.
        const columnFonts =
          mode === "read" && cols <= MAX_FONT_COLUMNS
            ? Array.from({ length: cols }, (_, j) => {
                const font = info.ws.getRangeByIndexes(row, used.left + j, rows, 1).format.font;
                font.load("name");
                return font;
              })
            : null;
        const owed = this.queueFonts(fonts, this.byteBudget * FONT_SHARE);
        try {
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of rows, by design (never per row or cell)
          await context.sync();
        } catch (e) {
          if (!isLimitError(e) || rows === 1) throw e;
          // Too large after all: the next try takes at most half as many rows.
          this.last.splits++;
          sheetMeasured = Math.max(
            this.bytesPerCell(sheetMeasured) * 2,
            (2 * this.byteBudget) / (rows * cols)
          );
          continue;
        }
        this.applyFonts(fonts, owed);
        this.last.chunks++;
        this.last.cells += rows * cols;
        const values = range.values;
        const types = range.valueTypes;
        const formats = range.numberFormat;
        const formulas = range.formulas;
        const measured = jsonBytes([values, types, formats, formulas]) / (rows * cols);
        sheetMeasured = Math.max(sheetMeasured, measured);
        this.measuredBytesPerCell = Math.max(this.measuredBytesPerCell, measured);
        const candidates = this.convertChunk(out, row, used.left, values, types, formats, formulas);
        const mixed: { row: number; col: number }[] = [];
        for (const cell of candidates) {
          const name = columnFonts ? columnFonts[cell.col - used.left].name : null;
          if (typeof name === "string" && name) out.fonts[cell.row][cell.col] = name;
          else mixed.push(cell);
        }
        if (mode === "read") for (const job of fontJobs(info.ws, out, mixed)) fonts.push(job);
        row += rows;
        progress.done += rows;
        this.opts.onProgress?.({ phase: "read", ...progress });
      }
    }
    // Rows above the used range, and empty rows, are empty arrays (row 0 is sheet row 1).
    for (let r = 0; r < out.values.length; r++) {
      if (!out.values[r]) {
        out.values[r] = [];
        out.numberFormats[r] = [];
        out.fonts[r] = [];
        out.formulas[r] = [];
      }
    }
    while (out.values.length && out.values[out.values.length - 1].length === 0) {
      out.values.pop();
      out.numberFormats.pop();
      out.fonts.pop();
      out.formulas.pop();
    }
    return { name: info.name, visibility: info.visibility, ...out, merges: info.merges };
  }

  /** Excel's arrays → the engine's rows; returns the cells whose font names are needed. */
  private convertChunk(
    out: SheetArrays,
    top: number,
    left: number,
    values: unknown[][],
    types: string[][],
    formats: unknown[][] | null,
    formulas: unknown[][] | null
  ): { row: number; col: number }[] {
    const candidates: { row: number; col: number }[] = [];
    for (let i = 0; i < values.length; i++) {
      const r = top + i;
      const vr: CellValue[] = [];
      const nr: (string | null)[] = [];
      const fr: (string | null)[] = [];
      const src = values[i];
      for (let j = 0; j < src.length; j++) {
        const f = formulas?.[i][j];
        const formula = typeof f === "string" && f.startsWith("=") ? f : null;
        const v = cellFromExcel(src[j], types[i]?.[j]);
        if (v === null && formula === null) continue;
        const c = left + j;
        while (vr.length < c) vr.push(null);
        vr[c] = v;
        const fmt = formats?.[i][j];
        if (typeof fmt === "string" && fmt !== "" && fmt !== "General") nr[c] = fmt;
        if (formula) fr[c] = formula;
        if (typeof v === "string" && fontMayMatter(v)) candidates.push({ row: r, col: c });
      }
      out.values[r] = vr;
      out.numberFormats[r] = nr;
      out.formulas[r] = fr;
      out.fonts[r] = [];
    }
    return candidates;
  }

  /**
   * Queue `getCellProperties` for the first font jobs that fit in `bytes`
   * (one request per run of nearby cells in a column, never per cell).
   */
  private queueFonts(jobs: FontJob[], bytes: number, atLeastOne = false): { value: unknown }[] {
    const out: { value: unknown }[] = [];
    let cells = 0;
    for (const job of jobs) {
      const n = job.bottom - job.top + 1;
      if (out.length >= MAX_OPS_PER_SYNC || (cells + n) * FONT_BYTES_PER_CELL > bytes) {
        if (out.length || !atLeastOne) break;
      }
      out.push(
        job.ws
          .getRangeByIndexes(job.top, job.col, n, 1)
          .getCellProperties({ format: { font: { name: true } } })
      );
      cells += n;
    }
    return out;
  }

  /** Results of `queueFonts` (after its sync) into the sheets' font arrays. */
  private applyFonts(jobs: FontJob[], results: { value: unknown }[]): void {
    const done = jobs.splice(0, results.length);
    done.forEach((job, i) => {
      const rows = results[i].value as { format?: { font?: { name?: string } } }[][];
      for (const r of job.rows) {
        const name = rows[r - job.top]?.[0]?.format?.font?.name;
        if (typeof name === "string" && name) job.out.fonts[r][job.col] = name;
      }
    });
  }

  async sheetNames(): Promise<string[]> {
    return this.call(() =>
      this.run(async (context) => {
        const coll = context.workbook.worksheets;
        coll.load("items/name");
        await context.sync();
        return coll.items.map((w) => w.name);
      })
    );
  }

  async snapshot(name: string): Promise<SheetSnapshot | null> {
    return this.call(() =>
      this.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(name);
        ws.load("name,visibility");
        await context.sync();
        if (ws.isNullObject) return null;
        const [info] = await this.loadUsed(context, [
          { ws, name: ws.name, visibility: ws.visibility },
        ]);
        const data = await this.readSheet(context, info, "snapshot", { done: 0, total: 0 });
        const contents: [string, string][] = [];
        data.values.forEach((row, r) => {
          for (let c = 0; c < row.length; c++) {
            const v = row[c];
            const formula = data.formulas?.[r]?.[c] ?? null;
            if ((v === null || v === undefined) && !formula) continue;
            if (isSlave(info.merges, r, c)) continue;
            const content = cellContent(isCellError(v) ? null : v, formula);
            if (content) contents.push([cellAddress(r, c), content]);
          }
        });
        return { name, contents };
      })
    );
  }

  // ------------------------------------------------------------------ writing

  async writeSheet(layout: SheetLayout, opts: { activate?: boolean } = {}): Promise<void> {
    await this.call(() =>
      this.replaceSheet(
        layout.name,
        { visibility: "Visible", activate: opts.activate !== false },
        (ws, flush) => this.queueLayout(ws, layout, flush)
      )
    );
  }

  async writeSettings(rows: (string | number)[][]): Promise<void> {
    await this.call(() =>
      this.replaceSheet(
        SETTINGS_SHEET,
        { visibility: "Hidden", activate: false },
        async (ws, flush) => {
          const width = Math.max(1, ...rows.map((r) => r.length));
          const grid = rows.map((r) =>
            Array.from({ length: width }, (_, c) => toExcelInput(r[c] ?? null))
          );
          await this.writeGrid(ws, 0, grid, null, flush);
        }
      )
    );
  }

  /**
   * Build a sheet under a hidden temporary name, then put it in place of the
   * sheet called `name` (same position). Excel keeps the operations of a
   * failed sync that ran before the failing one, so the steps are ordered for
   * the old sheet to be deleted last, when nothing else is left to fail:
   *
   * 1. one sync: the sheet list and the active sheet;
   * 2. building (one sync; more only for very large sheets): leftover
   *    temporary sheets deleted, the new sheet added, hidden, under a
   *    temporary name and filled; the old sheet's protection read (a protected
   *    sheet is not replaced);
   * 3. the swap, one sync: the old sheet renamed aside ("_htx_old_…"), the new
   *    one given the name, shown, moved to the old one's position and
   *    activated, and only then the old one deleted.
   *
   * On any failure `restore` undoes whatever part of this Excel applied: the
   * workbook ends with the old sheet as it was (name, position, contents) and
   * no temporary sheet.
   */
  private async replaceSheet(
    name: string,
    final: { visibility: "Visible" | "Hidden"; activate: boolean },
    build: (ws: Worksheet, flush: () => Promise<void>) => Promise<void>
  ): Promise<void> {
    await this.run(async (context) => {
      const coll = context.workbook.worksheets;
      coll.load("items/name,items/id,items/position,items/visibility");
      const active = coll.getActiveWorksheet();
      active.load("id");
      await context.sync();
      const items = coll.items;
      const taken = items.map((w) => w.name);
      const old = items.find((w) => sameName(w.name, name)) ?? null;
      const state: SwapState = {
        tmpName: uniqueName(TEMP_PREFIX, taken),
        tempId: null,
        oldId: old ? old.id : null,
        oldName: old ? old.name : null,
        oldPosition: old ? old.position : null,
        activeId: active.id,
      };
      const stale = items.filter((w) => w.name.startsWith(TEMP_PREFIX));
      try {
        let protection: WorksheetProtection | null = null;
        if (old) {
          protection = old.protection;
          protection.load("protected");
        }
        this.suspend(context);
        // Leftovers of an earlier failure first (if one cannot go, nothing else has changed).
        for (const w of stale) w.delete();
        const temp = coll.add(state.tmpName);
        temp.visibility = "Hidden";
        temp.load("id");
        await build(temp, async () => {
          await context.sync();
          this.suspend(context);
        });
        await context.sync();
        state.tempId = temp.id;
        if (protection?.protected) throw new OfficeError("protected", { sheet: name });

        // The swap, in one sync; the old sheet is deleted last.
        this.suspend(context);
        if (old) old.name = uniqueName(OLD_PREFIX, [...taken, state.tmpName]);
        temp.name = name;
        temp.visibility = final.visibility;
        if (state.oldPosition !== null) temp.position = state.oldPosition;
        if (final.activate) temp.activate();
        if (old) old.delete();
        await context.sync();
      } catch (e) {
        try {
          await withRetry(() => this.restore(context, state), this.opts.retry);
        } catch {
          // Left as it is: a temporary sheet stays ("_htx_tmp_…", never read as data; the next
          // write deletes it), the old sheet under its "_htx_old_…" name if even that failed.
        }
        throw e;
      }
    });
  }

  /**
   * Undo a failed replaceSheet from what is actually there (any prefix of its
   * operations may have been applied): free the name (the new sheet may hold
   * it), give the old sheet its name and position back, activate the sheet
   * that was active, then delete the new sheet and any other temporary sheet.
   */
  private async restore(context: RequestContext, s: SwapState): Promise<void> {
    const coll = context.workbook.worksheets;
    coll.load("items/name,items/id,items/position,items/visibility");
    const active = coll.getActiveWorksheet();
    active.load("id");
    await context.sync();
    const items = coll.items;
    const temp = items.find(
      (w) => (s.tempId !== null && w.id === s.tempId) || w.name === s.tmpName
    );
    const old = s.oldId === null ? undefined : items.find((w) => w.id === s.oldId);
    let queued = false;
    if (temp && old && s.oldName !== null && sameName(temp.name, s.oldName)) {
      temp.name = s.tmpName;
      queued = true;
    }
    if (old && s.oldName !== null && old.name !== s.oldName) {
      old.name = s.oldName;
      queued = true;
    }
    if (old && s.oldPosition !== null && old.position !== s.oldPosition) {
      old.position = s.oldPosition;
      queued = true;
    }
    const wasActive = items.find((w) => w.id === s.activeId);
    if (wasActive && wasActive.id !== active.id && wasActive.visibility === "Visible") {
      wasActive.activate();
      queued = true;
    }
    for (const w of items) {
      if (w === temp || w.name.startsWith(TEMP_PREFIX)) {
        w.delete();
        queued = true;
      }
    }
    if (queued) await context.sync();
  }

  /**
   * Cell contents as one `formulas` write (with number formats) per band of
   * rows; one band unless the table is too large for one request, then the
   * earlier bands are flushed in syncs of their own.
   */
  private async writeGrid(
    ws: Worksheet,
    top: number,
    grid: (string | number | boolean)[][],
    numberFormats: string[][] | null,
    flush: () => Promise<void>
  ): Promise<void> {
    if (!grid.length) return;
    const cols = grid[0].length;
    const bytesPerRow = Math.max(
      1,
      Math.ceil((jsonBytes(grid) + (numberFormats ? jsonBytes(numberFormats) : 0)) / grid.length)
    );
    const bandRows = Math.max(
      1,
      Math.min(Math.floor(this.byteBudget / bytesPerRow), Math.floor(this.cellBudget / cols))
    );
    for (let r = 0; r < grid.length; r += bandRows) {
      const n = Math.min(bandRows, grid.length - r);
      const range = ws.getRangeByIndexes(top + r, 0, n, cols);
      if (numberFormats) range.numberFormat = numberFormats.slice(r, r + n);
      range.formulas = grid.slice(r, r + n);
      this.last.cells += n * cols;
      this.last.maxRequestEstimate = Math.max(this.last.maxRequestEstimate, n * bytesPerRow);
      if (r + n < grid.length) await flush();
    }
  }

  /** Queue the whole layout on the (new, hidden) sheet `ws`. */
  private async queueLayout(
    ws: Worksheet,
    layout: SheetLayout,
    flush: () => Promise<void>
  ): Promise<void> {
    let rows = 0;
    let cols = Math.max(1, layout.columnWidths.length);
    for (const c of layout.cells) {
      rows = Math.max(rows, c.row + 1);
      cols = Math.max(cols, c.col + 1);
    }
    for (const m of layout.merges) {
      rows = Math.max(rows, m.bottom + 1);
      cols = Math.max(cols, m.right + 1);
    }
    rows = Math.max(rows, 1);

    // Defaults for the whole table (what the .xlsx adapter gives every cell).
    const all = ws.getRangeByIndexes(0, 0, rows, cols);
    all.format.font.name = FONT_NAME;
    all.format.font.size = 12;
    all.format.verticalAlignment = "Center";

    // Contents and number formats: one write.
    const grid: (string | number | boolean)[][] = Array.from({ length: rows }, () =>
      new Array<string | number | boolean>(cols).fill("")
    );
    const formats: string[][] = Array.from({ length: rows }, () =>
      new Array<string>(cols).fill("General")
    );
    const groups = new Map<string, { row: number; col: number }[]>();
    const group = (key: string, cell: { row: number; col: number }) => {
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(cell);
    };
    for (const c of layout.cells) {
      grid[c.row][c.col] = c.formula
        ? "=" + c.formula.replace(/^=/, "")
        : toExcelInput(c.value ?? null);
      const st: CellStyle = c.style ? STYLES[c.style] : {};
      if (st.numFmt) formats[c.row][c.col] = st.numFmt;
      const at = { row: c.row, col: c.col };
      if (st.bold) group("bold", at);
      if (st.italic) group("italic", at);
      if (st.underline) group("underline", at);
      if (st.size !== undefined && st.size !== 12) group("size=" + st.size, at);
      if (st.horizontal) group("h=" + st.horizontal, at);
      if (st.vertical && st.vertical !== "middle") group("v=" + st.vertical, at);
      if (st.wrap) group("wrap", at);
      if (st.border) group("border", at);
      if (st.fill) group("fill=" + st.fill, at);
    }
    await this.writeGrid(ws, 0, grid, formats, flush);

    // Formats: one multi-area range per (attribute, value), not one per cell.
    let ops = 0;
    for (const [key, cells] of groups) {
      for (const list of addressLists(coverCells(cells))) {
        applyFormat(ws.getRanges(list).format, key);
        if (++ops % MAX_OPS_PER_SYNC === 0) await flush();
      }
    }

    for (const m of layout.merges) {
      ws.getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
    }
    for (const [start, n, w] of runsOf(layout.columnWidths.map((w) => charsToPoints(w)))) {
      ws.getRangeByIndexes(0, start, 1, n).format.columnWidth = w;
    }
    const hidden = [...new Set(layout.hiddenColumns)].sort((a, b) => a - b);
    for (const [start, n] of runsOf(hidden.map((c, i) => c - i))) {
      ws.getRangeByIndexes(0, hidden[start], 1, n).getEntireColumn().columnHidden = true;
    }
    const heights: (number | undefined)[] = [];
    for (const [r, h] of Object.entries(layout.rowHeights)) heights[Number(r)] = h;
    for (const [start, n, h] of runsOf(heights)) {
      if (h !== undefined) ws.getRangeByIndexes(start, 0, n, 1).format.rowHeight = h;
    }
    if (layout.freezeRows > 0) ws.freezePanes.freezeRows(layout.freezeRows);

    const page = ws.pageLayout;
    page.paperSize = "A4";
    page.orientation = layout.print.landscape ? "Landscape" : "Portrait";
    if (layout.print.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    page.leftMargin = 36;
    page.rightMargin = 28.8;
    page.topMargin = 43.2;
    page.bottomMargin = 43.2;
    page.headerMargin = 21.6;
    page.footerMargin = 21.6;
    if (layout.print.printTitleRows) {
      const [a, b] = layout.print.printTitleRows;
      page.setPrintTitleRows(`$${a + 1}:$${b + 1}`);
    }

    if (this.supports("1.18")) {
      for (const c of layout.cells) {
        if (!c.note) continue;
        ws.notes.add(ws.getRangeByIndexes(c.row, c.col, 1, 1), c.note);
        if (++ops % MAX_OPS_PER_SYNC === 0) await flush();
      }
    }
    this.opts.onProgress?.({ phase: "write", done: rows, total: rows });
  }

  // ------------------------------------------------------------------ small writes

  async renameSheet(from: string, to: string): Promise<void> {
    await this.call(() =>
      this.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(from);
        ws.load("name");
        await context.sync();
        if (ws.isNullObject) return;
        ws.name = to;
        await context.sync();
      })
    );
  }

  /**
   * Fixes and their undo, all or nothing. Sheets are looked up, then checked
   * for protection while the cells' old contents are read (a protected sheet:
   * nothing is written anywhere); then the cells go as one write per run of
   * adjacent cells in a column, in request-sized batches (usually one sync).
   * Excel keeps the operations of a failed sync that ran before the failing
   * one, so when any write fails every cell of the batches sent so far is put
   * back to its old contents, and then the error is thrown.
   * Syncs: 3 when everything fits in one request (look-up, protection + old
   * contents, write), else one more per extra batch of reads and of writes.
   */
  async setCells(changes: CellWrite[]): Promise<void> {
    const bySheet = new Map<
      string,
      Map<number, { row: number; col: number; value: CellWrite["value"] }>
    >();
    for (const ch of changes) {
      const a = parseAddress(ch.cell);
      if (!a) continue;
      let cells = bySheet.get(ch.sheet);
      if (!cells) bySheet.set(ch.sheet, (cells = new Map()));
      cells.set(a.row * 16384 + a.col, { ...a, value: ch.value });
    }
    if (!bySheet.size) return;
    await this.call(() =>
      this.run(async (context) => {
        const coll = context.workbook.worksheets;
        const sheets = [...bySheet.keys()].map((name) => {
          const ws = coll.getItemOrNullObject(name);
          ws.load("name");
          return { name, ws };
        });
        await context.sync();
        const present = sheets.filter((s) => !s.ws.isNullObject);
        if (!present.length) return;

        const runs: CellRun[] = [];
        for (const s of present) {
          const cells = [...(bySheet.get(s.name)?.values() ?? [])].sort(
            (a, b) => a.col - b.col || a.row - b.row
          );
          for (const c of cells) {
            const last = runs[runs.length - 1];
            if (
              last &&
              last.ws === s.ws &&
              last.col === c.col &&
              last.top + last.values.length === c.row &&
              last.values.length < MAX_RUN_CELLS
            )
              last.values.push(c.value);
            else runs.push({ sheet: s.name, ws: s.ws, top: c.row, col: c.col, values: [c.value] });
          }
        }
        const range = (run: CellRun) =>
          run.ws.getRangeByIndexes(run.top, run.col, run.values.length, 1);

        // Protection, and the old contents (in request-sized batches; the first
        // one shares the protection sync). A batch whose answer is too large
        // for Excel is split in two and read again.
        const old: OldCells[] = new Array<OldCells>(runs.length);
        const pending = this.batchBySize(
          runs.map((r) => 64 + r.values.length * OLD_BYTES_PER_CELL)
        ).map((b) => b.items);
        let checked = false;
        while (pending.length) {
          const items = pending.shift() ?? [];
          const protections = checked
            ? []
            : present.map((s) => {
                const protection = s.ws.protection;
                protection.load("protected");
                return { name: s.name, protection };
              });
          const ranges = items.map((i) => {
            const r = range(runs[i]);
            r.load("formulas,values,valueTypes");
            return r;
          });
          try {
            // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request-sized batch of old contents (one in all for usual fix sets)
            await context.sync();
          } catch (e) {
            if (!isLimitError(e) || items.length < 2) throw e;
            this.last.splits++;
            const half = Math.ceil(items.length / 2);
            pending.unshift(items.slice(0, half), items.slice(half));
            continue;
          }
          const locked = protections.find((p) => p.protection.protected);
          if (locked) throw new OfficeError("protected", { sheet: locked.name });
          checked = true;
          ranges.forEach((r, k) => {
            old[items[k]] = { formulas: r.formulas, values: r.values, types: r.valueTypes };
          });
        }

        const grids = runs.map((r) => r.values.map((v) => [toExcelInput(v)]));
        const batches = this.batchBySize(grids.map((g) => jsonBytes(g) + 64));
        /** Runs sent in a sync (done or failed): Excel may have written any of them. */
        const sent: number[] = [];
        try {
          for (const b of batches) {
            for (const i of b.items) {
              range(runs[i]).values = grids[i];
              this.last.cells += runs[i].values.length;
              sent.push(i);
            }
            this.noteRequest(b.bytes);
            // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request-sized batch (one in all for usual fix sets)
            await context.sync();
          }
        } catch (e) {
          await this.putBack(context, runs, old, sent);
          throw e;
        }
      })
    );
  }

  /**
   * Put the runs `which` back to their old contents: one batch per sheet (so
   * that a sheet that refuses, protected meanwhile, does not keep the others
   * from being put back), each retried while Excel is busy or in edit mode.
   * Best effort: a batch that still fails is left, the caller's error stands.
   */
  private async putBack(
    context: RequestContext,
    runs: CellRun[],
    old: OldCells[],
    which: number[]
  ): Promise<void> {
    const bySheet = new Map<string, number[]>();
    for (const i of which) {
      const list = bySheet.get(runs[i].sheet);
      if (list) list.push(i);
      else bySheet.set(runs[i].sheet, [i]);
    }
    for (const list of bySheet.values()) {
      const inputs = list.map((i) =>
        old[i].formulas.map((row, r) => [
          restoreInput(row[0], old[i].values[r][0], old[i].types[r][0]),
        ])
      );
      for (const b of this.batchBySize(inputs.map((g) => jsonBytes(g) + 64))) {
        try {
          await withRetry(async () => {
            for (const k of b.items) {
              const run = runs[list[k]];
              run.ws.getRangeByIndexes(run.top, run.col, run.values.length, 1).formulas = inputs[k];
            }
            this.noteRequest(b.bytes);
            // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request-sized batch, putting back what was written
            await context.sync();
          }, this.opts.retry);
        } catch {
          // Left as written: the error that made us put things back is reported.
        }
      }
    }
  }

  /** Consecutive items grouped so that each group stays within the byte budget. */
  private batchBySize(sizes: number[]): { items: number[]; bytes: number }[] {
    const out: { items: number[]; bytes: number }[] = [];
    let cur = { items: [] as number[], bytes: 0 };
    sizes.forEach((size, i) => {
      if (
        cur.items.length &&
        (cur.bytes + size > this.byteBudget || cur.items.length >= MAX_OPS_PER_SYNC)
      ) {
        out.push(cur);
        cur = { items: [], bytes: 0 };
      }
      cur.items.push(i);
      cur.bytes += size;
    });
    if (cur.items.length) out.push(cur);
    return out;
  }

  // ------------------------------------------------------------------ extras for the task pane

  /** Activate a sheet and select a cell (a click on an issue). */
  async select(sheet: string, cell: string): Promise<void> {
    await this.call(() =>
      this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      })
    );
  }
}

/** Runs of nearby cells per column (at most FONT_RUN rows each) → font jobs. */
function fontJobs(
  ws: Worksheet,
  out: SheetArrays,
  cells: { row: number; col: number }[]
): FontJob[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    let rows = byCol.get(c.col);
    if (!rows) byCol.set(c.col, (rows = []));
    rows.push(c.row);
  }
  const jobs: FontJob[] = [];
  for (const [col, rows] of byCol) {
    rows.sort((a, b) => a - b);
    let job: FontJob | null = null;
    for (const r of rows) {
      if (job && r - job.bottom <= FONT_GAP && r - job.top < FONT_RUN) {
        job.bottom = r;
        job.rows.push(r);
      } else {
        job = { ws, out, col, top: r, bottom: r, rows: [r] };
        jobs.push(job);
      }
    }
  }
  return jobs;
}

/** The input that recreates an old cell: its formula, its error, or its value as typed. */
function restoreInput(
  formula: unknown,
  value: unknown,
  type: string | undefined
): string | number | boolean {
  if (typeof formula === "string" && formula.startsWith("=")) return formula;
  if (type === "Error") return String(value);
  if (type === "Empty" || value === "" || value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return value;
  return toExcelInput(String(value));
}

/** [start, length, value] for each run of equal defined values. */
function runsOf<T>(list: (T | undefined)[]): [number, number, T][] {
  const out: [number, number, T][] = [];
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (v === undefined) continue;
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === i && last[2] === v) last[1]++;
    else out.push([i, 1, v]);
  }
  return out;
}

const EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
] as const;

const ALIGN: Record<string, string> = {
  left: "Left",
  center: "Center",
  right: "Right",
  top: "Top",
  middle: "Center",
  bottom: "Bottom",
};

/** One format attribute ("bold", "size=14", "h=center", "fill=FFDDEBF7", "border" …). */
function applyFormat(f: RangeFormat, key: string): void {
  const [attr, value = ""] = key.split("=");
  switch (attr) {
    case "bold":
      f.font.bold = true;
      break;
    case "italic":
      f.font.italic = true;
      break;
    case "underline":
      f.font.underline = "Single";
      break;
    case "size":
      f.font.size = Number(value);
      break;
    case "h":
      f.horizontalAlignment = ALIGN[value] ?? "General";
      break;
    case "v":
      f.verticalAlignment = ALIGN[value] ?? "Center";
      break;
    case "wrap":
      f.wrapText = true;
      break;
    case "fill":
      f.fill.color = "#" + value.slice(-6);
      break;
    case "border":
      for (const edge of EDGES) {
        const b = f.borders.getItem(edge);
        b.style = "Continuous";
        b.weight = "Thin";
      }
      break;
    default:
      break;
  }
}
