/*
 * The HTX.* functions' error messages, word for word: the words come from the string tables
 * (Strings.functions in src/i18n/vi.ts and en.ts), written in both languages, Vietnamese first.
 */
import assert from "node:assert/strict";
import { ErrorCode, StubError } from "./stub";
import {
  activeAt,
  newIn,
  planPercent,
  planText,
  unicode,
  vnd,
} from "../../src/functions/functions";

const { invalidValue: VALUE, notAvailable: NA } = ErrorCode;

/** A column range from values. */
const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

/** Every message, with the call that gives it: [call, code, message]. */
const MESSAGES: Array<[() => unknown, string, string]> = [
  [
    () => planPercent([[{ type: "Error", basicValue: "#N/A" }]], [[1]]),
    NA,
    "Ô nguồn có lỗi / The source cell holds an error",
  ],
  [
    () => planPercent([[{ type: "Error", basicValue: "#REF!" }]], [[1]]),
    VALUE,
    "Ô nguồn có lỗi #REF! / The source cell holds #REF!",
  ],
  [
    () => planPercent([[{ type: "Entity", text: "x" }]], [[1]]),
    VALUE,
    "Kiểu dữ liệu không đọc được / Unsupported data type",
  ],
  [() => planPercent([["abc"]], [[1]]), VALUE, 'actual: "abc" không phải là số / is not a number'],
  [
    () => planPercent([[1]], [[true]]),
    VALUE,
    "plan: TRUE/FALSE không phải là số / is not a number",
  ],
  [
    () => activeAt(col(2020), col(null), true),
    VALUE,
    "date: TRUE/FALSE không phải là ngày / is not a date",
  ],
  [
    () => activeAt(col(2020), col(null), "31/02/2022"),
    VALUE,
    'date: "31/02/2022" là ngày không có thật / is not a real date',
  ],
  [
    () => activeAt(col(2020), col(null), "hôm nay"),
    VALUE,
    'date: "hôm nay" không phải là ngày / is not a date',
  ],
  [
    () => planText([[1]], [[1]], true as unknown as string),
    VALUE,
    "lang: giá trị không hợp lệ / invalid value",
  ],
  [
    () => planPercent(col(1, 2), col(1, 2, 3)),
    NA,
    "Hai vùng khác kích thước / The two ranges differ in size",
  ],
  [() => planText([[1]], [[1]], "fr"), VALUE, 'lang: "vi" hoặc/or "en"'],
  [() => vnd([[1]], "euro"), VALUE, 'style: "words" hoặc/or "digits"'],
  [
    () => unicode([["x"]], "utf-16"),
    VALUE,
    'encoding: "tcvn3", "vni" hoặc tên phông / or a font name (".VnTime", "VNI-Times")',
  ],
  [() => activeAt(col(2020), col(null), null), VALUE, "date: chưa có ngày xét / no date given"],
  [
    () => activeAt(col(2020, 2021), col(null, null, null), 2022),
    VALUE,
    "founded, dissolved: hai vùng phải cùng kích thước / the ranges must be the same size",
  ],
  [() => newIn(col(2022), null), VALUE, "year: chưa có năm / no year given"],
  [
    () => activeAt(col(2020, "mới lập"), col(null, null), 2022),
    VALUE,
    'founded (dòng 2, cột 1 / row 2, column 1): "mới lập" không phải là ngày / is not a date',
  ],
  [
    () => newIn([[2020, 2021, "x"]], 2022),
    VALUE,
    'founded (dòng 1, cột 3 / row 1, column 3): "x" không phải là ngày / is not a date',
  ],
];

/** The last cell of a result (the #N/A of a size mismatch is past the smaller range). */
function lastCell(v: unknown): unknown {
  while (Array.isArray(v)) v = v[v.length - 1];
  return v;
}

describe("functions: error messages, in both languages", () => {
  it("writes each message word for word", () => {
    for (const [call, code, message] of MESSAGES) {
      const got = lastCell(call());
      assert.ok(got instanceof StubError, `${message}: got ${JSON.stringify(got)}`);
      assert.equal(got.code, code, message);
      assert.equal(got.message, message);
    }
  });
});
