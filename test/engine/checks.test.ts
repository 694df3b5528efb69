/**
 * Each check code (DOMAIN §4) has a test that triggers it and one that must
 * not, on small in-memory workbooks: a clean baseline and one-cell variations.
 * Also: checking never changes a value, and a few indicator definitions (§5).
 */
import assert from "node:assert/strict";
import { analyse, Analysis } from "../../src/engine/analyse";
import type { CellValue, WorkbookData } from "../../src/engine/model/cells";
import { Issue, IssueCode, ISSUE_CODES, SEVERITY } from "../../src/engine/model/issues";
import { serialFromYmd } from "../../src/engine/parse/date";
import {
  addRows,
  clone,
  d,
  putSheet,
  removeColumn,
  removeRow,
  removeSheet,
  setCell,
  setCells,
  setFont,
  setFormat,
  sheet,
  workbook,
  THT_HEADER7,
} from "../support/sheets";

const REPORT = 44914; // 19/12/2022
const YEAR = 2022;

const THT = "DS THT";
const HTX = "DS HTX";
const TRAINING = "Tập huấn";
const FAIRS = "Hội chợ";
const PLAN = "Kế hoạch";

// DS THT: A STT | B name | C district | D sector | E founded | F members | G capital (triệu) | H area (ha) | I workers
const THT_HEADER: CellValue[] = [...THT_HEADER7, "Diện tích (ha)", "Lao động"];
function thtRows(): CellValue[][] {
  return [
    [...THT_HEADER],
    [1, "THT trồng lúa Tân Hiệp", "Huyện Tân Hiệp", "Nông nghiệp", d(2018, 3, 5), 10, 100, 5, 12],
    [2, "THT nuôi tôm An Biên", "An Biên", "Thủy sản", d(2022, 4, 12), 25, 150, 8.5, 30],
    [
      3,
      "THT dịch vụ Rạch Giá",
      "TP. Rạch Giá",
      "Thương mại - dịch vụ",
      d(2022, 9, 1),
      26,
      200,
      1.2,
      26,
    ],
  ];
}

// DS HTX: A STT | B name | C reg_code | D district | E kind | F sector | G founded | H dissolved |
// I status | J members | K member_coops | L charter_capital (triệu) | M area (ha) | N workers
const HTX_HEADER: CellValue[] = [
  "STT",
  "Tên HTX",
  "Mã số HTX",
  "Huyện",
  "Loại hình",
  "Lĩnh vực",
  "Ngày thành lập",
  "Ngày giải thể",
  "Tình trạng",
  "Số thành viên",
  "Số HTX thành viên",
  "Vốn điều lệ (triệu đồng)",
  "Diện tích (ha)",
  "Số lao động",
];
function htxRows(): CellValue[][] {
  const active = "Đang hoạt động";
  return [
    [...HTX_HEADER],
    [
      1,
      "HTX Nông nghiệp Tân Hiệp",
      "1701000001",
      "Huyện Tân Hiệp",
      "HTX",
      "Nông nghiệp",
      d(2015, 3, 10),
      null,
      active,
      20,
      null,
      500,
      30,
      25,
    ],
    [
      2,
      "HTX Vận tải Rạch Giá",
      "1701000002",
      "TP. Rạch Giá",
      "HTX",
      "Vận tải",
      d(2022, 5, 10),
      null,
      active,
      14,
      null,
      300,
      null,
      14,
    ],
    [
      3,
      "Quỹ TDND Hòn Đất",
      "1701000003",
      "Hòn Đất",
      "Quỹ TDND",
      "Tín dụng",
      d(2005, 1, 20),
      null,
      active,
      500,
      null,
      2000,
      null,
      8,
    ],
    [
      4,
      "Liên hiệp HTX Kiên Giang",
      "1701000004",
      "TP. Rạch Giá",
      "Liên hiệp HTX",
      "Nông nghiệp",
      d(2022, 7, 1),
      null,
      active,
      null,
      3,
      1000,
      100,
      10,
    ],
    [
      5,
      "HTX Thủy sản An Biên",
      "1701000005",
      "An Biên",
      "HTX",
      "Thủy sản",
      d(2010, 6, 1),
      d(2022, 6, 15),
      "Giải thể",
      9,
      null,
      200,
      12,
      6,
    ],
  ];
}

// Tập huấn: A STT | B title | C kind | D date | E location | F participants
function trainingRows(): CellValue[][] {
  return [
    ["STT", "Tên lớp", "Loại", "Thời gian", "Địa điểm", "Số người tham dự"],
    [1, "Tập huấn cán bộ quản lý HTX", "Tập huấn", d(2022, 3, 15), "Rạch Giá", 60],
    [2, "Bồi dưỡng nâng cao năng lực", "Đào tạo", d(2022, 6, 20), "Tân Hiệp", 45],
    [3, "Tuyên truyền Luật HTX", "Tuyên truyền", d(2022, 8, 8), "Hòn Đất", 120],
  ];
}

// Hội chợ: A STT | B event | C kind | D location | E date | F htx_count | G products | H htx_names
function fairRows(): CellValue[][] {
  return [
    [
      "STT",
      "Tên hội chợ",
      "Loại",
      "Địa điểm",
      "Thời gian",
      "Số HTX tham gia",
      "Số sản phẩm",
      "HTX tham gia",
    ],
    [
      1,
      "Hội chợ nông sản Cần Thơ",
      "Hội chợ",
      "Cần Thơ",
      d(2022, 10, 5),
      2,
      15,
      "HTX Nông nghiệp Tân Hiệp; HTX Vận tải Rạch Giá",
    ],
    [
      2,
      "Hội nghị XTTM vùng ĐBSCL",
      "Hội nghị XTTM",
      "An Giang",
      d(2022, 11, 2),
      1,
      5,
      "HTX Nông nghiệp Tân Hiệp",
    ],
    [
      3,
      "Tọa đàm kết nối tiêu thụ",
      "Tọa đàm",
      "Rạch Giá",
      d(2022, 12, 1),
      1,
      8,
      "HTX Vận tải Rạch Giá",
    ],
  ];
}

