/**
 * Building the summary sheet through any workbook adapter: a summary sheet the
 * user edited by hand is kept as a backup (after the caller's confirmation),
 * the new sheet's fingerprint is recorded in `_htx_settings`.
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
}

export interface BuildOptions extends SummaryOptions {
  /** Asked before an edited summary sheet is replaced (it is kept as a backup). Default: yes. */
  confirmReplace?: (sheet: string, backup: string) => Promise<boolean>;
  /** Passed to the adapter's writeSheet. */
  writeOptions?: Record<string, unknown>;
}

export function layoutFingerprint(layout: SheetLayout): string {
  return fingerprint(
    layout.cells.map((c): [string, string] => [
      cellAddress(c.row, c.col),
      cellContent(c.value, c.formula),
    ])
  );
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
  const layout = buildSummaryLayout(a, opts);
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
    const current = fingerprint(existing.contents);
    // A sheet the add-in did not write as it stands (edited, or renamed) is kept as a backup.
    const edited = !record || record.hash !== current || existingName !== layout.name;
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
  await port.writeSheet(layout, { activate: true, ...(opts.writeOptions ?? {}) });
  const hash = layoutFingerprint(layout);
  settings.summaries = [
    ...settings.summaries.filter((s) => s.sheet !== layout.name),
    { sheet: layout.name, year: a.year, hash },
  ];
  await port.writeSettings(settingsRows(settings));
  return { sheet: layout.name, backup, layout, replaced: !!existing, written: true };
}
