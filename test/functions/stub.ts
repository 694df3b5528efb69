/*
 * A stand-in for Excel's `CustomFunctions` runtime object ({ associate, Error, ErrorCode }), for
 * calling the functions outside Excel: installed on globalThis by `installStub()` (unit tests), or
 * handed to a `vm` context (the built script).
 */
import assert from "node:assert/strict";

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** Excel accepts a custom message with these codes only. */
const MESSAGE_CODES = new Set<string>([ErrorCode.invalidValue, ErrorCode.notAvailable]);

export class StubError {
  readonly code: string;
  readonly message?: string;
  constructor(code: string, message?: string) {
    if (!Object.values(ErrorCode).includes(code as never)) {
      throw new TypeError(`unknown error code ${code}`);
    }
    if (message !== undefined && !MESSAGE_CODES.has(code)) {
      throw new TypeError(`${code} takes no custom message`);
    }
    this.code = code;
    if (message !== undefined) this.message = message;
  }
}

export interface Stub {
  associate(id: string, f: (...args: unknown[]) => unknown): void;
  Error: typeof StubError;
  ErrorCode: typeof ErrorCode;
  registry: Map<string, (...args: unknown[]) => unknown>;
}

/** A fresh stub; `Error` is the class given (the vm test passes the context's own). */
export function makeStub(): Stub {
  const registry = new Map<string, (...args: unknown[]) => unknown>();
  return {
    associate(id, f) {
      assert.equal(typeof f, "function", `associate(${id}) needs a function`);
      assert.ok(!registry.has(id), `${id} associated twice`);
      registry.set(id, f);
    },
    Error: StubError,
    ErrorCode,
    registry,
  };
}

/** Put a stub on globalThis (idempotent). */
export function installStub(): void {
  const g = globalThis as { CustomFunctions?: unknown };
  if (!g.CustomFunctions) g.CustomFunctions = makeStub();
}

installStub();

/** The value is an Excel error with this code; #VALUE! and #N/A must carry a message. */
export function assertError(v: unknown, code: string, messageIncludes?: string): void {
  assert.ok(v instanceof StubError, `expected ${code}, got ${JSON.stringify(v)}`);
  assert.equal(v.code, code);
  if (MESSAGE_CODES.has(code)) {
    assert.ok(v.message && v.message.length > 0, `${code} without a message`);
    if (messageIncludes) assert.ok(v.message.includes(messageIncludes), v.message);
  } else {
    assert.equal(v.message, undefined);
  }
}
