/**
 * Excel's errors in words the user can act on (the words live in the vi / en
 * string tables, `hostErrors`), and a retry for the transient ones (a cell in
 * edit mode, a busy host).
 */
import type { OfficeExtensionError } from "./excel-types";
import { en as enStrings } from "../../i18n/en";
import type { HostErrorCode } from "../../i18n/types";
import { vi as viStrings } from "../../i18n/vi";

export type OfficeErrorCode = HostErrorCode;

type Params = Record<string, string | number>;

/** A failure from Excel, with a reason in Vietnamese and English. */
export class OfficeError extends Error {
  override readonly name = "OfficeError";
  readonly vi: string;
  readonly en: string;
  constructor(
    readonly code: OfficeErrorCode,
    readonly params: Params = {},
    /** Excel's own error code ("AccessDenied" …), when it came from Excel. */
    readonly excelCode?: string
  ) {
    const vi = viStrings.hostErrors[code](params);
    const en = enStrings.hostErrors[code](params);
    super(`${vi} / ${en}`);
    this.vi = vi;
    this.en = en;
  }

  /** Worth retrying after a short wait. */
  get transient(): boolean {
    return this.code === "editMode" || this.code === "busy";
  }
}

const BY_EXCEL_CODE: Record<string, OfficeErrorCode> = {
  InvalidOperationInCellEditMode: "editMode",
  AccessDenied: "protected",
  RequestPayloadSizeLimitExceeded: "limit",
  ResponsePayloadSizeLimitExceeded: "limit",
  RangeExceedsLimit: "limit",
  OperationCellsExceedLimit: "limit",
  ItemNotFound: "notFound",
  RequestAborted: "busy",
  ActivityLimitReached: "busy",
  Conflict: "busy",
};

function excelCodeOf(e: unknown): string | null {
  if (typeof e !== "object" || e === null) return null;
  const o = e as Partial<OfficeExtensionError>;
  if (typeof o.code === "string" && o.code) return o.code;
  if (o.debugInfo && typeof o.debugInfo.code === "string") return o.debugInfo.code;
  return null;
}

/** Excel's payload / cell-count limit errors (the read splits the chunk and retries). */
export function isLimitError(e: unknown): boolean {
  const code = excelCodeOf(e);
  return code !== null && BY_EXCEL_CODE[code] === "limit";
}

/**
 * An Excel error as an OfficeError; an OfficeError as it is. Anything else (a
 * bug, not the host) is returned unchanged.
 */
export function toOfficeError(e: unknown, params: Params = {}): unknown {
  if (e instanceof OfficeError) return e;
  const code = excelCodeOf(e);
  if (code === null) return e;
  const message = String((e as { message?: unknown }).message ?? "");
  let mapped: OfficeErrorCode = BY_EXCEL_CODE[code] ?? "hostError";
  if (mapped === "hostError" && code === "InvalidOperation" && /protect/i.test(message))
    mapped = "protected";
  return new OfficeError(
    mapped,
    mapped === "hostError" ? { ...params, detail: `${code}: ${message}` } : params,
    code
  );
}

export interface RetryOptions {
  /** Attempts in all (default 4). */
  attempts?: number;
  /** Waits between attempts in ms (default 300, 800, 1500; the last repeats). */
  delays?: number[];
  /** Injected for tests (default: setTimeout). */
  sleep?: (ms: number) => Promise<void>;
  /** Called before each retry. */
  onRetry?: (error: OfficeError, attempt: number) => void;
}

export const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** Run `fn`; on a transient Excel error wait and run it again, a few times. */
export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, opts.attempts ?? 4);
  const delays = opts.delays ?? [300, 800, 1500];
  const sleep = opts.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const err = toOfficeError(e);
      if (!(err instanceof OfficeError) || !err.transient || attempt >= attempts) throw err;
      opts.onRetry?.(err, attempt);
      await sleep(delays[Math.min(attempt - 1, delays.length - 1)] ?? 0);
    }
  }
}
