/**
 * DOMAIN §5's "active" and "new" on plain dates, for callers that have dates but no records
 * (the HTX.ACTIVE_AT and HTX.NEW_IN custom functions).
 *
 * A date of precision "year" or "month" stands for the first day of its period (as everywhere in
 * the engine): a unit founded "2022" counts as founded on 01/01/2022, one dissolved "03/2022" as
 * dissolved on 01/03/2022. A blank founded date counts as founded long ago (never new); a blank
 * dissolved date as not dissolved. `activeOn(f, d, serialFromYmd(Y, 12, 31))` is the same test as
 * `activeAt` in compute.ts for a record with those two dates and no status or suspended date.
 */
import type { DateValue } from "../parse/date";
import { serialFromYmd } from "../parse/date";

/**
 * The last day (serial) of the period a date names: the day itself; the last day of its month
 * ("12/2022" → 31/12/2022); 31/12 of its year ("2022").
 */
export function periodEndSerial(d: DateValue): number {
  if (d.precision === "year") return serialFromYmd(d.year, 12, 31);
  if (d.precision === "month") return serialFromYmd(d.year, d.month + 1, 1) - 1;
  return d.serial;
}

/**
 * Active on the day `endSerial`: founded on or before it (a blank founded date counts as long
 * ago) and not dissolved on or before it.
 */
export function activeOn(
  founded: DateValue | null,
  dissolved: DateValue | null,
  endSerial: number
): boolean {
  if (founded && founded.serial > endSerial) return false;
  if (dissolved && dissolved.serial <= endSerial) return false;
  return true;
}

/** Founded in `year` (a blank founded date is never new). */
export function foundedInYear(founded: DateValue | null, year: number): boolean {
  return founded !== null && founded.year === year;
}