// Kế hoạch: A code | B label | C unit | D year | E target | F typed percent
function planRows(): CellValue[][] {
  return [
    ["Mã chỉ tiêu", "Chỉ tiêu", "ĐVT", "Năm", "Kế hoạch", "Tỷ lệ đạt (%)"],
    ["tht.new", "THT thành lập mới", "THT", 2022, 2, 100],
    ["tht.new.members", "Tổ viên THT mới", "người", 2022, 50, 102],
    ["tht.revenue.avg", "Doanh thu bình quân của THT", "triệu đồng/năm", 2022, 100, null],
    ["htx.new", "HTX thành lập mới", "HTX", 2022, 1, 100],
    ["htx.new.members", "Thành viên HTX mới", "người", 2022, 8, 175],
    ["htx.revenue.avg", "Doanh thu bình quân của HTX", "triệu đồng/năm", 2022, 500, null],
    ["training.quan_ly.courses", "Lớp tập huấn cán bộ quản lý HTX", "lớp", 2022, 1, 100],
    ["training.nang_luc.courses", "Lớp đào tạo nâng cao năng lực", "lớp", 2022, 1, 100],
    ["training.tuyen_truyen.sessions", "Cuộc tuyên truyền", "cuộc", 2022, 2, 50],
    ["fairs.htx", "Lượt HTX tham gia hội chợ", "lượt HTX", 2022, 2, 100],
  ];
}

/** The clean baseline: valid THT, HTX, training, fairs and plan sheets. */
function clean(): WorkbookData {
  return workbook(
    sheet(THT, thtRows()),
    sheet(HTX, htxRows()),
    sheet(TRAINING, trainingRows()),
    sheet(FAIRS, fairRows()),
    sheet(PLAN, planRows())
  );
}

/** analyse() at the fixed report date; asserts that no value of the workbook changed. */
function run(wb: WorkbookData, year: number = YEAR): Analysis {
  const before = clone(wb);
  const a = analyse(wb, { year, reportSerial: REPORT });
  assert.deepStrictEqual(wb, before, "analyse must not change the workbook");
  return a;
}

function issuesOf(wb: WorkbookData, code: IssueCode): Issue[] {
  return run(wb).issues.filter((i) => i.code === code);
}

interface Expected {
  sheet: string | null;
  /** A1 without the sheet; row and column are derived from it unless given. */
  cell: string | null;
  row?: number | null;
  column?: string | null;
  field: string | null;
  severity: "error" | "warning" | "info";
  /** Expected fix changes; omitted or null: no fix. */
  fix?: { cell: string; from: CellValue; to: CellValue }[] | null;
}

function show(list: Issue[]): string {
  return list
    .map((i) => `${i.code} ${i.sheet}!${i.cell} (row ${i.row}): ${i.message_en}`)
    .join("\n");
}

function checkIssue(issue: Issue, code: IssueCode, exp: Expected): void {
  const m = exp.cell === null ? null : /^([A-Z]+)(\d+)$/.exec(exp.cell);
  assert.deepEqual(
    {
      code: issue.code,
      sheet: issue.sheet,
      cell: issue.cell,
      row: issue.row,
      column: issue.column,
      field: issue.field,
      severity: issue.severity,
    },
    {
      code,
      sheet: exp.sheet,
      cell: exp.cell,
      row: exp.row !== undefined ? exp.row : m ? Number(m[2]) : null,
      column: exp.column !== undefined ? exp.column : m ? m[1] : null,
      field: exp.field,
      severity: exp.severity,
    }
  );
  assert.equal(issue.severity, SEVERITY[code]);
  assert.equal(typeof issue.message, "string");
  assert.ok(issue.message.trim().length > 0, "message (vi) is empty");
  assert.ok(issue.message_en.trim().length > 0, "message_en is empty");
  assert.notEqual(issue.message, issue.message_en);
  if (exp.fix === undefined || exp.fix === null) {
    assert.equal(issue.fix, null);
  } else {
    assert.ok(issue.fix, "a fix is expected");
    assert.ok(issue.fix.description.trim().length > 0, "fix description is empty");
    assert.deepEqual(issue.fix.changes, exp.fix);
  }
}

/** Exactly one issue of `code`, at the expected place. */
function expectOne(wb: WorkbookData, code: IssueCode, exp: Expected): Issue {
  const found = issuesOf(wb, code);
  assert.equal(found.length, 1, `expected one ${code}, got:\n${show(found)}`);
  checkIssue(found[0], code, exp);
  return found[0];
}

function expectNone(wb: WorkbookData, code: IssueCode): void {
  const found = issuesOf(wb, code);
  assert.equal(found.length, 0, `expected no ${code}, got:\n${show(found)}`);
}

const covered = new Set<string>();
/** describe() for one issue code; records that the code has tests. */
function describeCode(code: IssueCode, fn: () => void): void {
  covered.add(code);
  describe(code, fn);
}

describe("checks: baseline", function () {
  it("the report serial is 19/12/2022", function () {
    assert.equal(serialFromYmd(2022, 12, 19), REPORT);
  });

  it("the clean workbook has no issues", function () {
    assert.equal(show(run(clean()).issues), "");
  });

  it("checking never changes a value (every variation of this file is checked by run())", function () {
    const wb = setFormat(
      setFont(setCell(clean(), THT, "B3", "Hîp t¸c x· T©n HiÖp"), THT, "B3", ".VnTime"),
      THT,
      "G3",
      "#,##0.00"
    );
    const noisy = setCells(wb, THT, {
      C3: "Tân Hiệp".normalize("NFD"),
      D3: "NN",
      F3: "1.830,51",
      G3: { error: "#REF!" },
    });
    const before = clone(noisy);
    const a = analyse(noisy, { year: YEAR, reportSerial: REPORT });
    assert.ok(a.issues.some((i) => i.fix !== null));
    assert.deepStrictEqual(noisy, before);
  });
});

describeCode("sheet-missing", function () {
  it("triggers when the fairs sheet is missing", function () {
    const i = expectOne(removeSheet(clean(), FAIRS), "sheet-missing", {
      sheet: null,
      cell: null,
      field: null,
      severity: "warning",
    });
    assert.match(i.message, /Hội chợ/);
  });

  it("triggers once per missing kind (plan and training)", function () {
    assert.equal(issuesOf(removeSheet(clean(), PLAN, TRAINING), "sheet-missing").length, 2);
  });

  it("does not trigger when every needed kind is present (loans is optional)", function () {
    expectNone(clean(), "sheet-missing");
  });

  it("does not trigger when a sheet is recognised by its header only", function () {
    const wb = clean();
    wb.sheets[0].name = "Sheet1";
    expectNone(wb, "sheet-missing");
  });

  it("triggers for a missing fairs sheet even when another sheet's header is not found", function () {
    const wb = putSheet(
      removeSheet(clean(), FAIRS),
      sheet("Vốn vay", [["Ghi chú"], ["không có số liệu"]])
    );
    assert.equal(issuesOf(wb, "header-not-found").length, 1);
    expectOne(wb, "sheet-missing", { sheet: null, cell: null, field: null, severity: "warning" });
  });
});

