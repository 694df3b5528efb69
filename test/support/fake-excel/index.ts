/**
 * An in-memory fake of the part of the Excel JavaScript API that the Office
 * adapter uses, behaving like Excel where tests rely on it:
 *
 * - calls and property sets are queued and run at `context.sync()`; a property
 *   is readable only after it was loaded (or set) and synced, else reading it
 *   throws PropertyNotLoaded;
 * - every sync is counted, with its request and response payload (UTF-8 bytes
 *   of the JSON sent and returned) and the cells its range operations touched;
 * - Excel's limits: a request or response over 5 MB fails with
 *   RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded, a range
 *   operation over 5,000,000 cells with RangeExceedsLimit;
 * - a failed sync keeps what Excel keeps: the operations queued before the
 *   failing one stay applied, the failing one (each operation is all or
 *   nothing) and every one after it are not, and nothing loaded in that sync
 *   becomes readable. A request refused as a whole (over the payload limit,
 *   cell edit mode) applies nothing; a response over the limit fails after
 *   every operation ran;
 * - requirement sets: the host supports ExcelApi up to `excelApi` (default
 *   DEFAULT_EXCEL_API); an API of a later set, or one named in `unsupported`,
 *   fails with ApiNotFound at sync, and `isSetSupported` answers accordingly;
 * - on demand: cell edit mode (InvalidOperationInCellEditMode), protected
 *   sheets (AccessDenied on writes), protected workbook structure, a failure
 *   at a chosen operation, APIs the host lacks (ApiNotFound).
 *
 * Pure TypeScript, no Node APIs (it is also bundled into a browser stub).
 * Not modelled: calculation (a formula written through the API has no value
 * until something else sets one), styles, tables, events.
 */
import type { WorkbookData } from "../../../src/engine/model/cells";
import { ErrorCodes, FakeExcelError } from "./errors";
import { FakeModel } from "./model";
import { ContextHost, FakeContext, Limits, Tx, jsonBytes } from "./proxies";
import { ApiSupport } from "./requirements";

export { FakeExcelError, ErrorCodes } from "./errors";
export { FakeModel, FakeSheet } from "./model";
export type { CellFormat } from "./model";
export { FakeContext } from "./proxies";
export { API_SETS, DEFAULT_EXCEL_API, compareVersions } from "./requirements";

export const EXCEL_LIMITS: Limits = {
  requestBytes: 5_000_000,
  responseBytes: 5_000_000,
  cells: 5_000_000,
};

export interface SyncRecord {
  index: number;
  ops: number;
  requestBytes: number;
  responseBytes: number;
  cells: number;
  /** The operations of the request, in order ("Range.values=", "Worksheet.delete" …). */
  opNames: string[];
  calcSuspended: boolean;
  screenSuspended: boolean;
  /** Excel's error code when the sync failed. */
  error: string | null;
}

export interface FakeStats {
  syncs: number;
  failedSyncs: number;
  ops: number;
  requestBytes: number;
  responseBytes: number;
  /** Request + response bytes of every sync. */
  totalBytes: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  maxCellsPerSync: number;
  log: SyncRecord[];
}

export interface FakeExcelOptions {
  limits?: Partial<Limits>;
  /**
   * The highest ExcelApi requirement set the host supports ("1.12": Excel
   * 2021 without merged-area reads …). Default DEFAULT_EXCEL_API.
   */
  excelApi?: string;
  /** APIs that fail with ApiNotFound: "notes", "suspendScreenUpdatingUntilNextSync" … */
  unsupported?: string[];
}

export type FakeRun = <T>(batch: (context: FakeContext) => Promise<T>) => Promise<T>;

export interface FakeExcel {
  /** Stands in for the `Excel` namespace. */
  Excel: { run: FakeRun; ErrorCodes: typeof ErrorCodes };
  /** `Excel.run`. */
  run: FakeRun;
  readonly stats: FakeStats;
  resetStats(): void;
  /**
   * `Office.context.requirements.isSetSupported` for this host: ExcelApi up to
   * `excelApi`, and below the set of any API listed as unsupported.
   */
  isSetSupported(set: string, version?: string): boolean;
  readonly model: FakeModel;
  /** The workbook's contents as the engine's data. */
  workbookData(): WorkbookData;
  /** The next `syncs` syncs fail as in cell edit mode (Infinity: until set to 0). */
  setEditMode(syncs: number): void;
  protectSheet(name: string, on?: boolean): void;
  protectStructure(on?: boolean): void;
  /**
   * Fail `times` operations whose name matches ("Range.merge", "Worksheet.name=",
   * "Worksheet.delete"), after letting `after` matching ones through.
   */
  failOn(op: string | RegExp, code: string, times?: number, after?: number): void;
  /**
   * Fail operation `op` (0-based, in queue order) of the sync whose index in
   * `stats.log` is `sync` (counted from the last `resetStats`).
   */
  failAt(sync: number, op: number, code: string): void;
}

function emptyStats(): FakeStats {
  return {
    syncs: 0,
    failedSyncs: 0,
    ops: 0,
    requestBytes: 0,
    responseBytes: 0,
    totalBytes: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    maxCellsPerSync: 0,
    log: [],
  };
}

/** Fixed part of every request (headers, the batch envelope). */
const REQUEST_OVERHEAD = 64;

class Host implements ContextHost {
  stats: FakeStats = emptyStats();
  editMode = 0;
  failures: { op: string | RegExp; code: string; times: number; after: number }[] = [];
  failuresAt: { sync: number; op: number; code: string }[] = [];
  readonly limits: Limits;
  readonly apis: ApiSupport;

