/** Hand-made packages for bad-input tests: huge sheets, odd parts, OLE files. */
import JSZip from "jszip";

const CT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WB = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="DS THT" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WB_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** A real .xlsx whose one sheet holds `rows` rows (header + numbered THT rows). */
export async function hugeSheetXlsx(
  rows: number,
  withDimension = true,
  store = false
): Promise<Buffer> {
  const parts: string[] = [];
  parts.push(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
  );
  if (withDimension) parts.push(`<dimension ref="A1:B${rows}"/>`);
  parts.push(
    `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Tên THT</t></is></c><c r="B1" t="inlineStr"><is><t>Số tổ viên</t></is></c></row>`
  );
  for (let r = 2; r <= rows; r++)
    parts.push(
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>THT ${r}</t></is></c><c r="B${r}"><v>${r % 50}</v></c></row>`
    );
  parts.push(`</sheetData></worksheet>`);
  const zip = new JSZip();
  zip.file("[Content_Types].xml", CT);
  zip.file("_rels/.rels", RELS);
  zip.file("xl/workbook.xml", WB);
  zip.file("xl/_rels/workbook.xml.rels", WB_RELS);
  zip.file("xl/worksheets/sheet1.xml", parts.join(""));
  return zip.generateAsync(
    store
      ? { type: "nodebuffer", compression: "STORE" }
      : { type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 1 } }
  );
}

/** A small sheet whose recorded dimension claims `ref` (as a real one that size would). */
export async function sheetWithDimension(ref: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await hugeSheetXlsx(3));
  const xml = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
  zip.file(
    "xl/worksheets/sheet1.xml",
    xml.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${ref}"/>`)
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Add a part (say, a chart) to an existing package. */
export async function withExtraPart(xlsx: Buffer, name: string, content: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  zip.file(name, content);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * An OLE compound file header followed by directory names, as Excel writes a
 * password-protected workbook ("EncryptionInfo", "EncryptedPackage") or a
 * legacy .xls ("Workbook").
 */
export function oleFile(streamNames: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  const dir = Buffer.alloc(128 * Math.max(1, streamNames.length));
  streamNames.forEach((n, i) => {
    const name = Buffer.from(n, "utf16le");
    name.copy(dir, i * 128);
    dir.writeUInt16LE(name.length + 2, i * 128 + 64);
  });
  return Buffer.concat([header, Buffer.alloc(512), dir]);
}
