/** LibreOffice headless as the real spreadsheet engine that recalculates our formulas. */
import { execFile } from "child_process";
import { existsSync } from "fs";
import * as path from "path";
import { pathToFileURL } from "url";

export function findSoffice(): string | null {
  for (const p of [
    "/usr/bin/soffice",
    "/usr/bin/libreoffice",
    "/usr/local/bin/soffice",
    "/opt/libreoffice/program/soffice",
  ]) {
    if (existsSync(p)) return p;
  }
  return null;
}

/** Open `file` in LibreOffice and save it again as .xlsx into `outDir` (formulas recalculated). */
export function convertWithLibreOffice(
  soffice: string,
  file: string,
  outDir: string,
  profileDir: string
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profileDir).href}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx",
        "--outdir",
        outDir,
        file,
      ],
      { timeout: 180000 },
      (err, stdout, stderr) => {
        const out = path.join(outDir, path.basename(file));
        if (err || !existsSync(out))
          reject(new Error(`soffice failed: ${err?.message ?? ""} ${stdout} ${stderr}`));
        else resolve(out);
      }
    );
  });
}
