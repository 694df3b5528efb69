/**
 * Requirement sets: which ExcelApi version each API the fake models needs, and
 * what a host supporting ExcelApi up to some version (minus some APIs) allows.
 * An API the host lacks fails at sync with ApiNotFound, as in Excel, where the
 * office.js library always knows the newest API and only the host refuses it.
 */
import { ErrorCodes, FakeExcelError } from "./errors";

/** The newest ExcelApi set the fake knows; its hosts support it unless told otherwise. */
export const DEFAULT_EXCEL_API = "1.20";

/** ExcelApi version each API (by the name `Tx.api` is given) needs. */
export const API_SETS: Readonly<Record<string, string>> = {
  suspendScreenUpdatingUntilNextSync: "1.9",
  getMergedAreasOrNullObject: "1.13",
  notes: "1.18",
};

/** -1, 0 or 1 as version a is older than, the same as or newer than b ("1.9" < "1.13"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] || 0;
    const y = pb[i] || 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export class ApiSupport {
  readonly excelApi: string;
  readonly unsupported: ReadonlySet<string>;

  constructor(excelApi: string = DEFAULT_EXCEL_API, unsupported: string[] = []) {
    this.excelApi = excelApi;
    this.unsupported = new Set(unsupported);
  }

  /** Whether the host has this API. */
  has(name: string): boolean {
    if (this.unsupported.has(name)) return false;
    const set = API_SETS[name];
    return set === undefined || compareVersions(set, this.excelApi) <= 0;
  }

  /** Throws ApiNotFound when the host lacks the API (at sync). */
  require(name: string): void {
    if (!this.has(name))
      throw new FakeExcelError(ErrorCodes.apiNotFound, `${name} is not available on this host.`);
  }

  /**
   * `Office.context.requirements.isSetSupported`: ExcelApi up to `excelApi`,
   * and only below the set of any API named unsupported (a host without the
   * notes API does not support ExcelApi 1.18). Other sets: not modelled, false.
   */
  isSetSupported(set: string, version = "1.1"): boolean {
    if (set.toLowerCase() !== "excelapi") return false;
    if (compareVersions(version, this.excelApi) > 0) return false;
    for (const name of this.unsupported) {
      const needs = API_SETS[name];
      if (needs !== undefined && compareVersions(needs, version) <= 0) return false;
    }
    return true;
  }
}
