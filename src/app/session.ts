/**
 * The add-in's state, shared by the task pane and the ribbon commands in the
 * one shared runtime: the last check, the fixes applied (for undo), the
 * chosen year. Surfaces call this; it calls the engine through the workbook
 * interface. No Office types here.
 */
import { Analysis, analyse, todaySerial } from "../engine/analyse";
import type { SheetKind } from "../engine/detect/schema";
import { columnLetter } from "../engine/model/cells";
import { countBySeverity, Issue, IssueCode, Severity } from "../engine/model/issues";
import { Settings, SheetOverride, settingsRows } from "../engine/model/settings";
import {
  AppliedFixes,
  PlannedChange,
  applyFixes,
  planFixes,
  undoFixes,
} from "../workbook/fix-service";
import type { WorkbookPort } from "../workbook/port";
import { BuildResult, buildSummary } from "../workbook/summary-service";
import { buildPlanTemplate, PLAN_TEMPLATE_SHEET } from "../engine/summary/plan-template";

export interface SheetCounts {
  sheet: string | null;
  error: number;
  warning: number;
  info: number;
}

export interface CheckView {
  year: number;
  years: number[];
  total: Record<Severity, number>;
  bySheet: SheetCounts[];
  issues: Issue[];
  /** Sheets read as data, with their kind. */
  sheets: { name: string; kind: SheetKind; headerRow: number }[];
  /** Sheets not read (not recognised, or the add-in's own). */
  skipped: string[];
}

/** What the add-in does with a sheet now: the saved choice, else what it detected. */
export interface SheetDetection {
  kind: SheetKind | "ignore" | "";
  /** 1-based, "" when none */
  headerRow: string;
  /** field key → column letter */
  columns: Record<string, string>;
  /** field key → the header text read there */
  headers: Record<string, string>;
}

export interface IssueFilter {
  sheet?: string | null;
  severity?: Severity;
  code?: IssueCode;
  fixableOnly?: boolean;
}

export function filterIssues(issues: Issue[], f: IssueFilter): Issue[] {
  return issues.filter(
    (i) =>
      (f.sheet === undefined || i.sheet === f.sheet) &&
      (f.severity === undefined || i.severity === f.severity) &&
      (f.code === undefined || i.code === f.code) &&
      (!f.fixableOnly || i.fix !== null)
  );
}

export interface SessionOptions {
  /** Report date as an Excel serial; default today. */
  reportSerial?: () => number;
}

export class Session {
  analysis: Analysis | null = null;
  /** The year the user picked; undefined = the latest year with data. */
  year: number | undefined;
  private undoStack: AppliedFixes[] = [];

  constructor(
    readonly port: WorkbookPort,
    private readonly opts: SessionOptions = {}
  ) {}

  private reportSerial(): number {
    return this.opts.reportSerial ? this.opts.reportSerial() : todaySerial();
  }

  /** Read and check the whole workbook (never changes a value). */
  async check(year?: number): Promise<CheckView> {
    if (year !== undefined) this.year = year;
    const data = await this.port.read();
    const a = analyse(data, { year: this.year, reportSerial: this.reportSerial() });
    this.analysis = a;
    return this.view(a);
  }

  view(a: Analysis): CheckView {
    const bySheet = new Map<string | null, SheetCounts>();
    for (const i of a.issues) {
      let c = bySheet.get(i.sheet);
      if (!c) bySheet.set(i.sheet, (c = { sheet: i.sheet, error: 0, warning: 0, info: 0 }));
      c[i.severity]++;
    }
    return {
      year: a.year,
      years: a.years.length ? a.years : [a.year],
      total: countBySeverity(a.issues),
      bySheet: [...bySheet.values()],
      issues: a.issues,
      sheets: a.read.sheets.map((s) => ({
        name: s.sheet.name,
        kind: s.kind,
        headerRow: s.header.rows[0] + 1,
      })),
      skipped: a.read.skipped,
    };
  }

