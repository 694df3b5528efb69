/**
 * Excel's errors through the Office adapter: a cell in edit mode is retried,
 * a protected sheet or workbook gives a clear message and nothing written, a
 * failure while building or swapping the summary never leaves a half-built
 * sheet, and a chunk too large for Excel is split and read again.
 */
import assert from "node:assert/strict";
import { OfficeError } from "../../src/adapters/office/errors";
import { OfficeWorkbook, OfficeWorkbookOptions } from "../../src/adapters/office/office-workbook";
import { analyse } from "../../src/engine/analyse";
import { summarySheetName } from "../../src/engine/summary/summary-layout";
import { buildSummary } from "../../src/workbook/summary-service";
import { FakeExcel, createFakeExcel } from "../support/fake-excel";
import { OPTS, demoData, noSleep } from "./helpers";

const SUMMARY = summarySheetName(2022);

function office(fake: FakeExcel, opts: OfficeWorkbookOptions = {}): OfficeWorkbook {
  return new OfficeWorkbook(fake.run, {
    isSetSupported: () => true,
    ...opts,
    retry: { sleep: noSleep, ...(opts.retry ?? {}) },
  });
}

async function rejectsOffice(p: Promise<unknown>, code: OfficeError["code"]): Promise<OfficeError> {
  let caught: unknown;
  await assert.rejects(p, (e) => {
    caught = e;
    return true;
  });
  assert.ok(caught instanceof OfficeError, `not an OfficeError: ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  return caught;
}

/** A fake holding the demo with its summary already built. */
async function withSummary(opts: Parameters<typeof createFakeExcel>[1] = {}) {
  const fake = createFakeExcel(demoData(), opts);
  const wb = office(fake);
  await buildSummary(wb, analyse(await wb.read(), OPTS));
  return { fake, wb, before: fake.workbookData(), names: await wb.sheetNames() };
}

describe("Office adapter errors", function () {
  this.timeout(60000);

  it("a cell in edit mode: retried after a pause, then the read succeeds", async function () {
    const fake = createFakeExcel(demoData());
    const retries: number[] = [];
    const waits: number[] = [];
    const wb = office(fake, {
      retry: {
        onRetry: (_e, n) => retries.push(n),
        sleep: async (ms) => {
          waits.push(ms);
        },
      },
    });
    fake.setEditMode(2);
    const data = await wb.read();
    assert.deepEqual(retries, [1, 2]);
    assert.ok(waits.every((ms) => ms > 0));
    assert.equal(fake.stats.failedSyncs, 2);
    assert.deepEqual(analyse(data, OPTS).indicators, analyse(demoData(), OPTS).indicators);
  });

  it("edit mode that does not end: a clear message in Vietnamese and English", async function () {
    const fake = createFakeExcel(demoData());
    fake.setEditMode(Infinity);
    const e = await rejectsOffice(office(fake).read(), "editMode");
    assert.match(e.vi, /chế độ sửa ô/);
    assert.match(e.en, /editing a cell/);
    assert.equal(e.excelCode, "InvalidOperationInCellEditMode");
    assert.equal(fake.stats.syncs, 4); // four attempts, then give up
  });

  it("fixes on a protected sheet: a clear message, and nothing written on any sheet", async function () {
    const fake = createFakeExcel(demoData());
    const before = fake.workbookData();
    fake.protectSheet("DS HTX");
    const e = await rejectsOffice(
      office(fake).setCells([
        { sheet: "DS THT", cell: "B6", value: "changed" },
        { sheet: "DS HTX", cell: "B6", value: "changed" },
      ]),
      "protected"
    );
    assert.equal(e.params.sheet, "DS HTX");
    assert.match(e.vi, /được bảo vệ/);
    assert.deepEqual(fake.workbookData(), before);
  });

  it("fixes are written in one sync, text kept as text", async function () {
    const fake = createFakeExcel(demoData());
    const wb = office(fake);
    await wb.setCells([
      { sheet: "DS THT", cell: "B6", value: "(1)" },
      { sheet: "DS THT", cell: "B7", value: "0123" },
      { sheet: "DS THT", cell: "C6", value: 12.5 },
      { sheet: "DS HTX", cell: "B6", value: null },
      { sheet: "Nowhere", cell: "A1", value: 1 },
    ]);
    assert.equal(fake.stats.syncs, 3); // look up, protection, write
    const tht = fake.model.find("DS THT");
    assert.equal(tht?.values[5][1], "(1)");
    assert.equal(tht?.values[6][1], "0123");
    assert.equal(tht?.values[5][2], 12.5);
    assert.equal(fake.model.find("DS HTX")?.values[5][1] ?? null, null);
  });

  it("a large set of fixes that fails part-way is put back", async function () {
    const fake = createFakeExcel(demoData());
    const before = fake.workbookData();
    const wb = office(fake, { limits: { requestBytes: 20_000 } });
    const changes = Array.from({ length: 400 }, (_, i) => ({
      sheet: "DS HTX",
      cell: `B${6 + i * 2}`,
      value: `Tên mới ${i}`,
    }));
    fake.failOn("Range.values=", "GeneralException", 1, 250);
    await rejectsOffice(wb.setCells(changes), "hostError");
    assert.ok(wb.last.syncs > 3, "the fixes took several requests");
    assert.deepEqual(fake.workbookData(), before);
  });

  it("a protected summary sheet is not replaced: clear message, workbook unchanged", async function () {
    const { fake, wb, before, names } = await withSummary();
    fake.protectSheet(SUMMARY);
    const e = await rejectsOffice(buildSummary(wb, analyse(await wb.read(), OPTS)), "protected");
    assert.equal(e.params.sheet, SUMMARY);
    assert.deepEqual(await wb.sheetNames(), names);
    assert.deepEqual(fake.workbookData(), before);
  });

  it("a protected workbook structure: clear message, no sheet added", async function () {
    const fake = createFakeExcel(demoData());
    const wb = office(fake);
    const names = await wb.sheetNames();
    fake.protectStructure();
    await rejectsOffice(buildSummary(wb, analyse(await wb.read(), OPTS)), "protected");
    assert.deepEqual(await wb.sheetNames(), names);
  });

  it("a failure while building the new sheet leaves the old summary as it was", async function () {
    const { fake, wb, before, names } = await withSummary();
    fake.failOn("Range.merge", "GeneralException");
    await rejectsOffice(buildSummary(wb, analyse(await wb.read(), OPTS)), "hostError");
    assert.deepEqual(await wb.sheetNames(), names);
    assert.deepEqual(fake.workbookData(), before);
  });

  for (const atomic of [true, false]) {
    it(`a failure while swapping the sheets is undone (${atomic ? "atomic" : "non-atomic, like Excel"} syncs)`, async function () {
      const { fake, wb, before, names } = await withSummary({ atomic });
      const snap = await wb.snapshot(SUMMARY);
      // The swap renames the old sheet, names the new one, then deletes the old one: fail there.
      fake.failOn("Worksheet.delete", "GeneralException");
      await rejectsOffice(buildSummary(wb, analyse(await wb.read(), OPTS)), "hostError");
      assert.deepEqual(await wb.sheetNames(), names);
      assert.deepEqual(await wb.snapshot(SUMMARY), snap);
      assert.deepEqual(fake.workbookData(), before);
    });
  }

  it("a leftover temporary sheet is never read as data and is removed by the next write", async function () {
    const fake = createFakeExcel(demoData(), { atomic: false });
    const wb = office(fake);
    fake.failOn("Range.merge", "GeneralException");
    fake.failOn("Worksheet.delete", "GeneralException"); // the clean-up fails too
    await rejectsOffice(buildSummary(wb, analyse(await wb.read(), OPTS)), "hostError");
    assert.ok((await wb.sheetNames()).some((n) => n.startsWith("_htx_tmp_")));
    const a = analyse(await wb.read(), OPTS);
    assert.ok(a.read.skipped.some((n) => n.startsWith("_htx_tmp_")));
    await buildSummary(wb, a);
    assert.ok(!(await wb.sheetNames()).some((n) => n.startsWith("_htx_tmp_")));
  });

  it("a chunk too large for Excel is split and read again, with the same result", async function () {
    const normal = await office(createFakeExcel(demoData())).read();
    const fake = createFakeExcel(demoData(), { limits: { responseBytes: 150_000 } });
    const wb = office(fake); // plans for 5 MB: its first chunks are too large
    const data = await wb.read();
    assert.ok(wb.last.splits > 0);
    assert.equal(fake.stats.failedSyncs, wb.last.splits);
    assert.deepEqual(data, normal);
    // Told the real limit, it plans chunks that fit.
    const fake2 = createFakeExcel(demoData(), { limits: { responseBytes: 150_000 } });
    const wb2 = office(fake2, { limits: { responseBytes: 150_000 } });
    assert.deepEqual(await wb2.read(), normal);
    assert.ok(wb2.last.splits <= 1);
  });

  it("other Excel errors are not retried; bugs are not dressed up", async function () {
    const fake = createFakeExcel(demoData());
    fake.failOn("WorksheetCollection.load", "GeneralException");
    await rejectsOffice(office(fake).read(), "hostError");
    assert.equal(fake.stats.syncs, 1);
    const broken = new OfficeWorkbook(async () => {
      throw new TypeError("boom");
    });
    await assert.rejects(broken.read(), TypeError);
  });
});
