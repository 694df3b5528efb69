/**
 * Legacy Vietnamese text: TCVN3 (ABC, TCVN 5712 VN3) and VNI-Windows.
 *
 * Old workbooks hold Vietnamese typed with 8-bit fonts (".VnTime", "VNI-Times", ...). Excel stores
 * the raw font code points, so when we read such a cell we get Windows-1252 characters: the TCVN3
 * "Hîp t¸c x·" or the VNI "Hôïp taùc xaõ" both mean "Hợp tác xã".
 *
 * This module detects such text, decodes it to NFC Unicode, and encodes Unicode back (for tests and
 * demo fixtures). It is pure TypeScript (plus iconv-lite for the TCVN table) so that it also runs in
 * the add-in's browser bundle.
 *
 * Design notes:
 * - TCVN3 fonts implement VN3, the smallest of the three TCVN 5712 tables: 67 lower-case letters,
 *   7 capitals without tone (Ă Â Ê Ô Ơ Ư Đ) and NBSP. iconv-lite's "tcvn" codec is VN1, the full
 *   table: it also puts toned capitals on 0x01-0x17 (control codes!), on 0x80-0x9F (where cp1252
 *   has € ‚ „ … “ ” – — ™ ...) and on 16 more Latin-1 positions (À Á Â Ã Ä Å Í Ù Ú Û à ð ÿ ¯ º
 *   ¿), and maps 0xB0-0xB4 (° ± ² ³ ´) to bare combining tone marks. None of those exist in VN3 fonts, so
 *   we take only the VN3 part of iconv's table and leave every other character as it is. Capitals
 *   with tones are written with a separate capitals font (".VnTimeH"), which draws the lower-case
 *   code points as capitals: we decode, then upper-case.
 * - VNI-Windows writes a vowel as an ASCII base letter followed by one accent glyph (for ơ, ư, đ
 *   and the toned i a single glyph). We decode with a longest-match-first table.
 * - Detection without a font name is statistical and deliberately conservative (see
 *   `guessFromStatistics`): a false positive would corrupt correct data.
 */
import * as iconv from "iconv-lite";

export type LegacyEncoding = "tcvn3" | "vni";

// ---------------------------------------------------------------------------------------------
// Unicode Vietnamese building blocks
// ---------------------------------------------------------------------------------------------

/** Tone index: 0 none, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng. */
const TONE_COMBINING = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];
const SAC = 1;
const NANG = 5;

/** The twelve vowel letters (lower case, NFC). */
const VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
/** Vowels that carry a modifier (breve, circumflex, horn): they take the tone mark. */
const MARKED_VOWELS = "ăâêôơư";

interface VowelInfo {
  base: string;
  tone: number;
}

/** Every lower-case toned/untoned vowel (72 NFC characters) → its base vowel and tone. */
const VOWEL_INFO: Map<string, VowelInfo> = (() => {
  const map = new Map<string, VowelInfo>();
  for (const base of VOWELS) {
    for (let tone = 0; tone < TONE_COMBINING.length; tone++) {
      map.set((base + TONE_COMBINING[tone]).normalize("NFC"), { base, tone });
    }
  }
  return map;
})();

const CONSONANTS = new Set("bcdđghjklmnpqrstvx");

/** Characters that are Vietnamese-only letters in Unicode (not in cp1252): proof of real Unicode. */
function isUnicodeVietnameseChar(code: number): boolean {
  return (
    (code >= 0x1ea0 && code <= 0x1ef9) || // Latin Extended Additional: ạ ả ấ ... ỹ
    (code >= 0x0300 && code <= 0x036f) || // combining marks (decomposed text)
    code === 0x0102 || // Ă
    code === 0x0103 || // ă
    code === 0x0110 || // Đ
    code === 0x0111 || // đ
    code === 0x0128 || // Ĩ
    code === 0x0129 || // ĩ
    code === 0x0168 || // Ũ
    code === 0x0169 || // ũ
    code === 0x01a0 || // Ơ
    code === 0x01a1 || // ơ
    code === 0x01af || // Ư
    code === 0x01b0 // ư
  );
}

function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 0x80) return true;
  }
  return false;
}

