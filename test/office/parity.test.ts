/**
 * The Office.js adapter on the fake gives the engine exactly what the .xlsx
 * adapter gives it: same issues, same indicators, same summary sheet.
 */
import assert from "node:assert/strict";
import { fontMayMatter } from "../../src/adapters/office/convert";
import { OfficeWorkbook } from "../../src/adapters/office/office-workbook";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsx-workbook";
import { buildDemoWorkbook } from "../../src/demo/demo-workbook";
import { analyse } from "../../src/engine/analyse";
import { SETTINGS_SHEET } from "../../src/engine/detect/kinds";
import {
  buildSummary,
  contentsFingerprint,
  layoutFingerprint,
} from "../../src/workbook/summary-service";
import { buildMessyWorkbook } from "../fixtures/messy";
import { createFakeExcel } from "../support/fake-excel";
import { DEFAULT_FONT } from "../support/fake-excel/model";
import { OPTS, workbookDataOf } from "./helpers";

describe("Office adapter parity with the .xlsx adapter", function () {
  this.timeout(60000);
  for (const [label, build] of [
    ["demo workbook", buildDemoWorkbook],
    ["messy fixture", buildMessyWorkbook],
  ] as const) {
    it(`${label}: same issues and indicators`, async function () {
      const xlsx = analyse(await XlsxWorkbook.fromWorkbook(build()).read(), OPTS);
      const fake = createFakeExcel(workbookDataOf(build()));
      const office = new OfficeWorkbook(fake.run, { isSetSupported: fake.isSetSupported });
      const data = await office.read();
      const viaOffice = analyse(data, OPTS);
      assert.ok(xlsx.issues.length > 0);
      assert.deepEqual(viaOffice.issues, xlsx.issues);
      assert.deepEqual(viaOffice.indicators, xlsx.indicators);
    });
  }
});

describe("summary sheet through the Office adapter", function () {
  this.timeout(60000);

  it("has the same contents as through the .xlsx adapter; a rebuild gives the same sheet", async function () {
    const xlsx = XlsxWorkbook.fromWorkbook(buildDemoWorkbook());
    const xa = analyse(await xlsx.read(), OPTS);
    const xr = await buildSummary(xlsx, xa);
    const xsnap = await xlsx.snapshot(xr.sheet);

    const fake = createFakeExcel(workbookDataOf(buildDemoWorkbook()));
    const office = new OfficeWorkbook(fake.run, { isSetSupported: () => true });
    const oa = analyse(await office.read(), OPTS);
    const or = await buildSummary(office, oa);
    const osnap = await office.snapshot(or.sheet);
    assert.ok(xsnap && osnap);
    const sorted = (c: [string, string][]) => [...c].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    assert.deepEqual(sorted(osnap.contents), sorted(xsnap.contents));
    // (the sheet carries its own fingerprint in a cell, left out of the comparison)
    assert.equal(contentsFingerprint(osnap.contents), layoutFingerprint(or.layout));

    const names1 = await office.sheetNames();
    const again = await buildSummary(office, analyse(await office.read(), OPTS));
    assert.equal(again.backup, null);
    assert.equal(again.replaced, true);
    assert.deepEqual(await office.sheetNames(), names1);
    const osnap2 = await office.snapshot(or.sheet);
    assert.equal(contentsFingerprint(osnap2?.contents ?? []), contentsFingerprint(osnap.contents));
  });
});

describe("summary sheet formatting through the Office adapter", function () {
  this.timeout(60000);

  it("is written as one contents write plus batched formats, with calculation and screen updating suspended", async function () {
    const fake = createFakeExcel(workbookDataOf(buildDemoWorkbook()));
    const office = new OfficeWorkbook(fake.run, { isSetSupported: () => true });
    const a = analyse(await office.read(), OPTS);
    fake.resetStats();
    office.resetTotals();
    const { layout } = await buildSummary(office, a);
    const log = fake.stats.log;
    // snapshot (the sheet does not exist yet): 1; writeSheet: 3; writeSettings: 3.
    assert.equal(fake.stats.syncs, 7);
    const build = log[2];
    assert.ok(build.calcSuspended && build.screenSuspended);
    assert.ok(log[3].calcSuspended && log[3].screenSuspended, "the swap too");
    const cellsWithStyle = layout.cells.filter((c) => c.style).length;
    const notes = layout.cells.filter((c) => c.note).length;
    assert.ok(
      build.ops < 40 + layout.merges.length + notes + layout.columnWidths.length + 20,
      `${build.ops} operations for ${cellsWithStyle} styled cells`
    );

    const ws = fake.model.find(layout.name);
    assert.ok(ws);
    assert.equal(ws.visibility, "Visible");
    assert.equal(fake.model.activeId, ws.id);
    assert.deepEqual(
      [...ws.merges].sort((p, q) => p.top - q.top || p.left - q.left),
      [...layout.merges].sort((p, q) => p.top - q.top || p.left - q.left)
    );
    assert.equal(ws.freezeRows, layout.freezeRows);
    assert.equal(ws.page.paperSize, "A4");
    assert.equal(ws.page.orientation, layout.print.landscape ? "Landscape" : "Portrait");
    for (const c of layout.hiddenColumns) assert.ok(ws.hiddenColumns.has(c));
    layout.columnWidths.forEach((w, c) => {
      if (!layout.hiddenColumns.includes(c)) assert.ok(ws.columnWidths.get(c), `width of ${c}`);
    });
    for (const [r, h] of Object.entries(layout.rowHeights))
      assert.equal(ws.rowHeights.get(Number(r)), h);
    assert.equal(ws.notes.size, notes);

    const header = layout.cells.find((c) => c.style === "header");
    assert.ok(header);
    const f = fake.model.format(ws, header.row, header.col);
    assert.equal(f?.bold, true);
    assert.equal(f?.fill, "#DDEBF7");
    assert.equal(f?.borders?.top?.style, "Continuous");
    assert.equal(fake.model.font(ws, header.row, header.col), "Times New Roman");
    const pct = layout.cells.find((c) => c.style === "percent");
    assert.ok(pct);
    assert.equal(fake.model.numberFormat(ws, pct.row, pct.col), "0%");

    const settings = fake.model.find(SETTINGS_SHEET);
    assert.equal(settings?.visibility, "Hidden");
    assert.ok(!fake.model.sheets.some((s) => s.name.startsWith("_htx_tmp_")));
  });

  it("without the notes API (before ExcelApi 1.18) the sheet is written without notes", async function () {
    const fake = createFakeExcel(workbookDataOf(buildDemoWorkbook()), { unsupported: ["notes"] });
    const office = new OfficeWorkbook(fake.run);
    const r = await buildSummary(office, analyse(await office.read(), OPTS));
    assert.equal(fake.model.find(r.sheet)?.notes.size, 0);
    assert.equal(fake.stats.failedSyncs, 0);
  });
});

