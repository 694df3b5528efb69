/**
 * Layouts met in real workbooks (found in review): group rows numbered in the
 * STT column with their subtotals, "Cộng huyện X" above its group, the same
 * unit in two sheets of one kind, dated archive sheets, wide plans with one
 * percent column, plan sheets with the year in their name.
 */
import assert from "node:assert/strict";
import { analyse, Analysis } from "../../src/engine/analyse";
import type { CellValue, WorkbookData } from "../../src/engine/model/cells";
import { serialFromYmd } from "../../src/engine/parse/date";
import { buildProse } from "../../src/engine/summary/prose";
import { d, sheet, workbook, THT_HEADER7 } from "../support/sheets";

const REPORT = serialFromYmd(2022, 12, 31);
const H = THT_HEADER7;

function run(wb: WorkbookData, year = 2022): Analysis {
  return analyse(wb, { year, reportSerial: REPORT });
}
const codes = (a: Analysis, code: string) =>
  a.issues.filter((i) => i.code === code).map((i) => `${i.sheet}!${i.cell}`);
const actual = (a: Analysis, code: string) => a.indicators.find((i) => i.code === code)?.actual;
const row = (
  n: number,
  name: string,
  members: number,
  capital: number,
  year = 2020
): CellValue[] => [n, name, null, "Nông nghiệp", d(year, 3, 1), members, capital];

describe("layouts from real workbooks", function () {
  it("group rows numbered in the STT column, carrying their subtotals, are headings, not data", function () {
    const wb = workbook(
      sheet("DS THT", [
        H,
        ["I", "Huyện Tân Hiệp", null, null, null, 22, 250],
        row(1, "THT A", 10, 100),
        row(2, "THT B", 12, 150),
        ["II", "HUYỆN HÒN ĐẤT", null, null, null, 9, 40],
        row(1, "THT C", 8, 40),
        [null, "Tổng cộng", null, null, null, 30, 290],
      ])
    );
    const a = run(wb);
    assert.equal(actual(a, "tht.total"), 3);
    assert.equal(actual(a, "tht.members"), 30);
    assert.equal(actual(a, "tht.capital"), 290);
    assert.deepEqual(codes(a, "blank-required"), []);
    // The Hòn Đất heading says 9 members where its one row has 8: exactly one mismatch.
    assert.deepEqual(codes(a, "total-mismatch"), ["DS THT!F5"]);
    const tht = a.read.sheets[0];
    assert.deepEqual(
      tht.records.map((r) => r.v.district),
      ["Tân Hiệp", "Tân Hiệp", "Hòn Đất"]
    );
  });

  it('"Cộng huyện X" above its rows covers the rows of X', function () {
    const wb = workbook(
      sheet("DS THT", [
        H,
        [null, "Cộng huyện Tân Hiệp", null, null, null, 22, 250],
        [1, "THT A", "Tân Hiệp", "Nông nghiệp", d(2020, 1, 1), 10, 100],
        [2, "THT B", "Huyện Tân Hiệp", "Nông nghiệp", d(2020, 1, 1), 12, 150],
        [null, "Cộng huyện Hòn Đất", null, null, null, 5, 30],
        [3, "THT C", "Hòn Đất", "Nông nghiệp", d(2020, 1, 1), 5, 31],
      ])
    );
    const a = run(wb);
    assert.deepEqual(codes(a, "total-mismatch"), ["DS THT!G5"]);
    assert.equal(actual(a, "tht.total"), 3);
  });

  it("the same unit in two sheets of one kind is counted once (duplicate-key on the later sheet)", function () {
    const wb = workbook(
      sheet("THT Tân Hiệp", [H, [1, "THT A", "Tân Hiệp", "Nông nghiệp", d(2022, 2, 1), 7, 10]]),
      sheet("THT Hòn Đất", [
        H,
        [1, "THT A", "Huyện Tân Hiệp", "Nông nghiệp", d(2022, 2, 1), 7, 10],
        [2, "THT B", "Hòn Đất", "Nông nghiệp", d(2022, 2, 1), 7, 10],
      ])
    );
    const a = run(wb);
    assert.deepEqual(codes(a, "duplicate-key"), ["THT Hòn Đất!B2"]);
    const issue = a.issues.find((i) => i.code === "duplicate-key");
    assert.match(issue?.message ?? "", /THT Tân Hiệp/);
    assert.equal(actual(a, "tht.new"), 2);
    assert.equal(actual(a, "tht.members"), 14);
  });

  it("the same name under two district group rows is two units, not a duplicate row", function () {
    const wb = workbook(
      sheet("DS THT", [
        H,
        [null, "Huyện Tân Hiệp"],
        row(1, "THT Rau sạch", 7, 10),
        [null, "Huyện Hòn Đất"],
        row(1, "THT Rau sạch", 7, 10),
      ])
    );
    const a = run(wb);
    assert.deepEqual(codes(a, "duplicate-row"), []);
    assert.deepEqual(codes(a, "duplicate-key"), []);
    assert.equal(actual(a, "tht.total"), 2);
  });

  it("dated archive sheets beside the current list: the year's own sheet, the current one otherwise", function () {
    const HX = ["Tên HTX", "Lĩnh vực", "Ngày thành lập", "Số thành viên"];
    const wb = workbook(
      sheet("DS HTX", [
        HX,
        ["HTX A", "Nông nghiệp", d(2015, 1, 1), 9],
        ["HTX B", "Nông nghiệp", d(2022, 5, 1), 9],
        ["HTX C", "Vận tải", d(2018, 1, 1), 9],
      ]),
      sheet("DS HTX 2021", [
        HX,
        ["HTX A", "Nông nghiệp", d(2015, 1, 1), 9],
        ["HTX C", "Vận tải", d(2018, 1, 1), 9],
        ["HTX D", "Vận tải", d(2019, 1, 1), 9],
      ])
    );
    const y2022 = run(wb, 2022);
    assert.equal(actual(y2022, "htx.active"), 3);
    assert.equal(
      y2022.indicators.find((i) => i.code === "htx.active")?.previous,
      3,
      "2021 from its own sheet"
    );
    assert.deepEqual(codes(y2022, "duplicate-key"), [], "an archive is not a duplicate");
    const y2021 = run(wb, 2021);
    assert.equal(actual(y2021, "htx.active"), 3);
    assert.equal(actual(y2021, "htx.new"), 0);
  });

  it("a wide plan with one percent column checks the percentage of the year on its left", function () {
    const wb = workbook(
      sheet("DS THT", [H, row(1, "THT A", 7, 10, 2022), row(2, "THT B", 7, 10, 2022)]),
      sheet("Kế hoạch", [
        ["Chỉ tiêu", "ĐVT", "KH 2022", "Tỷ lệ đạt (%)", "KH 2023"],
        ["THT thành lập mới", "THT", 4, 75, 5],
      ])
    );
    const a = run(wb);
    assert.deepEqual(codes(a, "percent-mismatch"), ["Kế hoạch!D2"]);
    const ind = a.indicators.find((i) => i.code === "tht.new");
    assert.equal(ind?.plan, 4);
    assert.equal(ind?.plan_next, 5);
  });

  it('a long-form plan with no year column takes the year in its name ("Kế hoạch 2022")', function () {
    const wb = workbook(
      sheet("DS THT", [H, row(1, "THT A", 7, 10, 2022)]),
      sheet("Kế hoạch 2022", [
        ["Mã chỉ tiêu", "Chỉ tiêu", "ĐVT", "Kế hoạch"],
        ["tht.new", "THT thành lập mới", "THT", 2],
      ])
    );
    const a = run(wb);
    assert.equal(a.indicators.find((i) => i.code === "tht.new")?.plan, 2);
    assert.ok(
      !a.issues.some((i) => i.code === "plan-missing" && i.message.includes("THT thành lập mới"))
    );
  });

  it("the prose of the next year's plan keeps the indicators' own capitals", function () {
    const wb = workbook(
      sheet("DS THT", [H, row(1, "THT A", 7, 10, 2022)]),
      sheet("Kế hoạch", [
        ["Mã chỉ tiêu", "Chỉ tiêu", "ĐVT", "Năm", "Kế hoạch"],
        ["tht.new", "THT thành lập mới", "THT", 2023, 50],
        ["htx.new.members", "Thành viên HTX mới", "người", 2023, 500],
      ])
    );
    const prose = buildProse(run(wb)).join("\n");
    assert.match(
      prose,
      /7\. Kế hoạch năm 2023: THT thành lập mới 50 THT; Thành viên HTX mới 500 người\./
    );
  });
});