/**
 * The gate every legacy reading passes first: text with a non-ASCII character and no
 * character that only Unicode Vietnamese has. Text failing it is never legacy, whatever the
 * font, so a host need not fetch the fonts of its cells.
 */
export function mayBeLegacy(text: string): boolean {
  if (typeof text !== "string" || !hasNonAscii(text)) return false;
  const nfc = text.normalize("NFC");
  for (let i = 0; i < nfc.length; i++) if (isUnicodeVietnameseChar(nfc.charCodeAt(i))) return false;
  return true;
}

function safeNfc(text: unknown): string {
  if (typeof text !== "string") return "";
  try {
    return text.normalize("NFC");
  } catch {
    return text;
  }
}

// ---------------------------------------------------------------------------------------------
// Tables. Each decode entry records whether it is a "marker": a legacy spelling that ordinary
// (Unicode, European) text practically never contains. Markers weigh more in detection.
// ---------------------------------------------------------------------------------------------

interface DecodeEntry {
  /** Unicode (NFC) text of the legacy sequence. */
  text: string;
  /** True when the legacy spelling is strong evidence of legacy text. */
  marker: boolean;
}

interface Tables {
  /** Legacy sequence (cp1252 characters) → Unicode. */
  decode: Map<string, DecodeEntry>;
  /** Unicode NFC character → legacy sequence. */
  encode: Map<string, string>;
  /** Every non-ASCII character used by the encoding (for word splitting). */
  chars: Set<string>;
}

let tcvn3Cache: Tables | null = null;
let vniCache: Tables | null = null;

/**
 * TCVN3 (VN3) table, taken from iconv-lite's "tcvn" codec (which is VN1): bytes 0xA1-0xFE
 * decoded by iconv, keeping only the VN3 assignments, i.e. lower-case letters plus the seven
 * capitals on 0xA1-0xA7. Bytes 0xA0-0xFF mean the same in cp1252 and Latin-1, so byte b
 * arrives from Excel as the character whose code point is b (0xB8 → "¸").
 */
function tcvn3Tables(): Tables {
  if (tcvn3Cache) return tcvn3Cache;
  const bytes = new Uint8Array(0xff - 0xa1);
  for (let b = 0xa1; b < 0xff; b++) bytes[b - 0xa1] = b;
  const unicode = iconv.decode(bytes, "tcvn");
  const decode = new Map<string, DecodeEntry>();
  const encode = new Map<string, string>();
  const chars = new Set<string>();
  for (let b = 0xa1; b < 0xff; b++) {
    const u = unicode[b - 0xa1].normalize("NFC");
    const lower = u.toLowerCase();
    const isLetter = VOWEL_INFO.has(lower) || lower === "đ";
    const isVn3Capital = b <= 0xa7; // Ă Â Ê Ô Ơ Ư Đ
    // Skip VN1-only capitals (À Ả Ã ... on 0xAF, 0xBA, 0xBF, 0xC0-0xC5, ...) and the bare
    // combining marks on 0xB0-0xB4: VN3 fonts do not have them.
    if (!isLetter || (u !== lower && !isVn3Capital)) continue;
    const legacy = String.fromCharCode(b);
    // Symbols (¡-¾, ×, ÷) as letters never happen in ordinary text; Latin-1 letters might.
    const marker = b < 0xc0 || b === 0xd7 || b === 0xf7;
    decode.set(legacy, { text: u, marker });
    encode.set(u, legacy);
    chars.add(legacy);
  }
  // VN3 has no toned capitals: they are typed with the lower-case code in a capitals font
  // (".VnTimeH"), so encode "Á" like "á". Untoned capitals keep their own code (set above).
  for (const [legacy, entry] of decode) {
    const upper = entry.text.toUpperCase();
    if (!encode.has(upper)) encode.set(upper, legacy);
  }
  tcvn3Cache = { decode, encode, chars };
  return tcvn3Cache;
}

/** Longest VNI legacy sequence (base letter + accent glyph). */
const VNI_MAX_SEQUENCE = 2;

/**
 * VNI-Windows table, lower case; upper case is the upper-cased spelling (e.g. "aù" → "AÙ").
 * Plain vowels take one of five tone glyphs; â ê ô are the base + a glyph combining circumflex and
 * tone; ă is "a" + a glyph combining breve and tone; ơ, ư, đ and the toned i/ỵ are single glyphs.
 */
