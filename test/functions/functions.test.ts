import assert from "node:assert/strict";
import fc from "fast-check";
import { assertError, ErrorCode, StubError } from "./stub";
import {
  activeAt,
  growth,
  newIn,
  numberVi,
  parseNumber,
  planPercent,
  planText,
  ratio,
  unicode,
  vnd,
} from "../../src/functions/functions";
import { formatPlanText, formatVnd } from "../../src/engine/format/vi";
import { parseNumberText } from "../../src/engine/parse/number";
import { serialFromYmd } from "../../src/engine/parse/date";
import { encodeLegacy } from "../../src/engine/text/legacy";

/** Excel passes an omitted optional argument as null. */
const OMITTED = null as unknown as string;
const OMITTED_NUMBER = null as unknown as number;
const {
  invalidValue: VALUE,
  divisionByZero: DIV0,
  invalidNumber: NUM,
  notAvailable: NA,
} = ErrorCode;

/** A column range from values. */
const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
/** The single cell of a 1×1 result. */
function one(m: unknown[][]): unknown {
  assert.equal(m.length, 1);
  assert.equal(m[0].length, 1);
  return m[0][0];
}

/** The plan-vs-actual rows of reference-2022.md: code, actual, plan, ratio, phrase, percent. */
const REFERENCE_PLAN: Array<[string, number, number, string, string, number]> = [
  ["tht.new", 51, 50, "51/50", "đạt và vượt 102% kế hoạch", 1.02],
  ["htx.new", 33, 15, "33/15", "đạt và vượt 220% kế hoạch", 2.2],
  ["training.quan_ly.courses", 6, 4, "06/04", "đạt và vượt 150% kế hoạch", 1.5],
  ["training.nang_luc.courses", 7, 4, "07/04", "đạt và vượt 175% kế hoạch", 1.75],
  ["training.tuyen_truyen.sessions", 33, 15, "33/15", "đạt và vượt 220% kế hoạch", 2.2],
  ["fairs.htx", 14, 8, "14/08", "đạt và vượt 175% kế hoạch", 1.75],
];