describe("reading through the Office adapter", function () {
  this.timeout(60000);

  it("gives the workbook's data as the .xlsx adapter does (fonts where they matter)", async function () {
    for (const build of [buildDemoWorkbook, buildMessyWorkbook]) {
      const expected = await XlsxWorkbook.fromWorkbook(build()).read();
      const fake = createFakeExcel(workbookDataOf(build()));
      const got = await new OfficeWorkbook(fake.run, {
        isSetSupported: fake.isSetSupported,
      }).read();
      assert.equal(got.sheets.length, expected.sheets.length);
      got.sheets.forEach((s, i) => {
        const e = expected.sheets[i];
        assert.equal(s.name, e.name);
        assert.equal(s.visibility, e.visibility);
        assert.deepEqual(s.values, e.values, s.name);
        assert.deepEqual(dense(s.numberFormats), dense(e.numberFormats), s.name);
        assert.deepEqual(dense(s.formulas), dense(e.formulas), s.name);
        assert.deepEqual(sortMerges(s.merges), sortMerges(e.merges), s.name);
        // Fonts: given for every text cell whose font can matter, and then the same.
        s.values.forEach((row, r) =>
          row.forEach((v, c) => {
            if (typeof v === "string" && fontMayMatter(v))
              // (a cell with no font of its own has Excel's default one)
              assert.equal(
                s.fonts?.[r]?.[c],
                e.fonts?.[r]?.[c] ?? DEFAULT_FONT.name,
                `${s.name} ${r},${c}`
              );
          })
        );
      });
    }
  });
});

describe("merged areas and ExcelApi 1.13", function () {
  this.timeout(60000);

  it("read where the host has ExcelApi 1.13; skipped without it, and the reader still works", async function () {
    const expected = await XlsxWorkbook.fromWorkbook(buildDemoWorkbook()).read();
    assert.ok(
      expected.sheets.some((s) => s.merges.length > 0),
      "the demo has merged cells"
    );

    const current = createFakeExcel(workbookDataOf(buildDemoWorkbook()));
    const withMerges = await new OfficeWorkbook(current.run, {
      isSetSupported: current.isSetSupported,
    }).read();
    withMerges.sheets.forEach((s, i) =>
      assert.deepEqual(sortMerges(s.merges), sortMerges(expected.sheets[i].merges), s.name)
    );

    // Excel 2019-era host: ExcelApi up to 1.12, no Range.getMergedAreasOrNullObject.
    const old = createFakeExcel(workbookDataOf(buildDemoWorkbook()), { excelApi: "1.12" });
    const office = new OfficeWorkbook(old.run, { isSetSupported: old.isSetSupported });
    const data = await office.read();
    assert.equal(old.stats.failedSyncs, 0);
    assert.equal(old.stats.syncs, 2 + office.last.chunks + office.last.fontSyncs);
    assert.equal(data.sheets.length, expected.sheets.length);
    data.sheets.forEach((s, i) => {
      assert.deepEqual(s.merges, [], s.name);
      assert.deepEqual(s.values, expected.sheets[i].values, s.name);
      assert.deepEqual(dense(s.formulas), dense(expected.sheets[i].formulas), s.name);
    });
    const a = analyse(data, OPTS);
    assert.deepEqual(a.indicators, analyse(expected, OPTS).indicators);
    // The snapshot (used to tell an edited summary) works there too.
    const r = await buildSummary(office, a);
    assert.ok(await office.snapshot(r.sheet));
    assert.equal(old.stats.failedSyncs, 0);

    // Without the check the same host fails the whole read: the gate is what keeps it working.
    const unchecked = createFakeExcel(workbookDataOf(buildDemoWorkbook()), { excelApi: "1.12" });
    await assert.rejects(new OfficeWorkbook(unchecked.run, { isSetSupported: () => true }).read(), {
      excelCode: "ApiNotFound",
    });
  });
});

function dense<T>(grid: (T | null | undefined)[][] | undefined): (T | null)[][] {
  return (grid ?? [])
    .map((row) => Array.from(row ?? [], (v) => v ?? null))
    .map((row) => {
      while (row.length && row[row.length - 1] === null) row.pop();
      return row;
    });
}

function sortMerges(m: { top: number; left: number; bottom: number; right: number }[]) {
  return [...m].sort((p, q) => p.top - q.top || p.left - q.left);
}