const VNI_TONE = ["", "ù", "ø", "û", "õ", "ï"];
const VNI_CIRCUMFLEX = ["â", "á", "à", "å", "ã", "ä"];
const VNI_BREVE = ["ê", "é", "è", "ú", "ü", "ë"];
const VNI_I = ["i", "í", "ì", "æ", "ó", "ò"];

/** VNI spelling of a lower-case vowel `base` with tone `tone`. */
function vniSpelling(base: string, tone: number): string {
  switch (base) {
    case "ă":
      return "a" + VNI_BREVE[tone];
    case "â":
      return "a" + VNI_CIRCUMFLEX[tone];
    case "ê":
      return "e" + VNI_CIRCUMFLEX[tone];
    case "ô":
      return "o" + VNI_CIRCUMFLEX[tone];
    case "ơ":
      return "ô" + VNI_TONE[tone];
    case "ư":
      return "ö" + VNI_TONE[tone];
    case "i":
      return VNI_I[tone];
    case "y":
      return tone === NANG ? "î" : "y" + VNI_TONE[tone];
    default: // a e o u
      return base + VNI_TONE[tone];
  }
}

/**
 * VNI vowel + accent pairs that also occur in European words (French "où", "Loïc", "Raphaël",
 * Spanish "aún", Portuguese "saúde"): weaker evidence than the other pairs ("aù", "oà", "eä"...).
 */
const VNI_WEAK_PAIRS = new Set(["où", "aï", "eï", "oï", "uï", "aë", "aú", "aü"]);

function vniTables(): Tables {
  if (vniCache) return vniCache;
  const decode = new Map<string, DecodeEntry>();
  const encode = new Map<string, string>();
  const chars = new Set<string>();
  const add = (legacy: string, unicode: string, canonical: boolean): void => {
    const marker = legacy.length > 1 && !VNI_WEAK_PAIRS.has(legacy.toLowerCase());
    if (!decode.has(legacy)) decode.set(legacy, { text: unicode, marker });
    if (canonical) encode.set(unicode, legacy);
    for (const ch of legacy) if (ch.charCodeAt(0) >= 0x80) chars.add(ch);
  };
  const letters: Array<[string, string]> = [["đ", "ñ"]];
  for (const base of VOWELS) {
    for (let tone = 0; tone < TONE_COMBINING.length; tone++) {
      letters.push([(base + TONE_COMBINING[tone]).normalize("NFC"), vniSpelling(base, tone)]);
    }
  }
  for (const [lower, legacyLower] of letters) {
    if (legacyLower === lower && lower.charCodeAt(0) < 0x80) continue; // a e i o u y: ASCII
    const upper = lower.toUpperCase();
    const legacyUpper = legacyLower.toUpperCase();
    add(legacyLower, lower, true);
    add(legacyUpper, upper, true);
    if (legacyLower.length === 2) {
      // Mixed case (e.g. after Excel's PROPER or a caps-lock slip): the base letter decides.
      add(legacyUpper[0] + legacyLower[1], upper, false);
      add(legacyLower[0] + legacyUpper[1], lower, false);
    }
  }
  vniCache = { decode, encode, chars };
  return vniCache;
}

function tablesFor(encoding: LegacyEncoding): Tables {
  return encoding === "vni" ? vniTables() : tcvn3Tables();
}

// ---------------------------------------------------------------------------------------------
// Decoders
// ---------------------------------------------------------------------------------------------

interface DecodeStats {
  /** Non-ASCII characters the table does not explain (left as they are). */
  unexplained: number;
  /** Marker sequences decoded (see DecodeEntry.marker). */
  markers: number;
}

/** TCVN3 → Unicode, one character at a time; unknown characters pass through. Not NFC-ed. */
function decodeTcvn3(text: string, stats?: DecodeStats): string {
  const { decode } = tcvn3Tables();
  let out = "";
  let last = 0; // start of the pending run of unchanged characters
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x80) continue;
    const entry = decode.get(text[i]);
    if (entry === undefined) {
      if (stats) stats.unexplained++;
      continue;
    }
    if (stats && entry.marker) stats.markers++;
    out += text.slice(last, i) + entry.text;
    last = i + 1;
  }
  return out + text.slice(last);
}