describe("functions: PLAN_PERCENT", () => {
  it("gives actual / plan for the reference report's rows, element-wise over ranges", () => {
    const actual = col(...REFERENCE_PLAN.map((r) => r[1]));
    const plan = col(...REFERENCE_PLAN.map((r) => r[2]));
    const out = planPercent(actual, plan);
    assert.equal(out.length, REFERENCE_PLAN.length);
    REFERENCE_PLAN.forEach(([code, a, p, , , percent], i) => {
      assert.equal(out[i].length, 1);
      assert.equal(out[i][0], a / p, code);
      assert.ok(Math.abs((out[i][0] as number) - percent) < 1e-12, code);
    });
  });

  it("is unrounded", () => {
    assert.equal(one(planPercent([[2]], [[3]])), 2 / 3);
    assert.equal(one(planPercent([[249]], [[250]])), 0.996);
  });

  it("reads numbers typed as Vietnamese text", () => {
    assert.equal(one(planPercent([["1.830,51"]], [["1.830,51"]])), 1);
    assert.equal(one(planPercent([["1.830"]], [[915]])), 2);
    assert.equal(one(planPercent([["17 tỷ 792 triệu"]], [["17.792.000.000 đồng"]])), 1);
    assert.equal(one(planPercent([[" 51 "]], [["50"]])), 1.02);
    assert.equal(one(planPercent([["1,5"]], [[3]])), 0.5);
  });

  it("gives #DIV/0! when the plan is 0 or blank (null, empty text, undefined)", () => {
    for (const plan of [0, null, "", "   ", undefined, "0", "0,0"]) {
      assertError(one(planPercent([[51]], [[plan]])), DIV0);
    }
  });

  it("leaves a blank actual blank, whatever the plan", () => {
    assert.equal(one(planPercent([[null]], [[50]])), "");
    assert.equal(one(planPercent([[""]], [[50]])), "");
    assert.equal(one(planPercent([[null]], [[null]])), "");
  });

  it("gives #VALUE! with a message for text that is not a number, and for TRUE/FALSE", () => {
    assertError(one(planPercent([["năm mươi"]], [[50]])), VALUE, "năm mươi");
    assertError(one(planPercent([[51]], [["kế hoạch"]])), VALUE, "plan");
    assertError(one(planPercent([[true]], [[50]])), VALUE);
  });

  it("passes an error value from a cell on, as the same error", () => {
    const e = new StubError(NA, "from the sheet");
    assert.equal(one(planPercent([[e]], [[50]])), e);
    const div = one(planPercent([[{ type: "Error", basicValue: "#DIV/0!" }]], [[50]]));
    assertError(div, DIV0);
  });

  it("reads Excel data types through their basic value", () => {
    assert.equal(one(planPercent([[{ type: "Double", basicValue: 51 }]], [[50]])), 1.02);
    assert.equal(one(planPercent([[{ type: "String", basicValue: "1.830,51" }]], [[1]])), 1830.51);
    assertError(one(planPercent([[{ type: "Entity", text: "x" }]], [[1]])), VALUE);
  });

  it("broadcasts a single cell, and a row against a column, like Excel's array arithmetic", () => {
    assert.deepEqual(planPercent(col(10, 20, 30), [[10]]), col(1, 2, 3));
    assert.deepEqual(planPercent([[10]], [[1, 2, 5]]), [[10, 5, 2]]);
    assert.deepEqual(planPercent(col(1, 2), [[1, 2]]), [
      [1, 0.5],
      [2, 1],
    ]);
  });

  it("gives #N/A outside the smaller of two ranges of different sizes", () => {
    const out = planPercent(col(1, 2, 3), col(1, 2));
    assert.deepEqual(out.slice(0, 2), col(1, 1));
    assertError(out[2][0], NA);
  });

  it("keeps a 2-D range's shape", () => {
    const out = planPercent(
      [
        [51, 33],
        [6, null],
      ],
      [
        [50, 15],
        [4, 8],
      ]
    );
    assert.deepEqual(out, [
      [1.02, 2.2],
      [1.5, ""],
    ]);
  });

  it("accepts a bare scalar or a 1-D array where Excel would pass a matrix", () => {
    assert.deepEqual(planPercent(51 as never, 50 as never), [[1.02]]);
    assert.deepEqual(planPercent([51, 6] as never, [50, 4] as never), [[1.02, 1.5]]);
  });
});

