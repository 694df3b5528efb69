/**
 * The summary workbook recalculated by a real spreadsheet engine (LibreOffice
 * headless): no error value anywhere, the % and change formulas compute, and
 * every source cell is unchanged.
 */
import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { XlsxWorkbook, sheetFromWorksheet } from "../../src/adapters/xlsx/xlsx-workbook";
import { analyse, Analysis } from "../../src/engine/analyse";
import { isCellError, SheetData } from "../../src/engine/model/cells";
import { serialFromYmd } from "../../src/engine/parse/date";
import { buildSummary } from "../../src/workbook/summary-service";
import { writeDemoWorkbook } from "../../src/demo/demo-workbook";
import { buildMessyWorkbook } from "../fixtures/messy";
import { convertWithLibreOffice, findSoffice } from "../support/soffice";
import { tmpDir } from "../support/tmp";

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= Math.max(1e-9, Math.abs(a) * 1e-12);
  return JSON.stringify(a) === JSON.stringify(b);
}

function assertSameSheet(before: SheetData, after: SheetData): void {
  const rows = Math.max(before.values.length, after.values.length);
  for (let r = 0; r < rows; r++) {
    const br = before.values[r] ?? [];
    const ar = after.values[r] ?? [];
    const cols = Math.max(br.length, ar.length);
    for (let c = 0; c < cols; c++) {
      const bv = br[c] ?? null;
      const av = ar[c] ?? null;
      assert.ok(
        sameValue(bv, av),
        `${before.name} row ${r + 1} col ${c + 1}: ${JSON.stringify(bv)} → ${JSON.stringify(av)}`
      );
    }
  }
  assert.deepEqual(
    after.merges.map((m) => JSON.stringify(m)).sort(),
    before.merges.map((m) => JSON.stringify(m)).sort(),
    `${before.name} merges`
  );
  assert.equal(
    after.visibility ?? "visible",
    before.visibility ?? "visible",
    `${before.name} visibility`
  );
}

async function summarise(input: string, output: string, year: number): Promise<Analysis> {
  const wb = await XlsxWorkbook.open(input);
  const a = analyse(await wb.read(), { year, reportSerial: serialFromYmd(2022, 12, 19) });
  // No cached results: LibreOffice must compute every formula itself.
  await buildSummary(wb, a, { writeOptions: { cachedResults: false } });
  await wb.saveAs(output);
  return a;
}

describe("summary recalculated by LibreOffice headless", function () {
  this.timeout(300000);
  const soffice = findSoffice();
  const tmp = tmpDir();
  after(() => tmp.cleanup());

  for (const which of ["demo", "messy"] as const) {
    describe(`the ${which} workbook`, function () {
      let a: Analysis;
      let input: ExcelJS.Workbook;
      let output: ExcelJS.Workbook;

      before(async function () {
        if (!soffice) {
          // CI installs LibreOffice (.ci/run); a developer machine without it skips these.
          this.skip();
          return;
        }
        const src = tmp.file(`${which}.xlsx`);
        if (which === "demo") await writeDemoWorkbook(src);
        else await buildMessyWorkbook().xlsx.writeFile(src);
        const summary = tmp.file(`${which}-tong-hop.xlsx`);
        a = await summarise(src, summary, 2022);
        const converted = await convertWithLibreOffice(
          soffice,
          summary,
          tmp.file(`lo-${which}`),
          tmp.file(`profile-${which}`)
        );
        input = await load(src);
        output = await load(converted);
      });

      it("shows no error value in any cell", function () {
        for (const ws of output.worksheets) {
          const sheet = sheetFromWorksheet(ws);
          sheet.values.forEach((row, r) =>
            row.forEach((v, c) => {
              if (
                isCellError(v) &&
                !(which === "messy" && ws.name === "DS HTX 2022" && r === 8 && c === 12)
              ) {
                assert.fail(`${ws.name} row ${r + 1} col ${c + 1}: ${v.error}`);
              }
            })
          );
        }
      });

      it("computes every % of plan and every change from the table's own cells", function () {
        const ws = output.getWorksheet("Tổng hợp 2022");
        assert.ok(ws, "summary sheet present");
        const sheet = sheetFromWorksheet(ws);
        let percents = 0;
        sheet.values.forEach((row, r) => {
          const code = row[8];
          if (typeof code !== "string" || code.includes("@") || code.startsWith("htx-report:"))
            return;
          const ind = a.indicators.find((i) => i.code === code);
          assert.ok(ind, code);
          assert.ok(sheet.formulas?.[r]?.[5], `${code}: % is a formula`);
          const pct = row[5];
          if (ind.percent === null)
            assert.ok(pct === null || pct === "", `${code}: blank %, got ${JSON.stringify(pct)}`);
          else {
            assert.equal(typeof pct, "number", `${code}: % computed`);
            assert.ok(
              Math.abs((pct as number) - ind.percent) < 1e-9,
              `${code}: ${pct} ≠ ${ind.percent}`
            );
            percents++;
          }
          const change = row[7];
          if (ind.actual === null || ind.previous === null)
            assert.ok(change === null || change === "", `${code}: blank change`);
          else
            assert.ok(
              Math.abs((change as number) - (ind.actual - ind.previous)) < 1e-6,
              `${code}: change ${change}`
            );
        });
        assert.ok(percents >= (which === "demo" ? 6 : 3), `${percents} percent cells computed`);
      });

      it("leaves every source cell, merge and visibility unchanged", function () {
        for (const ws of input.worksheets) {
          const after = output.getWorksheet(ws.name);
          assert.ok(after, `${ws.name} kept`);
          assertSameSheet(sheetFromWorksheet(ws), sheetFromWorksheet(after));
        }
      });
    });
  }
});