/** VNI → Unicode, longest match first at each position; unknown characters pass through. */
function decodeVni(text: string, stats?: DecodeStats): string {
  const { decode } = vniTables();
  let out = "";
  let last = 0;
  let i = 0;
  while (i < text.length) {
    let entry: DecodeEntry | undefined;
    let length = 0;
    for (let len = VNI_MAX_SEQUENCE; len >= 1 && entry === undefined; len--) {
      // Every VNI sequence ends with a non-ASCII glyph: skip hopeless look-ups cheaply.
      if (i + len > text.length || text.charCodeAt(i + len - 1) < 0x80) continue;
      entry = decode.get(len === 1 ? text[i] : text.slice(i, i + len));
      length = len;
    }
    if (entry === undefined) {
      if (stats && text.charCodeAt(i) >= 0x80) stats.unexplained++;
      i++;
      continue;
    }
    if (stats && entry.marker) stats.markers++;
    out += text.slice(last, i) + entry.text;
    i += length;
    last = i;
  }
  return out + text.slice(last);
}

function decodeRaw(text: string, encoding: LegacyEncoding, stats?: DecodeStats): string {
  return encoding === "vni" ? decodeVni(text, stats) : decodeTcvn3(text, stats);
}

// ---------------------------------------------------------------------------------------------
// Fonts
// ---------------------------------------------------------------------------------------------

function encodingFromFont(fontName: string | null | undefined): LegacyEncoding | null {
  if (typeof fontName !== "string") return null;
  const name = fontName.trim().toLowerCase();
  if (name.startsWith(".vn")) return "tcvn3";
  if (/^vni[-_ ]/.test(name)) return "vni";
  return null;
}

/** True when the font name is a TCVN3 capitals font (ends with H, e.g. ".VnTimeH", ".VnArialH"). */
export function isCapitalsFont(fontName: string | null | undefined): boolean {
  if (typeof fontName !== "string") return false;
  const name = fontName.trim();
  // Case-sensitive "H": ".VnEnglish" (lower-case h) is an ordinary font.
  return name.length > 4 && name.toLowerCase().startsWith(".vn") && name.endsWith("H");
}

/**
 * Without a font name: TCVN3 text whose ASCII letters are all capitals but which uses lower-case
 * TCVN3 codes ("HîP T¸C X·") was typed for a capitals font; in an ordinary font it would read
 * "HợP TáC Xã", which nobody means.
 */
function looksTypedForCapitalsFont(text: string): boolean {
  const { decode } = tcvn3Tables();
  let asciiLetters = 0;
  let lowerCodes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return false; // an ASCII lower-case letter
    if (c >= 0x41 && c <= 0x5a) asciiLetters++;
    else if (c >= 0x80) {
      const entry = decode.get(text[i]);
      if (entry && entry.text === entry.text.toLowerCase()) lowerCodes++;
    }
  }
  return asciiLetters > 0 && lowerCodes > 0;
}

// ---------------------------------------------------------------------------------------------
// Vietnamese syllable check (used by detection)
// ---------------------------------------------------------------------------------------------

/** Initial consonants, including a few clusters of Central Highlands names (Krông, Đắk Pla...). */
const ONSETS = [
  "",
  ..."b c ch d đ g gh gi h j k kh l m n ng ngh nh p ph qu r s t th tr v x".split(" "),
  ..."bl br dr gr kr pl pr".split(" "),
];

/** Rhymes (vần) without tone. Includes the "-k" rhymes of Central Highlands names (Đắk Lắk). */
const RHYMES = new Set(
  (
    "a ac ach ai am an ang anh ao ap at au ay ak " +
    "ăc ăm ăn ăng ăp ăt ăk " +
    "âc âm ân âng âp ât âu ây âk " +
    "e ec em en eng eo ep et ek " +
    "ê êch êm ên êng ênh êp êt êu êk " +
    "i ia ich im in inh ip it iu ik iêc iêm iên iêng iêp iêt iêu " +
    "o oc oi om on ong op ot ok oong ooc " +
    "oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt " +
    "oe oem oen oeo oet " +
    "ô ôc ôi ôm ôn ông ôp ôt ôk " +
    "ơ ơi ơm ơn ơp ơt ơk " +
    "u ua uc ui um un ung up ut uk " +
    "uân uâng uât uây uê uêch uênh uơ uy uya uych uyên uyêt uyn uynh uyt uyu " +
    "uôc uôi uôm uôn uông uôt " +
    "ư ưa ưc ưi ưm ưn ưng ưt ưu ưk ươc ươi ươm ươn ương ươp ươt ươu " +
    "y yêm yên yêng yêt yêu ych ynh yt"
  ).split(" ")
);

