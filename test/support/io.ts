/** Captures the CLI's stdout and stderr. */
import type { Io } from "../../src/cli/main";

export interface Captured extends Io {
  stdout: () => string;
  stderr: () => string;
}

export function captureIo(errIsTty = false): Captured {
  let out = "";
  let err = "";
  return {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    errIsTty,
    stdout: () => out,
    stderr: () => err,
  };
}
