/**
 * The ribbon's one-click commands (manifest.xml: ExecuteFunction htxCheck and
 * htxBuildSummary). They run in the shared runtime, on the same Session as the
 * task pane, and tell the user what happened through the pane (src/app/runtime.ts):
 *
 * - Kiểm tra dữ liệu (htxCheck): check the workbook, hand the results to the
 *   pane ("checked") and open it on them; when nothing was found, a short
 *   "no problems" banner (the pane opens for it: Excel has nowhere else to
 *   show a message).
 * - Lập bảng tổng hợp (htxBuildSummary): check (fresh data), then build the
 *   summary sheet, which Excel activates ("built"; the pane is not opened: the
 *   new sheet is the answer). A summary sheet the user edited by hand is never
 *   replaced from the ribbon: nothing is written, the pane opens and asks
 *   ("confirmReplace").
 *
 * A handler never throws: a failure becomes an error banner, and
 * `event.completed()` is always called (Excel waits for it before it runs the
 * next command).
 */
import type { CheckView } from "../app/session";
import {
  BusyError,
  ConfirmRequest,
  commandStrings,
  emit,
  errorReason,
  getSession,
  runExclusive,
  showNotice,
  uiLanguage,
} from "../app/runtime";

/** `Office.AddinCommands.Event`: the part a command uses. */
export interface CommandEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

export type CommandHandler = (event: CommandEvent) => Promise<void>;

/** The FunctionName of each ExecuteFunction button in manifest.xml. */
export const COMMAND_IDS = { check: "htxCheck", buildSummary: "htxBuildSummary" } as const;

interface OfficeActions {
  actions?: { associate(name: string, handler: (event: CommandEvent) => unknown): void };
}

/** Tell Excel the command is done, whatever happened (never throws). */
function complete(event: CommandEvent | undefined): void {
  try {
    event?.completed();
  } catch (e) {
    console.error("htx-report: event.completed() failed", e);
  }
}

/** The notice of a failed command: busy, or the reason in the UI language. */
async function reportFailure(e: unknown, failed: (p: { reason: string }) => string): Promise<void> {
  const t = commandStrings();
  if (e instanceof BusyError) {
    await showNotice(t.busy(), "warning");
    return;
  }
  console.error("htx-report: command failed", e);
  await showNotice(failed({ reason: errorReason(e, uiLanguage()) }), "error");
}

async function check(): Promise<CheckView> {
  const view = await getSession().check();
  emit({ type: "checked", origin: "ribbon", view });
  return view;
}

/** Kiểm tra dữ liệu: check, then open the pane on the results. */
export async function htxCheck(event?: CommandEvent): Promise<void> {
  try {
    const view = await runExclusive("check", check);
    const t = commandStrings();
    const { error, warning, info } = view.total;
    if (error + warning + info === 0) {
      await showNotice(t.checkClean({ year: view.year }), "success");
    } else {
      await showNotice(
        t.checkFound({ year: view.year, errors: error, warnings: warning, infos: info }),
        error > 0 ? "error" : warning > 0 ? "warning" : "info"
      );
    }
  } catch (e) {
    await reportFailure(e, commandStrings().checkFailed);
  } finally {
    complete(event);
  }
}

/** Lập bảng tổng hợp: build in place; an edited summary sheet is left to the pane to confirm. */
export async function htxBuildSummary(event?: CommandEvent): Promise<void> {
  try {
    const outcome = await runExclusive("build", async () => {
      // The session checks the data afresh before it builds: one read, shared with the pane.
      const session = getSession();
      let asked: ConfirmRequest | null = null;
      const result = await session.buildSummary(async (sheet, backup) => {
        asked = { sheet, backup, year: session.analysis?.year ?? 0 };
        return false;
      });
      const view = result.view;
      emit({ type: "checked", origin: "ribbon", view });
      return { view, result, asked: asked as ConfirmRequest | null };
    });
    const { view, result, asked } = outcome;
    const t = commandStrings();
    if (!result.written) {
      const request = asked ?? { sheet: result.sheet, backup: "", year: view.year };
      emit({ type: "confirmReplace", origin: "ribbon", ...request });
      await showNotice(t.confirmReplace(request), "warning");
      return;
    }
    emit({
      type: "built",
      origin: "ribbon",
      sheet: result.sheet,
      backup: result.backup,
      replaced: result.replaced,
      year: view.year,
    });
    const errors = view.total.error;
    const text =
      t.built({ sheet: result.sheet, replaced: result.replaced }) +
      (errors > 0 ? " " + t.builtWithErrors({ errors }) : "");
    await showNotice(text, errors > 0 ? "warning" : "success", { openPane: false });
  } catch (e) {
    await reportFailure(e, commandStrings().buildFailed);
  } finally {
    complete(event);
  }
}

/**
 * Register the ribbon commands with Excel (`Office.actions.associate`,
 * SharedRuntime 1.1). Called once when the shared runtime's page starts.
 * Returns false when the host has no Office.actions (the page opened outside Excel).
 */
export function registerCommands(): boolean {
  const office = (globalThis as { Office?: OfficeActions }).Office;
  if (!office?.actions || typeof office.actions.associate !== "function") return false;
  office.actions.associate(COMMAND_IDS.check, htxCheck);
  office.actions.associate(COMMAND_IDS.buildSummary, htxBuildSummary);
  return true;
}
