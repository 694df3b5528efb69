/// <reference types="custom-functions-runtime" />
/*
 * The HTX.* custom functions (DOMAIN §7). One source of truth: every figure and phrase comes from
 * the engine's own parsing (parse/number, parse/date), wording (format/vi), decoding
 * (text/legacy) and indicator rules (indicators/active) — the code that writes the summary sheet.
 *
 * Metadata: the JSDoc of each function is its English help, read by custom-functions-metadata-
 * plugin into dist/functions.json; `@vi` and `@viparam <param> <vietnamese_name> <help>` beside
 * it are the Vietnamese help, which webpack.config.js writes into dist/functions.vi-VN.json (the
 * build fails when one is missing). The plugin also appends the CustomFunctions.associate calls.
 *
 * Calling conventions (see cells.ts): ranges arrive as 2-D arrays; the element-wise functions
 * (all but ACTIVE_AT and NEW_IN) return a 2-D array of the combined shape (a single cell
 * broadcasts); a blank cell and an omitted optional arrive as null. Numbers typed as text are
 * read the Vietnamese way ("1.830,51" = 1830.51, "1.830" = 1830, "1,5" = 1.5, "17 tỷ 792 triệu").
 * Bad input gives an Excel error value in that cell, never an exception:
 *   #VALUE!  text that is not a number or date, an unknown option (with a message);
 *   #DIV/0!  a plan or previous value that is 0 or blank;
 *   #NUM!    a number out of range (decimals not 0..20, a negative plan in PLAN_TEXT, a serial
 *            that is no date);
 *   #N/A     a cell outside the smaller of two ranges of different sizes.
 * A blank actual (current, amount, value, text) gives a blank cell ("") — nothing to show yet.
 *
 * Rounding rules (all from src/engine/format/vi.ts; docs/functions.md has the user's version):
 *  - PLAN_PERCENT, GROWTH and PARSE_NUMBER return unrounded numbers: round with the cell format.
 *  - Rounding is half up, i.e. half away from zero (2,5 → 3; −2,5 → −3), done on the decimal
 *    value at 15 significant digits so binary noise does not flip a half: 1,005 → 1,01 and
 *    1,015 × 100 = 101,5 → 102 (not 101).
 *  - PLAN_TEXT: the percent actual ÷ plan × 100 rounded half up to a whole number; when that
 *    would show 100 for a ratio that is not exactly 1, one decimal instead (more, up to 6, only if
 *    still 100): 249/250 → "đạt 99,6% kế hoạch", 251/250 → "đạt và vượt 100,4% kế hoạch", exactly
 *    equal → "đạt 100% kế hoạch". "đạt và vượt" when actual > plan, "đạt" otherwise.
 *  - NUMBER_VI: without decimals, rounded half up to at most 2 decimals and trailing zeros
 *    dropped ("1.830,5"); with decimals d (0..20), rounded half up to exactly d decimals.
 *    Thousands are always grouped ("2.183"), negatives written "-1.234", never "-0".
 *  - VND: rounded half up to whole đồng first; words style writes tỷ / triệu / nghìn / đồng
 *    groups, groups after the first padded to 3 digits, zero groups skipped ("8 tỷ 076 triệu
 *    287 nghìn đồng"); digits style "8.076.287.000 đồng".
 *  - RATIO: each side as written, an integer 0..9 padded to two digits ("06/04"), others with
 *    NUMBER_VI's default ("1.830,51/2.000").
 */
import { activeOn, foundedInYear, periodEndSerial } from "../engine/indicators/active";
import { formatNumberVi, formatPlanText, formatRatio, formatVnd } from "../engine/format/vi";
import { LegacyEncoding, looksLegacy, toUnicode } from "../engine/text/legacy";
import {
  asMatrix,
  both,
  ErrorCodes,
  excelError,
  isError,
  map1,
  map2,
  plainValue,
  readDate,
  readNumber,
  readOption,
} from "./cells";

/** The engine's formatters throw RangeError for input they cannot write: that is #NUM!. */
function guard(f: () => string): string | CustomFunctions.Error {
  try {
    return f();
  } catch {
    return excelError(ErrorCodes.number);
  }
}

