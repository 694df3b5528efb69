/**
 * Looking at an .xlsx package before loading it: is it a workbook at all, a
 * legacy .xls or an encrypted file, how big are its sheets, and does it hold
 * parts the ExcelJS writer would drop.
 */
import { promises as fs } from "fs";
import JSZip from "jszip";
import { getHeapStatistics } from "v8";
import type { Strings } from "../../i18n/types";
import { HtxError } from "../../workbook/port";

/**
 * Largest sheet read (rows), and largest total of cells, for the in-memory
 * reader. ExcelJS holds about 1.2 KB of heap per cell while it reads and
 * writes (measured by `npm run bench`: 3 GB for 2.7 million cells), so the
 * cell limit follows the heap Node was given.
 */
export const MAX_ROWS_PER_SHEET = 500_000;
const HEAP_BYTES_PER_CELL = 1300;
export const MAX_CELLS = Math.floor(getHeapStatistics().heap_size_limit / HEAP_BYTES_PER_CELL);
/** A cell's XML takes about this many bytes: a cell count for sheets with no dimension. */
const XML_BYTES_PER_CELL = 50;
export const MAX_FILE_MB = 200;

export interface PackageInfo {
  zip: JSZip;
  /** Parts the ExcelJS writer does not carry over, in words (Vietnamese and English). */
  unsupported: PartKey[];
  sheets: { name: string; path: string; rows: number | null; cols: number | null }[];
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Parts the ExcelJS writer does not carry over; their names are in the string tables (`parts`). */
export type PartKey = keyof Strings["parts"];

const PARTS: { re: RegExp; key: PartKey }[] = [
  { re: /^xl\/charts\//, key: "charts" },
  { re: /^xl\/pivotTables\/|^xl\/pivotCache\//, key: "pivots" },
  // DrawingML parts and media; not the VML that notes use, nor folder entries.
  { re: /^xl\/drawings\/drawing\d+\.xml$|^xl\/media\/[^/]+$/, key: "drawings" },
  { re: /^xl\/vbaProject\.bin$/, key: "macros" },
  { re: /^xl\/webextensions\/|^xl\/customUI|^customUI\//, key: "addins" },
  { re: /^xl\/slicers\/|^xl\/slicerCaches\/|^xl\/timelines\//, key: "slicers" },
  { re: /^xl\/embeddings\/|^xl\/activeX\/|^xl\/ctrlProps\//, key: "embedded" },
  { re: /^xl\/threadedComments\//, key: "threadedComments" },
  { re: /^xl\/externalLinks\//, key: "externalLinks" },
  { re: /^xl\/model\//, key: "dataModel" },
];

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function dimensionOf(xmlHead: string): { rows: number; cols: number } | null {
  const m = /<dimension[^>]*ref="([A-Z]+)?(\d+)?(?::([A-Z]+)(\d+))?"/.exec(xmlHead);
  if (!m) return null;
  const colNum = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const r1 = Number(m[2] ?? 1);
  const r2 = Number(m[4] ?? r1);
  const c1 = m[1] ? colNum(m[1]) : 1;
  const c2 = m[3] ? colNum(m[3]) : c1;
  return { rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
}

/** The shortest a row's XML can be (`<row r="1"><c r="A1"><v>1</v></c></row>`). */
const MIN_ROW_BYTES = 40;

/** Count `<row` elements of a sheet part, streaming; stops once past `stopAfter`. */
async function countRows(zip: JSZip, path: string, stopAfter: number): Promise<number> {
  const file = zip.file(path);
  if (!file) return 0;
  return new Promise((resolve) => {
    let count = 0;
    let tail = "";
    let done = false;
    const stream = file.nodeStream("nodebuffer");
    const finish = () => {
      if (!done) {
        done = true;
        resolve(count);
      }
    };
    stream.on("data", (chunk: Buffer) => {
      if (done) return;
      const text = tail + chunk.toString("latin1");
      let at = text.indexOf("<row");
      while (at !== -1) {
        // "<row" at the very end is seen again with the next chunk (it is kept in `tail`).
        const next = text.charCodeAt(at + 4);
        if (next === 32 || next === 62 || next === 47) count++;
        at = text.indexOf("<row", at + 4);
      }
      tail = text.slice(-4);
      if (count > stopAfter) {
        (stream as unknown as { pause(): void }).pause();
        finish();
      }
    });
    stream.on("end", finish);
    stream.on("error", finish);
  });
}

/** Read the beginning of a zipped part without inflating all of it. */
async function head(zip: JSZip, path: string, bytes = 4096): Promise<string> {
  const file = zip.file(path);
  if (!file) return "";
  return new Promise((resolve) => {
    let text = "";
    const stream = file.nodeStream("nodebuffer");
    stream.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
      if (text.length >= bytes) {
        (stream as unknown as { pause(): void }).pause();
        resolve(text);
      }
    });
    stream.on("end", () => resolve(text));
    stream.on("error", () => resolve(text));
  });
}

export async function inspectPackage(path: string): Promise<PackageInfo> {
  let buf: Buffer;
  try {
    const st = await fs.stat(path);
    if (!st.isFile()) throw new HtxError("notFound");
    if (st.size > MAX_FILE_MB * 1024 * 1024) {
      throw new HtxError("tooLargeFile", {
        size: Math.round(st.size / 1048576),
        limit: MAX_FILE_MB,
      });
    }
    buf = await fs.readFile(path);
  } catch (e) {
    if (e instanceof HtxError) throw e;
    throw new HtxError("notFound");
  }
  if (buf.length >= 8 && buf.subarray(0, 8).equals(OLE_MAGIC)) {
    // An OLE compound file: an encrypted OOXML package, or a legacy .xls.
    const utf16 = Buffer.from("EncryptionInfo", "utf16le");
    throw new HtxError(buf.includes(utf16) ? "encrypted" : "legacyXls");
  }
  if (buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b) throw new HtxError("notXlsx");
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    throw new HtxError("notXlsx");
  }
  const wbXml = zip.file("xl/workbook.xml");
  if (!wbXml) throw new HtxError("notXlsx");
  const workbook = await wbXml.async("string");
  const relsFile = zip.file("xl/_rels/workbook.xml.rels");
  const rels = relsFile ? await relsFile.async("string") : "";
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1];
    const t = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && t) target.set(id, t.startsWith("/") ? t.slice(1) : "xl/" + t.replace(/^\.\//, ""));
  }
  const sheets: PackageInfo["sheets"] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = decodeXml(/name="([^"]*)"/.exec(m[0])?.[1] ?? "");
    const rid = /r:id="([^"]+)"/.exec(m[0])?.[1] ?? /\bid="([^"]+)"/.exec(m[0])?.[1] ?? "";
    const p = target.get(rid) ?? "";
    const dim = p ? dimensionOf(await head(zip, p)) : null;
    sheets.push({ name, path: p, rows: dim ? dim.rows : null, cols: dim ? dim.cols : null });
  }
  const seen = new Set<string>();
  const unsupported: PackageInfo["unsupported"] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    for (const part of PARTS) {
      if (part.re.test(name) && !seen.has(part.key)) {
        seen.add(part.key);
        unsupported.push(part.key);
      }
    }
  }
  // Refuse sheets too large for the in-memory reader, naming the limit.
  let cells = 0;
  for (const s of sheets) {
    if (s.rows !== null && s.rows > MAX_ROWS_PER_SHEET) {
      throw new HtxError("tooLarge", { sheet: s.name, rows: s.rows, limit: MAX_ROWS_PER_SHEET });
    }
    if (s.rows !== null && s.cols !== null) cells += s.rows * s.cols;
  }
  for (const s of sheets) {
    // No dimension recorded (streaming writers omit it): count the rows when the XML is big
    // enough to hold more than the limit (a row takes at least MIN_ROW_BYTES).
    if (s.rows !== null || !s.path) continue;
    const size =
      (zip.file(s.path) as unknown as { _data?: { uncompressedSize?: number } })?._data
        ?.uncompressedSize ?? 0;
    cells += Math.ceil(size / XML_BYTES_PER_CELL);
    if (size <= MAX_ROWS_PER_SHEET * MIN_ROW_BYTES) continue;
    const rows = await countRows(zip, s.path, MAX_ROWS_PER_SHEET);
    s.rows = rows;
    if (rows > MAX_ROWS_PER_SHEET) {
      throw new HtxError("tooLarge", { sheet: s.name, rows, limit: MAX_ROWS_PER_SHEET });
    }
  }
  if (cells > MAX_CELLS) {
    throw new HtxError("tooManyCells", { cells, limit: MAX_CELLS });
  }
  return { zip, unsupported, sheets };
}
