/**
 * The number of `context.sync` calls is a small constant plus one per chunk of
 * rows — never per row, cell or issue — and no request comes near Excel's
 * limits: a check and a summary at 1,000 and at 100,000 rows.
 */
import assert from "node:assert/strict";
import { OfficeWorkbook } from "../../src/adapters/office/office-workbook";
import { analyse } from "../../src/engine/analyse";
import type { WorkbookData } from "../../src/engine/model/cells";
import { encodeLegacy, readsAsVietnamese } from "../../src/engine/text/legacy";
import { buildSummary } from "../../src/workbook/summary-service";
import { createFakeExcel } from "../support/fake-excel";
import { OPTS, bigData, messyData } from "./helpers";

const LIMIT = 5_000_000;

interface Measure {
  syncs: number;
  chunks: number;
  fontSyncs: number;
  splits: number;
  failed: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  maxCells: number;
}

async function measure(data: WorkbookData): Promise<{ check: Measure; summary: Measure }> {
  const fake = createFakeExcel(data);
  const office = new OfficeWorkbook(fake.run, { isSetSupported: () => true });
  const out: Partial<Record<"check" | "summary", Measure>> = {};
  for (const task of ["check", "summary"] as const) {
    fake.resetStats();
    office.resetTotals();
    const a = analyse(await office.read(), OPTS);
    if (task === "summary") await buildSummary(office, a);
    out[task] = {
      syncs: fake.stats.syncs,
      chunks: office.totals.chunks,
      fontSyncs: office.totals.fontSyncs,
      splits: office.totals.splits,
      failed: fake.stats.failedSyncs,
      maxRequestBytes: fake.stats.maxRequestBytes,
      maxResponseBytes: fake.stats.maxResponseBytes,
      maxCells: fake.stats.maxCellsPerSync,
    };
    assert.equal(office.totals.syncs, fake.stats.syncs);
  }
  return out as { check: Measure; summary: Measure };
}

describe("Office adapter sync counts", function () {
  this.timeout(180000);
  let small: { check: Measure; summary: Measure };
  let big: { check: Measure; summary: Measure };

  before(async function () {
    small = await measure(bigData(1_000));
    big = await measure(bigData(100_000));
  });

  it("a check: two syncs plus one per chunk", function () {
    for (const m of [small.check, big.check]) {
      assert.equal(m.fontSyncs, 0);
      assert.equal(m.splits, 0);
      assert.equal(m.syncs, 2 + m.chunks);
    }
    assert.ok(big.check.chunks > small.check.chunks, "100,000 rows take more than one chunk");
    assert.equal(big.check.syncs - small.check.syncs, big.check.chunks - small.check.chunks);
  });

  it("a summary: the check plus a constant number of syncs", function () {
    const extra = small.summary.syncs - small.summary.chunks;
    assert.equal(big.summary.syncs - big.summary.chunks, extra);
    assert.equal(
      big.summary.syncs - small.summary.syncs,
      big.summary.chunks - small.summary.chunks
    );
    assert.ok(extra <= 2 + 10, `summary overhead ${extra} syncs`);
  });

  it("no request exceeds Excel's limits, and none failed", function () {
    for (const m of [small.check, small.summary, big.check, big.summary]) {
      assert.equal(m.failed, 0);
      assert.ok(m.maxRequestBytes < LIMIT, `request ${m.maxRequestBytes} bytes`);
      assert.ok(m.maxResponseBytes < LIMIT, `response ${m.maxResponseBytes} bytes`);
      assert.ok(m.maxCells < LIMIT, `${m.maxCells} cells in one request`);
    }
  });

  it("legacy-font text in mixed-font columns costs at most one more sync, not one per cell", async function () {
    // Every 7th name typed in TCVN3 with a .VnTime font, the others in Times New Roman.
    const data = bigData(20_000);
    const sheet = data.sheets.find((s) => s.name === "DS HTX");
    assert.ok(sheet);
    let legacy = 0;
    for (let r = 5; r < sheet.values.length; r += 7) {
      const name = sheet.values[r][1];
      if (typeof name !== "string") continue;
      const encoded = encodeLegacy(name, "tcvn3");
      sheet.values[r][1] = encoded;
      (sheet.fonts as string[][])[r][1] = ".VnTime";
      // A legacy name whose every word is also a Vietnamese word is left alone by design.
      if (!readsAsVietnamese(encoded)) legacy++;
    }
    const fake = createFakeExcel(data);
    const office = new OfficeWorkbook(fake.run);
    const read = await office.read();
    assert.ok(office.last.fontSyncs <= 1, `${office.last.fontSyncs} font syncs`);
    assert.equal(fake.stats.syncs, 2 + office.last.chunks + office.last.fontSyncs);
    const viaOffice = analyse(read, OPTS).issues.filter((i) => i.code === "legacy-encoding");
    const direct = analyse(data, OPTS).issues.filter((i) => i.code === "legacy-encoding");
    assert.equal(viaOffice.length, legacy);
    assert.deepEqual(viaOffice, direct);
  });

  it("the messy fixture's legacy name gets its font without a sync of its own per cell", async function () {
    const fake = createFakeExcel(messyData());
    const office = new OfficeWorkbook(fake.run);
    await office.read();
    assert.equal(fake.stats.syncs, 2 + office.last.chunks + office.last.fontSyncs);
    assert.ok(office.last.fontSyncs <= 1);
  });
});
