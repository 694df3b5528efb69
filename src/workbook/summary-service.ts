/**
 * Building the summary sheet through any workbook adapter: a summary sheet the
 * user edited by hand is kept as a backup (after the caller's confirmation).
 * The sheet carries its own fingerprint in a hidden cell (FINGERPRINT_CELL),
 * so the sheet is one write: a failure leaves the previous state (the backup
 * is renamed back), and nothing depends on `_htx_settings` being written too.
 */
import type { Analysis } from "../engine/analyse";
import { Settings, settingsRows } from "../engine/model/settings";
import { cellContent, fingerprint, SheetLayout } from "../engine/summary/layout-model";
import { SummaryOptions, buildSummaryLayout } from "../engine/summary/summary-layout";
import { cellAddress } from "../engine/model/cells";
import { vi } from "../i18n/vi";
import type { WorkbookPort } from "./port";

export interface BuildResult {
  sheet: string;
  /** The backup name, when an edited summary sheet was kept. */
  backup: string | null;
  layout: SheetLayout;
  /** True when the existing sheet was replaced. */
  replaced: boolean;
  /** False when the user declined to replace an edited sheet (nothing was written). */
  written: boolean;
  /** False when `_htx_settings` could not be written (the summary sheet is complete anyway). */
  settingsSaved?: boolean;
}

export interface BuildOptions extends SummaryOptions {
  /** Asked before an edited summary sheet is replaced (it is kept as a backup). Default: yes. */
  confirmReplace?: (sheet: string, backup: string) => Promise<boolean>;
  /** Passed to the adapter's writeSheet. */
  writeOptions?: Record<string, unknown>;
}

/** The hidden cell (in the code column) that holds the sheet's fingerprint as written. */
export const FINGERPRINT_CELL = "I1";
const FINGERPRINT_PREFIX = "htx-report:fingerprint=";

/** The fingerprint of a sheet's contents, the fingerprint cell left out. */
export function contentsFingerprint(contents: [string, string][]): string {
  return fingerprint(contents.filter(([addr]) => addr !== FINGERPRINT_CELL));
}

export function layoutFingerprint(layout: SheetLayout): string {
  return contentsFingerprint(
    layout.cells.map((c): [string, string] => [
      cellAddress(c.row, c.col),
      cellContent(c.value, c.formula),
    ])
  );
}

/** The layout with its fingerprint written into FINGERPRINT_CELL. */
function withFingerprint(layout: SheetLayout): SheetLayout {
  const hash = layoutFingerprint(layout);
  return {
    ...layout,
    cells: [...layout.cells, { row: 0, col: 8, value: FINGERPRINT_PREFIX + hash, style: "hidden" }],
  };
}

/** The fingerprint a sheet says it was written with, if any. */
function storedFingerprint(contents: [string, string][]): string | null {
  const cell = contents.find(([addr]) => addr === FINGERPRINT_CELL)?.[1] ?? "";
  const text = cell.startsWith("s:") ? cell.slice(2) : "";
  return text.startsWith(FINGERPRINT_PREFIX) ? text.slice(FINGERPRINT_PREFIX.length) : null;
}

/** "Tổng hợp 2022 (bản cũ 2)", unique among the names, at most 31 characters. */
export function backupName(name: string, taken: string[]): string {
  const set = new Set(taken.map((t) => t.toLowerCase()));
  for (let i = 1; ; i++) {
    const suffix = ` (${vi.summary.backupSuffix} ${i})`;
    const candidate = name.slice(0, 31 - suffix.length) + suffix;
    if (!set.has(candidate.toLowerCase())) return candidate;
  }
}

export async function buildSummary(
  port: WorkbookPort,
  a: Analysis,
  opts: BuildOptions = {}
): Promise<BuildResult> {
  const layout = withFingerprint(buildSummaryLayout(a, opts));
  const settings: Settings = {
    ...a.read.settings,
    summaries: [...a.read.settings.summaries],
    overrides: [...a.read.settings.overrides],
  };
  // Sheet names are unique without regard to case in Excel: "TỔNG HỢP 2022" is in the way too.
  const names = await port.sheetNames();
  const existingName =
    names.find((n) => n === layout.name) ??
    names.find((n) => n.toLocaleLowerCase("vi") === layout.name.toLocaleLowerCase("vi")) ??
    null;
  const existing = existingName ? await port.snapshot(existingName) : null;
  let backup: string | null = null;
  if (existing && existingName) {
    const record = settings.summaries.find((s) => s.sheet === existingName);
    const current = contentsFingerprint(existing.contents);
    const written = storedFingerprint(existing.contents) ?? record?.hash ?? null;
    // A sheet the add-in did not write as it stands (edited, or renamed) is kept as a backup.
    const edited = written !== current || existingName !== layout.name;
    if (edited) {
      backup = backupName(layout.name, names);
      const ok = opts.confirmReplace ? await opts.confirmReplace(existingName, backup) : true;
      if (!ok) return { sheet: layout.name, backup: null, layout, replaced: false, written: false };
      await port.renameSheet(existingName, backup);
      settings.summaries = settings.summaries.map((s) =>
        s.sheet === existingName ? { ...s, sheet: backup as string, hash: "backup" } : s
      );
      if (!record) settings.summaries.push({ sheet: backup, year: a.year, hash: "backup" });
    }
  }
  try {
    await port.writeSheet(layout, { activate: true, ...(opts.writeOptions ?? {}) });
  } catch (e) {
    // Nothing half-done: the edited summary gets its name back.
    if (backup && existingName) await port.renameSheet(backup, existingName).catch(() => undefined);
    throw e;
  }
  const hash = layoutFingerprint(layout);
  settings.summaries = [
    ...settings.summaries.filter((s) => s.sheet !== layout.name),
    { sheet: layout.name, year: a.year, hash },
  ];
  // The record helps tell our sheets from the user's; the sheet stands on its own if this fails.
  let settingsSaved = true;
  try {
    await port.writeSettings(settingsRows(settings));
  } catch {
    settingsSaved = false;
  }
  return { sheet: layout.name, backup, layout, replaced: !!existing, written: true, settingsSaved };
}
