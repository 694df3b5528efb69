import assert from "node:assert/strict";
import fc from "fast-check";
import { parseNumberText, toNumber, ParsedNumber } from "../../src/engine/parse/number";
import {
  DateValue,
  formatDateVi,
  isValidYmd,
  parseDateValue,
  serialFromYmd,
  ymdFromSerial,
} from "../../src/engine/parse/date";

function num(text: string): ParsedNumber | null {
  return parseNumberText(text);
}

function dateOf(v: unknown, options?: { yearOnlyNumbers?: boolean }): DateValue {
  const r = parseDateValue(v, options);
  assert.ok(r && r.ok, `expected a date from ${JSON.stringify(v)}, got ${JSON.stringify(r)}`);
  return r.date;
}

describe("parse/number: parseNumberText", () => {
  const cases: Array<[string, number, ParsedNumber["form"]]> = [
    ["1830", 1830, "plain"],
    ["0", 0, "plain"],
    ["007", 7, "plain"],
    ["1.830,51", 1830.51, "vi"],
    ["8.076.287.000", 8076287000, "vi"],
    ["1.830", 1830, "vi"],
    ["1,5", 1.5, "vi"],
    ["0,25", 0.25, "vi"],
    ["65.850,95", 65850.95, "vi"],
    ["1,830", 1.83, "vi"],
    ["1830,51", 1830.51, "vi"],
    ["1,830.51", 1830.51, "en"],
    ["12.5", 12.5, "en"],
    ["1.5", 1.5, "en"],
    ["0.500", 0.5, "en"],
    ["1234.567", 1234.567, "en"],
    ["1,830,000", 1830000, "en"],
    ["1 830 000", 1830000, "vi"],
    ["1\u00a0830\u00a0000", 1830000, "vi"],
    ["1\u202f830", 1830, "vi"],
    ["1 830,51", 1830.51, "vi"],
    [",5", 0.5, "vi"],
    ["  1.830,51  ", 1830.51, "vi"],
    ["\u00a01830\u202f", 1830, "plain"],
    ["-1.234", -1234, "vi"],
    ["\u22121.234", -1234, "vi"],
    ["+1.234", 1234, "vi"],
    ["(1.234)", -1234, "vi"],
    ["(1.234,5)", -1234.5, "vi"],
    ["-0", 0, "plain"],
    ["1.830.000 đồng", 1830000, "vi"],
    ["1.830.000đ", 1830000, "vi"],
    ["1.830.000 VNĐ", 1830000, "vi"],
    ["1.830.000 VND", 1830000, "vi"],
    ["1.830.000 vnd", 1830000, "vi"],
    ["12,5 ha", 12.5, "vi"],
    ["250 m2", 250, "plain"],
    ["250 m²", 250, "plain"],
    ["250m²", 250, "plain"],
    ["35 người", 35, "plain"],
    ["35 NGƯỜI", 35, "plain"],
    ["1.830.000 dong", 1830000, "vi"],
    ["(1.234 đồng)", -1234, "vi"],
    ["(1.234) đồng", -1234, "vi"],
  ];
  for (const [text, value, form] of cases) {
    it(`${JSON.stringify(text)} → ${value} (${form})`, () => {
      assert.deepEqual(num(text), { value, form });
    });
  }

  it("-0 reads as 0, not -0", () => {
    assert.ok(Object.is(num("-0")?.value, 0));
  });

  it("a trailing % keeps the number as written and flags it", () => {
    assert.deepEqual(num("12,5%"), { value: 12.5, form: "vi", percent: true });
    assert.deepEqual(num("12,5 %"), { value: 12.5, form: "vi", percent: true });
    assert.deepEqual(num("102%"), { value: 102, form: "plain", percent: true });
    assert.deepEqual(num("-3.5%"), { value: -3.5, form: "en", percent: true });
    assert.equal(num("5 tỷ %"), null);
  });

  const words: Array<[string, number]> = [
    ["17 tỷ 792 triệu", 17792000000],
    ["17 tỷ 792 triệu đồng", 17792000000],
    ["1,5 tỷ", 1500000000],
    ["1,83 tỷ", 1830000000],
    ["1.5 tỷ", 1500000000],
    ["18 tỷ 066 triệu", 18066000000],
    ["581 triệu", 581000000],
    ["300 triệu đồng", 300000000],
    ["2 tỷ 5 trăm triệu", 2500000000],
    ["5 trăm triệu", 500000000],
    ["2 trăm 50 triệu", 250000000],
    ["3 nghìn", 3000],
    ["3 ngàn", 3000],
    ["3 ngan", 3000],
    ["17 tỉ 792 triệu", 17792000000],
    ["17 ty 792 trieu", 17792000000],
    ["17 TỶ 792 TRIỆU ĐỒNG", 17792000000],
    ["17 Ty 792 Trieu Dong", 17792000000],
    ["17tỷ792triệu", 17792000000],
    ["8 tỷ 076 triệu 287 nghìn đồng", 8076287000],
    ["403 tỷ 589 triệu 137 nghìn đồng", 403589137000],
    ["1 nghìn 500 đồng", 1500],
    ["5 tỷ 300 nghìn đồng", 5000300000],
    ["5 tỷ 300 đồng", 5000000300],
    ["5 tỷ 300 đ", 5000000300],
    ["1 nghìn 500", 1500],
    ["1 nghìn 5 đồng", 1005],
    ["1 tỷ 5 trăm đồng", 1000000500],
    ["2 triệu 5 VNĐ", 2000005],
    ["1.250 tỷ 300 triệu đồng", 1250300000000],
    ["1 nghìn tỷ", 1e12],
    ["-17 tỷ 792 triệu đồng", -17792000000],
    ["(581 triệu)", -581000000],
    ["  17   tỷ   792 triệu  ", 17792000000],
  ];
  for (const [text, value] of words) {
    it(`words: ${JSON.stringify(text)} → ${value}`, () => {
      assert.deepEqual(num(text), { value, form: "words" });
    });
  }

  const notNumbers = [
    "",
    "   ",
    "abc",
    "1.2.3,4,5",
    "12/05/2022",
    "#REF!",
    "#N/A",
    "-",
    "()",
    "(",
    "1.",
    "1,",
    ".",
    ",",
    "1..2",
    "1,,2",
    "1.23.456",
    "12.34.567",
    "1,83,000",
    "1.830,5,1",
    "1,830.5.1",
    "1.830 000",
    "1 83",
    "1 830.000,5",
    "--5",
    "-(5)",
    "(-5)",
    "1e5",
    "0x10",
    "Infinity",
    "NaN",
    "5 6",
    "tỷ",
    "17 tỷ 792",
    "5 tỷ 300",
    "2 triệu 5",
    "1 nghìn 5",
    "1 tỷ 5 trăm",
    "1 nghìn 1.500",
    "17 triệu 5 tỷ",
    "17 tỷ tỷ",
    "5 trăm trăm",
    "15 trăm",
    "abc 5",
    "5 abc",
    "5 kg",
    "đồng",
    "VNĐ 5",
    "Hợp tác xã Nông nghiệp",
    "HTX 2022",
    "2022-02-14",
    "1:30",
    "12 %%",
    "1" + "0".repeat(200),
  ];
  for (const text of notNumbers) {
    it(`not a number: ${JSON.stringify(text.length > 30 ? text.slice(0, 30) + "…" : text)}`, () => {
      assert.equal(num(text), null);
    });
  }

  it("never throws and returns finite values or null (random text)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "grapheme", maxLength: 40 }),
          fc.string({ unit: "binary", maxLength: 40 }),
          fc.string({
            unit: fc.constantFrom(
              ..."0123456789.,-−+() %đtỷriệunghìnăm\u00a0\u202fVNĐm²".split("")
            ),
            maxLength: 30,
          })
        ),
        (s) => {
          const r = parseNumberText(s);
          if (r !== null) {
            assert.ok(Number.isFinite(r.value));
            assert.ok(["plain", "vi", "en", "words"].includes(r.form));
          }
        }
      ),
      { numRuns: 5000 }
    );
  });

  it("never throws on non-string input", () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const r = parseNumberText(v as string);
        if (typeof v !== "string") assert.equal(r, null);
      }),
      { numRuns: 2000 }
    );
  });

  it("reads every Vietnamese-grouped integer back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const grouped = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
        assert.equal(num(grouped)?.value, n);
      }),
      { numRuns: 2000 }
    );
  });

  it("is fast on 400,000 cells", () => {
    const samples = ["1830", "1.830,51", "8.076.287.000", "17 tỷ 792 triệu đồng", "Hợp tác xã", ""];
    const start = Date.now();
    let count = 0;
    for (let i = 0; i < 400000; i++) {
      if (parseNumberText(samples[i % samples.length]) !== null) count++;
    }
    assert.ok(count > 0);
    assert.ok(Date.now() - start < 5000, `took ${Date.now() - start} ms`);
  });

  it("stays fast on long adversarial text", () => {
    const evil = ["1.".repeat(5000), "1 ".repeat(5000) + "x", "tỷ ".repeat(30) + "1"];
    const start = Date.now();
    for (let i = 0; i < 1000; i++) for (const e of evil) parseNumberText(e);
    assert.ok(Date.now() - start < 2000);
  });
});