describe("functions: PLAN_TEXT", () => {
  for (const [code, a, p, , phrase] of REFERENCE_PLAN) {
    it(`${code}: ${a}/${p} → "${phrase}"`, () => {
      assert.equal(one(planText([[a]], [[p]], OMITTED)), phrase);
    });
  }

  it("writes the report's phrases: above, equal, below, and 99,6 instead of a false 100", () => {
    const out = planText(col(51, 50, 6, 249, 251, 3), col(50, 50, 8, 250, 250, 4), OMITTED);
    assert.deepEqual(out, [
      ["đạt và vượt 102% kế hoạch"],
      ["đạt 100% kế hoạch"],
      ["đạt 75% kế hoạch"],
      ["đạt 99,6% kế hoạch"],
      ["đạt và vượt 100,4% kế hoạch"],
      ["đạt 75% kế hoạch"],
    ]);
  });

  it("rounds the percent half up to a whole number", () => {
    assert.equal(one(planText([[1.015]], [[1]], OMITTED)), "đạt và vượt 102% kế hoạch");
    assert.equal(one(planText([[0.745]], [[1]], OMITTED)), "đạt 75% kế hoạch");
    assert.equal(one(planText([[0.744]], [[1]], OMITTED)), "đạt 74% kế hoạch");
    assert.equal(one(planText([[1999]], [[100]], OMITTED)), "đạt và vượt 1.999% kế hoạch");
  });

  it('gives English with "en" (any case), Vietnamese with "vi", blank or omitted', () => {
    assert.equal(one(planText([[51]], [[50]], "en")), "met and exceeded the plan (102%)");
    assert.equal(one(planText([[6]], [[8]], "EN")), "reached 75% of the plan");
    assert.equal(one(planText([[50]], [[50]], " en ")), "met the plan (100%)");
    assert.equal(one(planText([[249]], [[250]], "en")), "reached 99.6% of the plan");
    for (const lang of ["vi", "VI", "vi-VN", "", OMITTED]) {
      assert.equal(one(planText([[51]], [[50]], lang)), "đạt và vượt 102% kế hoạch");
    }
  });

  it("gives #VALUE! for another language", () => {
    assertError(one(planText([[51]], [[50]], "fr")), VALUE, '"en"');
  });

  it("gives #DIV/0! for a 0 or blank plan, #NUM! for a negative one", () => {
    assertError(one(planText([[51]], [[0]], OMITTED)), DIV0);
    assertError(one(planText([[51]], [[null]], OMITTED)), DIV0);
    assertError(one(planText([[51]], [[-50]], OMITTED)), NUM);
  });

  it("reads text numbers and leaves a blank actual blank", () => {
    assert.equal(one(planText([["51"]], [["50,0"]], OMITTED)), "đạt và vượt 102% kế hoạch");
    assert.equal(one(planText([[null]], [[50]], OMITTED)), "");
    assertError(one(planText([["x"]], [[50]], OMITTED)), VALUE);
  });

  it("is the engine's formatPlanText, cell for cell (one source of truth)", () => {
    fc.assert(
      fc.property(fc.nat(100000), fc.integer({ min: 1, max: 100000 }), (a, p) => {
        assert.equal(one(planText([[a]], [[p]], OMITTED)), formatPlanText(a, p, "vi"));
        assert.equal(one(planText([[a]], [[p]], "en")), formatPlanText(a, p, "en"));
      })
    );
  });
});

describe("functions: RATIO", () => {
  it("writes the reference ratios, two digits below ten", () => {
    const out = ratio(
      col(...REFERENCE_PLAN.map((r) => r[1])),
      col(...REFERENCE_PLAN.map((r) => r[2]))
    );
    assert.deepEqual(
      out,
      REFERENCE_PLAN.map((r) => [r[3]])
    );
  });

  it("pads 0..9, writes other numbers with Vietnamese separators", () => {
    assert.equal(one(ratio([[0]], [[4]])), "00/04");
    assert.equal(one(ratio([[10]], [[9]])), "10/09");
    assert.equal(one(ratio([[2183]], [[2000]])), "2.183/2.000");
    assert.equal(one(ratio([["1.830,51"]], [[2000]])), "1.830,51/2.000");
  });

  it("leaves a row with a blank side blank; #VALUE! for text that is not a number", () => {
    assert.equal(one(ratio([[null]], [[4]])), "");
    assert.equal(one(ratio([[6]], [[""]])), "");
    assertError(one(ratio([["sáu"]], [[4]])), VALUE);
  });
});

describe("functions: GROWTH", () => {
  it("gives (current − previous) / previous: 525 HTX against 514 the year before", () => {
    assert.equal(one(growth([[525]], [[514]])), (525 - 514) / 514);
    assert.deepEqual(growth(col(110, 90, 100), [[100]]), col(0.1, -0.1, 0));
  });

  it("gives #DIV/0! when previous is 0 or blank; blank when current is blank", () => {
    assertError(one(growth([[5]], [[0]])), DIV0);
    assertError(one(growth([[5]], [[null]])), DIV0);
    assert.equal(one(growth([[null]], [[5]])), "");
  });

  it("reads text numbers; #VALUE! for other text", () => {
    assert.equal(one(growth([["1.100"]], [["1.000"]])), 0.1);
    assertError(one(growth([[1]], [["năm ngoái"]])), VALUE);
  });
});

