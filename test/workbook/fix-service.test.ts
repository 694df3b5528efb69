/** Fixes change only what they listed, only while the cell is as the check saw it, and undo exactly. */
import assert from "node:assert/strict";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsx-workbook";
import { analyse } from "../../src/engine/analyse";
import { serialFromYmd } from "../../src/engine/parse/date";
import { applyFixes, planFixes, undoFixes } from "../../src/workbook/fix-service";
import { buildMessyWorkbook, THT_SHEET, TCVN3_NAME, NFD_NAME } from "../fixtures/messy";

const REPORT = serialFromYmd(2022, 12, 19);

describe("fixes: preview, apply, undo", function () {
  it("previews exactly the fixable issues' changes", async function () {
    const wb = XlsxWorkbook.fromWorkbook(buildMessyWorkbook());
    const a = analyse(await wb.read(), { year: 2022, reportSerial: REPORT });
    const plan = planFixes(a.issues);
    assert.deepEqual(
      plan.map((p) => [p.code, `${p.sheet}!${p.cell}`, p.from, p.to]),
      [
        ["legacy-encoding", `${THT_SHEET}!B9`, TCVN3_NAME, "THT Hợp Thành"],
        ["number-as-text", `${THT_SHEET}!I9`, "1,5", 1.5],
        ["unicode-nfd", `${THT_SHEET}!B10`, NFD_NAME, NFD_NAME.normalize("NFC")],
        ["enum-variant", `${THT_SHEET}!D14`, "NN", "Nông nghiệp"],
      ]
    );
  });

  it("applies only the listed cells, then the check no longer reports them; undo restores every cell", async function () {
    const wb = XlsxWorkbook.fromWorkbook(buildMessyWorkbook());
    const before = await wb.read();
    const a = analyse(before, { year: 2022, reportSerial: REPORT });
    const done = await applyFixes(wb, planFixes(a.issues));
    assert.equal(done.applied.length, 4);
    assert.equal(done.skipped.length, 0);
    const after = await wb.read();
    // Only the four cells changed.
    const changed: string[] = [];
    after.sheets.forEach((s, i) =>
      s.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (JSON.stringify(v) !== JSON.stringify(before.sheets[i].values[r]?.[c] ?? null))
            changed.push(`${s.name}!${r + 1}:${c + 1}`);
        })
      )
    );
    assert.deepEqual(
      changed.sort(),
      [`${THT_SHEET}!10:2`, `${THT_SHEET}!14:4`, `${THT_SHEET}!9:2`, `${THT_SHEET}!9:9`].sort()
    );
    const again = analyse(after, { year: 2022, reportSerial: REPORT });
    assert.equal(planFixes(again.issues).length, 0);
    assert.equal(
      again.issues.filter((i) =>
        ["legacy-encoding", "number-as-text", "unicode-nfd", "enum-variant"].includes(i.code)
      ).length,
      0
    );
    // Undo.
    const undone = await undoFixes(wb, done);
    assert.equal(undone.applied.length, 4);
    assert.deepEqual(
      (await wb.read()).sheets.map((s) => s.values),
      before.sheets.map((s) => s.values)
    );
  });

  it("skips a cell the user changed after the check, and undo leaves the user's later edit alone", async function () {
    const wb = XlsxWorkbook.fromWorkbook(buildMessyWorkbook());
    const a = analyse(await wb.read(), { year: 2022, reportSerial: REPORT });
    await wb.setCells([{ sheet: THT_SHEET, cell: "I9", value: 2 }]);
    const done = await applyFixes(wb, planFixes(a.issues));
    assert.deepEqual(
      done.skipped.map((p) => p.cell),
      ["I9"]
    );
    await wb.setCells([{ sheet: THT_SHEET, cell: "D14", value: "Phi nông nghiệp" }]);
    const undone = await undoFixes(wb, done);
    assert.deepEqual(
      undone.skipped.map((p) => p.cell),
      ["D14"]
    );
    const data = await wb.read();
    const tht = data.sheets.find((s) => s.name === THT_SHEET);
    assert.equal(tht?.values[13][3], "Phi nông nghiệp");
    assert.equal(tht?.values[8][8], 2);
    assert.equal(tht?.values[8][1], TCVN3_NAME);
  });
});
