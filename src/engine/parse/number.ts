/*
 * Reading numbers typed as text in Vietnamese reports.
 *
 * Conventions (Vietnamese first):
 *  - "." groups thousands and "," marks decimals: "1.830,51" → 1830.51, "8.076.287.000".
 *  - One dot followed by exactly three digits groups thousands ("1.830" → 1830, form "vi"); any
 *    other single dot is a decimal point ("12.5", "1.5", "0.500", "1234.567" → form "en").
 *  - One comma is always a decimal comma, so the ambiguous "1,830" reads 1.83 (form "vi").
 *  - English order with both separators ("1,830.51") → form "en". Several commas in valid
 *    thousands groups ("1,830,000") can only be English grouping → form "en".
 *  - Spaces (also U+00A0, U+202F, U+2009) may group thousands: "1 830 000" → form "vi".
 *  - Sign: leading "-", "−" (U+2212) or "+"; parentheses "(1.234)" mean negative.
 *  - One trailing unit is ignored: đồng, đ, VNĐ, VND, ha, m2, m², người, % (any case, with or
 *    without diacritics). "%" keeps the number as written and sets `percent: true`.
 *  - Amounts in words: "17 tỷ 792 triệu đồng", "1,5 tỷ", "2 tỷ 5 trăm triệu", "1 nghìn 500";
 *    scale words tỷ/tỉ, triệu, nghìn/ngàn, trăm (any case, diacritics optional); "nghìn tỷ"
 *    combines into 10^12. Scales must decrease left to right. A trailing number without a
 *    scale counts đồng ("5 tỷ 300 đồng" → 5000000300, as formatVnd writes it) only when the text
 *    ends with a money unit (đồng, đ, VNĐ, VND) or the number has exactly 3 digits right after
 *    nghìn ("1 nghìn 500"): otherwise it is ambiguous ("2 triệu 5" is said for 2,5 triệu,
 *    "1 tỷ 5 trăm" for 1,5 tỷ) and the text is not read (null).
 *  - No exponent notation ("1e5" is not a number here), no text longer than 100 characters.
 * Never throws; linear-time scanning (the few regular expressions are anchored and run only on
 * short texts that contain letters).
 */

export interface ParsedNumber {
  value: number;
  /** how it was written */
  form: "plain" | "vi" | "en" | "words";
  /** true when written with a trailing "%"; `value` is the number as written (not divided). */
  percent?: boolean;
}

/** A non-negative decimal number as read from its digits. */
interface Body {
  int: string;
  frac: string;
  form: "plain" | "vi" | "en";
}

const MAX_LENGTH = 100;

/** Units accepted after a number, already folded (lower case, no diacritics, "đ" → "d"). */
const UNITS: readonly string[] = ["nguoi", "dong", "vnd", "m²", "m2", "ha", "d", "%"];

const MONEY_UNITS: readonly string[] = ["dong", "vnd", "d"];

/** Scale words in amounts written in words, folded, as powers of ten. */
const SCALES: Readonly<Record<string, number>> = {
  ty: 9,
  ti: 9,
  trieu: 6,
  nghin: 3,
  ngan: 3,
  tram: 2,
};

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007;
}

/** Lower case, strip Vietnamese diacritics ("đ" → "d"), unify spaces to " ". */
function fold(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/[\t\u00a0\u2007\u2009\u202f]/g, " ");
}

/** Valid thousands grouping: first group 1-3 digits, the others exactly 3. */
function validGroups(runs: string[], count: number): boolean {
  if (count <= 1) return true;
  const first = runs[0].length;
  if (first < 1 || first > 3) return false;
  for (let i = 1; i < count; i++) {
    if (runs[i].length !== 3) return false;
  }
  return true;
}

/**
 * Read digits with separators ("." "," " "). `s` is trimmed and holds only digits, ".", ","
 * and spaces (any of the accepted space characters).
 */