/** A blank first argument gives a blank cell. */
const BLANK = "";

/**
 * A quotient of two cells: a blank numerator gives a blank cell, a blank or 0 denominator
 * #DIV/0!, an unreadable one its error.
 */
function divided(
  a: unknown,
  aName: string,
  b: unknown,
  bName: string,
  f: (x: number, y: number) => number
): unknown {
  const x = readNumber(a, aName);
  if (x === null) return BLANK;
  if (typeof x !== "number") return x;
  const y = readNumber(b, bName);
  if (typeof y !== "number") return y === null ? excelError(ErrorCodes.divisionByZero) : y;
  if (y === 0) return excelError(ErrorCodes.divisionByZero);
  return f(x, y);
}

/**
 * Actual ÷ plan as a fraction, to format as %. #DIV/0! when the plan is 0 or blank. Works cell by cell over ranges.
 * @customfunction PLAN_PERCENT
 * @vi Thực hiện ÷ kế hoạch, định dạng ô là %. #DIV/0! khi kế hoạch bằng 0 hoặc trống. Tính từng ô trên vùng.
 * @param actual Actual figures: numbers, or numbers typed as text ("1.830,51").
 * @viparam actual thuc_hien Số thực hiện: số, hoặc số gõ dạng chữ ("1.830,51").
 * @param plan Plan figures: a range of the same size, or one cell.
 * @viparam plan ke_hoach Số kế hoạch: vùng cùng kích thước, hoặc một ô.
 * @returns actual / plan, unrounded.
 */
export function planPercent(actual: any[][], plan: any[][]): any[][] {
  return map2(actual, plan, (a, p) => divided(a, "actual", p, "plan", (x, y) => x / y));
}

function readLang(lang: unknown): "vi" | "en" | CustomFunctions.Error {
  const t = readOption(lang, "lang");
  if (t === null) return "vi";
  if (typeof t !== "string") return t;
  if (t === "vi" || t.startsWith("vi-") || t === "tiếng việt" || t === "tieng viet") return "vi";
  if (t === "en" || t.startsWith("en-") || t === "english" || t === "tiếng anh") return "en";
  return excelError(ErrorCodes.value, `lang: "vi" ${both((s) => s.or, "/")} "en"`);
}

/**
 * The plan phrase of the reports: "đạt và vượt 102% kế hoạch" above plan, "đạt 75% kế hoạch" below; lang "en" gives English.
 * @customfunction PLAN_TEXT
 * @vi Cụm từ so với kế hoạch như trong báo cáo: "đạt và vượt 102% kế hoạch" khi vượt, "đạt 75% kế hoạch" khi chưa đạt.
 * @param actual Actual figures: numbers, or numbers typed as text.
 * @viparam actual thuc_hien Số thực hiện: số, hoặc số gõ dạng chữ.
 * @param plan Plan figures (greater than 0): a range of the same size, or one cell.
 * @viparam plan ke_hoach Số kế hoạch (lớn hơn 0): vùng cùng kích thước, hoặc một ô.
 * @param [lang] Optional: "vi" (default) or "en" for English.
 * @viparam lang ngon_ngu Tùy chọn: "vi" (mặc định) hoặc "en" cho tiếng Anh.
 * @returns The phrase, e.g. "đạt và vượt 102% kế hoạch".
 */
export function planText(actual: any[][], plan: any[][], lang?: string): any[][] {
  const language = readLang(lang);
  if (typeof language !== "string") return [[language]];
  return map2(actual, plan, (a, p) => {
    const x = readNumber(a, "actual");
    if (x === null) return BLANK;
    if (typeof x !== "number") return x;
    const y = readNumber(p, "plan");
    if (typeof y !== "number") return y === null ? excelError(ErrorCodes.divisionByZero) : y;
    if (y === 0) return excelError(ErrorCodes.divisionByZero);
    return guard(() => formatPlanText(x, y, language));
  });
}

