/**
 * What real forms put around and inside the table (found in review): the
 * place-and-date line and signatures under it, footnotes, dates written in
 * the status, amounts naming their unit, short forms, serials as text.
 */
import assert from "node:assert/strict";
import { analyse, Analysis } from "../../src/engine/analyse";
import type { WorkbookData } from "../../src/engine/model/cells";
import { serialFromYmd } from "../../src/engine/parse/date";
import { d, sheet, workbook, THT_HEADER7 } from "../support/sheets";

const REPORT = serialFromYmd(2022, 12, 31);
const run = (wb: WorkbookData): Analysis => analyse(wb, { year: 2022, reportSerial: REPORT });
const actual = (a: Analysis, code: string) => a.indicators.find((i) => i.code === code)?.actual;
const codes = (a: Analysis, code: string) =>
  a.issues.filter((i) => i.code === code).map((i) => `${i.sheet}!${i.cell}`);

const TH = THT_HEADER7;
const HX = [
  "STT",
  "Tên HTX",
  "Huyện",
  "Lĩnh vực",
  "Ngày thành lập",
  "Tình trạng",
  "Số thành viên",
  "Vốn điều lệ (triệu đồng)",
];

describe("around and inside a real form's table", function () {
  it("the date line and the signature block under the table are not data", function () {
    const wb = workbook(
      sheet("DS THT", [
        TH,
        [1, "THT A", "Tân Hiệp", "Nông nghiệp", d(2020, 1, 1), 7, 10],
        [2, "THT B", "Tân Hiệp", "Nông nghiệp", d(2020, 1, 1), 8, 10],
        [3, "THT C", "Hòn Đất", "Phi nông nghiệp", d(2021, 1, 1), 9, 10],
        [null, null, null, null, null, null, "Kiên Giang, ngày 31 tháng 12 năm 2022"],
        [null, "NGƯỜI LẬP BIỂU", null, null, null, null, "GIÁM ĐỐC"],
        [],
        [null, "Nguyễn Văn An", null, null, null, null, "Trần Thị Bình"],
      ])
    );
    const a = run(wb);
    assert.equal(actual(a, "tht.total"), 3);
    assert.deepEqual(codes(a, "blank-required"), []);
    assert.deepEqual(codes(a, "type-error"), []);
  });

  it("after a grand total at the bottom, and around footnotes, nothing more is read", function () {
    const wb = workbook(
      sheet("DS THT", [
        TH,
        [1, "THT A", "Tân Hiệp", "Nông nghiệp", d(2020, 1, 1), 7, 10],
        ["(*) Ghi chú: số liệu đến 30/11"],
        [2, "THT B", "Tân Hiệp", "Nông nghiệp", d(2020, 1, 1), 8, 10],
        [null, "Tổng cộng", null, null, null, 15, 20],
        [null, "Người ký thay mặt đơn vị"],
      ])
    );
    const a = run(wb);
    assert.equal(actual(a, "tht.total"), 2);
    assert.equal(
      a.issues.filter((i) => i.severity === "error").length,
      0,
      JSON.stringify(a.issues)
    );
  });

  it('a date written in the status ("Giải thể năm 2021", "Giải thể (01/5/2022)") is the dissolution date', function () {
    const wb = workbook(
      sheet("DS HTX", [
        HX,
        [1, "HTX A", "Tân Hiệp", "Nông nghiệp", d(2015, 1, 1), "Đang hoạt động", 9, 500],
        [2, "HTX B", "Tân Hiệp", "Nông nghiệp", d(2015, 1, 1), "Giải thể năm 2021", 9, 500],
        [3, "HTX C", "Hòn Đất", "Nông nghiệp", d(2015, 1, 1), "Giải thể (01/5/2022)", 9, 500],
      ])
    );
    const a = run(wb);
    assert.deepEqual(codes(a, "blank-required"), []);
    assert.equal(actual(a, "htx.active"), 1);
    assert.equal(actual(a, "htx.active.prev"), 2);
    assert.equal(actual(a, "htx.dissolved"), 1);
  });

  it("an amount that names đồng, in a triệu column, is brought to triệu; '500tr' is 500 triệu", function () {
    const wb = workbook(
      sheet("DS HTX", [
        HX,
        [
          1,
          "HTX A",
          "Tân Hiệp",
          "Nông nghiệp",
          d(2022, 1, 1),
          "Đang hoạt động",
          9,
          "8.076.287.000 đồng",
        ],
        [2, "HTX B", "Tân Hiệp", "Nông nghiệp", d(2022, 1, 1), "Đang hoạt động", 9, "500tr"],
        [
          3,
          "HTX C",
          "Hòn Đất",
          "Nông nghiệp",
          d(2022, 1, 1),
          "Đang hoạt động",
          9,
          "1.250.000.000đ",
        ],
      ])
    );
    const a = run(wb);
    assert.equal(actual(a, "htx.new.charter_capital"), 8076287000 + 500000000 + 1250000000);
    const fixes = a.issues
      .filter((i) => i.code === "number-as-text")
      .map((i) => i.fix?.changes[0].to);
    assert.deepEqual(fixes, [8076.287, 500, 1250], "the fix writes triệu in a triệu column");
    assert.deepEqual(codes(a, "unit-suspect"), []);
  });

  it("a date serial stored as text, 'H.' before a district, and training abbreviations are read", function () {
    const wb = workbook(
      sheet("DS THT", [TH, [1, "THT A", "H. Hòn Đất", "Nông nghiệp", "44625", 7, 10]]),
      sheet("Tập huấn", [
        ["Tên lớp", "Loại", "Thời gian", "Số người tham dự"],
        ["Lớp 1", "TH CBQL", d(2022, 3, 1), 30],
        ["Lớp 2", "BD NCNL", d(2022, 4, 1), 20],
        ["Buổi 1", "TT", d(2022, 5, 1), 50],
      ])
    );
    const a = run(wb);
    assert.deepEqual(codes(a, "unknown-unit"), []);
    assert.deepEqual(codes(a, "type-error"), []);
    assert.equal(actual(a, "tht.new"), 1, "44625 is 05/03/2022");
    assert.equal(actual(a, "training.quan_ly.courses"), 1);
    assert.equal(actual(a, "training.nang_luc.courses"), 1);
    assert.equal(actual(a, "training.tuyen_truyen.sessions"), 1);
    assert.equal(
      codes(a, "enum-variant").length,
      3,
      "abbreviations are read, and offered their full label"
    );
  });
});

