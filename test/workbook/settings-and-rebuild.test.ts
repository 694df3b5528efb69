/**
 * The user's overrides in `_htx_settings` are used by every later check, and
 * the summary is rebuilt in place: unchanged data gives the same sheet, a
 * hand-edited summary is kept as a backup before it is replaced.
 */
import assert from "node:assert/strict";
import { SHEET_NAMES } from "../../src/demo/demo-data";
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsx-workbook";
import { analyse } from "../../src/engine/analyse";
import { SETTINGS_SHEET } from "../../src/engine/detect/kinds";
import { parseSettings, settingsRows, Settings } from "../../src/engine/model/settings";
import { serialFromYmd } from "../../src/engine/parse/date";
import {
  buildSummary,
  contentsFingerprint,
  layoutFingerprint,
} from "../../src/workbook/summary-service";
import type { WorkbookPort } from "../../src/workbook/port";
import { main } from "../../src/cli/main";
import {
  buildDemoWorkbook as buildDemoWorkbookForTest,
  writeDemoWorkbook,
} from "../../src/demo/demo-workbook";
import { captureIo } from "../support/io";
import { tmpDir } from "../support/tmp";

const REPORT = serialFromYmd(2022, 12, 19);

/** A sheet nobody could recognise: odd name, odd headers, header on row 3. */
function oddWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  ws.getCell("A1").value = "Bảng kê";
  ws.getRow(3).values = ["Đơn vị A", "Nhóm", "Ngày lập", "Người"];
  ws.getRow(4).values = ["Tổ rau sạch", "Nông nghiệp", new Date(Date.UTC(2022, 3, 1)), 7];
  ws.getRow(5).values = ["Tổ đan lát", "Phi nông nghiệp", new Date(Date.UTC(2019, 3, 1)), 4];
  return wb;
}

describe("detection overrides in _htx_settings", function () {
  const tmp = tmpDir();
  after(() => tmp.cleanup());

  it("settings survive a round trip through their rows", function () {
    const s: Settings = {
      overrides: [
        {
          sheet: "Sheet1",
          kind: "tht",
          headerRow: 3,
          columns: { A: "name", B: "sector", C: "founded", D: "members" },
        },
      ],
      summaries: [{ sheet: "Tổng hợp 2022", year: 2022, hash: "abc" }],
      organisation: "LIÊN MINH HTX TỈNH AN GIANG",
    };
    const rows = settingsRows(s);
    const back = parseSettings({ name: SETTINGS_SHEET, values: rows, merges: [] });
    assert.deepEqual(back, s);
  });

  it("without overrides the odd sheet is not read; with them the add-in and the CLI both use them", async function () {
    const file = tmp.file("odd.xlsx");
    await oddWorkbook().xlsx.writeFile(file);
    const plain = analyse(await (await XlsxWorkbook.open(file)).read(), {
      year: 2022,
      reportSerial: REPORT,
    });
    assert.equal(plain.indicators.find((i) => i.code === "tht.total")?.actual, null);

    const wb = oddWorkbook();
    const settings = wb.addWorksheet(SETTINGS_SHEET, { state: "hidden" });
    const s: Settings = {
      overrides: [
        {
          sheet: "Sheet1",
          kind: "tht",
          headerRow: 3,
          columns: { A: "name", B: "sector", C: "founded", D: "members" },
        },
      ],
      summaries: [],
    };
    for (const r of settingsRows(s)) settings.addRow(r);
    const withSettings = tmp.file("odd-settings.xlsx");
    await wb.xlsx.writeFile(withSettings);
    const a = analyse(await (await XlsxWorkbook.open(withSettings)).read(), {
      year: 2022,
      reportSerial: REPORT,
    });
    const by = new Map(a.indicators.map((i) => [i.code, i.actual]));
    assert.equal(by.get("tht.total"), 2);
    assert.equal(by.get("tht.new"), 1);
    assert.equal(by.get("tht.members"), 11);
    assert.equal(by.get("tht.total.phi_nong_nghiep"), 1);

    const io = captureIo();
    const code = await main(
      [
        "node",
        "htx-report",
        "summary",
        withSettings,
        "--year",
        "2022",
        "--json",
        "-o",
        tmp.file("odd-out.xlsx"),
      ],
      io
    );
    assert.equal(code, 0, io.stderr());
    const json = JSON.parse(io.stdout());
    assert.equal(json.indicators.find((i: { code: string }) => i.code === "tht.total").actual, 2);
    // The output keeps the user's overrides next to the summary record.
    const out = await XlsxWorkbook.open(tmp.file("odd-out.xlsx"));
    const kept = parseSettings((await out.read()).sheets.find((x) => x.name === SETTINGS_SHEET));
    assert.deepEqual(kept.overrides, s.overrides);
    assert.equal(kept.summaries.length, 1);
  });
});