/**
 * Actual/plan as the reports write it: "51/50", "06/04" (two digits below ten).
 * @customfunction RATIO
 * @vi Thực hiện/kế hoạch như trong báo cáo: "51/50", "06/04" (số dưới 10 viết hai chữ số).
 * @param actual Actual figures: numbers, or numbers typed as text.
 * @viparam actual thuc_hien Số thực hiện: số, hoặc số gõ dạng chữ.
 * @param plan Plan figures: a range of the same size, or one cell.
 * @viparam plan ke_hoach Số kế hoạch: vùng cùng kích thước, hoặc một ô.
 * @returns The text "actual/plan".
 */
export function ratio(actual: any[][], plan: any[][]): any[][] {
  return map2(actual, plan, (a, p) => {
    const x = readNumber(a, "actual");
    if (typeof x !== "number") return x === null ? BLANK : x;
    const y = readNumber(p, "plan");
    if (typeof y !== "number") return y === null ? BLANK : y;
    return guard(() => formatRatio(x, y));
  });
}

/**
 * Change on the previous year: (current − previous) ÷ previous, to format as %. #DIV/0! when previous is 0 or blank.
 * @customfunction GROWTH
 * @vi Tăng, giảm so với năm trước: (năm nay − năm trước) ÷ năm trước, định dạng %. #DIV/0! khi năm trước bằng 0 hoặc trống.
 * @param current This year's figures: numbers, or numbers typed as text.
 * @viparam current nam_nay Số năm nay: số, hoặc số gõ dạng chữ.
 * @param previous Last year's figures: a range of the same size, or one cell.
 * @viparam previous nam_truoc Số năm trước: vùng cùng kích thước, hoặc một ô.
 * @returns (current - previous) / previous, unrounded.
 */
export function growth(current: any[][], previous: any[][]): any[][] {
  return map2(current, previous, (c, p) =>
    divided(c, "current", p, "previous", (x, y) => (x - y) / y)
  );
}

function readStyle(style: unknown): "words" | "digits" | CustomFunctions.Error {
  const t = readOption(style, "style");
  if (t === null || t === "words" || t === "chữ" || t === "chu") return "words";
  if (t === "digits" || t === "số" || t === "so") return "digits";
  if (typeof t !== "string") return t;
  return excelError(ErrorCodes.value, `style: "words" ${both((s) => s.or, "/")} "digits"`);
}

/**
 * An amount in đồng as reports write it: "17 tỷ 792 triệu đồng"; style "digits" gives "8.076.287.000 đồng".
 * @customfunction VND
 * @vi Số tiền (đồng) viết như trong báo cáo: "17 tỷ 792 triệu đồng"; kiểu "digits" cho "8.076.287.000 đồng".
 * @param amount Amounts in đồng (not triệu đồng): numbers, or numbers typed as text.
 * @viparam amount so_tien Số tiền tính bằng đồng (không phải triệu đồng): số, hoặc số gõ dạng chữ.
 * @param [style] Optional: "words" (default) or "digits".
 * @viparam style kieu Tùy chọn: "words" (mặc định, tỷ / triệu / nghìn) hoặc "digits" (đủ các chữ số).
 * @returns The amount as text, rounded to whole đồng.
 */
export function vnd(amount: any[][], style?: string): any[][] {
  const s = readStyle(style);
  if (typeof s !== "string") return [[s]];
  return map1(amount, (a) => {
    const x = readNumber(a, "amount");
    if (typeof x !== "number") return x === null ? BLANK : x;
    return guard(() => formatVnd(x, s));
  });
}

function readDecimals(decimals: unknown): number | null | CustomFunctions.Error {
  let v = decimals;
  if (Array.isArray(v)) v = Array.isArray(v[0]) ? v[0][0] : v[0];
  const d = readNumber(v, "decimals");
  if (typeof d !== "number") return d;
  if (!Number.isInteger(d) || d < 0 || d > 20) return excelError(ErrorCodes.number);
  return d;
}

