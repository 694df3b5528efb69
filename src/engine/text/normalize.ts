/**
 * Text comparison for Vietnamese: NFC, folded tone placement, and a "key"
 * form without case, diacritics, spaces or punctuation (DOMAIN §2, §3).
 */

/** NFC; safe on any input. */
export function nfc(s: string): string {
  return s.normalize("NFC");
}

/** True when the text changes under NFC (it holds decomposed characters). */
export function isNotNfc(s: string): boolean {
  // Quick reject: ASCII and already-composed text without combining marks.
  return !isAscii(s) && s !== s.normalize("NFC");
}

export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Old ("hòa", "thủy") and new ("hoà", "thuỷ") tone placement compare equal:
 * move the tone of "oa", "oe", "uy" onto the second vowel (new style).
 */
const TONE_MARKS = "\u0301\u0300\u0309\u0303\u0323";
const TONE_RE = new RegExp(`([oOuU])([${TONE_MARKS}])([aAeEyY])`, "g");
/** A toned o/u before a/e/y: the old placement ("hòa", "thủy"), in NFC text. */
const OLD_PLACEMENT =
  /[òóỏõọôồốổỗộơờớởỡợùúủũụưừứửữự][aeyâêăAEYÂÊĂ]|[ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰ][aeyâêăAEYÂÊĂ]/;
export function foldTonePlacement(s: string): string {
  if (isAscii(s)) return s;
  if (s === s.normalize("NFC") && !OLD_PLACEMENT.test(s)) return s;
  const d = s.normalize("NFD");
  // o/O or u/U + tone + a/e/y  →  o + a + tone
  return d.replace(TONE_RE, "$1$3$2").normalize("NFC");
}

/** Lower case, no diacritics (đ → d), no spaces or punctuation: the matching key. */
export function foldKey(s: string): string {
  if (isAscii(s)) return s.toLowerCase().replace(/[^a-z0-9]/g, "");
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** Lower case, diacritics kept, tone placement folded, spaces collapsed: for names. */
export function nameKey(s: string): string {
  return foldTonePlacement(s)
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** Lower case, diacritics removed (đ → d), words kept separated by single spaces. */
export function foldWords(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
