/**
 * Excel's errors through the Office adapter: a cell in edit mode is retried,
 * a protected sheet or workbook gives a clear message and nothing written, a
 * failure while building or swapping the summary never leaves a half-built
 * sheet, and a chunk too large for Excel is split and read again.
 *
 * The fake keeps what Excel keeps of a failed sync (the operations before the
 * failing one), so "nothing written" here means the adapter put back whatever
 * Excel had already applied.
 */
import assert from "node:assert/strict";
import { OfficeError } from "../../src/adapters/office/errors";
import type { ExcelRun } from "../../src/adapters/office/excel-types";
import {
  OfficeWorkbook,
  OfficeWorkbookOptions,
  TEMP_PREFIX,
} from "../../src/adapters/office/office-workbook";
import type { WorkbookData } from "../../src/engine/model/cells";
import { analyse } from "../../src/engine/analyse";
import { summarySheetName } from "../../src/engine/summary/summary-layout";
import type { SheetLayout } from "../../src/engine/summary/layout-model";
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

/** A hidden "_htx_tmp_…" sheet, as a failed write whose clean-up failed too leaves it. */
function addLeftover(model: FakeExcel["model"]): void {
  const s = model.addSheet(`${TEMP_PREFIX}leftover`);
  s.visibility = "Hidden";
  s.values = [["half-built"]];
}

function withoutTemp(data: WorkbookData): WorkbookData {
  return { sheets: data.sheets.filter((s) => !s.name.startsWith(TEMP_PREFIX)) };
}