describe("rebuilding the summary sheet", function () {
  this.timeout(60000);
  const tmp = tmpDir();
  after(() => tmp.cleanup());

  async function summariseTwice(edit: boolean) {
    const input = tmp.file(`demo-${edit}.xlsx`);
    await writeDemoWorkbook(input);
    const wb1 = await XlsxWorkbook.open(input);
    const a1 = analyse(await wb1.read(), { year: 2022, reportSerial: REPORT });
    const first = await buildSummary(wb1, a1);
    const once = tmp.file(`once-${edit}.xlsx`);
    await wb1.saveAs(once);
    if (edit) {
      const ex = new ExcelJS.Workbook();
      await ex.xlsx.readFile(once);
      (ex.getWorksheet("Tổng hợp 2022") as ExcelJS.Worksheet).getCell("E10").value = 52;
      await ex.xlsx.writeFile(once);
    }
    const wb2 = await XlsxWorkbook.open(once);
    const a2 = analyse(await wb2.read(), { year: 2022, reportSerial: REPORT });
    const asked: string[] = [];
    const second = await buildSummary(wb2, a2, {
      confirmReplace: async (sheet, backup) => {
        asked.push(`${sheet} → ${backup}`);
        return true;
      },
    });
    const twice = tmp.file(`twice-${edit}.xlsx`);
    await wb2.saveAs(twice);
    return { first, second, asked, wb2, a1, a2 };
  }

  it("gives the same sheet on unchanged data, without asking", async function () {
    const { first, second, asked, wb2 } = await summariseTwice(false);
    assert.deepEqual(asked, []);
    assert.equal(second.backup, null);
    assert.equal(layoutFingerprint(first.layout), layoutFingerprint(second.layout));
    const snap = await wb2.snapshot("Tổng hợp 2022");
    assert.equal(
      contentsFingerprint(snap?.contents ?? []),
      layoutFingerprint(second.layout),
      "what is written is what was built"
    );
    assert.deepEqual(await wb2.sheetNames(), [
      ...Object.values(SHEET_NAMES),
      "Tổng hợp 2022",
      SETTINGS_SHEET,
    ]);
  });

  it("keeps a hand-edited summary as a backup, after asking, and never reads it as data", async function () {
    const { second, asked, wb2, a2 } = await summariseTwice(true);
    assert.deepEqual(asked, ["Tổng hợp 2022 → Tổng hợp 2022 (bản cũ 1)"]);
    assert.equal(second.backup, "Tổng hợp 2022 (bản cũ 1)");
    const names = await wb2.sheetNames();
    assert.ok(names.includes("Tổng hợp 2022 (bản cũ 1)"));
    const backup = await wb2.snapshot("Tổng hợp 2022 (bản cũ 1)");
    assert.ok(
      backup?.contents.some(([addr, c]) => addr === "E10" && c === "52"),
      "the user's edit is kept"
    );
    assert.ok(a2.read.skipped.includes("Tổng hợp 2022"), "the summary is not data");
    assert.equal(a2.indicators.find((i) => i.code === "tht.new")?.actual, 51);
  });

  it("does nothing when the user declines", async function () {
    const input = tmp.file("decline.xlsx");
    await writeDemoWorkbook(input);
    const wb = await XlsxWorkbook.open(input);
    const a = analyse(await wb.read(), { year: 2022, reportSerial: REPORT });
    await wb.writeSheet({
      name: "Tổng hợp 2022",
      cells: [{ row: 0, col: 0, value: "bảng của tôi" }],
      merges: [],
      columnWidths: [],
      hiddenColumns: [],
      rowHeights: {},
      freezeRows: 0,
      print: { paper: "A4", landscape: true, fitToWidth: true },
    });
    const r = await buildSummary(wb, a, { confirmReplace: async () => false });
    assert.equal(r.written, false);
    const snap = await wb.snapshot("Tổng hợp 2022");
    assert.deepEqual(snap?.contents, [["A1", "s:bảng của tôi"]]);
  });
});

describe("building the summary is all or nothing", function () {
  this.timeout(60000);

  /** The .xlsx adapter with one operation made to fail. */
  function failing(wb: XlsxWorkbook, op: "writeSheet" | "writeSettings"): WorkbookPort {
    return new Proxy(wb, {
      get(target, prop, receiver) {
        if (prop === op) return async () => Promise.reject(new Error(`${op} failed`));
        const v = Reflect.get(target, prop, receiver);
        return typeof v === "function" ? v.bind(target) : v;
      },
    }) as unknown as WorkbookPort;
  }

  async function demoWith(summaryEdit?: string) {
    const wb = XlsxWorkbook.fromWorkbook(buildDemoWorkbookForTest());
    const a = analyse(await wb.read(), { year: 2022, reportSerial: REPORT });
    await buildSummary(wb, a);
    if (summaryEdit !== undefined)
      await wb.setCells([{ sheet: "Tổng hợp 2022", cell: "E10", value: summaryEdit }]);
    return wb;
  }

  it("a failed settings write leaves a complete sheet, and a rebuild on unchanged data needs no backup", async function () {
    const wb = XlsxWorkbook.fromWorkbook(buildDemoWorkbookForTest());
    const a = analyse(await wb.read(), { year: 2022, reportSerial: REPORT });
    const r = await buildSummary(failing(wb, "writeSettings"), a);
    assert.equal(r.written, true);
    assert.equal(r.settingsSaved, false);
    const a2 = analyse(await wb.read(), { year: 2022, reportSerial: REPORT });
    const asked: string[] = [];
    const r2 = await buildSummary(wb, a2, { confirmReplace: async (s) => (asked.push(s), true) });
    assert.deepEqual(asked, []);
    assert.equal(r2.backup, null);
  });

  it("a failed sheet write after the edited summary was set aside gives it its name back", async function () {
    const wb = await demoWith("sửa tay");
    const a = analyse(await wb.read(), { year: 2022, reportSerial: REPORT });
    await assert.rejects(buildSummary(failing(wb, "writeSheet"), a), /writeSheet failed/);
    const names = await wb.sheetNames();
    assert.ok(names.includes("Tổng hợp 2022"));
    assert.ok(!names.some((n) => n.includes("bản cũ")));
    const snap = await wb.snapshot("Tổng hợp 2022");
    assert.ok(snap?.contents.some(([addr, c]) => addr === "E10" && c === "s:sửa tay"));
  });
});
