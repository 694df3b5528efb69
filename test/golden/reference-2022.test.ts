/**
 * The golden test: the demo workbook summarised for 2022 reproduces every
 * figure of shared/spec/reference-2022.md (plan, actual, percent, previous).
 */
import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { main, DEMO_FILE, DEMO_SUMMARY } from "../../src/cli/main";
import { captureIo } from "../support/io";
import { tmpDir } from "../support/tmp";

interface Ind {
  code: string;
  label: string;
  unit: string;
  plan: number | null;
  actual: number | null;
  percent: number | null;
  previous: number | null;
  plan_next: number | null;
}

/** reference-2022.md, "Indicators for 2022": code → [plan, actual]. */
const REFERENCE: Record<string, [number | null, number]> = {
  "tht.new": [50, 51],
  "tht.new.capital": [null, 581],
  "tht.new.area": [null, 56],
  "tht.new.members": [null, 585],
  "tht.new.workers": [null, 153],
  "tht.total": [null, 2183],
  "tht.total.nong_nghiep": [null, 1529],
  "tht.total.phi_nong_nghiep": [null, 654],
  "tht.capital": [null, 17792],
  "tht.area": [null, 64570],
  "tht.members": [null, 43860],
  "tht.workers": [null, 7014],
  "htx.new": [15, 33],
  "htx.new.area": [null, 1830.51],
  "htx.new.charter_capital": [null, 8076287000],
  "htx.new.members": [null, 940],
  "htx.new.workers": [null, 246],
  "htx.active": [null, 525],
  "htx.active.prev": [null, 514],
  "htx.active.nong_nghiep": [null, 463],
  "htx.active.phi_nong_nghiep": [null, 41],
  "htx.active.qtdnd": [null, 21],
  "htx.charter_capital": [null, 403589137000],
  "htx.area": [null, 65850.95],
  "htx.members": [null, 54798],
  "htx.workers": [null, 10088],
  "union.new": [null, 1],
  "union.new.charter_capital": [null, 210000000],
  "union.new.area": [null, 5982],
  "union.new.member_coops": [null, 7],
  "training.quan_ly.courses": [4, 6],
  "training.quan_ly.participants": [null, 176],
  "training.nang_luc.courses": [4, 7],
  "training.nang_luc.participants": [null, 333],
  "training.tuyen_truyen.sessions": [15, 33],
  "training.tuyen_truyen.participants": [null, 825],
  "fairs.htx": [8, 14],
  "fairs.events": [null, 2],
  "fairs.conference.htx": [null, 30],
  "fairs.connect.products": [null, 100],
  "loans.projects": [null, 4],
  "loans.amount": [null, 300],
};

/** The report's percentages (102%, 220%, 150%, 175%, 220%, and the computed 175% for fairs). */
const PERCENT: Record<string, number> = {
  "tht.new": 1.02,
  "htx.new": 2.2,
  "training.quan_ly.courses": 1.5,
  "training.nang_luc.courses": 1.75,
  "training.tuyen_truyen.sessions": 2.2,
  "fairs.htx": 1.75,
};

/** "Plan for 2023". */
const PLAN_2023: Record<string, number> = {
  "tht.new": 50,
  "htx.new": 10,
  "tht.new.members": 600,
  "htx.new.members": 500,
  "tht.revenue.avg": 520,
  "htx.revenue.avg": 3000,
};

function close(actual: number | null, expected: number, what: string): void {
  assert.notEqual(actual, null, `${what} is null`);
  const a = actual as number;
  const tol = Math.max(1e-9, Math.abs(expected) * 1e-6);
  assert.ok(Math.abs(a - expected) <= tol, `${what}: ${a} ≠ ${expected}`);
}

