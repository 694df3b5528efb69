/*
 * Dates in report cells, as Excel serial day numbers of the 1900 date system: serial 1 is
 * 1900-01-01, serial 60 is Excel's fake 29/02/1900 and 61 is 1900-03-01 (44927 = 2023-01-01).
 *
 * parseDateValue reads:
 *  - numbers: an integer 1900..2100 is a YEAR (precision "year") unless `yearOnlyNumbers` is
 *    false; other numbers from 1 to 2958465 (31/12/9999) are serials, the fraction (time of day)
 *    dropped; 0, negatives, larger numbers, NaN and ±Infinity are "invalid".
 *  - JS Date objects: their UTC year/month/day (ExcelJS gives dates as UTC midnight); the time is
 *    dropped. Years outside 1900..9999 and invalid Dates are "invalid".
 *  - text, always day first: "dd/mm/yyyy", "d/m/yyyy", "d/m/yy" (yy → 20yy), the same with "-"
 *    or "." (one separator kind per date), optionally "ngày " before it and a " hh:mm[:ss]" time
 *    after it; ISO "yyyy-mm-dd" (year first, also with "/" or "."; optional time part);
 *    "mm/yyyy", "tháng 3/2022", "T3/2022" and "tháng 3 năm 2022" (precision month); "yyyy" and "năm 2022"
 *    (precision year, 1900..2100); "ngày 14 tháng 02 năm 2022", optionally after a place and a
 *    comma ("Hà Nội, ngày 14 tháng 02 năm 2022"). Any case, diacritics optional, extra spaces
 *    allowed. A text matching one of these forms but naming an impossible date (31/02/2022,
 *    00/01/2022, 15/13/2022, a year before 1900) is "invalid"; anything else is "unreadable"
 *    (digits alone such as "45000" are not read as a serial).
 *  - null, undefined and blank text → null. Other values (booleans, objects) → "unreadable".
 * Real calendar rules apply to text: "29/02/1900" is invalid even though Excel shows serial 60
 * that way (ymdFromSerial(60) still returns 1900-02-29, as Excel displays it).
 * Never throws.
 */

export type DatePrecision = "day" | "month" | "year";

export interface DateValue {
  serial: number;
  /** first day of the period */
  precision: DatePrecision;
  year: number;
  month: number;
  day: number;
}

export type DateParse =
  | { ok: true; date: DateValue; fromText: boolean }
  | { ok: false; reason: "invalid" | "unreadable" };

export interface DateParseOptions {
  /** Numbers that are integers 1900..2100 are years (default true). */
  yearOnlyNumbers?: boolean;
}

/** Largest serial Excel accepts: 31/12/9999. */
const MAX_SERIAL = 2958465;
const MIN_YEAR_ONLY = 1900;
const MAX_YEAR_ONLY = 2100;
const MAX_TEXT_LENGTH = 60;

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day 0 of the 1900 system: 1899-12-31. */
const EPOCH = daysFromCivil(1899, 12, 31);

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** True for a real calendar date (integers, month 1..12, day within the month). */
export function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

/**
 * Excel serial (1900 system) of a date. Months and days out of range roll over (month 13 is
 * January of the next year, day 32 of January is 1 February); 1900-02-29 gives Excel's fake
 * serial 60. Dates before 1900 give 0 or negative numbers.
 */
export function serialFromYmd(y: number, m: number, d: number): number {
  if (y === 1900 && m === 2 && d === 29) return 60;
  const m0 = m - 1;
  const yy = y + Math.floor(m0 / 12);
  const mm = (((m0 % 12) + 12) % 12) + 1;
  const days = daysFromCivil(yy, mm, d) - EPOCH;
  return days >= 60 ? days + 1 : days;
}

/** Year, month, day of an Excel serial (fraction dropped); serial 60 is 1900-02-29 like Excel. NaN parts for a non-finite serial. */
export function ymdFromSerial(serial: number): { year: number; month: number; day: number } {
  if (!Number.isFinite(serial)) return { year: NaN, month: NaN, day: NaN };
  const s = Math.floor(serial);
  if (s === 60) return { year: 1900, month: 2, day: 29 };
  return civilFromDays((s < 60 ? s : s - 1) + EPOCH);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "14/02/2022" (day), "02/2022" (month), "2022" (year). */
export function formatDateVi(d: DateValue): string {
  const y = String(d.year).padStart(4, "0");
  if (d.precision === "year") return y;
  if (d.precision === "month") return `${pad2(d.month)}/${y}`;
  return `${pad2(d.day)}/${pad2(d.month)}/${y}`;
}

function makeDate(year: number, month: number, day: number, precision: DatePrecision): DateValue {
  return { serial: serialFromYmd(year, month, day), precision, year, month, day };
}

const INVALID: DateParse = Object.freeze({ ok: false, reason: "invalid" });
const UNREADABLE: DateParse = Object.freeze({ ok: false, reason: "unreadable" });

function fromSerial(serial: number): DateParse {
  const s = Math.floor(serial);
  if (s < 1 || s > MAX_SERIAL) return INVALID;
  const { year, month, day } = ymdFromSerial(s);
  return { ok: true, date: { serial: s, precision: "day", year, month, day }, fromText: false };
}

function dayResult(y: number, m: number, d: number, fromText: boolean): DateParse {
  if (!isValidYmd(y, m, d) || y < 1900 || y > 9999) return INVALID;
  return { ok: true, date: makeDate(y, m, d, "day"), fromText };
}

function monthResult(y: number, m: number): DateParse {
  if (!Number.isInteger(m) || m < 1 || m > 12 || y < 1900 || y > 9999) return INVALID;
  return { ok: true, date: makeDate(y, m, 1, "month"), fromText: true };
}

function yearResult(y: number): DateParse {
  if (y < MIN_YEAR_ONLY || y > MAX_YEAR_ONLY) return INVALID;
  return { ok: true, date: makeDate(y, 1, 1, "year"), fromText: true };
}

/** Lower case, no Vietnamese diacritics ("đ" → "d"), single spaces, trimmed. */
function fold(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/\s+/g, " ")
    .trim();
}