  constructor(
    readonly model: FakeModel,
    opts: FakeExcelOptions
  ) {
    this.limits = { ...EXCEL_LIMITS, ...(opts.limits ?? {}) };
    this.apis = new ApiSupport(opts.excelApi, opts.unsupported);
  }

  private injectedAt(sync: number, op: number): string | null {
    const f = this.failuresAt.find((x) => x.sync === sync && x.op === op);
    if (!f) return null;
    this.failuresAt = this.failuresAt.filter((x) => x !== f);
    return f.code;
  }

  private injected(name: string): string | null {
    const f = this.failures.find((x) =>
      typeof x.op === "string" ? x.op === name : x.op.test(name)
    );
    if (!f) return null;
    if (f.after > 0) {
      f.after--;
      return null;
    }
    f.times--;
    if (f.times <= 0) this.failures = this.failures.filter((x) => x !== f);
    return f.code;
  }

  async sync(ctx: FakeContext): Promise<void> {
    await Promise.resolve();
    const ops = ctx._queue;
    const nullables = ctx._nullables;
    ctx._queue = [];
    ctx._nullables = [];
    const record: SyncRecord = {
      index: this.stats.syncs,
      ops: ops.length,
      requestBytes: REQUEST_OVERHEAD + ops.reduce((n, op) => n + op.bytes, 0),
      responseBytes: 0,
      cells: 0,
      opNames: ops.map((op) => op.name),
      calcSuspended: false,
      screenSuspended: false,
      error: null,
    };
    const s = this.stats;
    s.syncs++;
    s.ops += ops.length;
    s.log.push(record);
    const tx = new Tx(this.model, this.limits, this.apis);
    const account = () => {
      record.responseBytes = tx.responseBytes;
      record.cells = tx.cells;
      record.calcSuspended = tx.calcSuspended;
      record.screenSuspended = tx.screenSuspended;
      s.requestBytes += record.requestBytes;
      s.responseBytes += record.responseBytes;
      s.totalBytes += record.requestBytes + record.responseBytes;
      s.maxRequestBytes = Math.max(s.maxRequestBytes, record.requestBytes);
      s.maxResponseBytes = Math.max(s.maxResponseBytes, record.responseBytes);
      s.maxCellsPerSync = Math.max(s.maxCellsPerSync, record.cells);
    };
    const fail = (e: unknown): never => {
      const err =
        e instanceof FakeExcelError
          ? e
          : new FakeExcelError(ErrorCodes.generalException, String(e));
      record.error = err.code;
      s.failedSyncs++;
      account();
      throw err;
    };

    // Refused as a whole: nothing runs.
    if (this.editMode > 0) {
      this.editMode--;
      fail(new FakeExcelError(ErrorCodes.invalidOperationInCellEditMode));
    }
    if (record.requestBytes > this.limits.requestBytes)
      fail(
        new FakeExcelError(
          ErrorCodes.requestPayloadSizeLimitExceeded,
          `The request payload (${record.requestBytes} bytes) exceeds the limit of ${this.limits.requestBytes} bytes.`
        )
      );

    // The operations run in order, as in Excel: those before a failing one
    // stay applied. Each operation is journaled and undone if it fails
    // itself, so that no operation is ever half applied.
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i];
      this.model.begin();
      try {
        const code = this.injectedAt(record.index, i) ?? this.injected(op.name);
        if (code) throw new FakeExcelError(code, undefined, op.name);
        op.run(tx);
        this.model.commit();
      } catch (e) {
        this.model.rollback();
        if (e instanceof FakeExcelError && !e.debugInfo.errorLocation)
          e.debugInfo.errorLocation = op.name;
        return fail(e);
      }
    }
    try {
      for (const n of nullables) {
        n._resolveOrNull();
        n._markKnown(tx);
      }
    } catch (e) {
      return fail(e);
    }
    // Every operation ran (and stays applied); only the answer is too large.
    if (tx.responseBytes > this.limits.responseBytes)
      fail(
        new FakeExcelError(
          ErrorCodes.responsePayloadSizeLimitExceeded,
          `The response payload (${tx.responseBytes} bytes) exceeds the limit of ${this.limits.responseBytes} bytes.`
        )
      );
    for (const c of tx.commits) c();
    account();
  }
}

/** A fake Excel holding `data` (copied). */
export function createFakeExcel(data: WorkbookData, opts: FakeExcelOptions = {}): FakeExcel {
  const host = new Host(FakeModel.fromWorkbookData(data), opts);
  const run: FakeRun = async (batch) => {
    const ctx = new FakeContext(host);
    try {
      const result = await batch(ctx);
      if (ctx._queue.length) await ctx.sync();
      return result;
    } finally {
      ctx._closed = true;
    }
  };
  return {
    Excel: { run, ErrorCodes },
    run,
    get stats() {
      return host.stats;
    },
    resetStats() {
      host.stats = emptyStats();
    },
    isSetSupported: (set: string, version?: string) => host.apis.isSetSupported(set, version),
    get model() {
      return host.model;
    },
    workbookData: () => host.model.toWorkbookData(),
    setEditMode(syncs: number) {
      host.editMode = syncs;
    },
    protectSheet(name: string, on = true) {
      const s = host.model.find(name);
      if (!s) throw new Error(`no sheet ${name}`);
      s.protected = on;
    },
    protectStructure(on = true) {
      host.model.structureProtected = on;
    },
    failOn(op: string | RegExp, code: string, times = 1, after = 0) {
      host.failures.push({ op, code, times, after });
    },
    failAt(sync: number, op: number, code: string) {
      host.failuresAt.push({ sync, op, code });
    },
  };
}

export { jsonBytes };
