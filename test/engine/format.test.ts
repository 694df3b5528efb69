import assert from "node:assert/strict";
import fc from "fast-check";
import {
  formatNumberVi,
  formatPlanPercent,
  formatPlanText,
  formatRatio,
  formatVnd,
  roundHalfUp,
} from "../../src/engine/format/vi";
import { parseNumberText } from "../../src/engine/parse/number";

describe("format/vi: roundHalfUp", () => {
  const cases: Array<[number, number, number]> = [
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [1.45, 1, 1.5],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [1.4999, 0, 1],
    [0.04, 0, 0],
    [1.015 * 100, 0, 102],
    [0.1 + 0.2, 2, 0.3],
    [1830.515, 2, 1830.52],
    [-1830.515, 2, -1830.52],
    [8076287000.5, 0, 8076287001],
    [12345678901234.5, 0, 12345678901235],
    [999999999999999.5, 0, 1000000000000000],
    [Number.MAX_SAFE_INTEGER, 0, Number.MAX_SAFE_INTEGER],
    [1e300, 2, 1e300],
    [5e-324, 2, 0],
    [123.456, 0, 123],
    [0, 3, 0],
  ];
  for (const [value, decimals, expected] of cases) {
    it(`roundHalfUp(${value}, ${decimals}) = ${expected}`, () => {
      assert.equal(roundHalfUp(value, decimals), expected);
    });
  }
  it("defaults to 0 decimals and never returns -0", () => {
    assert.equal(roundHalfUp(7.5), 8);
    assert.ok(Object.is(roundHalfUp(-0.001, 2), 0));
    assert.ok(Object.is(roundHalfUp(-0), 0));
  });
  it("non-finite values pass through; bad decimals throw RangeError", () => {
    assert.ok(Number.isNaN(roundHalfUp(NaN)));
    assert.equal(roundHalfUp(Infinity, 2), Infinity);
    assert.throws(() => roundHalfUp(1, -1), RangeError);
    assert.throws(() => roundHalfUp(1, 1.5), RangeError);
    assert.throws(() => roundHalfUp(1, 21), RangeError);
  });
  it("agrees with exact decimal rounding of k/1000 (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (k) => {
        // k/1000 with 3 decimals, rounded to 2: exact answer from integer arithmetic.
        const sign = k < 0 ? -1 : 1;
        const a = Math.abs(k);
        const expected = (sign * (Math.floor(a / 10) + (a % 10 >= 5 ? 1 : 0))) / 100;
        assert.equal(roundHalfUp(k / 1000, 2), expected === 0 ? 0 : expected);
      }),
      { numRuns: 3000 }
    );
  });
});

describe("format/vi: formatNumberVi", () => {
  const cases: Array<[number, number | undefined, string]> = [
    [1830.51, undefined, "1.830,51"],
    [8076287000, undefined, "8.076.287.000"],
    [2183, undefined, "2.183"],
    [1830, undefined, "1.830"],
    [999, undefined, "999"],
    [0, undefined, "0"],
    [-0, undefined, "0"],
    [-0.001, undefined, "0"],
    [1.5, undefined, "1,5"],
    [1.5, 2, "1,50"],
    [1.005, undefined, "1,01"],
    [2.675, 2, "2,68"],
    [0.25, undefined, "0,25"],
    [65850.95, undefined, "65.850,95"],
    [-1234.5, undefined, "-1.234,5"],
    [-1830.515, undefined, "-1.830,52"],
    [1830.5, 0, "1.831"],
    [12.3456, 3, "12,346"],
    [0.1 + 0.2, undefined, "0,3"],
    [1e21, undefined, "1.000.000.000.000.000.000.000"],
  ];
  for (const [value, decimals, expected] of cases) {
    it(`formatNumberVi(${value}, ${decimals}) = ${JSON.stringify(expected)}`, () => {
      assert.equal(formatNumberVi(value, decimals), expected);
    });
  }
  it("uses the Vietnamese grouping dot for every 4-digit number", () => {
    for (let n = 1000; n < 10000; n += 37) {
      assert.match(formatNumberVi(n), /^\d\.\d{3}$/);
    }
  });
  it("throws RangeError for non-finite values and bad decimals", () => {
    assert.throws(() => formatNumberVi(NaN), RangeError);
    assert.throws(() => formatNumberVi(Infinity), RangeError);
    assert.throws(() => formatNumberVi(1, -1), RangeError);
  });
  it("round trips through parseNumberText (numbers with ≤ 2 decimals)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (cents) => {
        const value = cents / 100;
        const text = formatNumberVi(value);
        const back = parseNumberText(text);
        assert.ok(back, text);
        assert.equal(back.value, value === 0 ? 0 : value, text);
      }),
      { numRuns: 5000 }
    );
  });
  it("round trips random doubles rounded to 2 decimals", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (x) => {
        const back = parseNumberText(formatNumberVi(x));
        assert.ok(back);
        assert.equal(back.value, roundHalfUp(x, 2));
      }),
      { numRuns: 3000 }
    );
  });
});