describeCode("header-not-found", function () {
  it("triggers on a fairs sheet with no recognisable header", function () {
    const wb = putSheet(
      clean(),
      sheet(FAIRS, [
        ["Ghi chú", "Nội dung khác"],
        ["abc", "def"],
      ])
    );
    expectOne(wb, "header-not-found", {
      sheet: FAIRS,
      cell: null,
      field: null,
      severity: "error",
    });
  });

  it("does not trigger on a header under title rows", function () {
    const rows: CellValue[][] = [
      ["LIÊN MINH HTX TỈNH KIÊN GIANG"],
      ["DANH SÁCH HỘI CHỢ, XÚC TIẾN THƯƠNG MẠI NĂM 2022"],
      [],
      ...fairRows(),
    ];
    expectNone(putSheet(clean(), sheet(FAIRS, rows)), "header-not-found");
    expectNone(clean(), "header-not-found");
  });
});

describeCode("column-missing", function () {
  it("triggers when the THT sheet has no sector column", function () {
    expectOne(removeColumn(clean(), THT, "D"), "column-missing", {
      sheet: THT,
      cell: null,
      field: "sector",
      severity: "error",
    });
  });

  it("does not trigger without the HTX kind column (it is inferred from the name)", function () {
    expectNone(removeColumn(clean(), HTX, "E"), "column-missing");
    expectNone(clean(), "column-missing");
  });
});

describeCode("column-unknown", function () {
  it("triggers on a column that matches no field", function () {
    expectOne(setCells(clean(), THT, { J1: "Ghi chú", J2: "x" }), "column-unknown", {
      sheet: THT,
      cell: "J1",
      field: null,
      severity: "info",
    });
  });

  it("triggers on a second column for a field already taken (leftmost wins)", function () {
    expectOne(setCells(clean(), THT, { J1: "Huyện/TP", J2: "Tân Hiệp" }), "column-unknown", {
      sheet: THT,
      cell: "J1",
      field: null,
      severity: "info",
    });
  });

  it("does not trigger on STT or on headers with a unit", function () {
    expectNone(clean(), "column-unknown");
    expectNone(setCell(clean(), THT, "G1", "Vốn góp - triệu đồng"), "column-unknown");
  });
});

describeCode("blank-required", function () {
  it("triggers on an empty sector cell", function () {
    expectOne(setCell(clean(), THT, "D3", null), "blank-required", {
      sheet: THT,
      cell: "D3",
      field: "sector",
      severity: "error",
    });
  });

  it("triggers on a dissolved status with no dissolution date", function () {
    expectOne(setCell(clean(), HTX, "H6", null), "blank-required", {
      sheet: HTX,
      cell: "H6",
      field: "dissolved",
      severity: "error",
    });
  });

  it("points at the status cell when there is no dissolution date column", function () {
    expectOne(removeColumn(clean(), HTX, "H"), "blank-required", {
      sheet: HTX,
      cell: "H6",
      field: "status",
      severity: "error",
    });
  });

  it("does not trigger on a filled cell, a blank optional cell or a dissolved row with a date", function () {
    expectNone(clean(), "blank-required");
    expectNone(setCell(clean(), THT, "H3", null), "blank-required");
  });

  it("treats a whitespace-only required cell as blank", function () {
    expectOne(setCell(clean(), THT, "D3", "   "), "blank-required", {
      sheet: THT,
      cell: "D3",
      field: "sector",
      severity: "error",
    });
  });
});

describeCode("type-error", function () {
  it("triggers on words in a count column", function () {
    expectOne(setCell(clean(), THT, "F3", "nhiều"), "type-error", {
      sheet: THT,
      cell: "F3",
      field: "members",
      severity: "error",
    });
  });

  it("triggers on an unreadable date", function () {
    expectOne(setCell(clean(), THT, "E3", "không rõ"), "type-error", {
      sheet: THT,
      cell: "E3",
      field: "founded",
      severity: "error",
    });
  });

  it("does not trigger on a number typed as text or a date typed as text", function () {
    expectNone(setCells(clean(), THT, { F3: "25", E3: "12/04/2022" }), "type-error");
    expectNone(clean(), "type-error");
  });
});

describeCode("number-as-text", function () {
  it('triggers on "1.830,51" and the fix writes 1830.51', function () {
    expectOne(setCell(clean(), THT, "G3", "1.830,51"), "number-as-text", {
      sheet: THT,
      cell: "G3",
      field: "capital",
      severity: "warning",
      fix: [{ cell: "G3", from: "1.830,51", to: 1830.51 }],
    });
  });

  it('reads "1.830" as 1830 (thousands) in a count column', function () {
    expectOne(setCell(clean(), THT, "I3", "1.830"), "number-as-text", {
      sheet: THT,
      cell: "I3",
      field: "workers",
      severity: "warning",
      fix: [{ cell: "I3", from: "1.830", to: 1830 }],
    });
  });

  it('writes 8076287000 for "8.076.287.000 đồng" in a (đồng) column', function () {
    const wb = setCells(clean(), THT, { G1: "Vốn góp (đồng)", G2: 1e8, G3: "8.076.287.000 đồng" });
    expectOne(setCell(wb, THT, "G4", 2e8), "number-as-text", {
      sheet: THT,
      cell: "G3",
      field: "capital",
      severity: "warning",
      fix: [{ cell: "G3", from: "8.076.287.000 đồng", to: 8076287000 }],
    });
  });

  it('reads "1,5 tỷ" in a (triệu đồng) column as 1500 triệu and the fix writes 1500', function () {
    const wb = setCell(clean(), THT, "G3", "1,5 tỷ");
    expectOne(wb, "number-as-text", {
      sheet: THT,
      cell: "G3",
      field: "capital",
      severity: "warning",
      fix: [{ cell: "G3", from: "1,5 tỷ", to: 1500 }],
    });
    close(indicator(run(wb), "tht.capital").actual, 1800, "tht.capital");
  });

  it("does not trigger on a real number", function () {
    expectNone(setCell(clean(), THT, "G3", 1830.51), "number-as-text");
    expectNone(clean(), "number-as-text");
  });
});

describeCode("negative-value", function () {
  it("triggers on a negative amount", function () {
    expectOne(setCell(clean(), THT, "G3", -150), "negative-value", {
      sheet: THT,
      cell: "G3",
      field: "capital",
      severity: "error",
    });
  });

  it("does not trigger on zero", function () {
    expectNone(setCell(clean(), THT, "G3", 0), "negative-value");
  });
});

describeCode("not-integer", function () {
  it("triggers on a count with a fraction", function () {
    expectOne(setCell(clean(), THT, "F3", 25.5), "not-integer", {
      sheet: THT,
      cell: "F3",
      field: "members",
      severity: "error",
    });
  });

  it("does not trigger on a whole count or a fractional amount", function () {
    expectNone(setCells(clean(), THT, { F3: 25, G3: 150.5, H3: 8.25 }), "not-integer");
  });
});

