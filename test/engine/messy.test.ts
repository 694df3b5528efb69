/**
 * The messy fixture, read through the .xlsx adapter: every planted problem at
 * the right cell with the right code, no false total-mismatch, right figures.
 */
import assert from "node:assert/strict";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsx-workbook";
import { Analysis, analyse } from "../../src/engine/analyse";
import { serialFromYmd } from "../../src/engine/parse/date";
import type { WorkbookData } from "../../src/engine/model/cells";
import {
  buildMessyWorkbook,
  FIGURES,
  PLANTED,
  THT_SHEET,
  HTX_SHEET,
  TCVN3_NAME,
  NFD_NAME,
} from "../fixtures/messy";
import { tmpDir } from "../support/tmp";

describe("the messy fixture workbook", function () {
  const tmp = tmpDir();
  let a: Analysis;
  let data: WorkbookData;
  let original: string;

  before(async function () {
    const file = tmp.file("messy.xlsx");
    await buildMessyWorkbook().xlsx.writeFile(file);
    const wb = await XlsxWorkbook.open(file);
    data = await wb.read();
    original = JSON.stringify(data);
    a = analyse(data, { year: 2022, reportSerial: serialFromYmd(2022, 12, 19) });
  });
  after(() => tmp.cleanup());

  it("reports exactly the planted problems, each at its cell with its code", function () {
    const got = a.issues
      .map((i) => [i.code, i.cell ? `${i.sheet}!${i.cell}` : String(i.sheet)].join(" @ "))
      .sort();
    const want = PLANTED.map(([code, where]) => `${code} @ ${where}`).sort();
    assert.deepEqual(got, want);
  });

  it("finds the header under the title rows, joins the two-row header, skips the column numbers", function () {
    const tht = a.read.sheets.find((s) => s.sheet.name === THT_SHEET);
    assert.ok(tht);
    assert.deepEqual(tht.header.rows, [3, 4]);
    assert.equal(tht.header.columnNumberRow, 5);
    assert.equal(tht.colOf.get("members"), 6);
    assert.equal(tht.colOf.get("workers"), 7);
    assert.equal(tht.scaleOf.get(8), 1e6, "Vốn góp (triệu đồng) read in triệu");
    assert.equal(tht.records.length, 5, "group, subtotal and total rows are not data");
    assert.deepEqual(
      tht.records.map((r) => r.v.district),
      ["Tân Hiệp", "Tân Hiệp", "Tân Hiệp", "Hòn Đất", "Hòn Đất"],
      "group rows give the district"
    );
    assert.equal(tht.groups.length, 2);
    assert.equal(tht.totals.length, 3);
  });

  it("decodes the TCVN3 name and composes the NFD name, with fixes that say so", function () {
    const legacy = a.issues.find((i) => i.code === "legacy-encoding");
    assert.deepEqual(legacy?.fix?.changes, [{ cell: "B9", from: TCVN3_NAME, to: "THT Hợp Thành" }]);
    const nfd = a.issues.find((i) => i.code === "unicode-nfd");
    assert.deepEqual(nfd?.fix?.changes, [
      { cell: "B10", from: NFD_NAME, to: NFD_NAME.normalize("NFC") },
    ]);
    const num = a.issues.find((i) => i.code === "number-as-text");
    assert.deepEqual(num?.fix?.changes, [{ cell: "I9", from: "1,5", to: 1.5 }]);
    const variant = a.issues.find((i) => i.code === "enum-variant");
    assert.deepEqual(variant?.fix?.changes, [{ cell: "D14", from: "NN", to: "Nông nghiệp" }]);
  });

  it("reads year-only and text dates", function () {
    const tht = a.read.sheets.find((s) => s.sheet.name === THT_SHEET);
    const founded = tht?.records.map((r) => (r.v.founded as { year: number } | null)?.year ?? null);
    assert.deepEqual(founded, [2022, 2021, 2022, null, 2020]);
    const htx = a.read.sheets.find((s) => s.sheet.name === HTX_SHEET);
    const quy = htx?.records.find((r) => r.v.name === "Quỹ TDND Rạch Giá");
    assert.equal((quy?.v.founded as { year: number; precision: string }).year, 1996);
    assert.equal(quy?.v.kind, "qtdnd", "kind inferred from the name");
  });

  it("computes the right figures", function () {
    const by = new Map(a.indicators.map((i) => [i.code, i]));
    for (const [code, f] of Object.entries(FIGURES)) {
      const ind = by.get(code);
      assert.ok(ind, code);
      if (f.actual === null) assert.equal(ind.actual, null, `${code} unavailable`);
      else
        assert.ok(
          ind.actual !== null && Math.abs(ind.actual - f.actual) < 1e-6,
          `${code}: ${ind.actual} ≠ ${f.actual}`
        );
      if (f.previous !== undefined) assert.equal(ind.previous, f.previous, `${code} previous`);
      if (f.plan !== undefined) assert.equal(ind.plan, f.plan, `${code} plan`);
      if (f.plan_next !== undefined) assert.equal(ind.plan_next, f.plan_next, `${code} plan_next`);
    }
  });

  it("never changes a value while checking", function () {
    assert.equal(JSON.stringify(data), original);
  });
});
