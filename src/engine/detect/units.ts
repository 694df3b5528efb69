/** Units in headers (DOMAIN §2): money scales to đồng, area scales to ha. */
import { foldWords } from "../text/normalize";

/** Scale from the header's money unit to đồng, or null when the text names none. */
export function moneyScale(text: string): number | null {
  const w = " " + foldWords(unitPart(text)) + " ";
  if (/ (ty dong|ty|ti dong|ti) /.test(w)) return 1e9;
  if (/ (trieu dong|trieu|tr d|trd|tr dong|tr) /.test(w)) return 1e6;
  if (/ (nghin dong|ngan dong|nghin|ngan|1000 d|1 000 d|1000d) /.test(w)) return 1e3;
  if (/ (dong|vnd|vnd|d) /.test(w)) return 1;
  return null;
}

/** Scale from the header's area unit to ha, or null when none. */
export function areaScale(text: string): number | null {
  text = unitPart(text);
  if (/m\s*(2|²)/i.test(text)) return 1e-4;
  const w = " " + foldWords(text) + " ";
  if (/ (m2|met vuong) /.test(w)) return 1e-4;
  if (/ (ha|hecta|hec ta) /.test(w)) return 1;
  return null;
}

/** "DVT: triệu đồng" in a title block → the text after the colon. */
export function dvtOf(text: string): string | null {
  const m = /(?:ĐVT|DVT|Đơn vị tính|Don vi tinh)\s*[:：]\s*(.+)$/i.exec(text.normalize("NFC"));
  return m ? m[1].trim() : null;
}

/** A header without its unit part: parenthesised parts and a trailing unit phrase removed. */
export function stripUnit(text: string): string {
  let s = text.replace(/\([^)]*\)/g, " ").replace(/\[[^\]]*\]/g, " ");
  s = s.replace(/(ĐVT|DVT)\s*[:：].*$/i, " ");
  // A trailing unit after a separator: "Vốn góp - triệu đồng", "Diện tích, ha", "Vốn góp/triệu đồng"
  s = s.replace(
    /[\s,;/–-]+(triệu đồng|tr\.?\s?đ(ồng)?|trđ|nghìn đồng|ngàn đồng|tỷ đồng|đồng|VNĐ|ha|m2|m²|người)\s*(\/\s*năm)?\s*$/i,
    " "
  );
  return s.trim();
}

/** The part of a header that names its unit: the parenthesised text, else the whole header. */
export function unitPart(text: string): string {
  const parts = text.match(/\(([^)]*)\)/g);
  return parts ? parts.join(" ") : text;
}