/** May a syllable with rhyme `rhyme` carry its tone mark on rhyme[pos]? (old or new style) */
function toneAllowed(rhyme: string, pos: number): boolean {
  let end = 0;
  while (end < rhyme.length && VOWEL_INFO.has(rhyme[end])) end++;
  if (pos < 0 || pos >= end) return false;
  const cluster = rhyme.slice(0, end);
  let marked = -1;
  for (let i = 0; i < cluster.length; i++) if (MARKED_VOWELS.includes(cluster[i])) marked = i;
  if (marked >= 0) return pos === marked; // "ươ" → on ơ
  if (cluster.length === 1) return pos === 0;
  if (end < rhyme.length) return pos === cluster.length - 1; // with a final consonant: "hoàng"
  if (cluster.length === 2) {
    // "hòa"/"hoà", "khỏe"/"khoẻ", "thúy"/"thuý"; otherwise the first vowel: "tài", "của"
    return cluster === "oa" || cluster === "oe" || cluster === "uy" || pos === 0;
  }
  return pos === 1; // "oai", "uya", "oeo": the middle one
}

/** Is `word` (lower case, NFC) a well-formed Vietnamese syllable? */
function isVietnameseSyllable(word: string): boolean {
  let bare = "";
  let tone = 0;
  let tonePos = -1;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    const info = VOWEL_INFO.get(ch);
    if (info) {
      bare += info.base;
      if (info.tone !== 0) {
        if (tone !== 0) return false; // two tone marks
        tone = info.tone;
        tonePos = i;
      }
    } else if (CONSONANTS.has(ch)) {
      bare += ch;
    } else {
      return false;
    }
  }
  const stopFinal = /(?:c|ch|p|t|k)$/.test(bare);
  for (const onset of ONSETS) {
    if (!bare.startsWith(onset)) continue;
    const rhyme = bare.slice(onset.length);
    if (!RHYMES.has(rhyme)) continue;
    if (tone !== 0 && !toneAllowed(rhyme, tonePos - onset.length)) continue;
    // Syllables ending in c/ch/p/t only take sắc or nặng.
    if (stopFinal && tone !== SAC && tone !== NANG) continue;
    return true;
  }
  return false;
}

function hasVowel(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (VOWEL_INFO.has(word[i])) return true;
  return false;
}

/** Lower case, UPPER CASE or Capitalised: the shapes ordinary words have. */
function hasOrdinaryCase(word: string): boolean {
  if (word === word.toLowerCase() || word === word.toUpperCase()) return true;
  const rest = word.slice(1);
  return word[0] === word[0].toUpperCase() && rest === rest.toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------------------------

interface Evidence {
  /** Words that decode to a valid Vietnamese syllable. */
  good: number;
  /** Words that the encoding would change into something that is not Vietnamese. */
  bad: number;
  /** Weighted strength of the good words. */
  points: number;
}

/** Can text[i] belong to a word for this encoding? */
function isWordChar(ch: string, code: number, tables: Tables): boolean {
  // Digits belong to the word too: "3×4" or "£5" is one token, never a Vietnamese syllable.
  if (code < 0x80)
    return (
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x30 && code <= 0x39)
    );
  if (tables.chars.has(ch)) return true;
  if (code < 0xc0 || code === 0xd7 || code === 0xf7) return false; // NBSP, cp1252 punctuation
  if (code >= 0x2000 && code < 0x2c00) return false; // punctuation, symbols, arrows, ...
  if (code >= 0xd800 && code <= 0xdfff) return false; // astral (emoji, ...)
  return true; // other letters: not explained by the encoding
}

/** Verdict on one word: not legacy-looking, no opinion, or decodes well with 0-2 points. */
const BAD = -1;
const NEUTRAL = 0;
const GOOD = 1; // GOOD + points