const TIME = String.raw`(?: \d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const RE_DMY = new RegExp(
  String.raw`^(?:ngay )?(\d{1,2}) ?([/.-]) ?(\d{1,2}) ?\2 ?(\d{4}|\d{2})${TIME}$`
);
const RE_ISO =
  /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?$/;
const RE_MY = /^(?:thang |t ?)?(\d{1,2}) ?[/.-] ?(\d{4})$/;
const RE_THANG_NAM = /^thang (\d{1,2}),? nam (\d{4})$/;
const RE_NGAY = /^(?:[^,]{1,40}, ?)?ngay (\d{1,2}),? thang (\d{1,2}),? nam (\d{4})$/;
const RE_NAM = /^nam (\d{4})$/;
/** "15-16/11/2022": a span of days in one month, read as its first day. */
const RE_DAY_SPAN = /^(?:tu )?(\d{1,2}) ?- ?\d{1,2} ?([/.-]) ?(\d{1,2}) ?\2 ?(\d{4})$/;
/** "Tháng 3-4/2022": a span of months, read as its first month. */
const RE_MONTH_SPAN = /^(?:thang )?(\d{1,2}) ?- ?\d{1,2} ?[/.-] ?(\d{4})$/;
/** "Quý I/2022", "quý 4 năm 2021": a quarter, read as its first month. */
const RE_QUARTER = /^quy (i{1,3}|iv|[1-4]) ?(?:[/.-]|,? nam)? ?(\d{4})$/;
const QUARTERS: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
};
const RE_YEAR = /^\d{4}$/;

function parseDateText(raw: string): DateParse | null {
  const trimmed = raw.trim();
  if (trimmed.length === 0) return null;
  if (trimmed.length > MAX_TEXT_LENGTH) return UNREADABLE;
  // Quick exits: every accepted form has a digit.
  let hasDigit = false;
  let ascii = true;
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    if (c >= 48 && c <= 57) hasDigit = true;
    else if (c > 127 || c === 9 || c === 10 || c === 13 || (c >= 65 && c <= 90)) ascii = false;
  }
  if (!hasDigit) return UNREADABLE;
  const t = ascii ? trimmed.replace(/ {2,}/g, " ") : fold(trimmed);

  let m = RE_DMY.exec(t);
  if (m) {
    const yText = m[4];
    const y = yText.length === 2 ? 2000 + Number(yText) : Number(yText);
    return dayResult(y, Number(m[3]), Number(m[1]), true);
  }
  m = RE_ISO.exec(t);
  if (m) return dayResult(Number(m[1]), Number(m[3]), Number(m[4]), true);
  m = RE_NGAY.exec(t);
  if (m) return dayResult(Number(m[3]), Number(m[2]), Number(m[1]), true);
  m = RE_MY.exec(t) ?? RE_THANG_NAM.exec(t);
  if (m) return monthResult(Number(m[2]), Number(m[1]));
  m = RE_DAY_SPAN.exec(t);
  if (m) return dayResult(Number(m[4]), Number(m[3]), Number(m[1]), true);
  m = RE_MONTH_SPAN.exec(t);
  if (m) return monthResult(Number(m[2]), Number(m[1]));
  m = RE_QUARTER.exec(t);
  if (m) return monthResult(Number(m[2]), (QUARTERS[m[1]] - 1) * 3 + 1);
  m = RE_NAM.exec(t);
  if (m) return yearResult(Number(m[1]));
  if (RE_YEAR.test(t)) {
    const y = Number(t);
    return y >= MIN_YEAR_ONLY && y <= MAX_YEAR_ONLY ? yearResult(y) : UNREADABLE;
  }
  return UNREADABLE;
}

function isDate(v: unknown): v is Date {
  return v instanceof Date || Object.prototype.toString.call(v) === "[object Date]";
}

/**
 * Read a cell value as a date. Numbers: an integer 1900..2100 is a YEAR (precision "year"),
 * other positive numbers are serials (fraction = time, dropped). Strings: see the comment at
 * the top of this file. `yearOnlyNumbers` defaults to true. Null for blank (null, undefined,
 * text that is empty or only spaces).
 */
export function parseDateValue(v: unknown, options?: DateParseOptions): DateParse | null {
  try {
    if (v === null || v === undefined) return null;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return INVALID;
      const yearOnly = options?.yearOnlyNumbers ?? true;
      if (yearOnly && Number.isInteger(v) && v >= MIN_YEAR_ONLY && v <= MAX_YEAR_ONLY) {
        return { ok: true, date: makeDate(v, 1, 1, "year"), fromText: false };
      }
      return fromSerial(v);
    }
    if (typeof v === "string") return parseDateText(v);
    if (isDate(v)) {
      const time = Date.prototype.getTime.call(v);
      if (!Number.isFinite(time)) return INVALID;
      const d = new Date(time);
      return dayResult(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), false);
    }
    return UNREADABLE;
  } catch {
    // Exotic objects (throwing getters, revoked proxies) are not dates.
    return UNREADABLE;
  }
}
