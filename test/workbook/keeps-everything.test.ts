/**
 * The summary output keeps everything the user had: every other sheet's
 * values, formulas, number formats, fonts, merges, column widths, hidden
 * columns and sheet visibility, and the workbook's defined names.
 */
import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { buildDemoWorkbook } from "../../src/demo/demo-workbook";
import { captureIo } from "../support/io";
import { tmpDir } from "../support/tmp";

interface CellShape {
  value: unknown;
  numFmt: string | undefined;
  bold: boolean | undefined;
  fontName: string | undefined;
}

function shape(ws: ExcelJS.Worksheet) {
  const cells: Record<string, CellShape> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (c) => {
      cells[c.address] = {
        value: c.value,
        numFmt: c.numFmt,
        bold: c.font?.bold,
        fontName: c.font?.name,
      };
    })
  );
  const widths: (number | undefined)[] = [];
  const hidden: boolean[] = [];
  for (let i = 1; i <= Math.max(ws.columnCount, 1); i++) {
    widths.push(ws.getColumn(i).width);
    hidden.push(ws.getColumn(i).hidden);
  }
  const merges = Object.keys(
    (ws as unknown as { _merges: Record<string, unknown> })._merges
  ).sort();
  return { state: ws.state, cells, widths, hidden, merges };
}

describe("the summary output keeps everything the user had", function () {
  this.timeout(60000);
  const tmp = tmpDir();
  after(() => tmp.cleanup());

  it("every other sheet and the defined names come through unchanged", async function () {
    const wb = buildDemoWorkbook();
    const notes = wb.addWorksheet("Ghi chú");
    notes.getCell("A1").value = 12.5;
    notes.getCell("A1").numFmt = "#,##0.00";
    notes.getCell("B1").value = { formula: "A1*2", result: 25 } as ExcelJS.CellFormulaValue;
    notes.getCell("C1").value = "Chữ đậm";
    notes.getCell("C1").font = { name: "Arial", bold: true };
    notes.mergeCells("A3:C4");
    notes.getCell("A3").value = "Ô gộp";
    notes.getColumn(2).width = 33;
    notes.getColumn(4).hidden = true;
    notes.getCell("D1").value = "cột ẩn";
    const hidden = wb.addWorksheet("Ẩn", { state: "hidden" });
    hidden.getCell("A1").value = "ẩn";
    const veryHidden = wb.addWorksheet("Rất ẩn", { state: "veryHidden" });
    veryHidden.getCell("A1").value = "rất ẩn";
    wb.definedNames.add("'Ghi chú'!$A$1", "heso");
    const input = tmp.file("input.xlsx");
    await wb.xlsx.writeFile(input);

    const before = new ExcelJS.Workbook();
    await before.xlsx.readFile(input);
    const io = captureIo();
    const out = tmp.file("output.xlsx");
    assert.equal(
      await main(["node", "htx-report", "summary", input, "--year", "2022", "-o", out], io),
      0,
      io.stderr()
    );
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(out);

    for (const ws of before.worksheets) {
      const other = after.getWorksheet(ws.name);
      assert.ok(other, `${ws.name} kept`);
      assert.deepEqual(shape(other), shape(ws), ws.name);
    }
    assert.deepEqual(after.definedNames.model, before.definedNames.model);
    const order = after.worksheets.map((w) => w.name);
    assert.deepEqual(
      order.slice(0, before.worksheets.length),
      before.worksheets.map((w) => w.name)
    );
  });
});
