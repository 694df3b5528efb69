/**
 * Excel's errors in words the user can act on, and a retry for the transient
 * ones (a cell in edit mode, a busy host). Local for now: HtxError's code union
 * lives in src/workbook/port.ts; these codes should move there
 * ("editMode", "protected", "limit", "hostError") with strings in src/i18n.
 */
import type { OfficeExtensionError } from "./excel-types";

export type OfficeErrorCode =
  "editMode" | "protected" | "limit" | "notFound" | "busy" | "hostError";

type Params = Record<string, string | number>;

const TEXT: Record<OfficeErrorCode, { vi: (p: Params) => string; en: (p: Params) => string }> = {
  editMode: {
    vi: () =>
      "Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để ra khỏi ô đang sửa rồi thử lại.",
    en: () => "Excel is editing a cell. Press Enter or Esc to leave the cell, then try again.",
  },
  protected: {
    vi: (p) =>
      `Trang tính${p.sheet ? ` “${p.sheet}”` : ""} hoặc sổ làm việc đang được bảo vệ nên chưa ghi gì cả. ` +
      "Hãy bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính / sổ làm việc) rồi thử lại.",
    en: (p) =>
      `The sheet${p.sheet ? ` “${p.sheet}”` : ""} or the workbook is protected, so nothing was written. ` +
      "Unprotect it (Review → Unprotect Sheet / Protect Workbook) and try again.",
  },
  limit: {
    vi: () =>
      "Yêu cầu vượt quá giới hạn của Excel (5 MB hoặc 5 triệu ô mỗi lần), kể cả khi đã chia nhỏ.",
    en: () =>
      "The request exceeded Excel's limits (5 MB or 5 million cells at a time), even when split up.",
  },
  notFound: {
    vi: (p) =>
      `Không tìm thấy ${p.sheet ? `trang tính “${p.sheet}”` : "đối tượng cần dùng"} trong sổ làm việc.`,
    en: (p) => `${p.sheet ? `The sheet “${p.sheet}”` : "An object"} was not found in the workbook.`,
  },
  busy: {
    vi: () => "Excel đang bận. Hãy chờ một lát rồi thử lại.",
    en: () => "Excel is busy. Wait a moment and try again.",
  },
  hostError: {
    vi: (p) => `Excel báo lỗi: ${p.detail ?? ""}`.trim(),
    en: (p) => `Excel reported an error: ${p.detail ?? ""}`.trim(),
  },
};

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
    const vi = TEXT[code].vi(params);
    const en = TEXT[code].en(params);
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
