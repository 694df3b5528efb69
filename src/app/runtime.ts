/**
 * The shared runtime's glue: the one page (taskpane.html) that Excel keeps
 * loaded for the task pane, the ribbon commands and the custom functions
 * (manifest: `<Runtime lifetime="long">`). Everything here is a singleton of
 * that page, so the pane and the ribbon see the same Session, the same last
 * check and the same undo stack.
 *
 * - `getSession()` — the Session over the Office.js adapter.
 * - `uiLanguage()` — "en" when Office runs in English, else "vi".
 * - `selectCell()` — go to an issue's cell.
 * - `onChange()` / `emit()` — a tiny event bus: a ribbon command tells the
 *   pane what it did ("checked", "built", "confirmReplace", "notice" …).
 * - `runExclusive()` — one check or build at a time, whoever asks.
 * - `showNotice()` — Excel has no toast API. A notice is a banner the pane
 *   shows (it listens for "notice" events, and reads `currentNotice()` when it
 *   starts); by default the pane is also opened (`Office.addin.showAsTaskpane`,
 *   SharedRuntime 1.1) because a banner in a hidden pane tells nobody
 *   anything. A dialog (`displayDialogAsync`) was rejected: a second page, a
 *   second runtime, slow to open, and modal for a one-line message.
 *
 * The Office and Excel globals are read at call time, never at load, so this
 * module loads in Node (tests set stub globals) and before office.js is ready.
 * No DOM types: it compiles with the Node tsconfig and with webpack's.
 */
import type { CheckView } from "./session";
import { Session } from "./session";
import { OfficeWorkbook } from "../adapters/office/office-workbook";
import { OfficeError } from "../adapters/office/errors";
import type { ExcelRun } from "../adapters/office/excel-types";
import { HtxError } from "../workbook/port";
import { strings } from "../i18n";
import type { CommandStrings } from "../i18n/commands.types";
import { en as enStrings } from "../i18n/en";
import { vi as viStrings } from "../i18n/vi";

// ------------------------------------------------------------------ Office globals

/** The part of office.js's `Office` this module uses. */
interface OfficeGlobal {
  context?: {
    displayLanguage?: string;
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
  };
  addin?: { showAsTaskpane(): Promise<void> };
}

interface ExcelGlobal {
  run: ExcelRun;
}

function officeGlobal(): OfficeGlobal | undefined {
  return (globalThis as { Office?: OfficeGlobal }).Office;
}

/**
 * The Excel API is missing: the page runs outside Excel, or office.js failed to load. The message
 * is in the UI language; the banner shows `commands.noExcel` instead (errorReason).
 */
export class NoExcelError extends Error {
  override readonly name = "NoExcelError";
  constructor(lang: "vi" | "en" = uiLanguage()) {
    super(strings(lang).commands.noExcelApi());
  }
}

function excelGlobal(): ExcelGlobal {
  const excel = (globalThis as { Excel?: Partial<ExcelGlobal> }).Excel;
  if (!excel || typeof excel.run !== "function") throw new NoExcelError();
  return excel as ExcelGlobal;
}

// ------------------------------------------------------------------ language

/** The UI language: English when Office's display language is English, else Vietnamese. */
export function uiLanguage(): "vi" | "en" {
  const lang = officeGlobal()?.context?.displayLanguage ?? "";
  return lang.toLowerCase().startsWith("en") ? "en" : "vi";
}

/** The ribbon / runtime strings in the UI language. */
export function commandStrings(lang: "vi" | "en" = uiLanguage()): CommandStrings {
  return lang === "en" ? enStrings.commands : viStrings.commands;
}

/** Why something failed, in words for the banner (Excel's errors are already in both languages). */
export function errorReason(e: unknown, lang: "vi" | "en" = uiLanguage()): string {
  if (e instanceof OfficeError) return lang === "en" ? e.en : e.vi;
  if (e instanceof NoExcelError) return commandStrings(lang).noExcel();
  if (e instanceof HtxError) {
    const text = strings(lang).cli[e.code];
    if (text) return text(e.params);
  }
  const detail = e instanceof Error ? e.message : String(e);
  return commandStrings(lang).unexpected({ detail });
}

// ------------------------------------------------------------------ events

export type Origin = "ribbon" | "pane";
export type Task = "check" | "build" | "fix" | "undo" | "settings";
export type NoticeKind = "success" | "info" | "warning" | "error";

export interface Notice {
  /** Increases with every notice (the pane can tell a new one from a repeat). */
  id: number;
  kind: NoticeKind;
  text: string;
}

/** An edited summary sheet the ribbon did not replace; the pane asks the user. */
export interface ConfirmRequest {
  sheet: string;
  backup: string;
  year: number;
}