function parseBody(s: string): Body | null {
  const runs: string[] = [];
  const seps: string[] = [];
  let start = -1;
  let dots = 0;
  let commas = 0;
  let spaces = 0;
  let leadingSep = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigitCode(c)) {
      if (start < 0) start = i;
      continue;
    }
    let sep: string;
    if (c === 46) {
      sep = ".";
      dots++;
    } else if (c === 44) {
      sep = ",";
      commas++;
    } else if (isSpaceCode(c)) {
      sep = " ";
      spaces++;
    } else {
      return null;
    }
    if (start < 0) {
      // A separator with no digits before it: only ",5" / ".5" at the very start.
      if (i !== 0 || sep === " ") return null;
      leadingSep = sep;
      continue;
    }
    runs.push(s.slice(start, i));
    seps.push(sep);
    start = -1;
  }
  if (start < 0) return null; // empty, or ends with a separator, or two separators in a row
  runs.push(s.slice(start));

  if (leadingSep) {
    if (runs.length !== 1) return null;
    return { int: "0", frac: runs[0], form: leadingSep === "," ? "vi" : "en" };
  }
  const n = seps.length;
  if (n === 0) return { int: runs[0], frac: "", form: "plain" };

  const last = seps[n - 1];
  const intOf = (count: number): string => runs.slice(0, count).join("");

  if (dots > 0 && commas > 0) {
    if (spaces > 0) return null;
    if (last === "," && commas === 1 && validGroups(runs, n)) {
      return { int: intOf(n), frac: runs[n], form: "vi" };
    }
    if (last === "." && dots === 1 && validGroups(runs, n)) {
      return { int: intOf(n), frac: runs[n], form: "en" };
    }
    return null;
  }
  if (dots > 0) {
    if (spaces > 0) {
      // "1 830.5": spaces group, the single dot is the decimal point.
      if (dots !== 1 || last !== "." || !validGroups(runs, n)) return null;
      return { int: intOf(n), frac: runs[n], form: "en" };
    }
    if (dots === 1) {
      const head = runs[0];
      if (runs[1].length === 3 && head.length <= 3 && head.charCodeAt(0) !== 48) {
        return { int: head + runs[1], frac: "", form: "vi" };
      }
      return { int: head, frac: runs[1], form: "en" };
    }
    if (!validGroups(runs, n + 1)) return null;
    return { int: runs.join(""), frac: "", form: "vi" };
  }
  if (commas > 0) {
    if (spaces > 0) {
      if (commas !== 1 || last !== "," || !validGroups(runs, n)) return null;
      return { int: intOf(n), frac: runs[n], form: "vi" };
    }
    if (commas === 1) return { int: runs[0], frac: runs[1], form: "vi" };
    if (!validGroups(runs, n + 1)) return null;
    return { int: runs.join(""), frac: "", form: "en" };
  }
  // Only spaces.
  if (!validGroups(runs, n + 1)) return null;
  return { int: runs.join(""), frac: "", form: "vi" };
}

function bodyValue(b: Body): number {
  return Number(b.frac ? `${b.int}.${b.frac}` : b.int);
}

/** b × 10^exp, computed from the digits so "1,83 tỷ" is exactly 1830000000. */
function scaled(b: Body, exp: number): number {
  return Number(`${b.int}${b.frac}e${exp - b.frac.length}`);
}

/**
 * Amount in words, folded text without sign or unit: "17 ty 792 trieu". `money`: the text ended
 * with a money unit, so a trailing number without scale word counts đồng.
 */
function parseWords(s: string, money: boolean): number | null {
  const tokens: string[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      i++;
      continue;
    }
    let j = i;
    if (isDigitCode(c) || c === 46 || c === 44) {
      while (j < s.length) {
        const d = s.charCodeAt(j);
        if (!(isDigitCode(d) || d === 46 || d === 44)) break;
        j++;
      }
    } else if (c >= 97 && c <= 122) {
      while (j < s.length) {
        const d = s.charCodeAt(j);
        if (!(d >= 97 && d <= 122)) break;
        j++;
      }
    } else {
      return null;
    }
    tokens.push(s.slice(i, j));
    i = j;
  }

  let total = 0;
  let pending: Body | null = null; // a number waiting for its scale word
  let hundreds = 0; // "5 trăm" waiting for a larger scale (or the end)
  let hasHundreds = false;
  let lastExp = Infinity;
  let sawScale = false;
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    const first = tok.charCodeAt(0);
    if (!(first >= 97 && first <= 122)) {
      if (pending) return null; // two numbers in a row
      pending = parseBody(tok);
      if (!pending) return null;
      continue;
    }
    let exp = SCALES[tok];
    if (exp === undefined) return null;
    sawScale = true;
    if (exp === 2) {
      if (hasHundreds || !pending || pending.frac || lastExp <= 2) return null;
      const digit = Number(pending.int);
      if (!(digit >= 1 && digit <= 9)) return null;
      hundreds = digit * 100;
      hasHundreds = true;
      pending = null;
      continue;
    }
    // "nghìn tỷ": a scale directly followed by larger scales multiplies them.
    while (t + 1 < tokens.length) {
      const next = SCALES[tokens[t + 1]];
      if (next === undefined || next <= exp || next === 2) break;
      exp += next;
      t++;
    }
    if (exp >= lastExp) return null;
    if (!pending && !hasHundreds) return null;
    if (hasHundreds && pending && bodyValue(pending) >= 100) return null;
    if (pending) total += scaled(pending, exp);
    if (hasHundreds) total += Number(`${hundreds}e${exp}`);
    pending = null;
    hundreds = 0;
    hasHundreds = false;
    lastExp = exp;
  }
  if (!sawScale) return null;
  if (hasHundreds || pending) {
    // Units after the last scale word: unambiguous only as "… đồng" or "… nghìn 500".
    const afterThousand = lastExp === 3 && !hasHundreds && pending !== null;
    if (!money && !(afterThousand && pending?.form === "plain" && pending.int.length === 3)) {
      return null;
    }
    if (hasHundreds) {
      if (pending && bodyValue(pending) >= 100) return null;
      total += hundreds;
    }
    if (pending) total += bodyValue(pending);
  }
  return Number.isFinite(total) ? total : null;
}