describeCode("date-invalid", function () {
  it("triggers on 31/02/2022", function () {
    expectOne(setCell(clean(), THT, "E3", "31/02/2022"), "date-invalid", {
      sheet: THT,
      cell: "E3",
      field: "founded",
      severity: "error",
    });
  });

  it("does not trigger on 28/02/2022", function () {
    expectNone(setCell(clean(), THT, "E3", "28/02/2022"), "date-invalid");
  });
});

describeCode("date-future", function () {
  it("triggers on the day after the report date", function () {
    expectOne(setCell(clean(), THT, "E3", REPORT + 1), "date-future", {
      sheet: THT,
      cell: "E3",
      field: "founded",
      severity: "error",
    });
    expectOne(setCell(clean(), TRAINING, "D3", "20/12/2022"), "date-future", {
      sheet: TRAINING,
      cell: "D3",
      field: "date",
      severity: "error",
    });
  });

  it("does not trigger on the report date itself", function () {
    expectNone(setCell(clean(), THT, "E3", REPORT), "date-future");
    expectNone(setCell(clean(), TRAINING, "D3", "19/12/2022"), "date-future");
  });
});

describeCode("date-order", function () {
  it("triggers on a dissolution before the founding", function () {
    expectOne(setCell(clean(), HTX, "H6", d(2009, 12, 31)), "date-order", {
      sheet: HTX,
      cell: "H6",
      field: "dissolved",
      severity: "error",
    });
  });

  it("triggers on a suspension before the founding", function () {
    const wb = setCells(clean(), HTX, { O1: "Ngày tạm ngừng", O2: d(2014, 1, 1) });
    expectOne(wb, "date-order", {
      sheet: HTX,
      cell: "O2",
      field: "suspended",
      severity: "error",
    });
  });

  it("does not trigger on a year-only dissolution in the founding year", function () {
    expectNone(setCell(clean(), HTX, "H6", 2010), "date-order");
  });

  it("does not trigger on a dissolution on the founding day", function () {
    expectNone(setCell(clean(), HTX, "H6", d(2010, 6, 1)), "date-order");
    expectNone(clean(), "date-order");
  });
});

describeCode("enum-unknown", function () {
  it("triggers on a sector that maps to nothing", function () {
    expectOne(setCell(clean(), THT, "D3", "Khác"), "enum-unknown", {
      sheet: THT,
      cell: "D3",
      field: "sector",
      severity: "error",
    });
  });

  it("does not trigger on an accepted sub-sector", function () {
    expectNone(setCell(clean(), THT, "D3", "Trồng trọt"), "enum-unknown");
  });
});

describeCode("enum-variant", function () {
  it('triggers on "NN" and the fix writes "Nông nghiệp"', function () {
    expectOne(setCell(clean(), THT, "D3", "NN"), "enum-variant", {
      sheet: THT,
      cell: "D3",
      field: "sector",
      severity: "info",
      fix: [{ cell: "D3", from: "NN", to: "Nông nghiệp" }],
    });
  });

  it("does not trigger on the canonical label or an accepted spelling", function () {
    expectNone(setCell(clean(), THT, "D3", "Nông nghiệp"), "enum-variant");
    expectNone(setCell(clean(), THT, "D3", "nông nghiệp"), "enum-variant");
  });
});

describeCode("legacy-encoding", function () {
  const tcvn3 = "Hîp t¸c x· T©n HiÖp";
  const expected = {
    sheet: THT,
    cell: "B3",
    field: "name",
    severity: "warning" as const,
    fix: [{ cell: "B3", from: tcvn3, to: "Hợp tác xã Tân Hiệp" }],
  };

  it("triggers on a TCVN3 name without a font hint", function () {
    expectOne(setCell(clean(), THT, "B3", tcvn3), "legacy-encoding", expected);
  });

  it("triggers on a TCVN3 name in a .VnTime font", function () {
    const wb = setCell(clean(), THT, "B3", tcvn3);
    wb.sheets[0].fonts = [[], [], [null, ".VnTime"]];
    expectOne(wb, "legacy-encoding", expected);
    expectOne(
      setFont(setCell(clean(), THT, "B3", tcvn3), THT, "B3", ".VnTime"),
      "legacy-encoding",
      expected
    );
  });

  it("does not trigger on the Unicode name", function () {
    expectNone(setCell(clean(), THT, "B3", "Hợp tác xã Tân Hiệp"), "legacy-encoding");
    expectNone(
      setFont(setCell(clean(), THT, "B3", "Hợp tác xã Tân Hiệp"), THT, "B3", ".VnTime"),
      "legacy-encoding"
    );
  });
});

describeCode("unicode-nfd", function () {
  it("triggers on decomposed text and the fix writes NFC", function () {
    const nfd = "Tân Hiệp".normalize("NFD");
    expectOne(setCell(clean(), THT, "C3", nfd), "unicode-nfd", {
      sheet: THT,
      cell: "C3",
      field: "district",
      severity: "info",
      fix: [{ cell: "C3", from: nfd, to: "Tân Hiệp" }],
    });
  });

  it("does not trigger on composed text", function () {
    expectNone(setCell(clean(), THT, "C3", "Tân Hiệp"), "unicode-nfd");
  });
});

describeCode("formula-error", function () {
  it("triggers on #REF! in an amount cell", function () {
    expectOne(setCell(clean(), THT, "G3", { error: "#REF!" }), "formula-error", {
      sheet: THT,
      cell: "G3",
      field: "capital",
      severity: "error",
    });
  });

  it("triggers on #DIV/0! in a date cell and #VALUE! in a text cell", function () {
    expectOne(setCell(clean(), THT, "E3", { error: "#DIV/0!" }), "formula-error", {
      sheet: THT,
      cell: "E3",
      field: "founded",
      severity: "error",
    });
    expectOne(setCell(clean(), THT, "C3", { error: "#VALUE!" }), "formula-error", {
      sheet: THT,
      cell: "C3",
      field: "district",
      severity: "error",
    });
  });

  it("does not trigger on a formula that computes a number", function () {
    const wb = clean();
    wb.sheets[0].formulas = [[], [], [null, null, null, null, null, null, "=100+50"]];
    expectNone(wb, "formula-error");
  });
});

