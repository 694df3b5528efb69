/**
 * Fixes, through any workbook adapter: a preview of every change, apply
 * (only the cells listed, only while they still hold what the check saw),
 * and our own undo (Office.js edits clear Excel's undo stack).
 */
import type { Issue, FixValue } from "../engine/model/issues";
import { cellContent } from "../engine/summary/layout-model";
import type { WorkbookPort } from "./port";

export interface PlannedChange {
  sheet: string;
  cell: string;
  from: FixValue;
  to: FixValue;
  code: string;
  description: string;
  description_en: string;
}

/** What applying did: enough to undo it exactly. */
export interface AppliedFixes {
  applied: PlannedChange[];
  /** Changes not made because the cell no longer held the value the check saw. */
  skipped: PlannedChange[];
}

/** Every change the fixable issues propose (one per cell: the first wins), for the preview. */
export function planFixes(
  issues: Issue[],
  accept: (i: Issue) => boolean = () => true
): PlannedChange[] {
  const seen = new Set<string>();
  const out: PlannedChange[] = [];
  for (const issue of issues) {
    if (!issue.fix || !issue.sheet || !accept(issue)) continue;
    for (const ch of issue.fix.changes) {
      const key = `${issue.sheet}!${ch.cell}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        sheet: issue.sheet,
        cell: ch.cell,
        from: ch.from,
        to: ch.to,
        code: issue.code,
        description: issue.fix.description,
        description_en: issue.fix.description_en,
      });
    }
  }
  return out;
}

async function currentContents(port: WorkbookPort, sheets: string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const sheet of sheets) {
    const snap = await port.snapshot(sheet);
    for (const [addr, content] of snap?.contents ?? []) map.set(`${sheet}!${addr}`, content);
  }
  return map;
}

/** Apply the planned changes whose cells still hold `from`. */
export async function applyFixes(port: WorkbookPort, plan: PlannedChange[]): Promise<AppliedFixes> {
  const sheets = [...new Set(plan.map((p) => p.sheet))];
  const now = await currentContents(port, sheets);
  const applied: PlannedChange[] = [];
  const skipped: PlannedChange[] = [];
  for (const p of plan) {
    const current = now.get(`${p.sheet}!${p.cell}`) ?? "";
    if (current === cellContent(p.from)) applied.push(p);
    else skipped.push(p);
  }
  if (applied.length)
    await port.setCells(applied.map((p) => ({ sheet: p.sheet, cell: p.cell, value: p.to })));
  return { applied, skipped };
}

/** Undo: put back `from` where the cell still holds what the fix wrote. */
export async function undoFixes(port: WorkbookPort, done: AppliedFixes): Promise<AppliedFixes> {
  const sheets = [...new Set(done.applied.map((p) => p.sheet))];
  const now = await currentContents(port, sheets);
  const restored: PlannedChange[] = [];
  const skipped: PlannedChange[] = [];
  for (const p of done.applied) {
    const current = now.get(`${p.sheet}!${p.cell}`) ?? "";
    if (current === cellContent(p.to)) restored.push(p);
    else skipped.push(p);
  }
  if (restored.length)
    await port.setCells(restored.map((p) => ({ sheet: p.sheet, cell: p.cell, value: p.from })));
  return { applied: restored, skipped };
}