/** Remove one trailing unit from folded text; returns the rest, or null when there is none. */
function stripUnit(s: string): { rest: string; percent: boolean; money: boolean } | null {
  for (const u of UNITS) {
    if (s.length > u.length && s.endsWith(u)) {
      const before = s.charCodeAt(s.length - u.length - 1);
      // The unit must follow a digit, a space or ")" (not be the end of a longer word).
      if (isDigitCode(before) || before === 32 || before === 41) {
        return {
          rest: s.slice(0, s.length - u.length).trimEnd(),
          percent: u === "%",
          money: MONEY_UNITS.includes(u),
        };
      }
    }
  }
  return null;
}

/** Read a number typed as text, Vietnamese conventions first. Returns null when the text is not a number. */
export function parseNumberText(text: string): ParsedNumber | null {
  if (typeof text !== "string") return null;
  const len = text.length;
  if (len === 0) return null;

  // Quick path: plain ASCII digits.
  if (len <= 15) {
    let allDigits = true;
    for (let i = 0; i < len; i++) {
      if (!isDigitCode(text.charCodeAt(i))) {
        allDigits = false;
        break;
      }
    }
    if (allDigits) return { value: Number(text), form: "plain" };
  }

  let s = text.trim();
  if (s.length === 0 || s.length > MAX_LENGTH) return null;

  // One scan: is there a digit at all, and anything beyond digits/separators/signs?
  let hasDigit = false;
  let hasOther = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigitCode(c)) hasDigit = true;
    else if (!(
      c === 46 ||
      c === 44 ||
      c === 45 ||
      c === 43 ||
      c === 40 ||
      c === 41 ||
      c === 0x2212 ||
      isSpaceCode(c)
    )) {
      hasOther = true;
    }
  }
  if (!hasDigit) return null;

  let percent = false;
  let money = false;
  let unitDone = false;
  if (hasOther) {
    s = fold(s);
    const u = stripUnit(s);
    if (u) {
      s = u.rest;
      percent = u.percent;
      money = u.money;
      unitDone = true;
    }
  }

  let negative = false;
  let paren = false;
  if (s.charCodeAt(0) === 40 && s.charCodeAt(s.length - 1) === 41) {
    paren = true;
    negative = true;
    s = s.slice(1, -1).trim();
    if (hasOther && !unitDone) {
      const u = stripUnit(s);
      if (u) {
        s = u.rest;
        percent = u.percent;
        money = u.money;
      }
    }
  }
  const c0 = s.charCodeAt(0);
  if (c0 === 45 || c0 === 0x2212 || c0 === 43) {
    if (paren) return null;
    negative = c0 !== 43;
    s = s.slice(1).trimStart();
  }
  if (s.length === 0) return null;

  let value: number;
  let form: ParsedNumber["form"];
  let hasLetter = false;
  if (hasOther) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 97 && c <= 122) {
        hasLetter = true;
        break;
      }
    }
  }
  if (hasLetter) {
    if (percent) return null;
    const w = parseWords(s, money);
    if (w === null) return null;
    value = w;
    form = "words";
  } else {
    const b = parseBody(s);
    if (!b) return null;
    value = bodyValue(b);
    form = b.form;
  }
  if (!Number.isFinite(value)) return null;
  if (negative) value = -value;
  if (value === 0) value = 0; // no -0
  const result: ParsedNumber = { value, form };
  if (percent) result.percent = true;
  return result;
}

/** A cell value as a number: finite numbers pass through, strings via parseNumberText, else null. */
export function toNumber(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") {
    const p = parseNumberText(v);
    return p ? p.value : null;
  }
  return null;
}