describeCode("unit-suspect", function () {
  // Capitals 100, 150, 200 in the baseline; with 150, 150, X added the median is 150.
  const more = (x: number): CellValue[][] => [
    [4, "THT rau sạch Gò Quao", "Gò Quao", "Trồng trọt", d(2019, 1, 2), 5, 150, 3, 5],
    [5, "THT chăn nuôi Vĩnh Thuận", "Vĩnh Thuận", "Chăn nuôi", d(2019, 2, 3), 6, 150, 4, 6],
    [6, "THT mộc Hà Tiên", "Hà Tiên", "Tiểu thủ công nghiệp", d(2020, 3, 4), 7, x, 2, 7],
  ];

  it("triggers on a value 1000× the column median", function () {
    expectOne(addRows(clean(), THT, more(150000)), "unit-suspect", {
      sheet: THT,
      cell: "G7",
      field: "capital",
      severity: "warning",
    });
  });

  it("triggers on a value 1/1000 of the column median", function () {
    expectOne(addRows(clean(), THT, more(0.15)), "unit-suspect", {
      sheet: THT,
      cell: "G7",
      field: "capital",
      severity: "warning",
    });
  });

  it("compares HTX only with rows of the same kind (a QTDND is not an HTX)", function () {
    const rows: CellValue[][] = [6, 7, 8].map((n) => [
      n,
      `HTX dịch vụ số ${n}`,
      `17010000${n}0`,
      "Gò Quao",
      "HTX",
      "Dịch vụ",
      d(2016, 1, n),
      null,
      "Đang hoạt động",
      10,
      null,
      300,
      null,
      10,
    ]);
    // HTX capitals 500, 300, 200, 300, 300, 300 (median 300); the QTDND has 2 000 000.
    const wb = setCell(addRows(clean(), HTX, rows), HTX, "L4", 2000000);
    expectNone(wb, "unit-suspect");
    expectOne(setCell(wb, HTX, "L2", 300000), "unit-suspect", {
      sheet: HTX,
      cell: "L2",
      field: "charter_capital",
      severity: "warning",
    });
  });

  it("does not trigger within ×1000 of the median", function () {
    expectNone(addRows(clean(), THT, more(149000)), "unit-suspect");
    expectNone(addRows(clean(), THT, more(0.16)), "unit-suspect");
  });
});

describeCode("below-legal-minimum", function () {
  it("triggers on an HTX with 4 members", function () {
    expectOne(setCell(clean(), HTX, "J2", 4), "below-legal-minimum", {
      sheet: HTX,
      cell: "J2",
      field: "members",
      severity: "warning",
    });
  });

  it("triggers on an LHHTX with 2 member HTX", function () {
    expectOne(setCell(clean(), HTX, "K5", 2), "below-legal-minimum", {
      sheet: HTX,
      cell: "K5",
      field: "member_coops",
      severity: "warning",
    });
  });

  it("triggers on a THT with 1 member", function () {
    expectOne(setCell(clean(), THT, "F3", 1), "below-legal-minimum", {
      sheet: THT,
      cell: "F3",
      field: "members",
      severity: "warning",
    });
  });

  it("does not trigger at the minimum (HTX 5, LHHTX 3, THT 2)", function () {
    expectNone(setCell(clean(), HTX, "J2", 5), "below-legal-minimum");
    expectNone(setCell(clean(), HTX, "K5", 3), "below-legal-minimum");
    expectNone(setCell(clean(), THT, "F3", 2), "below-legal-minimum");
  });

  it("does not apply the HTX member minimum to an LHHTX", function () {
    expectNone(setCell(clean(), HTX, "J5", 3), "below-legal-minimum");
  });
});

describeCode("duplicate-row", function () {
  const copyOfRow3 = (district: string): CellValue[] => [
    4,
    "THT nuôi tôm An Biên",
    district,
    "Thủy sản",
    d(2022, 4, 12),
    25,
    150,
    8.5,
    30,
  ];

  it("triggers on the later of two identical rows (STT ignored)", function () {
    const wb = addRows(clean(), THT, [copyOfRow3("An Biên")]);
    // At the row's first filled cell after STT, so the pane can take the user there.
    expectOne(wb, "duplicate-row", {
      sheet: THT,
      cell: "B5",
      field: null,
      severity: "warning",
    });
    // counted as a duplicate-row, not also as a duplicate-key
    expectNone(wb, "duplicate-key");
  });

  it("does not trigger when one cell differs", function () {
    expectNone(addRows(clean(), THT, [copyOfRow3("Huyện Tân Hiệp")]), "duplicate-row");
  });
});

describeCode("duplicate-key", function () {
  const sameName = (district: string): CellValue[] => [
    4,
    "THT nuôi tôm An Biên",
    district,
    "Thủy sản",
    d(2021, 1, 1),
    12,
    90,
    2,
    12,
  ];

  it("triggers on the same name in the same district", function () {
    expectOne(addRows(clean(), THT, [sameName("An Biên")]), "duplicate-key", {
      sheet: THT,
      cell: "B5",
      field: "name",
      severity: "error",
    });
  });

  it("triggers on the same reg_code", function () {
    const row: CellValue[] = [6, "HTX Dịch vụ Kiên Lương", "1701000002", "Kiên Lương", "HTX"];
    row.push("Dịch vụ", d(2019, 1, 1), null, "Đang hoạt động", 7, null, 100, null, 7);
    expectOne(addRows(clean(), HTX, [row]), "duplicate-key", {
      sheet: HTX,
      cell: "C7",
      field: "reg_code",
      severity: "error",
    });
  });

  it("triggers on the same district written with and without its prefix", function () {
    expectOne(addRows(clean(), THT, [sameName("Huyện An Biên")]), "duplicate-key", {
      sheet: THT,
      cell: "B5",
      field: "name",
      severity: "error",
    });
  });

  it("does not trigger on the same name in two different districts", function () {
    expectNone(addRows(clean(), THT, [sameName("Huyện Tân Hiệp")]), "duplicate-key");
  });
});

describeCode("unknown-unit", function () {
  it('triggers on "Quận 1"', function () {
    expectOne(setCell(clean(), THT, "C3", "Quận 1"), "unknown-unit", {
      sheet: THT,
      cell: "C3",
      field: "district",
      severity: "warning",
    });
  });

  it('does not trigger on "TP. Rạch Giá", "Huyện Tân Hiệp" or other prefixes', function () {
    expectNone(clean(), "unknown-unit");
    expectNone(setCell(clean(), THT, "C3", "Thành phố Rạch Giá"), "unknown-unit");
    expectNone(setCell(clean(), THT, "C3", "Thị xã Hà Tiên"), "unknown-unit");
    expectNone(setCell(clean(), THT, "C3", "TP Phú Quốc"), "unknown-unit");
  });
});