describe("sector headings", function () {
  it('"A. NÔNG NGHIỆP" headings give the sector, nested under district headings', function () {
    const HS = ["STT", "Tên THT", "Ngày thành lập", "Số tổ viên"];
    const wb = workbook(
      sheet("DS THT", [
        HS,
        ["I", "Huyện Tân Hiệp"],
        ["A", "NÔNG NGHIỆP"],
        [1, "THT Rau", d(2020, 1, 1), 7],
        [2, "THT Lúa", d(2020, 1, 1), 8],
        ["B", "PHI NÔNG NGHIỆP"],
        [3, "THT Đan lát", d(2020, 1, 1), 9],
        ["II", "Huyện Hòn Đất"],
        ["A", "NÔNG NGHIỆP"],
        [1, "THT Rau", d(2020, 1, 1), 7],
        [null, "Cộng huyện Hòn Đất", null, 7],
      ])
    );
    const a = analyse(wb, { year: 2022, reportSerial: serialFromYmd(2022, 12, 31) });
    assert.equal(a.indicators.find((i) => i.code === "tht.total.nong_nghiep")?.actual, 3);
    assert.equal(a.indicators.find((i) => i.code === "tht.total.phi_nong_nghiep")?.actual, 1);
    assert.deepEqual(
      a.read.sheets[0].records.map((r) => r.v.district),
      ["Tân Hiệp", "Tân Hiệp", "Tân Hiệp", "Hòn Đất"]
    );
    assert.deepEqual(
      a.issues.filter((i) =>
        [
          "column-missing",
          "blank-required",
          "duplicate-row",
          "duplicate-key",
          "total-mismatch",
        ].includes(i.code)
      ),
      []
    );
  });
});