describe("parse/number: toNumber", () => {
  it("passes finite numbers through", () => {
    assert.equal(toNumber(1830.51), 1830.51);
    assert.equal(toNumber(-5), -5);
    assert.equal(toNumber(0), 0);
  });
  it("non-finite numbers, booleans and other values → null", () => {
    assert.equal(toNumber(NaN), null);
    assert.equal(toNumber(Infinity), null);
    assert.equal(toNumber(-Infinity), null);
    assert.equal(toNumber(true), null);
    assert.equal(toNumber(false), null);
    assert.equal(toNumber(null), null);
    assert.equal(toNumber(undefined), null);
    assert.equal(toNumber({}), null);
    assert.equal(toNumber([1]), null);
    assert.equal(toNumber(new Date(0)), null);
  });
  it("strings via parseNumberText", () => {
    assert.equal(toNumber("1.830,51"), 1830.51);
    assert.equal(toNumber("17 tỷ 792 triệu đồng"), 17792000000);
    assert.equal(toNumber("12,5%"), 12.5);
    assert.equal(toNumber("abc"), null);
  });
  it("never throws (fc.anything)", () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const r = toNumber(v);
        assert.ok(r === null || Number.isFinite(r));
      }),
      { numRuns: 3000 }
    );
  });
});

describe("parse/date: serials", () => {
  const known: Array<[number, number, number, number]> = [
    [1900, 1, 1, 1],
    [1900, 2, 28, 59],
    [1900, 2, 29, 60],
    [1900, 3, 1, 61],
    [1900, 12, 31, 366],
    [1901, 1, 1, 367],
    [2000, 2, 29, 36585],
    [2022, 1, 1, 44562],
    [2022, 2, 14, 44606],
    [2023, 1, 1, 44927],
    [2024, 2, 29, 45351],
    [9999, 12, 31, 2958465],
  ];
  for (const [y, m, d, serial] of known) {
    it(`${y}-${m}-${d} ↔ ${serial}`, () => {
      assert.equal(serialFromYmd(y, m, d), serial);
      assert.deepEqual(ymdFromSerial(serial), { year: y, month: m, day: d });
    });
  }

  it("round trips every serial from 1 to 80,000 (1900 … 2119)", () => {
    let previous = ymdFromSerial(1);
    for (let s = 1; s <= 80000; s++) {
      const ymd = ymdFromSerial(s);
      assert.equal(serialFromYmd(ymd.year, ymd.month, ymd.day), s);
      if (s > 1) {
        // consecutive serials are consecutive calendar days
        const sameMonth = ymd.year === previous.year && ymd.month === previous.month;
        assert.ok(
          sameMonth ? ymd.day === previous.day + 1 : ymd.day === 1,
          `serial ${s}: ${JSON.stringify(previous)} → ${JSON.stringify(ymd)}`
        );
      }
      previous = ymd;
    }
  });

  it("matches the JS calendar for real dates from 1900-03-01 on (property)", () => {
    const base = Date.UTC(1899, 11, 30);
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (s) => {
        const d = new Date(base + s * 86400000);
        assert.deepEqual(ymdFromSerial(s), {
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
        });
      }),
      { numRuns: 3000 }
    );
  });

  it("drops the fraction of a serial (time of day)", () => {
    assert.deepEqual(ymdFromSerial(44927.75), { year: 2023, month: 1, day: 1 });
  });

  it("rolls over months and days out of range", () => {
    assert.equal(serialFromYmd(2022, 13, 1), serialFromYmd(2023, 1, 1));
    assert.equal(serialFromYmd(2022, 0, 1), serialFromYmd(2021, 12, 1));
    assert.equal(serialFromYmd(2022, 1, 32), serialFromYmd(2022, 2, 1));
  });

  it("non-finite serials give NaN parts", () => {
    assert.ok(Number.isNaN(ymdFromSerial(NaN).year));
  });

  it("isValidYmd", () => {
    assert.equal(isValidYmd(2024, 2, 29), true);
    assert.equal(isValidYmd(2023, 2, 29), false);
    assert.equal(isValidYmd(2000, 2, 29), true);
    assert.equal(isValidYmd(1900, 2, 29), false);
    assert.equal(isValidYmd(2022, 2, 31), false);
    assert.equal(isValidYmd(2022, 4, 31), false);
    assert.equal(isValidYmd(2022, 12, 31), true);
    assert.equal(isValidYmd(2022, 0, 1), false);
    assert.equal(isValidYmd(2022, 13, 1), false);
    assert.equal(isValidYmd(2022, 1, 0), false);
    assert.equal(isValidYmd(2022, 1.5, 1), false);
  });
});

