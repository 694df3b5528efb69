import assert from "node:assert/strict";
import fc from "fast-check";
import { activeOn, foundedInYear, periodEndSerial } from "../../src/engine/indicators/active";
import { activeAt } from "../../src/engine/indicators/compute";
import type { DateValue } from "../../src/engine/parse/date";
import { parseDateValue, serialFromYmd } from "../../src/engine/parse/date";
import type { DataRecord } from "../../src/engine/read/sheet-reader";

function date(v: unknown): DateValue {
  const r = parseDateValue(v);
  assert.ok(r && r.ok, `not a date: ${String(v)}`);
  return r.date;
}

describe("indicators/active: DOMAIN §5 on plain dates", () => {
  it("periodEndSerial: the day, the month's last day, 31/12 of the year", () => {
    assert.equal(periodEndSerial(date("14/02/2022")), serialFromYmd(2022, 2, 14));
    assert.equal(periodEndSerial(date("02/2024")), serialFromYmd(2024, 2, 29));
    assert.equal(periodEndSerial(date("12/2022")), serialFromYmd(2022, 12, 31));
    assert.equal(periodEndSerial(date(2022)), serialFromYmd(2022, 12, 31));
  });

  it("activeOn: founded on or before the day, not dissolved on or before it", () => {
    const end = serialFromYmd(2022, 12, 31);
    assert.equal(activeOn(date("31/12/2022"), null, end), true);
    assert.equal(activeOn(date("01/01/2023"), null, end), false);
    assert.equal(activeOn(null, null, end), true);
    assert.equal(activeOn(date(2010), date("31/12/2022"), end), false);
    assert.equal(activeOn(date(2010), date("01/01/2023"), end), true);
    assert.equal(activeOn(date(2023), null, end), false);
  });

  it("foundedInYear: by the year of the date; blank is never new", () => {
    assert.equal(foundedInYear(date("31/12/2022"), 2022), true);
    assert.equal(foundedInYear(date(2022), 2022), true);
    assert.equal(foundedInYear(date("01/2023"), 2022), false);
    assert.equal(foundedInYear(null, 2022), false);
  });

  it("agrees with compute.ts's activeAt at the end of every year", () => {
    const dateArb = fc.option(
      fc.oneof(
        fc.integer({ min: 1995, max: 2030 }),
        fc.record({
          y: fc.integer({ min: 1995, max: 2030 }),
          m: fc.integer({ min: 1, max: 12 }),
          d: fc.integer({ min: 1, max: 28 }),
        })
      ),
      { nil: null }
    );
    const toDate = (v: number | { y: number; m: number; d: number } | null): DateValue | null =>
      v === null ? null : typeof v === "number" ? date(v) : date(serialFromYmd(v.y, v.m, v.d));
    fc.assert(
      fc.property(dateArb, dateArb, fc.integer({ min: 1995, max: 2030 }), (f, d, year) => {
        const founded = toDate(f);
        const dissolved = toDate(d);
        const rec: DataRecord = { row: 0, group: -1, v: { founded, dissolved } };
        assert.equal(
          activeOn(founded, dissolved, serialFromYmd(year, 12, 31)),
          activeAt(rec, year, year)
        );
      }),
      { numRuns: 2000 }
    );
  });
});