describe("functions: VND", () => {
  it("writes the report's amounts in words", () => {
    const out = vnd(col(17792000000, 581000000, 8076287000, 403589137000, 210000000), OMITTED);
    assert.deepEqual(out, [
      ["17 tỷ 792 triệu đồng"],
      ["581 triệu đồng"],
      ["8 tỷ 076 triệu 287 nghìn đồng"],
      ["403 tỷ 589 triệu 137 nghìn đồng"],
      ["210 triệu đồng"],
    ]);
  });

  it('writes digits with style "digits" (or "số")', () => {
    assert.equal(one(vnd([[8076287000]], "digits")), "8.076.287.000 đồng");
    assert.equal(one(vnd([[403589137000]], "Digits")), "403.589.137.000 đồng");
    assert.equal(one(vnd([[8076287000]], "số")), "8.076.287.000 đồng");
    assert.equal(one(vnd([[17792000000]], "words")), "17 tỷ 792 triệu đồng");
  });

  it("reads amounts typed as text, in digits or in words", () => {
    assert.equal(one(vnd([["17 tỷ 792 triệu"]], OMITTED)), "17 tỷ 792 triệu đồng");
    assert.equal(one(vnd([["8.076.287.000 đồng"]], "digits")), "8.076.287.000 đồng");
    assert.equal(one(vnd([["18 tỷ 066 triệu"]], OMITTED)), "18 tỷ 066 triệu đồng");
  });

  it("rounds half up to whole đồng, writes 0 and negatives", () => {
    assert.equal(one(vnd([[1500.5]], OMITTED)), "1 nghìn 501 đồng");
    assert.equal(one(vnd([[0]], OMITTED)), "0 đồng");
    assert.equal(one(vnd([[-2500000]], OMITTED)), "-2 triệu 500 nghìn đồng");
  });

  it("is the engine's formatVnd", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => {
        assert.equal(one(vnd([[n]], OMITTED)), formatVnd(n));
        assert.equal(one(vnd([[n]], "digits")), formatVnd(n, "digits"));
      })
    );
  });

  it("blank stays blank; #VALUE! for other text or an unknown style", () => {
    assert.equal(one(vnd([[null]], OMITTED)), "");
    assertError(one(vnd([["nhiều tiền"]], OMITTED)), VALUE);
    assertError(one(vnd([[1000]], "euro")), VALUE, '"digits"');
  });
});

describe("functions: NUMBER_VI", () => {
  it("writes Vietnamese separators, up to 2 decimals by default", () => {
    const out = numberVi(col(1830.51, 2183, 65850.95, 1830.5, 0.1 + 0.2, -1234.5), OMITTED_NUMBER);
    assert.deepEqual(out, col("1.830,51", "2.183", "65.850,95", "1.830,5", "0,3", "-1.234,5"));
  });

  it("rounds half up; exactly `decimals` decimals when given", () => {
    assert.equal(one(numberVi([[1830.515]], OMITTED_NUMBER)), "1.830,52");
    assert.equal(one(numberVi([[1.005]], OMITTED_NUMBER)), "1,01");
    assert.equal(one(numberVi([[1830.51]], 0)), "1.831");
    assert.equal(one(numberVi([[1830.51]], 3)), "1.830,510");
    assert.equal(one(numberVi([[2.5]], 0)), "3");
    assert.equal(one(numberVi([[-0.001]], 2)), "0,00");
  });

  it("reads text numbers (also the English form with both separators)", () => {
    assert.equal(one(numberVi([["1.830,51"]], OMITTED_NUMBER)), "1.830,51");
    assert.equal(one(numberVi([["1,830.51"]], OMITTED_NUMBER)), "1.830,51");
    assert.equal(one(numberVi([["64570 ha"]], OMITTED_NUMBER)), "64.570");
  });

  it("gives #NUM! for decimals outside 0..20 or not whole; #VALUE! for text that is not a number", () => {
    for (const d of [-1, 21, 1.5]) assertError(one(numberVi([[1]], d)), NUM);
    assertError(one(numberVi([["mười"]], OMITTED_NUMBER)), VALUE);
    assert.equal(one(numberVi([[null]], 2)), "");
  });
});