  /** The changes the fixable issues (optionally filtered) would make. */
  previewFixes(filter: IssueFilter = {}): PlannedChange[] {
    if (!this.analysis) return [];
    return planFixes(filterIssues(this.analysis.issues, { ...filter, fixableOnly: true }));
  }

  /** Apply planned changes, remember them for undo, check again. */
  async applyFixes(plan: PlannedChange[]): Promise<{ done: AppliedFixes; view: CheckView }> {
    const done = await applyFixes(this.port, plan);
    if (done.applied.length) this.undoStack.push(done);
    return { done, view: await this.check() };
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  /** Undo the last applied fixes. */
  async undo(): Promise<{ done: AppliedFixes; view: CheckView } | null> {
    const last = this.undoStack.pop();
    if (!last) return null;
    const done = await undoFixes(this.port, last);
    return { done, view: await this.check() };
  }

  /**
   * Build the summary sheet from a fresh check (the data may have changed since the last one,
   * and the ribbon and the pane must agree); `confirm` is asked before a hand-edited summary is
   * replaced.
   */
  async buildSummary(
    confirm: (sheet: string, backup: string) => Promise<boolean>
  ): Promise<BuildResult & { view: CheckView }> {
    const view = await this.check();
    const result = await buildSummary(this.port, this.analysis as Analysis, {
      confirmReplace: confirm,
    });
    return { ...result, view };
  }

  /** The sheets the user may classify: every sheet but the add-in's own. */
  dataSheetNames(): string[] {
    if (!this.analysis) return [];
    const own = new Set(this.analysis.read.own);
    return this.analysis.read.sheetOrder.filter((n) => !own.has(n));
  }

  /** The saved choice for a sheet, else what detection found. */
  detection(sheet: string): SheetDetection {
    const d: SheetDetection = { kind: "", headerRow: "", columns: {}, headers: {} };
    const a = this.analysis;
    if (!a) return d;
    const read = a.read.sheets.find((r) => r.sheet.name === sheet);
    if (read) {
      d.kind = read.kind;
      d.headerRow = String(read.header.rows[0] + 1);
      for (const c of read.header.columns) {
        if (!c.field) continue;
        d.columns[c.field.key] ??= columnLetter(c.col);
        if (c.header) d.headers[c.field.key] ??= c.header;
      }
    }
    const saved = a.read.settings.overrides.find((o) => o.sheet === sheet);
    if (saved?.kind) d.kind = saved.kind;
    if (saved?.headerRow) d.headerRow = String(saved.headerRow);
    for (const [letter, field] of Object.entries(saved?.columns ?? {})) {
      if (field !== "ignore") d.columns[field] = letter;
    }
    return d;
  }

  /** True when the workbook has no plan sheet (the pane then offers to create one). */
  needsPlanSheet(): boolean {
    return !!this.analysis && !this.analysis.read.sheets.some((s) => s.kind === "plan");
  }

  /** Create the plan sheet pre-filled with every plannable indicator for the year and the next. */
  async createPlanSheet(): Promise<CheckView> {
    if (!this.analysis) await this.check();
    const a = this.analysis as Analysis;
    const names = await this.port.sheetNames();
    let name = PLAN_TEMPLATE_SHEET;
    for (let i = 2; names.includes(name); i++) name = `${PLAN_TEMPLATE_SHEET} ${i}`;
    await this.port.writeSheet(buildPlanTemplate(a.year, name), { activate: true });
    return this.check();
  }

  /** Save the user's detection choice for a sheet in `_htx_settings`, then check again. */
  async saveOverride(o: SheetOverride): Promise<CheckView> {
    if (!this.analysis) await this.check();
    const current: Settings = (this.analysis as Analysis).read.settings;
    const others = current.overrides.filter((x) => x.sheet !== o.sheet);
    const next: Settings = { ...current, overrides: [...others, o] };
    await this.port.writeSettings(settingsRows(next));
    return this.check();
  }
}
