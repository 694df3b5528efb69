/**
 * The fake Excel behaves like Excel where the adapter's tests rely on it:
 * properties need load + sync, syncs and payload bytes are counted, the 5 MB
 * and 5-million-cell limits are enforced, a failed sync applies nothing, and
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

  it("a failed sync applies nothing (atomic); with atomic: false what ran before stays", async function () {
    for (const atomic of [true, false]) {
      const fake = createFakeExcel(small(), { atomic });
      await fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Data");
        ws.getRange("A2").values = [["changed"]];
        context.workbook.worksheets.add("New");
        context.workbook.worksheets.getItem("Missing").name = "x";
        await rejectsWith(context.sync(), "ItemNotFound");
      });
      assert.equal(fake.model.find("Data")?.values[1][0], atomic ? "A" : "changed");
      assert.equal(!!fake.model.find("New"), !atomic);
    }
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