/**
 * A number with Vietnamese separators: "1.830,51" (dot groups thousands, comma marks decimals), rounded half up.
 * @customfunction NUMBER_VI
 * @vi Số viết kiểu Việt Nam: "1.830,51" (dấu chấm ngăn hàng nghìn, dấu phẩy thập phân), làm tròn nửa lên.
 * @param value Numbers to write: numbers, or numbers typed as text.
 * @viparam value gia_tri Số cần viết: số, hoặc số gõ dạng chữ.
 * @param [decimals] Optional: exact number of decimals (0 to 20); default at most 2, trailing zeros dropped.
 * @viparam decimals so_le Tùy chọn: số chữ số thập phân (0 đến 20); mặc định tối đa 2, bỏ số 0 ở cuối.
 * @returns The number as text.
 */
export function numberVi(value: any[][], decimals?: number): any[][] {
  const d = readDecimals(decimals);
  if (d !== null && typeof d !== "number") return [[d]];
  return map1(value, (v) => {
    const x = readNumber(v, "value");
    if (typeof x !== "number") return x === null ? BLANK : x;
    return guard(() => formatNumberVi(x, d ?? undefined));
  });
}

/**
 * Reads a number typed as text, Vietnamese first: "1.830,51" gives 1830.51, "17 tỷ 792 triệu" gives 17792000000.
 * @customfunction PARSE_NUMBER
 * @vi Đọc số gõ dạng chữ, ưu tiên kiểu Việt Nam: "1.830,51" thành 1830,51; "17 tỷ 792 triệu" thành 17792000000.
 * @param text Cells holding numbers typed as text (numbers pass through).
 * @viparam text van_ban Ô chứa số gõ dạng chữ (ô đã là số giữ nguyên).
 * @returns The number.
 */
export function parseNumber(text: any[][]): any[][] {
  return map1(text, (t) => {
    const x = readNumber(t, "text");
    return x === null ? BLANK : x;
  });
}

const ENCODINGS: Readonly<Record<string, LegacyEncoding>> = {
  tcvn3: "tcvn3",
  tcvn: "tcvn3",
  abc: "tcvn3",
  vni: "vni",
  "vni-windows": "vni",
  "vni windows": "vni",
};

type EncodingOption =
  | { kind: "auto" }
  | { kind: "encoding"; encoding: LegacyEncoding }
  | { kind: "font"; font: string };

function readEncoding(encoding: unknown): EncodingOption | CustomFunctions.Error {
  const t = readOption(encoding, "encoding");
  if (t === null || t === "auto") return { kind: "auto" };
  if (typeof t !== "string") return t;
  const enc = ENCODINGS[t];
  if (enc) return { kind: "encoding", encoding: enc };
  if (t.startsWith(".vn") || /^vni[-_ ]/.test(t)) {
    // A font name, in its own case: ".VnTimeH" (capital H) is a capitals font.
    const raw = firstCell(encoding);
    return { kind: "font", font: typeof raw === "string" ? raw.trim() : t };
  }
  return excelError(ErrorCodes.value, `encoding: "tcvn3", "vni" ${both((s) => s.orFontName)}`);
}

/**
 * Converts text typed in old TCVN3 (ABC) or VNI fonts to Unicode (NFC); Unicode text comes back unchanged.
 * @customfunction UNICODE
 * @vi Chuyển chữ gõ bằng phông cũ TCVN3 (ABC) hoặc VNI sang Unicode (NFC); chữ đã là Unicode giữ nguyên.
 * @param text Texts to convert.
 * @viparam text van_ban Chữ cần chuyển.
 * @param [encoding] Optional: "tcvn3", "vni" or the cell's font name (".VnTimeH"); default: detected.
 * @viparam encoding bang_ma Tùy chọn: "tcvn3", "vni" hoặc tên phông của ô (".VnTimeH"); mặc định: tự nhận biết.
 * @returns The text in Unicode.
 */
export function unicode(text: any[][], encoding?: string): any[][] {
  const opt = readEncoding(encoding);
  if (isError(opt)) return [[opt]];
  return map1(text, (t) => {
    const v = plainValue(t);
    if (v === null) return BLANK;
    if (typeof v !== "string") return v; // numbers, booleans, errors: unchanged
    if (opt.kind === "auto") return toUnicode(v).text;
    if (opt.kind === "font") return toUnicode(v, null, opt.font).text;
    // A named encoding still leaves Unicode (and plain ASCII) text alone.
    if (!looksLegacy(v, opt.encoding)) return toUnicode(v, null).text;
    return toUnicode(v, opt.encoding).text;
  });
}