describe("functions: PARSE_NUMBER", () => {
  it("reads the report's numbers", () => {
    const texts = ["1.830,51", "17 tỷ 792 triệu", "8.076.287.000 đồng", "2.183", "1.830", "1,5"];
    const out = parseNumber(col(...texts));
    assert.deepEqual(out, col(1830.51, 17792000000, 8076287000, 2183, 1830, 1.5));
  });

  it("reads English order with both separators, percents as fractions; numbers pass", () => {
    assert.deepEqual(parseNumber([["1,830.51", "75%", 42, "18 tỷ 066 triệu"]]), [
      [1830.51, 0.75, 42, 18066000000],
    ]);
  });

  it("is the engine's parseNumberText", () => {
    for (const t of ["1.830,51", "(1.234)", "−5", "1 830 000", "1,5 tỷ", "2 tỷ 5 trăm triệu"]) {
      assert.equal(one(parseNumber([[t]])), parseNumberText(t)?.value, t);
    }
  });

  it("blank stays blank; #VALUE! for text that is not a number", () => {
    assert.equal(one(parseNumber([[null]])), "");
    assert.equal(one(parseNumber([["  "]])), "");
    assertError(one(parseNumber([["abc"]])), VALUE, "abc");
    assertError(one(parseNumber([["2 triệu 5"]])), VALUE);
  });
});

describe("functions: UNICODE", () => {
  const names = ["Hợp tác xã Thành Công", "Liên hiệp HTX Giang Thành", "Quỹ tín dụng nhân dân"];

  it("decodes TCVN3 and VNI text, detected automatically", () => {
    assert.equal(one(unicode([["Hîp t¸c x·"]], OMITTED)), "Hợp tác xã");
    assert.equal(one(unicode([["Hôïp taùc xaõ"]], OMITTED)), "Hợp tác xã");
    const tcvn = names.map((n) => encodeLegacy(n, "tcvn3"));
    const vni = names.map((n) => encodeLegacy(n, "vni"));
    assert.deepEqual(unicode([tcvn, vni], OMITTED), [names, names]);
  });

  it("leaves Unicode text unchanged (in NFC), also when an encoding is named", () => {
    assert.deepEqual(unicode(col(...names), OMITTED), col(...names));
    const nfd = names[0].normalize("NFD");
    assert.equal(one(unicode([[nfd]], OMITTED)), names[0]);
    assert.equal(one(unicode([[names[0]]], "tcvn3")), names[0]);
    assert.equal(one(unicode([[names[0]]], "vni")), names[0]);
    assert.equal(one(unicode([["HTX 2022"]], "tcvn3")), "HTX 2022");
  });

  it("decodes with the encoding or the font named", () => {
    assert.equal(one(unicode([[encodeLegacy(names[1], "tcvn3")]], "TCVN3")), names[1]);
    assert.equal(one(unicode([[encodeLegacy(names[1], "vni")]], "vni")), names[1]);
    assert.equal(one(unicode([[encodeLegacy(names[1], "vni")]], "VNI-Times")), names[1]);
    // A capitals font (.VnTimeH) draws the lower-case codes as capitals.
    const caps = encodeLegacy("HỢP TÁC XÃ", "tcvn3");
    assert.equal(one(unicode([[caps]], ".VnTimeH")), "HỢP TÁC XÃ");
    assert.equal(one(unicode([[encodeLegacy("Hợp tác xã", "tcvn3")]], ".VnTime")), "Hợp tác xã");
  });

  it("passes numbers through, leaves blanks blank, #VALUE! for an unknown encoding", () => {
    assert.deepEqual(unicode([[12, null, true]], OMITTED), [[12, "", true]]);
    assertError(one(unicode([["x"]], "utf-16")), VALUE, "tcvn3");
  });
});