describe("plans, periods and events as offices write them", function () {
  it("a plan sheet with codes and no label column is read", function () {
    const wb = workbook(
      sheet("DS THT", [TH, [1, "THT A", "Tân Hiệp", "Nông nghiệp", d(2022, 2, 1), 7, 10]]),
      sheet("Kế hoạch", [
        ["Mã chỉ tiêu", "ĐVT", "Năm", "Kế hoạch"],
        ["tht.new", "THT", 2022, 2],
        ["tht.new", "THT", 2023, 3],
      ])
    );
    const a = run(wb);
    assert.deepEqual(codes(a, "header-not-found"), []);
    const ind = a.indicators.find((i) => i.code === "tht.new");
    assert.equal(ind?.plan, 2);
    assert.equal(ind?.plan_next, 3);
  });

  it("courses dated by quarter, month span or day span count in their year", function () {
    const wb = workbook(
      sheet("Tập huấn", [
        ["Tên lớp", "Loại", "Thời gian", "Số người tham dự"],
        ["Lớp 1", "Tập huấn cán bộ quản lý HTX", "Quý I/2022", 30],
        ["Lớp 2", "Tập huấn cán bộ quản lý HTX", "15-16/11/2022", 20],
        ["Lớp 3", "Đào tạo", "Tháng 3-4/2022", 25],
        ["Lớp 4", "Đào tạo", "Quý IV/2021", 10],
      ])
    );
    const a = run(wb);
    assert.deepEqual(codes(a, "type-error"), []);
    assert.equal(actual(a, "training.quan_ly.courses"), 2);
    assert.equal(actual(a, "training.nang_luc.courses"), 1);
    assert.equal(a.indicators.find((i) => i.code === "training.nang_luc.courses")?.previous, 1);
  });

  it('"Hội nghị kết nối cung cầu" is a market-connection event, not a trade conference', function () {
    const wb = workbook(
      sheet("Hội chợ", [
        ["Tên hội chợ", "Loại", "Thời gian", "Số HTX tham gia", "Số sản phẩm"],
        ["Kết nối cung cầu Cần Thơ", "Hội nghị kết nối cung cầu", d(2022, 6, 1), 3, 40],
        ["Hội nghị XTTM Trà Vinh", "Hội nghị xúc tiến thương mại", d(2022, 7, 1), 4, null],
        ["Hội nghị tổng kết", "Hội nghị", d(2022, 8, 1), 2, null],
      ])
    );
    const a = run(wb);
    assert.equal(actual(a, "fairs.conference.htx"), 6);
    assert.equal(actual(a, "fairs.connect.products"), 40);
  });
});
