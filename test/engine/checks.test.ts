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
} from "../support/sheets";

const REPORT = 44914; // 19/12/2022
const YEAR = 2022;

const THT = "DS THT";
const HTX = "DS HTX";
const TRAINING = "Tập huấn";
const FAIRS = "Hội chợ";
const PLAN = "Kế hoạch";

// DS THT: A STT | B name | C district | D sector | E founded | F members | G capital (triệu) | H area (ha) | I workers
const THT_HEADER: CellValue[] = [
  "STT",
  "Tên THT",
  "Huyện",
  "Lĩnh vực",
  "Ngày thành lập",
  "Số tổ viên",
  "Vốn góp (triệu đồng)",
  "Diện tích (ha)",
  "Lao động",
];
function thtRows(): CellValue[][] {
  return [
    THT_HEADER,
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
    HTX_HEADER,
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

describe("checks: baseline", function () {
  it("the report serial is 19/12/2022", function () {
    assert.equal(serialFromYmd(2022, 12, 19), REPORT);
  });
  it("the clean workbook has no issues", function () {
    const a = run(clean());
    assert.deepEqual(
      a.issues.map((i) => `${i.code} ${i.sheet}!${i.cell}: ${i.message_en}`),
      []
    );
  });
});