describeCode("unknown-htx", function () {
  it("triggers on a fair naming an HTX not in the HTX sheet", function () {
    expectOne(setCell(clean(), FAIRS, "H3", "HTX Không Có Thật"), "unknown-htx", {
      sheet: FAIRS,
      cell: "H3",
      field: "htx_names",
      severity: "warning",
    });
  });

  it("raises one issue per unknown name", function () {
    const wb = setCell(clean(), FAIRS, "H2", "HTX Một; HTX Hai");
    assert.equal(issuesOf(wb, "unknown-htx").length, 2);
  });

  it("does not trigger on a known HTX, also written in its long form", function () {
    expectNone(clean(), "unknown-htx");
    expectNone(setCell(clean(), FAIRS, "H3", "Hợp tác xã Nông nghiệp Tân Hiệp"), "unknown-htx");
  });
});

describeCode("count-mismatch", function () {
  it("triggers on htx_count 3 with two names", function () {
    expectOne(setCell(clean(), FAIRS, "F2", 3), "count-mismatch", {
      sheet: FAIRS,
      cell: "F2",
      field: "htx_count",
      severity: "warning",
    });
  });

  it("does not trigger on htx_count 2 with two names (; or line break)", function () {
    expectNone(clean(), "count-mismatch");
    const wb = setCell(clean(), FAIRS, "H2", "HTX Nông nghiệp Tân Hiệp\nHTX Vận tải Rạch Giá");
    expectNone(wb, "count-mismatch");
  });
});

describeCode("total-mismatch", function () {
  // Members 10 + 25 + 26 = 61, capital 100 + 150 + 200 = 450, area 5 + 8.5 + 1.2 = 14.7,
  // workers 12 + 30 + 26 = 68.
  const total = (members: number, capital: number): CellValue[] => [
    null,
    "Tổng cộng",
    null,
    null,
    null,
    members,
    capital,
    14.7,
    68,
  ];

  it("triggers on a wrong grand total, one issue per wrong cell", function () {
    expectOne(addRows(clean(), THT, [total(61, 460)]), "total-mismatch", {
      sheet: THT,
      cell: "G5",
      field: "capital",
      severity: "error",
    });
    const two = issuesOf(addRows(clean(), THT, [total(60, 460)]), "total-mismatch");
    assert.deepEqual(
      two.map((i) => i.cell),
      ["F5", "G5"]
    );
  });

  it("does not trigger on a correct total (not counted as data either)", function () {
    const wb = addRows(clean(), THT, [total(61, 450)]);
    const a = run(wb);
    assert.equal(show(a.issues), "");
    assert.equal(a.indicators.find((i) => i.code === "tht.members")?.actual, 61);
  });

  it('uses the decimals of the number format "#,##0.00" as tolerance', function () {
    const wb = setCells(addRows(clean(), THT, [total(61, 450)]), THT, {
      G2: 100.123,
      G3: 150.456,
    }); // sum 450.579
    const fmt = (x: number) => setFormat(setCell(wb, THT, "G5", x), THT, "G5", "#,##0.00");
    expectNone(fmt(450.58), "total-mismatch"); // within 0.005
    expectNone(fmt(450.575), "total-mismatch");
    expectOne(fmt(450.59), "total-mismatch", {
      sheet: THT,
      cell: "G5",
      field: "capital",
      severity: "error",
    });
    // 450.6 would pass at one decimal shown, not at two
    expectNone(setFormat(setCell(wb, THT, "G5", 450.6), THT, "G5", "#,##0.0"), "total-mismatch");
    expectOne(fmt(450.6), "total-mismatch", {
      sheet: THT,
      cell: "G5",
      field: "capital",
      severity: "error",
    });
  });

  it("does not trigger on a total shown rounded half-up to the decimals of its format", function () {
    // 100.5 + 150 + 200.25 = 450.75, shown with one decimal as 450.8 (off by exactly 0.05)
    const wb = setCells(addRows(clean(), THT, [total(61, 450.8)]), THT, { G2: 100.5, G4: 200.25 });
    expectNone(setFormat(wb, THT, "G5", "#,##0.0"), "total-mismatch");
    expectNone(setCell(wb, THT, "G5", "450,8"), "total-mismatch");
  });

  it("reads a total typed as Vietnamese text", function () {
    expectNone(
      setCell(addRows(clean(), THT, [total(61, 450)]), THT, "G5", "450,00"),
      "total-mismatch"
    );
    expectOne(
      setCell(addRows(clean(), THT, [total(61, 450)]), THT, "G5", "1.450"),
      "total-mismatch",
      {
        sheet: THT,
        cell: "G5",
        field: "capital",
        severity: "error",
      }
    );
  });

  it("checks group subtotals against the rows of their group", function () {
    const rows = (sub1: number): CellValue[][] => [
      [...THT_HEADER],
      ["I", "Huyện Tân Hiệp"],
      [1, "THT lúa Thạnh Đông", null, "Nông nghiệp", d(2018, 1, 1), 10, 100.25, 2, 10],
      [2, "THT lúa Thạnh Trị", null, "Nông nghiệp", d(2019, 1, 1), 12, 50.5, 3, 12],
      [null, "Cộng", null, null, null, 22, sub1, 5, 22],
      ["II", "Huyện Hòn Đất"],
      [1, "THT tôm Hòn Đất", null, "Thủy sản", d(2020, 1, 1), 8, 30, 1, 8],
      [null, "Cộng huyện Hòn Đất", null, null, null, 8, 30, 1, 8],
      [null, "Tổng cộng", null, null, null, 30, 180.75, 6, 30],
    ];
    const ok = run(putSheet(clean(), sheet(THT, rows(150.75))));
    assert.equal(show(ok.issues.filter((i) => i.sheet === THT)), "");
    assert.equal(ok.read.sheets[0].records.length, 3);
    expectOne(putSheet(clean(), sheet(THT, rows(151.75))), "total-mismatch", {
      sheet: THT,
      cell: "G5",
      field: "capital",
      severity: "error",
    });
  });
});

describe("duplicate-row (plan targets)", function () {
  it("triggers on a target given twice; the later one wins", function () {
    const wb = addRows(clean(), PLAN, [["tht.new", "THT thành lập mới", "THT", 2022, 4, null]]);
    expectOne(wb, "duplicate-row", {
      sheet: PLAN,
      cell: "E12",
      field: "target",
      severity: "warning",
    });
    assert.equal(indicator(run(wb), "tht.new").plan, 4);
  });

  it("does not trigger on the same indicator for another year", function () {
    expectNone(
      addRows(clean(), PLAN, [["tht.new", "THT thành lập mới", "THT", 2023, 4, null]]),
      "duplicate-row"
    );
  });
});