function judgeWord(word: string, encoding: LegacyEncoding): number {
  if (!hasNonAscii(word)) return NEUTRAL;
  const stats: DecodeStats = { unexplained: 0, markers: 0 };
  const decoded = decodeRaw(word, encoding, stats);
  if (stats.unexplained > 0) return BAD; // e.g. "Müller" read as VNI: "ü" after "M" means nothing
  if (decoded === word) return NEUTRAL; // e.g. VNI "í", which is the same character
  const lower = decoded.toLowerCase();
  if (!hasVowel(lower)) return NEUTRAL; // abbreviations like "§T" (ĐT): no opinion
  if (!isVietnameseSyllable(lower)) return BAD;
  const ordinaryCase = hasOrdinaryCase(word);
  if (ordinaryCase && isVietnameseSyllable(word.toLowerCase())) {
    // Already fine Unicode Vietnamese: TCVN3 would read "Tây" as "Tõy", VNI "Hoàng" as "Hồng".
    return GOOD;
  }
  // 2 points for "t¸c", "ViÖt", "Vieät" (no ordinary text looks like this), 1 point for "cña",
  // "Giång", "Loïc" (not Vietnamese as they stand, but could be a foreign word).
  return GOOD + (stats.markers > 0 || !ordinaryCase ? 2 : 1);
}

/** Names repeat across a workbook: remember recent verdicts (bounded, cleared when full). */
const WORD_CACHE_LIMIT = 20000;
const wordCache: Record<LegacyEncoding, Map<string, number>> = {
  tcvn3: new Map(),
  vni: new Map(),
};

function scoreWord(word: string, encoding: LegacyEncoding, evidence: Evidence): void {
  const cache = wordCache[encoding];
  let verdict = cache.get(word);
  if (verdict === undefined) {
    verdict = judgeWord(word, encoding);
    if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
    cache.set(word, verdict);
  }
  if (verdict === BAD) evidence.bad++;
  else if (verdict >= GOOD) {
    evidence.good++;
    evidence.points += verdict - GOOD;
  }
}

function analyse(text: string, encoding: LegacyEncoding): Evidence {
  const tables = tablesFor(encoding);
  const evidence: Evidence = { good: 0, bad: 0, points: 0 };
  let start = -1; // start of the current word, -1 between words
  let nonAscii = false; // does the current word have a non-ASCII character? (else: no opinion)
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0;
    const inWord = i < text.length && isWordChar(text[i], code, tables);
    if (inWord) {
      if (start < 0) start = i;
      if (code >= 0x80) nonAscii = true;
    } else if (start >= 0) {
      if (nonAscii) scoreWord(text.slice(start, i), encoding, evidence);
      start = -1;
      nonAscii = false;
    }
  }
  return evidence;
}

/**
 * Character statistics, word by word, for each encoding: decode the word and check that it
 * becomes a well-formed Vietnamese syllable. Accept an encoding when the decoded words carry at
 * least 2 points (a word with a marker or odd case is 2 points, one that is not Vietnamese as it
 * stands is 1, one that already is Vietnamese is 0) and at most one in four decoded words is
 * not Vietnamese. If both encodings qualify, the stronger wins; a tie means "don't know".
 */
function guessFromStatistics(text: string): LegacyEncoding | null {
  const t = analyse(text, "tcvn3");
  const v = analyse(text, "vni");
  const accepts = (e: Evidence): boolean => e.points >= 2 && e.bad * 4 <= e.good;
  const tOk = accepts(t);
  const vOk = accepts(v);
  if (tOk && vOk) {
    if (t.points === v.points) return null;
    return t.points > v.points ? "tcvn3" : "vni";
  }
  if (tOk) return "tcvn3";
  if (vOk) return "vni";
  return null;
}