describe("format/vi: formatVnd", () => {
  const words: Array<[number, string]> = [
    [17792000000, "17 tỷ 792 triệu đồng"],
    [581000000, "581 triệu đồng"],
    [8076287000, "8 tỷ 076 triệu 287 nghìn đồng"],
    [18066000000, "18 tỷ 066 triệu đồng"],
    [210000000, "210 triệu đồng"],
    [403589137000, "403 tỷ 589 triệu 137 nghìn đồng"],
    [1500, "1 nghìn 500 đồng"],
    [1005, "1 nghìn 005 đồng"],
    [0, "0 đồng"],
    [0.4, "0 đồng"],
    [-0.4, "0 đồng"],
    [0.5, "1 đồng"],
    [999, "999 đồng"],
    [5000300000, "5 tỷ 300 nghìn đồng"],
    [5000000300, "5 tỷ 300 đồng"],
    [1000000000, "1 tỷ đồng"],
    [1250300000000, "1.250 tỷ 300 triệu đồng"],
    [1250000000000000, "1.250.000 tỷ đồng"],
    [-17792000000, "-17 tỷ 792 triệu đồng"],
    [1499.5, "1 nghìn 500 đồng"],
  ];
  for (const [amount, expected] of words) {
    it(`formatVnd(${amount}) = ${JSON.stringify(expected)}`, () => {
      assert.equal(formatVnd(amount), expected);
      assert.equal(formatVnd(amount, "words"), expected);
    });
  }
  it("words read back with parseNumberText (report examples)", () => {
    for (const [amount, text] of words) {
      assert.equal(parseNumberText(text)?.value, roundHalfUp(amount), text);
    }
  });
  it("digits style", () => {
    assert.equal(formatVnd(8076287000, "digits"), "8.076.287.000 đồng");
    assert.equal(formatVnd(1830.5, "digits"), "1.831 đồng");
    assert.equal(formatVnd(0, "digits"), "0 đồng");
    assert.equal(formatVnd(-581000000, "digits"), "-581.000.000 đồng");
  });
  it("throws RangeError for non-finite amounts", () => {
    assert.throws(() => formatVnd(NaN), RangeError);
    assert.throws(() => formatVnd(Infinity, "digits"), RangeError);
  });
  const amounts = fc.oneof(
    fc.integer({ min: -1e15, max: 1e15 }),
    fc.integer({ min: 0, max: 999999 }),
    // round amounts, as in reports: k × 10^6
    fc.integer({ min: -1e6, max: 1e6 }).map((k) => k * 1e6)
  );
  it("digits round trip through parseNumberText (property)", () => {
    fc.assert(
      fc.property(amounts, (n) => {
        const back = parseNumberText(formatVnd(n, "digits"));
        assert.ok(back);
        assert.equal(back.value, n === 0 ? 0 : n);
        assert.notEqual(back.form, "words");
      }),
      { numRuns: 3000 }
    );
  });
  it("words round trip through parseNumberText (property)", () => {
    fc.assert(
      fc.property(amounts, (n) => {
        const text = formatVnd(n, "words");
        const back = parseNumberText(text);
        assert.ok(back, text);
        assert.equal(back.value, n === 0 ? 0 : n, text);
      }),
      { numRuns: 5000 }
    );
  });
});