/** Units of the reference report: 514 HTX active at the end of 2021, 22 dissolved and 33 founded in 2022. */
function referenceUnits(): { founded: unknown[][]; dissolved: unknown[][] } {
  const rows: Array<[unknown, unknown]> = [];
  // 492 founded before 2022 and still active: serials, text dates, years, blank (long ago).
  for (let i = 0; i < 492; i++) {
    const year = 1997 + (i % 25);
    const kinds: unknown[] = [
      serialFromYmd(year, 1 + (i % 12), 1 + (i % 28)),
      `${String(1 + (i % 28)).padStart(2, "0")}/${String(1 + (i % 12)).padStart(2, "0")}/${year}`,
      year,
      null,
    ];
    rows.push([kinds[i % 4], i % 4 === 3 ? null : ""]);
  }
  // Those with a blank founded date need a dissolved cell to be a unit: give them a later one.
  for (const r of rows) if (r[0] === null) r[1] = "15/06/2030";
  // 22 founded before 2022, dissolved in 2022 (the first and the last day included).
  for (let i = 0; i < 22; i++) {
    const dissolved =
      i === 0 ? "01/01/2022" : i === 1 ? serialFromYmd(2022, 12, 31) : `${1 + (i % 12)}/2022`;
    rows.push([2010 + (i % 10), dissolved]);
  }
  // 33 founded in 2022 (one on 31/12/2022), none dissolved.
  for (let i = 0; i < 33; i++) {
    rows.push([i === 0 ? "31/12/2022" : serialFromYmd(2022, 1 + (i % 12), 10), null]);
  }
  // 10 dissolved before 2021, 4 founded in 2023, 5 empty rows.
  for (let i = 0; i < 10; i++) rows.push([2005, `ngày 14 tháng 02 năm ${2015 + (i % 5)}`]);
  for (let i = 0; i < 4; i++) rows.push([serialFromYmd(2023, 1, 2 + i), null]);
  for (let i = 0; i < 5; i++) rows.push([null, ""]);
  return { founded: rows.map((r) => [r[0]]), dissolved: rows.map((r) => [r[1]]) };
}

describe("functions: ACTIVE_AT", () => {
  const { founded, dissolved } = referenceUnits();

  it("counts 514 active at the end of 2021 and 525 at the end of 2022 (the reference report)", () => {
    assert.equal(activeAt(founded, dissolved, 2021), 514);
    assert.equal(activeAt(founded, dissolved, 2022), 525);
    assert.equal(activeAt(founded, dissolved, "31/12/2022"), 525);
    assert.equal(activeAt(founded, dissolved, serialFromYmd(2022, 12, 31)), 525);
    assert.equal(activeAt(founded, dissolved, "12/2022"), 525);
    assert.equal(activeAt(founded, dissolved, [[2022]]), 525);
    assert.equal(activeAt(founded, dissolved, "năm 2022"), 525);
    assert.equal(activeAt(founded, dissolved, 2023), 529);
  });

  it("counts on the day: founded on or before it, not dissolved on or before it", () => {
    const f = col("01/06/2022", "01/06/2022", "02/06/2022", "01/01/2020");
    const d = col(null, "01/06/2022", null, "02/06/2022");
    assert.equal(activeAt(f, d, "01/06/2022"), 2);
    assert.equal(activeAt(f, d, "02/06/2022"), 2);
    assert.equal(activeAt(f, d, "31/05/2022"), 1);
  });

  it("takes a year as founded on its first day, and a single dissolved cell for all rows", () => {
    assert.equal(activeAt(col(2022, 2023), [[null]], "01/01/2022"), 1);
    assert.equal(activeAt(col(2020, 2021), [[2021]], 2022), 0);
    assert.equal(activeAt([[2020, 2021, null]], [["", "", null]], 2021), 2);
  });

  it("gives #VALUE! with the cell's position for a founded or dissolved cell that is no date", () => {
    assertError(activeAt(col(2020, "mới lập"), col(null, null), 2022), VALUE, "row 2");
    assertError(activeAt(col(2020, 2021), col(null, "31/02/2022"), 2022), VALUE, "31/02/2022");
    assertError(activeAt(col(-5), col(null), 2022), NUM);
  });

  it("gives #VALUE! for ranges of different sizes, and for a missing or bad date", () => {
    assertError(activeAt(col(2020, 2021), col(null, null, null), 2022), VALUE, "size");
    assertError(activeAt(col(2020), col(null), null), VALUE, "date");
    assertError(activeAt(col(2020), col(null), "hôm nay"), VALUE, "hôm nay");
    assertError(activeAt(col(2020), col(null), -1), NUM);
  });

  it("passes an error in a range on", () => {
    const e = new StubError(NA, "missing");
    assert.equal(activeAt(col(2020, e), col(null, null), 2022), e);
  });
});

