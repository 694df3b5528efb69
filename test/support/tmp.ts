/** Temporary folders for tests, removed afterwards. */
import { mkdtempSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";

export function tmpDir(prefix = "htx-test-"): {
  dir: string;
  file: (name: string) => string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    file: (name) => path.join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
