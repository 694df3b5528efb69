/**
 * Property tests: the header parsers and the whole reader never throw on
 * random input, and every issue they report is well formed.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { analyse } from "../../src/engine/analyse";
import { findHeader, matchHeader, isColumnNumberRow } from "../../src/engine/detect/headers";
import { kindFromName, yearFromName } from "../../src/engine/detect/kinds";
import { KINDS } from "../../src/engine/detect/schema";
import { areaScale, moneyScale, stripUnit } from "../../src/engine/detect/units";
import { CellValue, SheetData, WorkbookData } from "../../src/engine/model/cells";
import { ISSUE_CODES } from "../../src/engine/model/issues";
import { serialFromYmd } from "../../src/engine/parse/date";

const ALIASES = KINDS.flatMap((k) => [...k.sheetAliases, ...k.fields.flatMap((f) => f.aliases)]);
const WORDS = [
  ...ALIASES,
  "Tổng cộng",
  "Cộng",
  "Cộng huyện Tân Hiệp",
  "I. Huyện Hòn Đất",
  "(1)",
  "A",
  "triệu đồng",
  "(ha)",
  "ĐVT: triệu đồng",
  "Nông nghiệp",
  "NN",
  "Giải thể",
  "Quỹ TDND",
  "Liên hiệp HTX",
  "1.830,51",
  "17 tỷ 792 triệu",
  "31/02/2022",
  "14/02/2022",
  "2022",
  "Hîp t¸c x·",
  "Hôïp taùc xaõ",
  "Tân Hiệp".normalize("NFD"),
  "",
  " ",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 3, arbitrary: fc.integer({ min: -1000, max: 3_000_000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.boolean() },
  {
    weight: 1,
    arbitrary: fc.constantFrom("#REF!", "#DIV/0!", "#VALUE!", "#N/A").map((e) => ({ error: e })),
  }
);

const sheet: fc.Arbitrary<SheetData> = fc
  .record({
    name: fc.oneof(
      fc.constantFrom(
        ...KINDS.flatMap((k) => k.sheetAliases),
        "Sheet1",
        "DS HTX 2021",
        "_htx_settings"
      ),
      fc.string({ maxLength: 12 })
    ),
    values: fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 25 }),
    merges: fc.array(
      fc
        .record({ top: fc.nat(12), left: fc.nat(8), h: fc.nat(2), w: fc.nat(3) })
        .map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w })),
      { maxLength: 4 }
    ),
    fonts: fc.option(
      fc.array(
        fc.array(fc.constantFrom(".VnTime", ".VnTimeH", "VNI-Times", "Arial", null), {
          maxLength: 10,
        }),
        { maxLength: 25 }
      ),
      { nil: undefined }
    ),
  })
  .map((s) => ({ ...s, values: s.values.map((r) => r.map((v) => v)) }));

describe("properties: parsers and reader never throw", function () {
  this.timeout(120000);

  it("header matching, units and sheet names", function () {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.constantFrom(...WORDS), fc.string({ unit: "grapheme" })),
        (t) => {
          for (const k of KINDS) matchHeader(k.kind, t);
          stripUnit(t);
          moneyScale(t);
          areaScale(t);
          kindFromName(t);
          const y = yearFromName(t);
          assert.ok(y === null || (y >= 1900 && y <= 2099));
        }
      ),
      { numRuns: 3000 }
    );
  });

  it("header rows and column-number rows", function () {
    fc.assert(
      fc.property(sheet, (s) => {
        isColumnNumberRow(s.values[0]);
        findHeader(s, null);
        for (const k of KINDS) findHeader(s, k.kind);
        findHeader(s, "tht", 0);
      }),
      { numRuns: 1000 }
    );
  });

  it("the whole reader: no throw, well-formed issues, no value changed", function () {
    const codes = new Set<string>(ISSUE_CODES);
    fc.assert(
      fc.property(
        fc.array(sheet, { minLength: 1, maxLength: 4 }),
        fc.option(fc.integer({ min: 1990, max: 2030 }), { nil: undefined }),
        (sheets, year) => {
          const wb: WorkbookData = { sheets };
          const before = JSON.stringify(wb);
          const a = analyse(wb, { year, reportSerial: serialFromYmd(2022, 12, 19) });
          assert.equal(JSON.stringify(wb), before);
          for (const i of a.issues) {
            assert.ok(codes.has(i.code), i.code);
            assert.ok(i.message && i.message_en);
            if (i.cell !== null) assert.match(i.cell, /^[A-Z]{1,3}[1-9]\d*$/);
            if (i.row !== null) assert.ok(i.row >= 1);
          }
          for (const ind of a.indicators) {
            for (const v of [ind.actual, ind.plan, ind.percent, ind.previous, ind.plan_next]) {
              assert.ok(v === null || typeof v === "number");
            }
          }
        }
      ),
      { numRuns: 1500 }
    );
  });
});
