/** The state the pane and the ribbon commands share: check, fix and undo, build, overrides. */
import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsx-workbook";
import { Session, filterIssues } from "../../src/app/session";
import { serialFromYmd } from "../../src/engine/parse/date";
import { buildDemoWorkbook } from "../../src/demo/demo-workbook";
import { buildMessyWorkbook, THT_SHEET } from "../fixtures/messy";

const REPORT = () => serialFromYmd(2022, 12, 19);

describe("session (shared by the pane and the ribbon)", function () {
  this.timeout(30000);

  it("checks with the latest year by default and counts by sheet and severity", async function () {
    const s = new Session(XlsxWorkbook.fromWorkbook(buildMessyWorkbook()), {
      reportSerial: REPORT,
    });
    const v = await s.check();
    assert.equal(v.year, 2022);
    assert.equal(v.years[0], 2022);
    assert.deepEqual(v.total, { error: 13, warning: 9, info: 10 });
    const tht = v.bySheet.find((c) => c.sheet === THT_SHEET);
    assert.deepEqual(tht, { sheet: THT_SHEET, error: 3, warning: 3, info: 2 });
    assert.equal(filterIssues(v.issues, { sheet: THT_SHEET, severity: "error" }).length, 3);
  });

  it("fix, then undo, re-checking each time", async function () {
    const s = new Session(XlsxWorkbook.fromWorkbook(buildMessyWorkbook()), {
      reportSerial: REPORT,
    });
    await s.check();
    const plan = s.previewFixes({ sheet: THT_SHEET });
    assert.equal(plan.length, 4);
    const { view } = await s.applyFixes(plan);
    assert.equal(filterIssues(view.issues, { fixableOnly: true }).length, 0);
    assert.ok(s.canUndo());
    const undone = await s.undo();
    assert.equal(undone?.done.applied.length, 4);
    assert.equal(filterIssues(undone?.view.issues ?? [], { fixableOnly: true }).length, 4);
    assert.equal(s.canUndo(), false);
  });

  it("builds the summary and saves a detection override that later checks use", async function () {
    const wb = buildDemoWorkbook();
    const odd = wb.addWorksheet("Sheet9");
    odd.getRow(2).values = ["Tên", "Nhóm", "Ngày"];
    odd.getRow(3).values = ["THT thêm", "Nông nghiệp", new Date(Date.UTC(2022, 5, 1))];
    const port = XlsxWorkbook.fromWorkbook(wb as ExcelJS.Workbook);
    const s = new Session(port, { reportSerial: REPORT });
    const before = await s.check(2022);
    assert.ok(before.skipped.includes("Sheet9"));
    const r = await s.buildSummary(async () => true);
    assert.equal(r.sheet, "Tổng hợp 2022");
    const after = await s.saveOverride({
      sheet: "Sheet9",
      kind: "tht",
      headerRow: 2,
      columns: { A: "name", B: "sector", C: "founded" },
    });
    assert.ok(after.sheets.some((x) => x.name === "Sheet9" && x.kind === "tht"));
    assert.equal(s.analysis?.indicators.find((i) => i.code === "tht.new")?.actual, 52);
    assert.ok(after.skipped.includes("Tổng hợp 2022"), "our summary is never data");
  });
});

describe("session: the plan sheet offered when there is none", function () {
  it("creates a long-form plan sheet that the reader recognises, with every plannable indicator", async function () {
    const wb = buildDemoWorkbook();
    const plan = wb.getWorksheet("Kế hoạch");
    if (plan) wb.removeWorksheet(plan.id);
    const s = new Session(XlsxWorkbook.fromWorkbook(wb), { reportSerial: REPORT });
    await s.check(2022);
    assert.equal(s.needsPlanSheet(), true);
    const v = await s.createPlanSheet();
    assert.equal(s.needsPlanSheet(), false);
    assert.ok(v.sheets.some((x) => x.name === "Kế hoạch" && x.kind === "plan"));
    // Every plannable indicator now has a row but no target: plan-missing for each, no sheet-missing.
    assert.equal(v.issues.filter((i) => i.code === "plan-missing").length, 10);
    assert.equal(v.issues.filter((i) => i.code === "sheet-missing").length, 0);
  });
});

describe("session: what the detection panel offers", function () {
  it("lists the data sheets, not the add-in's own (summary, backups, settings), with what detection found", async function () {
    const s = new Session(XlsxWorkbook.fromWorkbook(buildDemoWorkbook()), { reportSerial: REPORT });
    await s.check(2022);
    await s.buildSummary(async () => true);
    await s.port.setCells([{ sheet: "Tổng hợp 2022", cell: "E10", value: 1 }]);
    await s.buildSummary(async () => true);
    await s.check(2022);
    const names = s.dataSheetNames();
    assert.ok(
      !names.some((n) => n.startsWith("Tổng hợp") || n.startsWith("_htx")),
      names.join(", ")
    );
    assert.ok(names.includes("DS THT"));
    const d = s.detection("DS THT");
    assert.equal(d.kind, "tht");
    assert.equal(d.headerRow, "4");
    assert.equal(d.columns.name, "B");
  });
});
