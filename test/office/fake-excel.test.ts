/**
 * The fake Excel behaves like Excel where the adapter's tests rely on it:
 * properties need load + sync, syncs and payload bytes are counted, the 5 MB
 * and 5-million-cell limits are enforced, a failed sync keeps what ran before
 * the failing operation (as Excel does), requirement sets are enforced, and
 * input is converted the way Excel converts it.
 */
import assert from "node:assert/strict";
import { createFakeExcel, jsonBytes } from "../support/fake-excel";
import type { WorkbookData } from "../../src/engine/model/cells";

function small(): WorkbookData {
  return {
    sheets: [
      {
        name: "Data",
        values: [["Tên", "Số"], ["A", 1], ["B", { error: "#REF!" }], [], [null, true]],
        numberFormats: [[], [undefined, "#,##0"]],
        formulas: [[], [], [undefined, "=1/0"]],
        merges: [{ top: 3, left: 0, bottom: 3, right: 1 }],
      },
      { name: "Other sheet", values: [], merges: [] },
    ],
  };
}

async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (e: { code?: string }) => {
    assert.equal(e.code, code);
    return true;
  });
}

describe("fake Excel", function () {
  this.timeout(60000);

  it("a property not loaded and synced throws PropertyNotLoaded, like Excel", async function () {
    const fake = createFakeExcel(small());
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B2");
      assert.throws(() => range.values, { code: "PropertyNotLoaded" });
      range.load("values");
      assert.throws(() => range.values, { code: "PropertyNotLoaded" }); // loaded, not synced
      await context.sync();
      assert.deepEqual(range.values, [
        ["Tên", "Số"],
        ["A", 1],
      ]);
      assert.throws(() => range.address, { code: "PropertyNotLoaded" }); // not loaded
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      assert.throws(() => missing.isNullObject, { code: "PropertyNotLoaded" });
      const other = context.workbook.worksheets.getItem("Other sheet");
      other.position = 0;
      await context.sync();
      assert.equal(missing.isNullObject, true);
      assert.equal(other.position, 0); // set and synced
    });
  });

  it("shows cells as Excel does: errors, empties, formats, formulas, value types, addresses", async function () {
    const fake = createFakeExcel(small());
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Data");
      const used = ws.getUsedRange(true);
      used.load("address,values,valueTypes,numberFormat,formulas,rowCount,columnCount");
      const merged = ws.getRange().getMergedAreasOrNullObject();
      merged.load("address");
      const other = context.workbook.worksheets.getItem("Other sheet").getUsedRangeOrNullObject();
      await context.sync();
      assert.equal(used.address, "Data!A1:B5");
      assert.deepEqual(used.values[2], ["B", "#REF!"]);
      assert.deepEqual(used.valueTypes[2], ["String", "Error"]);
      assert.deepEqual(used.values[3], ["", ""]);
      assert.deepEqual(used.numberFormat[1], ["General", "#,##0"]);
      assert.deepEqual(used.formulas[2], ["B", "=1/0"]);
      assert.equal(merged.address, "Data!A4:B4");
      assert.equal(other.isNullObject, true);
    });
  });

  it("a sheet name that needs quotes is quoted in addresses", async function () {
    const fake = createFakeExcel({
      sheets: [{ name: "DS HTX 2022", values: [[1]], merges: [] }],
    });
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem("DS HTX 2022").getRange("A1");
      r.load("address");
      await context.sync();
      assert.equal(r.address, "'DS HTX 2022'!A1");
    });
  });

  it("counts every sync and the bytes of each request and response", async function () {
    const fake = createFakeExcel(small());
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B2");
      range.load("values");
      await context.sync();
      const rec = fake.stats.log[0];
      assert.equal(rec.responseBytes, jsonBytes({ values: range.values }));
      const big = Array.from({ length: 100 }, (_, i) => [`dòng ${i}`, i]);
      context.workbook.worksheets.getItem("Other sheet").getRange("A1:B100").values = big;
      await context.sync();
      assert.ok(fake.stats.log[1].requestBytes > jsonBytes(big));
      assert.equal(fake.stats.log[1].cells, 200);
    });
    assert.equal(fake.stats.syncs, 2);
    assert.equal(fake.stats.totalBytes, fake.stats.requestBytes + fake.stats.responseBytes);
    assert.ok(fake.stats.maxResponseBytes > 0 && fake.stats.maxRequestBytes > 0);
  });

  it("a request over 5 MB fails with RequestPayloadSizeLimitExceeded and applies nothing", async function () {
    const fake = createFakeExcel(small());
    const text = "x".repeat(1000);
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Other sheet");
      ws.getRange("A1").values = [["first"]];
      ws.getRange("A1:A5100").values = Array.from({ length: 5100 }, () => [text]);
      await rejectsWith(context.sync(), "RequestPayloadSizeLimitExceeded");
    });
    assert.equal(fake.model.find("Other sheet")?.values.length, 0);
    assert.equal(fake.stats.failedSyncs, 1);
  });

  it("a response over 5 MB fails with ResponsePayloadSizeLimitExceeded", async function () {
    const rows = Array.from({ length: 6000 }, (_, i) => [`${"y".repeat(900)}${i}`]);
    const fake = createFakeExcel({ sheets: [{ name: "Big", values: rows, merges: [] }] });
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Big").getRange("A1:A6000");
      r.load("values");
      await rejectsWith(context.sync(), "ResponsePayloadSizeLimitExceeded");
      assert.throws(() => r.values, { code: "PropertyNotLoaded" });
      const half = context.workbook.worksheets.getItem("Big").getRange("A1:A3000");
      half.load("values");
      await context.sync(); // the context stays usable after a failed sync
      assert.equal(half.values.length, 3000);
    });
  });

  it("a range operation over 5,000,000 cells fails", async function () {
    const fake = createFakeExcel(small());
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Data");
      ws.getRangeByIndexes(0, 0, 5001, 1000).load("values");
      await rejectsWith(context.sync(), "RangeExceedsLimit");
      ws.getRangeByIndexes(0, 0, 5000, 1000).load("rowCount");
      await context.sync(); // counting rows is not a cell operation
    });
  });

  it("a failed sync keeps the operations before the failing one, like Excel, and none after it", async function () {
    const fake = createFakeExcel(small());
    let location: string | undefined;
    await fake.run(async (context) => {
      const coll = context.workbook.worksheets;
      const ws = coll.getItem("Data");
      ws.getRange("A2").values = [["changed"]];
      coll.add("New");
      const range = ws.getRange("A3");
      range.load("values");
      coll.getItem("Missing").name = "x";
      coll.add("After");
      ws.getRange("A4").values = [["after"]];
      await assert.rejects(
        context.sync(),
        (e: { code?: string; debugInfo?: { errorLocation?: string } }) => {
          assert.equal(e.code, "ItemNotFound");
          location = e.debugInfo?.errorLocation;
          return true;
        }
      );
      // Nothing loaded in the failed sync is readable.
      assert.throws(() => range.values, { code: "PropertyNotLoaded" });
    });
    assert.match(location ?? "", /^Worksheet/);
    assert.equal(fake.model.find("Data")?.values[1][0], "changed");
    assert.ok(fake.model.find("New"));
    assert.equal(fake.model.find("After"), null);
    assert.equal(fake.model.find("Data")?.values[3]?.[0] ?? null, null);
    assert.equal(fake.stats.log[0].error, "ItemNotFound");
    assert.deepEqual(fake.stats.log[0].opNames, [
      "Range.values=",
      "WorksheetCollection.add",
      "Range.load",
      "Worksheet.name=",
      "WorksheetCollection.add",
      "Range.values=",
    ]);
  });

  it("an operation that fails part-way is not half applied", async function () {
    const fake = createFakeExcel(small());
    await fake.run(async (context) => {
      // The third value cannot be written: the first two must not be either.
      context.workbook.worksheets.getItem("Other sheet").getRange("A1:A3").values = [
        ["one"],
        ["two"],
        [{ not: "a value" }],
      ];
      await rejectsWith(context.sync(), "InvalidArgument");
    });
    assert.equal(fake.model.find("Other sheet")?.values.length, 0);
  });

  it("failAt fails one chosen operation of one chosen sync", async function () {
    const fake = createFakeExcel(small());
    fake.failAt(1, 1, "GeneralException");
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Other sheet");
      ws.getRange("A1").values = [["sync 0"]];
      await context.sync();
      ws.getRange("A2").values = [["sync 1, op 0"]];
      ws.getRange("A3").values = [["sync 1, op 1"]];
      ws.getRange("A4").values = [["sync 1, op 2"]];
      await rejectsWith(context.sync(), "GeneralException");
      ws.getRange("A5").values = [["sync 2, op 1"]];
      await context.sync(); // once only
    });
    const values = fake.model.find("Other sheet")?.values.map((r) => r[0] ?? null);
    assert.deepEqual(values, ["sync 0", "sync 1, op 0", null, null, "sync 2, op 1"]);
  });

  it("requirement sets: an API newer than the host fails with ApiNotFound, isSetSupported agrees", async function () {
    const old = createFakeExcel(small(), { excelApi: "1.12" });
    assert.equal(old.isSetSupported("ExcelApi", "1.9"), true);
    assert.equal(old.isSetSupported("ExcelApi", "1.12"), true);
    assert.equal(old.isSetSupported("ExcelApi", "1.13"), false);
    await old.run(async (context) => {
      const m = context.workbook.worksheets.getItem("Data").getRange().getMergedAreasOrNullObject();
      m.load("address");
      await rejectsWith(context.sync(), "ApiNotFound");
    });
    const current = createFakeExcel(small());
    assert.equal(current.isSetSupported("ExcelApi", "1.18"), true);
    const noNotes = createFakeExcel(small(), { unsupported: ["notes"] });
    assert.equal(noNotes.isSetSupported("ExcelApi", "1.17"), true);
    assert.equal(noNotes.isSetSupported("ExcelApi", "1.18"), false);
  });

  it("converts input like Excel; an apostrophe keeps text", async function () {
    const fake = createFakeExcel(small());
    const input = [
      "(1)",
      "'(1)",
      "0123",
      "'0123",
      "=SUM(1,2)",
      "TRUE",
      "5%",
      "1,234.5",
      "2022-12-19",
      "HTX",
    ];
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Other sheet").getRange("A1:J1").values = [input];
      await context.sync();
    });
    const s = fake.model.find("Other sheet");
    assert.deepEqual(
      Array.from(s?.values[0] ?? [], (v) => v ?? null),
      [-1, "(1)", 123, "0123", null, true, 0.05, 1234.5, 44914, "HTX"]
    );
    assert.equal(s?.formulas[0][4], "=SUM(1,2)");
  });

  it("simulates cell edit mode and protected sheets", async function () {
    const fake = createFakeExcel(small());
    fake.setEditMode(1);
    await fake.run(async (context) => {
      context.workbook.worksheets.load("items/name");
      await rejectsWith(context.sync(), "InvalidOperationInCellEditMode");
      context.workbook.worksheets.load("items/name");
      await context.sync();
      fake.protectSheet("Data");
      context.workbook.worksheets.getItem("Data").getRange("A1").values = [["x"]];
      await rejectsWith(context.sync(), "AccessDenied");
    });
    assert.equal(fake.model.find("Data")?.values[0][0], "Tên");
  });

  it("objects of a finished Excel.run cannot be used", async function () {
    const fake = createFakeExcel(small());
    let ws: { load(p: string): unknown } | null = null;
    await fake.run(async (context) => {
      ws = context.workbook.worksheets.getItem("Data");
    });
    assert.throws(() => ws?.load("name"), { code: "InvalidRequestContext" });
  });
});