describe("format/vi: formatRatio", () => {
  const cases: Array<[number, number, string]> = [
    [51, 50, "51/50"],
    [6, 4, "06/04"],
    [14, 8, "14/08"],
    [33, 15, "33/15"],
    [0, 3, "00/03"],
    [10, 9, "10/09"],
    [1250, 1000, "1.250/1.000"],
    [2.5, 4, "2,5/04"],
    [-3, 5, "-3/05"],
  ];
  for (const [a, p, expected] of cases) {
    it(`formatRatio(${a}, ${p}) = ${expected}`, () => {
      assert.equal(formatRatio(a, p), expected);
    });
  }
  it("throws RangeError for non-finite numbers", () => {
    assert.throws(() => formatRatio(NaN, 1), RangeError);
  });
});

describe("format/vi: formatPlanPercent", () => {
  const cases: Array<[number, string, string]> = [
    [51 / 50, "102", "102"],
    [1, "100", "100"],
    [6 / 8, "75", "75"],
    [0.996, "99,6", "99.6"],
    [1.004, "100,4", "100.4"],
    [0.995, "99,5", "99.5"],
    [0.9996, "99,96", "99.96"],
    [1.00001, "100,001", "100.001"],
    [0.994, "99", "99"],
    [1.005, "101", "101"],
    [0.125, "13", "13"],
    [0, "0", "0"],
    [15, "1.500", "1,500"],
    [(0.1 + 0.2) / 0.3, "100", "100"],
  ];
  for (const [ratio, vi, en] of cases) {
    it(`formatPlanPercent(${ratio}) = ${vi} / ${en}`, () => {
      assert.equal(formatPlanPercent(ratio), vi);
      assert.equal(formatPlanPercent(ratio, "vi"), vi);
      assert.equal(formatPlanPercent(ratio, "en"), en);
    });
  }
  it("never shows 100 for a ratio clearly different from 1 (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.99, max: 1.01, noNaN: true }), (r) => {
        fc.pre(Math.abs(r - 1) > 1e-9);
        assert.notEqual(formatPlanPercent(r), "100");
      }),
      { numRuns: 2000 }
    );
  });
});

describe("format/vi: formatPlanText", () => {
  const cases: Array<[number, number, string, string]> = [
    [51, 50, "đạt và vượt 102% kế hoạch", "met and exceeded the plan (102%)"],
    [50, 50, "đạt 100% kế hoạch", "met the plan (100%)"],
    [6, 8, "đạt 75% kế hoạch", "reached 75% of the plan"],
    [996, 1000, "đạt 99,6% kế hoạch", "reached 99.6% of the plan"],
    [1004, 1000, "đạt và vượt 100,4% kế hoạch", "met and exceeded the plan (100.4%)"],
    [0, 5, "đạt 0% kế hoạch", "reached 0% of the plan"],
    [0.1 + 0.2, 0.3, "đạt 100% kế hoạch", "met the plan (100%)"],
  ];
  for (const [a, p, vi, en] of cases) {
    it(`formatPlanText(${a}, ${p})`, () => {
      assert.equal(formatPlanText(a, p), vi);
      assert.equal(formatPlanText(a, p, "vi"), vi);
      assert.equal(formatPlanText(a, p, "en"), en);
    });
  }
  it("plan must be > 0 and numbers finite (RangeError)", () => {
    assert.throws(() => formatPlanText(5, 0), RangeError);
    assert.throws(() => formatPlanText(5, -1), RangeError);
    assert.throws(() => formatPlanText(5, NaN), RangeError);
    assert.throws(() => formatPlanText(NaN, 5), RangeError);
    assert.throws(() => formatPlanText(5, Infinity), RangeError);
  });
});