describeCode("plan-missing", function () {
  it("triggers when a plannable indicator has no target for the year", function () {
    const i = expectOne(removeRow(clean(), PLAN, 3), "plan-missing", {
      sheet: PLAN,
      cell: null,
      field: null,
      severity: "info",
    });
    assert.match(i.message, /Tổ viên THT mới/);
    assert.match(i.message, /2022/);
  });

  it("triggers when the target is for another year only", function () {
    expectOne(setCell(clean(), PLAN, "D3", 2023), "plan-missing", {
      sheet: PLAN,
      cell: null,
      field: null,
      severity: "info",
    });
  });

  it("does not trigger when every plannable indicator has a target, or with no plan sheet", function () {
    expectNone(clean(), "plan-missing");
    expectNone(removeSheet(clean(), PLAN), "plan-missing");
  });
});

describeCode("percent-mismatch", function () {
  it("triggers on a typed 75 for 14/8", function () {
    expectOne(setCell(clean(), PLAN, "F6", 75), "percent-mismatch", {
      sheet: PLAN,
      cell: "F6",
      field: "percent",
      severity: "error",
    });
  });

  it("does not trigger on a typed 102 for 51/50, or 175 for 14/8", function () {
    const a = run(clean());
    const ind = a.indicators.find((i) => i.code === "tht.new.members");
    assert.equal(ind?.actual, 51);
    assert.equal(ind?.plan, 50);
    assert.equal(a.indicators.find((i) => i.code === "htx.new.members")?.actual, 14);
    expectNone(clean(), "percent-mismatch");
  });

  it("reads a percentage cell formatted as % (1.02 shown as 102%)", function () {
    const wb = setFormat(setCell(clean(), PLAN, "F3", 1.02), PLAN, "F3", "0%");
    expectNone(wb, "percent-mismatch");
    const bad = setFormat(setCell(clean(), PLAN, "F3", 0.75), PLAN, "F3", "0%");
    expectOne(bad, "percent-mismatch", {
      sheet: PLAN,
      cell: "F3",
      field: "percent",
      severity: "error",
    });
  });
});

describeCode("no-dissolved", function () {
  it("triggers when the HTX list has no dissolved row", function () {
    expectOne(removeRow(clean(), HTX, 6), "no-dissolved", {
      sheet: HTX,
      cell: null,
      field: null,
      severity: "info",
    });
  });

  it("does not trigger with a dissolved row (by date or by status)", function () {
    expectNone(clean(), "no-dissolved");
    expectNone(setCell(clean(), HTX, "I6", null), "no-dissolved");
  });
});

describe("checks: every issue code is covered", function () {
  it("has a describe() for each of ISSUE_CODES", function () {
    assert.deepEqual(
      ISSUE_CODES.filter((c) => !covered.has(c)),
      []
    );
    assert.equal(ISSUE_CODES.length, 28);
  });
});

// ---------------------------------------------------------------- indicators

function indicator(a: Analysis, code: string) {
  const ind = a.indicators.find((i) => i.code === code);
  assert.ok(ind, `no indicator ${code}`);
  return ind;
}

function close(actual: number | null, expected: number, what: string): void {
  assert.ok(actual !== null, `${what} is null`);
  assert.ok(
    Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected)),
    `${what}: ${actual} != ${expected}`
  );
}

function values(a: Analysis, codes: string[]): Record<string, number | null> {
  return Object.fromEntries(codes.map((c) => [c, indicator(a, c).actual]));
}