export type RuntimeEvent =
  /** A task started (`task`) or ended (`null`). */
  | { type: "busy"; task: Task | null }
  /** Rows read or written so far (from the adapter). */
  | { type: "progress"; phase: "read" | "write"; done: number; total: number }
  /** A check ran: the pane shows `view`. */
  | { type: "checked"; origin: Origin; view: CheckView }
  /** The summary sheet was written (and activated). */
  | {
      type: "built";
      origin: Origin;
      sheet: string;
      backup: string | null;
      replaced: boolean;
      year: number;
    }
  /**
   * The summary sheet was edited by hand, nothing was written: the pane asks,
   * and on "yes" calls `getSession().buildSummary(async () => true)`.
   */
  | ({ type: "confirmReplace"; origin: Origin } & ConfirmRequest)
  /** A banner to show (`null`: remove it). */
  | { type: "notice"; notice: Notice | null };

export type Listener = (event: RuntimeEvent) => void;

const listeners = new Set<Listener>();

/** Listen to the runtime's events; returns the function that stops listening. */
export function onChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Tell every listener (a listener that throws is reported and does not stop the others). */
export function emit(event: RuntimeEvent): void {
  if (event.type === "confirmReplace") {
    state.confirm = { sheet: event.sheet, backup: event.backup, year: event.year };
  } else if (event.type === "built") {
    state.confirm = null;
  }
  for (const listener of [...listeners]) {
    try {
      listener(event);
    } catch (e) {
      console.error("htx-report: a runtime listener failed", e);
    }
  }
}

// ------------------------------------------------------------------ state

interface State {
  session: Session | null;
  workbook: OfficeWorkbook | null;
  busy: Task | null;
  notice: Notice | null;
  confirm: ConfirmRequest | null;
  noticeId: number;
}

const state: State = {
  session: null,
  workbook: null,
  busy: null,
  notice: null,
  confirm: null,
  noticeId: 0,
};

/** The Office.js workbook adapter of this runtime (created with the session). */
export function getWorkbook(): OfficeWorkbook {
  if (!state.workbook) {
    const run: ExcelRun = (batch) => excelGlobal().run(batch);
    state.workbook = new OfficeWorkbook(run, {
      isSetSupported: (set, version) => {
        const req = officeGlobal()?.context?.requirements;
        // Without the requirements API, assume what every current Excel has (ExcelApi ≤ 1.9).
        return req ? req.isSetSupported(set, version) : Number(version.split(".")[1] ?? 0) <= 9;
      },
      onProgress: (p) => emit({ type: "progress", ...p }),
    });
  }
  return state.workbook;
}

/** The one Session of this runtime, shared by the pane and the ribbon commands. */
export function getSession(): Session {
  if (!state.session) state.session = new Session(getWorkbook());
  return state.session;
}

/** The banner to show now (a pane that starts after a ribbon command reads it). */
export function currentNotice(): Notice | null {
  return state.notice;
}

/** The edited summary sheet waiting for the user's answer, if any. */
export function pendingConfirm(): ConfirmRequest | null {
  return state.confirm;
}

/** The user answered the confirmation (either way): forget it. */
export function clearConfirm(): void {
  state.confirm = null;
}

/** The task running now, if any. */
export function busyTask(): Task | null {
  return state.busy;
}

/** Another check, build or fix is running. */
export class BusyError extends Error {
  override readonly name = "BusyError";
  constructor(readonly task: Task) {
    super(`busy: ${task}`);
  }
}

/**
 * Run one task at a time: the pane and the ribbon share the session, and two
 * reads or writes at once would interleave. Throws BusyError when busy.
 */
export async function runExclusive<T>(task: Task, fn: () => Promise<T>): Promise<T> {
  if (state.busy) throw new BusyError(state.busy);
  state.busy = task;
  emit({ type: "busy", task });
  try {
    return await fn();
  } finally {
    state.busy = null;
    emit({ type: "busy", task: null });
  }
}

/** Forget the session and the state (tests; a new workbook would get a new runtime anyway). */
export function resetRuntime(): void {
  state.session = null;
  state.workbook = null;
  state.busy = null;
  state.notice = null;
  state.confirm = null;
  listeners.clear();
}

// ------------------------------------------------------------------ Excel actions

/** Show the task pane (SharedRuntime 1.1). False when it could not be shown; never throws. */
export async function openPane(): Promise<boolean> {
  const addin = officeGlobal()?.addin;
  if (!addin || typeof addin.showAsTaskpane !== "function") return false;
  try {
    await addin.showAsTaskpane();
    return true;
  } catch (e) {
    console.error("htx-report: cannot show the task pane", e);
    return false;
  }
}

/**
 * Post a short notice: the pane's banner shows it. The pane is opened too
 * unless `openPane: false` (when the result is visible in the sheet already).
 * Never throws.
 */
export async function showNotice(
  text: string,
  kind: NoticeKind = "info",
  opts: { openPane?: boolean } = {}
): Promise<Notice> {
  const notice: Notice = { id: ++state.noticeId, kind, text };
  state.notice = notice;
  emit({ type: "notice", notice });
  if (opts.openPane !== false) await openPane();
  return notice;
}

/** Remove the banner (the user closed it). */
export function dismissNotice(): void {
  if (!state.notice) return;
  state.notice = null;
  emit({ type: "notice", notice: null });
}

/** Activate the sheet and select the cell (one Excel.run, one sync). Throws OfficeError. */
export async function selectCell(sheet: string, cell: string): Promise<void> {
  await getWorkbook().select(sheet, cell);
}