describe("parse/date: parseDateValue", () => {
  it("blank → null", () => {
    assert.equal(parseDateValue(null), null);
    assert.equal(parseDateValue(undefined), null);
    assert.equal(parseDateValue(""), null);
    assert.equal(parseDateValue("   "), null);
  });

  it("an integer 1900..2100 is a year, not a serial", () => {
    assert.deepEqual(parseDateValue(2024), {
      ok: true,
      date: { serial: serialFromYmd(2024, 1, 1), precision: "year", year: 2024, month: 1, day: 1 },
      fromText: false,
    });
    assert.equal(dateOf(1900).precision, "year");
    assert.equal(dateOf(2100).precision, "year");
    assert.equal(dateOf(2101).precision, "day");
    assert.equal(dateOf(1899).precision, "day");
  });

  it("yearOnlyNumbers: false reads 2024 as a serial", () => {
    const d = dateOf(2024, { yearOnlyNumbers: false });
    assert.equal(d.precision, "day");
    assert.equal(d.serial, 2024);
  });

  it("other positive numbers are serials; the fraction is dropped", () => {
    assert.deepEqual(parseDateValue(45000), {
      ok: true,
      date: { serial: 45000, precision: "day", year: 2023, month: 3, day: 15 },
      fromText: false,
    });
    assert.equal(dateOf(44927.9).serial, 44927);
    assert.equal(dateOf(2024.5).serial, 2024);
    assert.deepEqual(dateOf(60), { serial: 60, precision: "day", year: 1900, month: 2, day: 29 });
  });

  it("impossible numbers are invalid", () => {
    for (const v of [0, -1, 0.5, NaN, Infinity, -Infinity, 2958466, 1e12]) {
      assert.deepEqual(parseDateValue(v), { ok: false, reason: "invalid" }, String(v));
    }
  });

  it("Date objects use their UTC date", () => {
    assert.deepEqual(parseDateValue(new Date(Date.UTC(2022, 1, 14))), {
      ok: true,
      date: { serial: 44606, precision: "day", year: 2022, month: 2, day: 14 },
      fromText: false,
    });
    assert.equal(dateOf(new Date(Date.UTC(2022, 1, 14, 23, 59, 59))).serial, 44606);
    assert.deepEqual(parseDateValue(new Date(NaN)), { ok: false, reason: "invalid" });
    assert.deepEqual(parseDateValue(new Date(Date.UTC(1850, 0, 1))), {
      ok: false,
      reason: "invalid",
    });
  });

  const dayTexts: Array<[string, number, number, number]> = [
    ["14/02/2022", 2022, 2, 14],
    ["4/2/2022", 2022, 2, 4],
    ["4/2/22", 2022, 2, 4],
    ["14-02-2022", 2022, 2, 14],
    ["14.02.2022", 2022, 2, 14],
    ["  14/02/2022  ", 2022, 2, 14],
    ["14 / 02 / 2022", 2022, 2, 14],
    ["29/02/2024", 2024, 2, 29],
    ["31/12/2022", 2022, 12, 31],
    ["14/02/2022 10:30", 2022, 2, 14],
    ["14/02/2022 10:30:15", 2022, 2, 14],
    ["ngày 14/02/2022", 2022, 2, 14],
    ["2022-02-14", 2022, 2, 14],
    ["2022-2-4", 2022, 2, 4],
    ["2022-02-14T00:00:00Z", 2022, 2, 14],
    ["2022-02-14T10:30:00.000+07:00", 2022, 2, 14],
    ["ngày 14 tháng 02 năm 2022", 2022, 2, 14],
    ["Ngày 14 tháng 2 năm 2022", 2022, 2, 14],
    ["NGÀY 14 THÁNG 2 NĂM 2022", 2022, 2, 14],
    ["ngay 14 thang 2 nam 2022", 2022, 2, 14],
    ["  ngày   14  tháng  2   năm  2022 ", 2022, 2, 14],
    ["Hà Nội, ngày 14 tháng 02 năm 2022", 2022, 2, 14],
  ];
  for (const [text, y, m, d] of dayTexts) {
    it(`day: ${JSON.stringify(text)}`, () => {
      assert.deepEqual(parseDateValue(text), {
        ok: true,
        date: { serial: serialFromYmd(y, m, d), precision: "day", year: y, month: m, day: d },
        fromText: true,
      });
    });
  }

  const monthTexts: Array<[string, number, number]> = [
    ["02/2022", 2022, 2],
    ["2/2022", 2022, 2],
    ["12-2022", 2022, 12],
    ["tháng 3/2022", 2022, 3],
    ["Tháng 03/2022", 2022, 3],
    ["tháng 3 năm 2022", 2022, 3],
    ["thang 3 nam 2022", 2022, 3],
  ];
  for (const [text, y, m] of monthTexts) {
    it(`month: ${JSON.stringify(text)}`, () => {
      assert.deepEqual(parseDateValue(text), {
        ok: true,
        date: { serial: serialFromYmd(y, m, 1), precision: "month", year: y, month: m, day: 1 },
        fromText: true,
      });
    });
  }

  for (const text of ["2022", "năm 2022", "Năm 2022", "nam 2022"]) {
    it(`year: ${JSON.stringify(text)}`, () => {
      assert.deepEqual(parseDateValue(text), {
        ok: true,
        date: { serial: 44562, precision: "year", year: 2022, month: 1, day: 1 },
        fromText: true,
      });
    });
  }

  const invalid = [
    "31/02/2022",
    "29/02/2023",
    "29/02/1900",
    "00/01/2022",
    "15/13/2022",
    "15/00/2022",
    "32/01/2022",
    "31/04/2022",
    "01/01/1899",
    "2022-02-30",
    "ngày 31 tháng 2 năm 2022",
    "13/2022",
    "00/2022",
    "tháng 13 năm 2022",
    "năm 1800",
    "năm 2200",
  ];
  for (const text of invalid) {
    it(`invalid: ${JSON.stringify(text)}`, () => {
      assert.deepEqual(parseDateValue(text), { ok: false, reason: "invalid" });
    });
  }

  const unreadable = [
    "abc",
    "hôm nay",
    "#REF!",
    "45000",
    "1800",
    "3000",
    "1.830,51",
    "14/02",
    "14/02/2022/1",
    "14/02-2022",
    "2022-02",
    "02/22",
    "14/02/202",
    "14/02/20222",
    "ngày 14 tháng 2",
    "Báo cáo ngày 14 tháng 2 năm 2022 của HTX",
    "1/2/3",
    "x".repeat(100),
  ];
  for (const text of unreadable) {
    it(`unreadable: ${JSON.stringify(text.length > 30 ? text.slice(0, 30) + "…" : text)}`, () => {
      assert.deepEqual(parseDateValue(text), { ok: false, reason: "unreadable" });
    });
  }

  it("other values are unreadable", () => {
    for (const v of [true, false, {}, [], [2022], () => 1]) {
      assert.deepEqual(parseDateValue(v), { ok: false, reason: "unreadable" });
    }
  });

  it("text and Date round trip through formatDateVi", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (s) => {
        const d = dateOf(s, { yearOnlyNumbers: false });
        const back = dateOf(formatDateVi(d));
        assert.deepEqual(back, d);
        const js = new Date(Date.UTC(d.year, d.month - 1, d.day));
        js.setUTCFullYear(d.year);
        assert.equal(dateOf(js).serial, s);
      }),
      { numRuns: 2000 }
    );
  });

  it("formatDateVi by precision", () => {
    assert.equal(formatDateVi(dateOf("14/02/2022")), "14/02/2022");
    assert.equal(formatDateVi(dateOf("4/2/2022")), "04/02/2022");
    assert.equal(formatDateVi(dateOf("tháng 2/2022")), "02/2022");
    assert.equal(formatDateVi(dateOf(2022)), "2022");
  });

  it("never throws (random text and anything)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "grapheme", maxLength: 40 }),
          fc.string({ unit: "binary", maxLength: 40 }),
          fc.string({
            unit: fc.constantFrom(..."0123456789/-. :ngàytháng năm,T".split("")),
            maxLength: 30,
          }),
          fc.anything(),
          fc.double(),
          fc.date({ noInvalidDate: false })
        ),
        (v) => {
          const r = parseDateValue(v);
          if (r && r.ok) {
            const { serial, year, month, day } = r.date;
            assert.ok(Number.isInteger(serial) && serial >= 1 && serial <= 2958465);
            assert.ok(serial === 60 || isValidYmd(year, month, day));
          }
        }
      ),
      { numRuns: 5000 }
    );
  });

  it("a throwing object is unreadable, not an exception", () => {
    const nasty = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error("boom");
        },
        get() {
          throw new Error("boom");
        },
      }
    );
    assert.deepEqual(parseDateValue(nasty), { ok: false, reason: "unreadable" });
  });
});