/** Every word with a non-ASCII letter is already a well-formed Vietnamese syllable in Unicode. */
export function readsAsVietnamese(text: string): boolean {
  // Words split on spaces and ASCII punctuation only: the symbols legacy fonts use as letters
  // ("R¹ch", "T©n") stay inside their word and make it no Vietnamese syllable.
  const words = text.split(/[\s\u00a0!-/:-@[-`{-~]+/u).filter((w) => hasNonAscii(w));
  return (
    words.length > 0 &&
    words.every((w) => hasOrdinaryCase(w) && isVietnameseSyllable(w.toLowerCase()))
  );
}

/**
 * With the encoding named by the user (HTX.UNICODE's argument): is this text really written in
 * it? Text that already reads as Vietnamese, or whose words would not become Vietnamese
 * syllables ("Café Tô Hà"), is Unicode and stays as it is.
 */
export function looksLegacy(text: string, encoding: LegacyEncoding): boolean {
  try {
    if (!mayBeLegacy(text)) return false;
    const nfc = text.normalize("NFC");
    if (readsAsVietnamese(nfc)) return false;
    const e = analyse(nfc, encoding);
    return e.points >= 1 && e.bad * 4 <= e.good;
  } catch {
    return false;
  }
}

/**
 * Guess whether `text` is TCVN3 or VNI text.
 *
 * - ASCII-only text, and text with any Unicode-only Vietnamese letter (ă đ ơ ư ạ ... ỹ, or a
 *   combining mark), is never legacy, whatever the font.
 * - A TCVN3 font (".Vn...") or VNI font ("VNI-...") decides, provided decoding changes the text
 *   and the text does not already read as Unicode Vietnamese (every word a syllable).
 * - Otherwise character statistics (see `guessFromStatistics`).
 */
export function detectLegacy(text: string, fontName?: string | null): LegacyEncoding | null {
  try {
    if (!mayBeLegacy(text)) return null;
    const nfc = text.normalize("NFC");
    const byFont = encodingFromFont(fontName);
    if (byFont) {
      // The font is the strongest hint, but text that already reads as Vietnamese ("Hòa Bình"
      // typed in Unicode into a VNI-formatted cell, or a cell fixed earlier) is left alone:
      // at least one word must look legacy, or decoding would damage correct text.
      if (decodeLegacy(nfc, byFont, fontName) === nfc) return null;
      return readsAsVietnamese(nfc) ? null : byFont;
    }
    return guessFromStatistics(nfc);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Public decode / encode
// ---------------------------------------------------------------------------------------------

/**
 * Decode legacy text to Unicode, NFC-normalised. For TCVN3, a capitals font (".VnTimeH") means
 * the result is upper-cased; with no font name at all, text typed for a capitals font (ASCII
 * letters all capitals, TCVN3 letters lower-case codes) is upper-cased too. Never throws.
 */
export function decodeLegacy(
  text: string,
  encoding: LegacyEncoding,
  fontName?: string | null
): string {
  try {
    if (typeof text !== "string") return "";
    const input = hasNonAscii(text) ? text.normalize("NFC") : text;
    if (encoding !== "tcvn3" && encoding !== "vni") return input;
    let out = decodeRaw(input, encoding);
    if (encoding === "tcvn3") {
      const capitals =
        typeof fontName === "string" && fontName.trim() !== ""
          ? isCapitalsFont(fontName)
          : looksTypedForCapitalsFont(input);
      if (capitals) out = out.toUpperCase();
    }
    return out.normalize("NFC");
  } catch {
    return safeNfc(text);
  }
}

/**
 * Encode Unicode Vietnamese (any normalisation) to the legacy form. TCVN3 has no toned capitals:
 * they get the lower-case code, as typed for a capitals font (".VnTimeH"). Characters with no
 * legacy form are kept as they are.
 */
export function encodeLegacy(text: string, encoding: LegacyEncoding): string {
  if (typeof text !== "string") return "";
  const input = text.normalize("NFC");
  if ((encoding !== "tcvn3" && encoding !== "vni") || !hasNonAscii(input)) return input;
  const { encode } = tablesFor(encoding);
  let out = "";
  for (const ch of input) out += encode.get(ch) ?? ch;
  return out;
}

/**
 * Detect (or use the given encoding; "auto" or null = detect) and decode. Returns the input
 * NFC-normalised and encoding null when it is not legacy.
 */
export function toUnicode(
  text: string,
  encoding?: LegacyEncoding | "auto" | null,
  fontName?: string | null
): { text: string; encoding: LegacyEncoding | null } {
  const enc = encoding === "tcvn3" || encoding === "vni" ? encoding : detectLegacy(text, fontName);
  if (enc === null) return { text: safeNfc(text), encoding: null };
  return { text: decodeLegacy(text, enc, fontName), encoding: enc };
}