describe("golden: reference-2022 figures from the demo workbook", function () {
  this.timeout(120000);
  const tmp = tmpDir();
  let indicators: Ind[] = [];
  let byCode = new Map<string, Ind>();
  let validateOut = "";
  let validateCode = -1;

  before(async function () {
    const io = captureIo();
    assert.equal(await main(["node", "htx-report", "demo", "-o", tmp.dir], io), 0, io.stderr());
    assert.match(io.stdout(), new RegExp(DEMO_FILE));
    assert.match(io.stdout(), new RegExp(DEMO_SUMMARY));
    const io2 = captureIo();
    const code = await main(
      [
        "node",
        "htx-report",
        "summary",
        tmp.file(DEMO_FILE),
        "--year",
        "2022",
        "--date",
        "19/12/2022",
        "--json",
        "-o",
        tmp.file("out.xlsx"),
      ],
      io2
    );
    assert.equal(code, 0, io2.stderr());
    const json = JSON.parse(io2.stdout()) as { year: number; indicators: Ind[] };
    assert.equal(json.year, 2022);
    indicators = json.indicators;
    byCode = new Map(indicators.map((i) => [i.code, i]));
    const io3 = captureIo();
    validateCode = await main(
      ["node", "htx-report", "validate", tmp.file(DEMO_FILE), "--date", "19/12/2022", "--json"],
      io3
    );
    validateOut = io3.stdout();
  });
  after(() => tmp.cleanup());

  it("has every indicator of DOMAIN §5 with the documented fields", function () {
    for (const i of indicators) {
      assert.deepEqual(Object.keys(i), [
        "code",
        "label",
        "unit",
        "plan",
        "actual",
        "percent",
        "previous",
        "plan_next",
      ]);
    }
    for (const code of Object.keys(REFERENCE)) assert.ok(byCode.has(code), code);
  });

  for (const [code, [plan, actual]] of Object.entries(REFERENCE)) {
    it(`${code} = ${actual}${plan !== null ? ` (plan ${plan})` : ""}`, function () {
      const ind = byCode.get(code) as Ind;
      close(ind.actual, actual, `${code} actual`);
      if (plan !== null) close(ind.plan, plan, `${code} plan`);
      if (PERCENT[code] !== undefined) close(ind.percent, PERCENT[code], `${code} percent`);
      else if (plan === null) assert.equal(ind.percent, null);
    });
  }

  it("htx.active previous year-end is 514 (+11)", function () {
    const a = byCode.get("htx.active") as Ind;
    close(a.previous, 514, "htx.active previous");
    close((a.actual as number) - (a.previous as number), 11, "change");
    close(byCode.get("htx.dissolved")?.actual ?? null, 22, "htx.dissolved");
  });

  it("the 2023 plan is the plan_next of its indicators", function () {
    for (const [code, target] of Object.entries(PLAN_2023))
      close(byCode.get(code)?.plan_next ?? null, target, code);
    const withNext = indicators
      .filter((i) => i.plan_next !== null)
      .map((i) => i.code)
      .sort();
    assert.deepEqual(withNext, Object.keys(PLAN_2023).sort());
  });

  it("money is in the unit each indicator names", function () {
    assert.equal(byCode.get("tht.capital")?.unit, "triệu đồng");
    assert.equal(byCode.get("htx.charter_capital")?.unit, "đồng");
    assert.equal(byCode.get("loans.amount")?.unit, "triệu đồng");
  });

  it("the summary sheet's prose draft says it in the report's words", async function () {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(tmp.file("out.xlsx"));
    const ws = wb.getWorksheet("Tổng hợp 2022");
    assert.ok(ws);
    const texts: string[] = [];
    ws.eachRow((row) => {
      const v = row.getCell(1).value;
      if (typeof v === "string" && /^\d\. /.test(v)) texts.push(v);
    });
    const prose = texts.join("\n");
    for (const phrase of [
      "Vận động thành lập mới 51/50 THT, đạt và vượt 102% kế hoạch, với tổng số vốn góp là 581 triệu đồng",
      "2.183 THT (1.529 THT nông nghiệp, 654 THT phi nông nghiệp)",
      "tổng vốn góp 17 tỷ 792 triệu đồng, diện tích đất sản xuất 64.570 ha, 43.860 tổ viên, 7.014 lao động thời vụ",
      "Thành lập mới 33/15 HTX, đạt và vượt 220% kế hoạch, với tổng diện tích 1.830,51 ha, vốn điều lệ 8.076.287.000 đồng, 940 thành viên, 246 lao động",
      "525 HTX đang hoạt động (tăng 11 HTX so với cuối năm 2021)",
      "463 HTX nông nghiệp, 41 HTX phi nông nghiệp, 21 Quỹ tín dụng nhân dân",
      "diện tích 65.850,95 ha, 54.798 thành viên, 10.088 lao động",
      "Thành lập mới 01 Liên hiệp HTX (Liên hiệp HTX Giang Thành), với vốn điều lệ 210.000.000 đồng, diện tích 5.982 ha, 07 HTX thành viên",
      "06/04 lớp tập huấn cán bộ quản lý HTX, đạt và vượt 150% kế hoạch, với 176 người tham dự",
      "07/04 lớp đào tạo, bồi dưỡng nâng cao năng lực, đạt và vượt 175% kế hoạch, với 333 người tham dự",
      "33/15 cuộc tuyên truyền, đạt và vượt 220% kế hoạch, với 825 người tham dự",
      "Hỗ trợ 14/08 lượt HTX tham gia 02 hội chợ, đạt và vượt 175% kế hoạch",
      "30 HTX tham gia hội nghị xúc tiến thương mại; 100 sản phẩm tham gia kết nối tiêu thụ",
      "Giới thiệu 04 dự án vay vốn, giải ngân 300 triệu đồng",
      "Kế hoạch năm 2023: THT thành lập mới 50 THT",
    ]) {
      assert.ok(prose.includes(phrase), `missing: ${phrase}\n--- prose:\n${prose}`);
    }
    assert.equal(prose, prose.normalize("NFC"));
  });

  it("validate catches the report's 75% for fairs (percent-mismatch) and exits 1", function () {
    assert.equal(validateCode, 1);
    const issues = (
      JSON.parse(validateOut) as {
        issues: { code: string; sheet: string; cell: string; severity: string }[];
      }
    ).issues;
    const pm = issues.filter((i) => i.code === "percent-mismatch");
    assert.equal(pm.length, 1);
    assert.equal(pm[0].sheet, "Kế hoạch");
    assert.equal(pm[0].severity, "error");
    assert.equal(
      issues.filter((i) => i.severity === "error").length,
      1,
      "the only error is the fairs percentage"
    );
    assert.ok(!issues.some((i) => i.code === "total-mismatch"), "no false total-mismatch");
  });
});