/** The summary layout for the workbook behind `wb` (what buildSummary would write). */
async function summaryLayout(wb: OfficeWorkbook): Promise<SheetLayout> {
  let layout: SheetLayout | null = null;
  const capture = Object.create(wb) as OfficeWorkbook;
  capture.writeSheet = async (l) => {
    layout = l;
    return Promise.reject(new Error("captured"));
  };
  await buildSummary(capture, analyse(await wb.read(), OPTS)).catch(() => undefined);
  if (!layout) throw new Error("no layout");
  return layout;
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
    assert.equal(fake.stats.syncs, 3); // look up, protection + old contents, write
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

  for (const [code, expected] of [
    ["RequestPayloadSizeLimitExceeded", "limit"],
    ["AccessDenied", "protected"],
  ] as const) {
    it(`fixes failing with ${code} after 250 of 400 cells: all put back, a clear error`, async function () {
      const fake = createFakeExcel(demoData());
      const before = fake.workbookData();
      const wb = office(fake, { limits: { requestBytes: 20_000 } });
      const changes = Array.from({ length: 400 }, (_, i) => ({
        sheet: "DS HTX",
        cell: `B${6 + i * 2}`,
        value: `Tên mới ${i}`,
      }));
      fake.failOn("Range.values=", code, 1, 250);
      await rejectsOffice(wb.setCells(changes), expected);
      const log = fake.stats.log;
      const failed = log.findIndex((r) => r.error === code);
      assert.ok(failed > 0);
      // Excel kept what ran before the failure in that request (the fake does too) …
      assert.ok(log[failed].opNames.indexOf("Range.values=") >= 0);
      // … and the adapter put it back, with every earlier request's cells.
      assert.deepEqual(fake.workbookData(), before);
    });
  }

  it("fixes in one request that fail part-way: the cells Excel wrote are put back", async function () {
    const fake = createFakeExcel(demoData());
    const before = fake.workbookData();
    const wb = office(fake);
    fake.failOn("Range.values=", "GeneralException", 1, 2);
    await rejectsOffice(
      wb.setCells([
        { sheet: "DS THT", cell: "B6", value: "changed" },
        { sheet: "DS THT", cell: "C6", value: 1 },
        { sheet: "DS HTX", cell: "B6", value: "changed" },
        { sheet: "DS HTX", cell: "B9", value: null },
      ]),
      "hostError"
    );
    // look up, protection + old contents, the write (failed after two cells), putting back (one per sheet)
    assert.equal(fake.stats.syncs, 5);
    assert.equal(fake.stats.failedSyncs, 1);
    assert.deepEqual(fake.workbookData(), before);
  });

  it("fixes put back exactly: formulas, errors, text that looks like a number, empty cells", async function () {
    const data: WorkbookData = {
      sheets: [
        {
          name: "S",
          values: [
            ["0123", "(1)", "2022-12-19", "TRUE", "'quoted"],
            [12.5, true, { error: "#N/A" }, null, "Tên"],
          ],
          formulas: [[], [undefined, undefined, undefined, "=A2*2"]],
          numberFormats: [["@"], ["#,##0.0"]],
          merges: [],
        },
      ],
    };
    const fake = createFakeExcel(data);
    const before = fake.workbookData();
    const cells = ["A1", "B1", "C1", "D1", "E1", "A2", "B2", "C2", "D2", "E2", "F2"];
    // One write per column (A1:A2 … E1:E2, F2): the last one fails, the five before it are done.
    fake.failOn("Range.values=", "GeneralException", 1, 5);
    await rejectsOffice(
      office(fake).setCells(cells.map((cell) => ({ sheet: "S", cell, value: "x" }))),
      "hostError"
    );
    assert.deepEqual(fake.workbookData(), before);
  });

  it("a sheet protected between the check and the write: the other sheet's cells are put back", async function () {
    const fake = createFakeExcel(demoData());
    const before = fake.workbookData();
    let syncs = 0;
    // The protection check passes (second sync); then someone protects DS HTX.
    const run: ExcelRun = (batch) =>
      fake.run((context) =>
        batch({
          workbook: context.workbook,
          sync: async () => {
            await context.sync();
            if (++syncs === 2) fake.protectSheet("DS HTX");
          },
        })
      );
    const wb = new OfficeWorkbook(run, { isSetSupported: () => true, retry: { sleep: noSleep } });
    const e = await rejectsOffice(
      wb.setCells([
        { sheet: "DS THT", cell: "B6", value: "changed" },
        { sheet: "DS THT", cell: "B7", value: "changed" },
        { sheet: "DS HTX", cell: "B6", value: "changed" },
      ]),
      "protected"
    );
    assert.equal(e.excelCode, "AccessDenied");
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

  it("a failure while swapping the sheets is undone", async function () {
    const { fake, wb, before, names } = await withSummary();
    const snap = await wb.snapshot(SUMMARY);
    // The swap renames the old sheet aside, names the new one, then deletes the old one: fail there.
    fake.failOn("Worksheet.delete", "GeneralException");
    await rejectsOffice(buildSummary(wb, analyse(await wb.read(), OPTS)), "hostError");
    assert.deepEqual(await wb.sheetNames(), names);
    assert.deepEqual(await wb.snapshot(SUMMARY), snap);
    assert.deepEqual(fake.workbookData(), before);
  });

  it("a leftover temporary sheet is never read as data and is removed by the next write", async function () {
    const fake = createFakeExcel(demoData());
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

  it("an old summary and a leftover temporary sheet, deleting the leftover fails: old summary intact, no temporary sheet", async function () {
    for (const after of [0, 1]) {
      // after 0: the leftover's deletion fails; after 1: the old summary's (the last step).
      const { fake, wb } = await withSummary();
      addLeftover(fake.model);
      const before = fake.workbookData();
      const snap = await wb.snapshot(SUMMARY);
      fake.failOn("Worksheet.delete", "GeneralException", 1, after);
      await rejectsOffice(buildSummary(wb, analyse(await wb.read(), OPTS)), "hostError");
      assert.deepEqual(fake.workbookData(), withoutTemp(before), `after ${after}`);
      assert.deepEqual(await wb.snapshot(SUMMARY), snap);
      assert.ok(!(await wb.sheetNames()).some((n) => n.startsWith(TEMP_PREFIX)));
    }
  });

  it("a failure at any step of building or swapping the summary leaves the old one intact and no temporary sheet", async function () {
    this.timeout(180000);
    const { fake: first, wb: firstWb } = await withSummary();
    const layout = await summaryLayout(firstWb);
    addLeftover(first.model);
    const base = first.workbookData();

    // A clean run: its syncs are load, build, swap.
    const dry = createFakeExcel(base);
    await office(dry).writeSheet(layout);
    const plan = dry.stats.log.map((r) => r.opNames);
    assert.equal(plan.length, 3);
    assert.ok(plan[1].includes("Worksheet.delete"), "the leftover is deleted while building");
    const swap = plan[2];
    assert.deepEqual(
      swap.filter((n) => n.startsWith("Worksheet")),
      [
        "Worksheet.name=",
        "Worksheet.name=",
        "Worksheet.visibility=",
        "Worksheet.position=",
        "Worksheet.activate",
        "Worksheet.delete",
      ]
    );
    assert.ok(!dry.model.sheets.some((s) => /^_htx_(tmp|old)_/.test(s.name)));

    let trials = 0;
    for (let sync = 0; sync < plan.length; sync++) {
      for (let op = 0; op < plan[sync].length; op++) {
        const fake = createFakeExcel(base);
        const active = fake.model.activeId;
        fake.failAt(sync, op, "GeneralException");
        const where = `sync ${sync} op ${op} (${plan[sync][op]})`;
        await rejectsOffice(office(fake).writeSheet(layout), "hostError");
        // Failing the first sync (the sheet list) changes nothing at all.
        const expected = sync === 0 ? base : withoutTemp(base);
        assert.deepEqual(fake.workbookData(), expected, where);
        assert.equal(fake.model.activeId, active, where);
        trials++;
      }
    }
    assert.ok(trials > 10);
  });

  it("a failure at any step of the swap when there was no summary yet: no new sheet, no temporary sheet", async function () {
    const fake0 = createFakeExcel(demoData());
    const layout = await summaryLayout(office(fake0));
    const base = fake0.workbookData();
    const dry = createFakeExcel(base);
    await office(dry).writeSheet(layout);
    const swapOps = dry.stats.log[2].ops;
    for (let op = 0; op < swapOps; op++) {
      const fake = createFakeExcel(base);
      fake.failAt(2, op, "GeneralException");
      await rejectsOffice(office(fake).writeSheet(layout), "hostError");
      assert.deepEqual(fake.workbookData(), base, `swap op ${op}`);
    }
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