describe("indicators", function () {
  it("baseline figures: LHHTX only in union.*, QTDND apart, training and fairs by kind", function () {
    const a = run(clean());
    assert.deepEqual(
      values(a, [
        "tht.new",
        "tht.new.members",
        "tht.total",
        "tht.total.nong_nghiep",
        "tht.total.phi_nong_nghiep",
        "htx.new",
        "htx.new.members",
        "htx.active",
        "htx.active.prev",
        "htx.dissolved",
        "htx.active.nong_nghiep",
        "htx.active.phi_nong_nghiep",
        "htx.active.qtdnd",
        "htx.area",
        "union.new",
        "union.new.member_coops",
        "union.new.area",
        "training.quan_ly.courses",
        "training.quan_ly.participants",
        "training.nang_luc.courses",
        "training.tuyen_truyen.sessions",
        "fairs.htx",
        "fairs.events",
        "fairs.conference.htx",
        "fairs.connect.products",
        "loans.projects",
      ]),
      {
        "tht.new": 2,
        "tht.new.members": 51,
        "tht.total": 3,
        "tht.total.nong_nghiep": 2,
        "tht.total.phi_nong_nghiep": 1,
        "htx.new": 1,
        "htx.new.members": 14,
        "htx.active": 3,
        "htx.active.prev": 3,
        "htx.dissolved": 1,
        "htx.active.nong_nghiep": 1,
        "htx.active.phi_nong_nghiep": 1,
        "htx.active.qtdnd": 1,
        "htx.area": 30,
        "union.new": 1,
        "union.new.member_coops": 3,
        "union.new.area": 100,
        "training.quan_ly.courses": 1,
        "training.quan_ly.participants": 60,
        "training.nang_luc.courses": 1,
        "training.tuyen_truyen.sessions": 1,
        "fairs.htx": 2,
        "fairs.events": 1,
        "fairs.conference.htx": 1,
        "fairs.connect.products": 8,
        "loans.projects": null,
      }
    );
    close(indicator(a, "union.new.charter_capital").actual, 1e9, "union.new.charter_capital");
    close(indicator(a, "tht.new.members").percent, 1.02, "percent of plan");
  });

  it("active / new / dissolved / suspended definitions", function () {
    const active = "Đang hoạt động";
    const row = (
      n: number,
      name: string,
      kind: string,
      sector: string,
      founded: CellValue,
      dissolved: CellValue,
      status: string
    ): CellValue[] => [
      n,
      name,
      `17020000${n}`,
      "Gò Quao",
      kind,
      sector,
      founded,
      dissolved,
      status,
      10,
      null,
      100,
      1,
      10,
    ];
    const wb = putSheet(
      clean(),
      sheet(HTX, [
        [...HTX_HEADER],
        row(1, "HTX cũ", "HTX", "Nông nghiệp", d(2015, 1, 1), null, active),
        row(2, "HTX mới", "HTX", "Nông nghiệp", d(2022, 3, 10), null, active),
        row(
          3,
          "HTX giải thể 2022",
          "HTX",
          "Nông nghiệp",
          d(2010, 1, 1),
          d(2022, 6, 15),
          "Giải thể"
        ),
        row(4, "HTX tạm ngừng", "HTX", "Nông nghiệp", d(2012, 1, 1), null, "Ngừng hoạt động"),
        row(5, "HTX giải thể không ngày", "HTX", "Nông nghiệp", d(2012, 1, 1), null, "Giải thể"),
        row(6, "HTX không rõ ngày lập", "HTX", "Vận tải", null, null, active),
        row(
          7,
          "Liên hiệp HTX Gò Quao",
          "Liên hiệp HTX",
          "Nông nghiệp",
          d(2022, 2, 2),
          null,
          active
        ),
        row(8, "Quỹ TDND Gò Quao", "Quỹ TDND", "Nông nghiệp", d(2001, 1, 1), null, active),
        row(9, "HTX tín dụng Gò Quao", "HTX", "Tín dụng", d(2001, 1, 1), null, active),
      ])
    );
    const a = run(wb);
    assert.deepEqual(
      values(a, [
        "htx.new",
        "htx.active",
        "htx.active.prev",
        "htx.dissolved",
        "htx.suspended",
        "htx.active.nong_nghiep",
        "htx.active.phi_nong_nghiep",
        "htx.active.qtdnd",
        "htx.active.unclassified",
        "htx.members",
        "union.new",
      ]),
      {
        "htx.new": 1, // row 2 only: blank founded is never new, the LHHTX is a union
        "htx.active": 5, // 1, 2, 6, 8, 9
        "htx.active.prev": 6, // 1, 3, 4 (suspended with no date: from Y on), 6, 8, 9
        "htx.dissolved": 1, // row 3
        "htx.suspended": 1, // row 4
        "htx.active.nong_nghiep": 2, // 1, 2 (the QTDND by kind is not nong_nghiep)
        "htx.active.phi_nong_nghiep": 1, // 6
        "htx.active.qtdnd": 2, // 8 by kind, 9 by sector
        "htx.active.unclassified": 0,
        "htx.members": 50,
        "union.new": 1,
      }
    );
    assert.equal(indicator(a, "htx.active").previous, 6);
    assert.equal(indicator(a, "htx.new").previous, 0);
    const rowsOf = (x: Analysis, code: string) => indicator(x, code).sources.flatMap((s) => s.rows);
    assert.deepEqual(rowsOf(a, "htx.active"), [2, 3, 7, 9, 10]);
    // A dissolved status with no date (sheet row 6) is active in no year.
    for (const y of [2005, 2013, 2021, 2022]) {
      assert.ok(!rowsOf(run(wb, y), "htx.active").includes(6), `row 6 active in ${y}`);
    }
    // Reporting on 2021, the suspended row with no date counts as suspended from 2021 on.
    const a2021 = run(wb, 2021);
    assert.equal(indicator(a2021, "htx.active").actual, 5); // rows 2, 4, 7, 9, 10
    assert.equal(indicator(a2021, "htx.suspended").actual, 1);
  });

  it("a sheet that is missing gives null (unavailable), a present sheet with no rows in Y gives 0", function () {
    const a = run(removeSheet(clean(), TRAINING, THT));
    for (const code of [
      "training.quan_ly.courses",
      "training.tuyen_truyen.participants",
      "tht.new",
      "tht.total",
      "tht.capital",
    ]) {
      assert.equal(indicator(a, code).actual, null, code);
      assert.equal(indicator(a, code).percent, null, code);
    }
    assert.equal(indicator(a, "fairs.htx").actual, 2);
    const wb = setCells(clean(), TRAINING, { D2: d(2021, 3, 1), D3: d(2021, 4, 1), D4: null });
    const b = run(wb);
    assert.equal(indicator(b, "training.quan_ly.courses").actual, 0);
    assert.equal(indicator(b, "training.tuyen_truyen.sessions").actual, 0); // no date: no year
    assert.equal(indicator(b, "training.quan_ly.courses").previous, 1);
  });

  it("money is scaled from the header unit (triệu đồng vs đồng) and area from m2", function () {
    const a = run(clean());
    close(indicator(a, "tht.capital").actual, 450, "tht.capital (triệu đồng)");
    close(indicator(a, "htx.charter_capital").actual, 2.8e9, "htx.charter_capital (đồng)");
    close(indicator(a, "tht.area").actual, 14.7, "tht.area (ha)");

    const dong = setCells(clean(), THT, {
      G1: "Vốn góp (đồng)",
      G2: 100e6,
      G3: 150e6,
      G4: 200e6,
      H1: "Diện tích (m2)",
      H2: 50000,
      H3: 85000,
      H4: 12000,
    });
    const b = run(dong);
    close(indicator(b, "tht.capital").actual, 450, "tht.capital from đồng");
    close(indicator(b, "tht.new.capital").actual, 350, "tht.new.capital from đồng");
    close(indicator(b, "tht.area").actual, 14.7, "tht.area from m2");

    const ty = setCells(clean(), HTX, { L1: "Vốn điều lệ (tỷ đồng)", L2: 0.5, L3: 0.3, L4: 2 });
    close(indicator(run(ty), "htx.charter_capital").actual, 2.8e9, "from tỷ đồng");
  });

  it('a header without a unit takes "ĐVT: …" from the title block (at the right)', function () {
    const dvt: CellValue[] = [null, null, null, null, null, null, null, null, "ĐVT: triệu đồng"];
    const rows = [["DANH SÁCH TỔ HỢP TÁC"], dvt, ...thtRows()];
    rows[2][6] = "Vốn góp";
    const a = run(putSheet(clean(), sheet(THT, rows)));
    close(indicator(a, "tht.capital").actual, 450, "tht.capital with ĐVT");
  });

  it('a header without a unit takes "ĐVT: …" from the line right above it (column A)', function () {
    const rows = [["DANH SÁCH TỔ HỢP TÁC"], ["ĐVT: triệu đồng"], ...thtRows()];
    rows[2][6] = "Vốn góp";
    const a = run(putSheet(clean(), sheet(THT, rows)));
    assert.deepEqual(a.read.sheets[0].header.rows, [2], "the ĐVT line is not a header row");
    close(indicator(a, "tht.capital").actual, 450, "tht.capital with ĐVT");
    assert.equal(show(a.issues.filter((i) => i.sheet === THT)), "");
  });

  it("duplicates are counted once", function () {
    const dupKey: CellValue[] = [
      4,
      "THT nuôi tôm An Biên",
      "An Biên",
      "Thủy sản",
      d(2021, 1, 1),
      12,
      90,
      2,
      12,
    ];
    const dupRow: CellValue[] = [
      5,
      "THT trồng lúa Tân Hiệp",
      "Huyện Tân Hiệp",
      "Nông nghiệp",
      d(2018, 3, 5),
      10,
      100,
      5,
      12,
    ];
    const a = run(addRows(clean(), THT, [dupKey, dupRow]));
    assert.equal(indicator(a, "tht.total").actual, 3);
    assert.equal(indicator(a, "tht.members").actual, 61);
    close(indicator(a, "tht.capital").actual, 450, "tht.capital");
    assert.equal(indicator(a, "tht.new").actual, 2);
  });
});