/**
 * How many units were active at the date: founded on or before it and not dissolved on or before it.
 * @customfunction ACTIVE_AT
 * @vi Số đơn vị đang hoạt động tại ngày xét: thành lập từ ngày đó trở về trước và chưa giải thể đến ngày đó.
 * @param founded Founding dates (a blank date counts as founded long ago).
 * @viparam founded ngay_thanh_lap Ngày thành lập (ô trống: thành lập đã lâu).
 * @param dissolved Dissolution dates, same size as founded (blank: not dissolved).
 * @viparam dissolved ngay_giai_the Ngày giải thể, cùng kích thước với ngày thành lập (ô trống: chưa giải thể).
 * @param date The date; a year (2022) means 31/12 of that year, a month (12/2022) its last day.
 * @viparam date ngay Ngày xét; một năm (2022) là ngày 31/12 năm đó, một tháng (12/2022) là ngày cuối tháng.
 * @returns The count.
 */
export function activeAt(
  founded: any[][],
  dissolved: any[][],
  date: any
): number | CustomFunctions.Error {
  const d = readDate(firstCell(date), "date");
  if (d === null) return excelError(ErrorCodes.value, `date: ${both((s) => s.noDate)}`);
  if (isError(d)) return d;
  const end = periodEndSerial(d);
  const mf = asMatrix(founded);
  const md = asMatrix(dissolved);
  const single = md.length === 1 && md[0].length <= 1;
  if (!single && !sameShape(mf, md)) {
    return excelError(ErrorCodes.value, `founded, dissolved: ${both((s) => s.sameSize)}`);
  }
  let count = 0;
  for (let i = 0; i < mf.length; i++) {
    const row = mf[i];
    for (let j = 0; j < row.length; j++) {
      const f = readDate(row[j], `founded ${position(i, j)}`);
      if (isError(f)) return f;
      const dv = single ? md[0][0] : md[i][j];
      const x = readDate(dv, `dissolved ${position(i, j)}`);
      if (isError(x)) return x;
      if (f === null && x === null) continue; // an empty row of the range
      if (activeOn(f, x, end)) count++;
    }
  }
  return count;
}

/**
 * How many units were founded in the year.
 * @customfunction NEW_IN
 * @vi Số đơn vị thành lập mới trong năm.
 * @param founded Founding dates: date serials, text dates (dd/mm/yyyy) or years.
 * @viparam founded ngay_thanh_lap Ngày thành lập: ngày, ngày dạng chữ (dd/mm/yyyy) hoặc năm.
 * @param year The year (2022), or a date in that year.
 * @viparam year nam Năm (2022), hoặc một ngày trong năm đó.
 * @returns The count.
 */
export function newIn(founded: any[][], year: any): number | CustomFunctions.Error {
  const y = readDate(firstCell(year), "year");
  if (y === null) return excelError(ErrorCodes.value, `year: ${both((s) => s.noYear)}`);
  if (isError(y)) return y;
  const mf = asMatrix(founded);
  let count = 0;
  for (let i = 0; i < mf.length; i++) {
    const row = mf[i];
    for (let j = 0; j < row.length; j++) {
      const f = readDate(row[j], `founded ${position(i, j)}`);
      if (isError(f)) return f;
      if (foundedInYear(f, y.year)) count++;
    }
  }
  return count;
}

function firstCell(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  const row = v[0];
  return Array.isArray(row) ? row[0] : row;
}

function sameShape(a: unknown[][], b: unknown[][]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].length !== b[i].length) return false;
  return true;
}

/** "(dòng 3, cột 1 / row 3, column 1)" within the range. */
function position(i: number, j: number): string {
  const place = { row: i + 1, column: j + 1 };
  return `(${both((s) => s.position(place))})`;
}