describe("functions: NEW_IN", () => {
  const { founded } = referenceUnits();

  it("counts 33 HTX founded in 2022 (the reference report)", () => {
    assert.equal(newIn(founded, 2022), 33);
    assert.equal(newIn(founded, "2022"), 33);
    assert.equal(newIn(founded, serialFromYmd(2022, 7, 1)), 33);
    assert.equal(newIn(founded, "15/07/2022"), 33);
    assert.equal(newIn(founded, [[2022]]), 33);
    assert.equal(newIn(founded, 2023), 4);
  });

  it("counts years, months and days; a blank founded date is never new", () => {
    const f = col(2022, "03/2022", "ngày 14 tháng 02 năm 2022", null, "", 2021, "31/12/2021");
    assert.equal(newIn(f, 2022), 3);
  });

  it("gives #VALUE! for a founded cell that is no date, or a missing year", () => {
    assertError(newIn(col(2022, "sắp lập"), 2022), VALUE, "sắp lập");
    assertError(newIn(col(2022), null), VALUE, "year");
    assertError(newIn(col(2022), "năm nay"), VALUE);
  });
});

describe("functions: bad input never throws", () => {
  const cell = fc.oneof(
    fc.anything(),
    fc.double(),
    fc.string(),
    fc.constantFrom(null, "", "1.830,51", "17 tỷ", "31/02/2022", "2022", -1, 0, Infinity)
  );
  const range = fc.oneof(cell, fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 }));
  const check = (v: unknown): void => {
    const ok = (x: unknown) =>
      x === "" ||
      typeof x === "number" ||
      typeof x === "string" ||
      typeof x === "boolean" ||
      x instanceof StubError ||
      (typeof x === "object" && x !== null) ||
      x === null;
    if (Array.isArray(v)) for (const row of v) for (const x of row as unknown[]) assert.ok(ok(x));
    else assert.ok(typeof v === "number" || v instanceof StubError, String(v));
  };

  it("every function returns values or Excel errors for any input", () => {
    fc.assert(
      fc.property(range, range, cell, (a, b, c) => {
        const x = a as never;
        const y = b as never;
        const z = c as never;
        check(planPercent(x, y));
        check(planText(x, y, z));
        check(ratio(x, y));
        check(growth(x, y));
        check(vnd(x, z));
        check(numberVi(x, z));
        check(parseNumber(x));
        check(unicode(x, z));
        check(activeAt(x, y, z));
        check(newIn(x, z));
      }),
      { numRuns: 500 }
    );
  });
});

describe("UNICODE leaves Unicode alone, with or without a named encoding (review)", function () {
  it("Latin-1 words and symbols are not read as legacy text", function () {
    for (const text of [
      "Café Tô Hà",
      "Quán Café Hòa Bình",
      "Tô Hà ×2",
      "3×4 m",
      "Giá £5",
      "Hòa Bình",
    ]) {
      for (const enc of [null, "tcvn3", "vni"]) {
        assert.deepEqual(unicode([[text]], enc as string), [[text]], `${text} with ${enc}`);
      }
    }
  });

  it("legacy text is still decoded, detected or named", function () {
    assert.deepEqual(unicode([["Hîp t¸c x·"]], "tcvn3"), [["Hợp tác xã"]]);
    assert.deepEqual(unicode([["Hôïp taùc xaõ"]], "vni"), [["Hợp tác xã"]]);
    assert.deepEqual(unicode([["Hîp t¸c x·"]], null as unknown as string), [["Hợp tác xã"]]);
  });
});
