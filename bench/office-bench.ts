/**
 * Syncs and payload sizes of the Office.js adapter on the in-memory fake Excel,
 * for a check (read) and a summary (read + build), on the demo workbook and on
 * the demo with 1,000 and 100,000 HTX rows. Not a test: it prints a table.
 *
 *   npx tsc -p tsconfig.json && node build/bench/office-bench.js [rows …]
 */
import { performance } from "perf_hooks";
import { OfficeWorkbook } from "../src/adapters/office/office-workbook";
import { analyse } from "../src/engine/analyse";
import type { WorkbookData } from "../src/engine/model/cells";
import { buildSummary } from "../src/workbook/summary-service";
import { createFakeExcel } from "../test/support/fake-excel";
import { OPTS, bigData, demoData } from "../test/office/helpers";

interface Row {
  workbook: string;
  task: string;
  syncs: number;
  chunks: number;
  fontSyncs: number;
  splits: number;
  maxRequest: number;
  maxResponse: number;
  maxCells: number;
  totalMB: number;
  ms: number;
}

async function measure(label: string, data: WorkbookData): Promise<Row[]> {
  const out: Row[] = [];
  const fake = createFakeExcel(data);
  const office = new OfficeWorkbook(fake.run, { isSetSupported: () => true });
  for (const task of ["check", "summary"] as const) {
    fake.resetStats();
    office.resetTotals();
    const t0 = performance.now();
    const a = analyse(await office.read(), OPTS);
    if (task === "summary") await buildSummary(office, a);
    const s = fake.stats;
    out.push({
      workbook: label,
      task,
      syncs: s.syncs,
      chunks: office.totals.chunks,
      fontSyncs: office.totals.fontSyncs,
      splits: office.totals.splits,
      maxRequest: s.maxRequestBytes,
      maxResponse: s.maxResponseBytes,
      maxCells: s.maxCellsPerSync,
      totalMB: Math.round(s.totalBytes / 1e4) / 100,
      ms: Math.round(performance.now() - t0),
    });
  }
  return out;
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter(Number.isFinite);
  const rows: Row[] = [...(await measure("demo", demoData()))];
  for (const n of sizes.length ? sizes : [1000, 100000])
    rows.push(...(await measure(`${n.toLocaleString("en")} HTX rows`, bigData(n))));
  console.table(rows);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
