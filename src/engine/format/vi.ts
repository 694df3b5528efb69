/*
 * Display and wording for Vietnamese reports (summary prose, HTX.* custom functions).
 *
 * Rounding rules
 *  - roundHalfUp rounds half away from zero (2.5 → 3, -2.5 → -3, 1.005 → 1.01, 2.675 → 2.68).
 *    Binary floating error is removed first by reading the value at 15 significant digits (its
 *    decimal string from toExponential(14)) and rounding that digit string: 1.005 is stored as
 *    1.00499999999999989…, read as "1.00500000000000", and rounds to 1.01; 1.015 * 100 =
 *    101.49999999999999 reads "101.500000000000" and rounds to 102. When the rounding position
 *    lies beyond the 15th significant digit (huge values or many decimals) the value is scaled
 *    by 10^decimals and rounded with Math.floor(x + 0.5) instead (no cleaning at that precision).
 *  - formatNumberVi rounds with roundHalfUp (default: up to 2 decimals, trailing zeros dropped;
 *    or exactly `decimals` decimals), then formats with Intl.NumberFormat("vi-VN"): "." groups
 *    thousands (always, also for 4-digit numbers: "2.183"), "," marks decimals, "-" for
 *    negatives, never "-0".
 *  - formatVnd rounds to whole đồng with roundHalfUp.
 *  - formatPlanPercent rounds ratio × 100 to a whole percent, but shows as many decimals as
 *    needed (1, then up to 6) when a ratio that is not exactly 1 would otherwise show 100.
 * Every function here throws RangeError for non-finite numbers (and for bad `decimals`, and for a
 * plan that is not > 0 in formatPlanText); callers decide what to show instead.
 */

const MAX_DECIMALS = 20;
const VI_PATTERN = /^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?$/;

function checkFinite(value: number, name: string): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${String(value)}`);
  }
}

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new RangeError(`decimals must be an integer 0..${MAX_DECIMALS}, got ${String(decimals)}`);
  }
}

/**
 * Round half-up (away from zero for .5) to `decimals` (integer 0..20, default 0), robust to
 * binary floating error: see the rounding rules at the top of this file. Non-finite values are
 * returned unchanged; the result is never -0.
 */
export function roundHalfUp(value: number, decimals: number = 0): number {
  checkDecimals(decimals);
  if (!Number.isFinite(value) || value === 0) return value === 0 ? 0 : value;
  const negative = value < 0;
  const abs = Math.abs(value);
  const [mantissa, expText] = abs.toExponential(14).split("e");
  const digits = mantissa.replace(".", ""); // 15 significant digits
  const intLength = Number(expText) + 1; // digits before the decimal point
  const keep = intLength + decimals; // significant digits kept
  let result: number;
  if (keep < 0) {
    result = 0;
  } else if (keep < 15) {
    let n = keep === 0 ? 0 : Number(digits.slice(0, keep));
    if (digits.charCodeAt(keep) >= 53 /* "5" */) n += 1;
    result = Number(`${n}e-${decimals}`);
  } else {
    const scaledValue = abs * Math.pow(10, decimals);
    result =
      scaledValue >= 4503599627370496 // 2^52: already a whole number at this scale
        ? abs
        : Math.floor(scaledValue + 0.5) / Math.pow(10, decimals);
  }
  if (result === 0) return 0;
  return negative ? -result : result;
}

/** "1234567" → "1.234.567" */
function groupDigits(intDigits: string): string {
  const head = intDigits.length % 3 || 3;
  let out = intDigits.slice(0, head);
  for (let i = head; i < intDigits.length; i += 3) out += `.${intDigits.slice(i, i + 3)}`;
  return out;
}

/** Whole-number digits of a non-negative integer-valued number, without exponent notation. */
function integerDigits(n: number): string {
  return n < 1e21 ? n.toFixed(0) : BigInt(n).toString();
}

/** Formatting without Intl (or when Intl does not give the expected Vietnamese shape). */
function formatManual(rounded: number, minFd: number, maxFd: number): string {
  const abs = Math.abs(rounded);
  let intPart: string;
  let frac = "";
  if (abs < 1e21) {
    const fixed = abs.toFixed(maxFd);
    const dot = fixed.indexOf(".");
    intPart = dot < 0 ? fixed : fixed.slice(0, dot);
    frac = dot < 0 ? "" : fixed.slice(dot + 1);
    let end = frac.length;
    while (end > minFd && frac.charCodeAt(end - 1) === 48) end--;
    frac = frac.slice(0, end);
  } else {
    intPart = integerDigits(abs);
    frac = "0".repeat(minFd);
  }
  return `${rounded < 0 ? "-" : ""}${groupDigits(intPart)}${frac ? `,${frac}` : ""}`;
}

const formatters = new Map<string, Intl.NumberFormat | null>();

function viFormatter(minFd: number, maxFd: number): Intl.NumberFormat | null {
  const key = `${minFd}/${maxFd}`;
  let f = formatters.get(key);
  if (f !== undefined) return f;
  f = null;
  if (typeof Intl !== "undefined" && typeof Intl.NumberFormat === "function") {
    // useGrouping "always" (ES2023) so 4-digit numbers are grouped too; older engines read the
    // string as `true`. The output is checked anyway (formatNumberVi falls back to formatManual).
    const options: Record<string, unknown> = {
      minimumFractionDigits: minFd,
      maximumFractionDigits: maxFd,
      useGrouping: "always",
    };
    try {
      f = new Intl.NumberFormat("vi-VN", options as Intl.NumberFormatOptions);
    } catch {
      try {
        options.useGrouping = true;
        f = new Intl.NumberFormat("vi-VN", options as Intl.NumberFormatOptions);
      } catch {
        f = null;
      }
    }
  }
  formatters.set(key, f);
  return f;
}

/**
 * "1.830,51" — Vietnamese separators ("." thousands, always grouped: "2.183"; "," decimals).
 * `decimals`: exactly that many decimals; default up to 2 with trailing zeros dropped. Rounds
 * half-up (roundHalfUp). Negative with "-". RangeError for non-finite values.
 */
export function formatNumberVi(value: number, decimals?: number): string {
  checkFinite(value, "value");
  const maxFd = decimals ?? 2;
  const minFd = decimals ?? 0;
  checkDecimals(maxFd);
  const rounded = roundHalfUp(value, maxFd);
  const f = viFormatter(minFd, maxFd);
  if (f) {
    const text = f.format(rounded).replace(/\u2212/g, "-");
    if (VI_PATTERN.test(text)) return text;
  }
  return formatManual(rounded, minFd, maxFd);
}

const VND_UNITS = ["tỷ", "triệu", "nghìn", ""] as const;

/**
 * Amount in đồng the way reports write it. "words" (default): 17792000000 → "17 tỷ 792 triệu
 * đồng", 8076287000 → "8 tỷ 076 triệu 287 nghìn đồng" (groups after the first padded to 3
 * digits, zero groups skipped, ≥ 1000 tỷ keeps tỷ as the top unit: "1.250 tỷ 300 triệu đồng",
 * units last: 1500 → "1 nghìn 500 đồng", 0 → "0 đồng"). "digits": "8.076.287.000 đồng".
 * Rounded half-up to whole đồng; negative with a "-" prefix. RangeError for non-finite amounts.
 */
export function formatVnd(amountDong: number, style: "words" | "digits" = "words"): string {
  checkFinite(amountDong, "amountDong");
  const rounded = roundHalfUp(amountDong, 0);
  if (style === "digits") return `${formatNumberVi(rounded, 0)} đồng`;
  const sign = rounded < 0 ? "-" : "";
  const digits = integerDigits(Math.abs(rounded));
  const split = Math.max(0, digits.length - 9);
  const groups = [
    digits.slice(0, split),
    digits.slice(split, -6).padStart(3, "0"),
    digits.slice(Math.max(0, digits.length - 6), -3).padStart(3, "0"),
    digits.slice(-3).padStart(3, "0"),
  ];
  const parts: string[] = [];
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (!/[1-9]/.test(g)) continue;
    const text = parts.length === 0 ? groupDigits(g.replace(/^0+/, "")) : g;
    parts.push(VND_UNITS[i] ? `${text} ${VND_UNITS[i]}` : text);
  }
  if (parts.length === 0) return "0 đồng";
  return `${sign}${parts.join(" ")} đồng`;
}

function ratioSide(x: number): string {
  if (Number.isInteger(x) && x >= 0 && x < 10) return `0${x}`;
  return formatNumberVi(x);
}

/** "51/50", "06/04", "14/08", "33/15" — each side padded to two digits when an integer below 10; other numbers written with formatNumberVi. */
export function formatRatio(actual: number, plan: number): string {
  checkFinite(actual, "actual");
  checkFinite(plan, "plan");
  return `${ratioSide(actual)}/${ratioSide(plan)}`;
}

/**
 * The percent in the report's plan phrase: ratio × 100 rounded half-up to a whole number, but
 * with one decimal (more if still needed, up to 6) when rounding would show 100 for a ratio that
 * is not exactly 1: 0.996 → "99,6", 1.004 → "100,4", 1.02 → "102". Vietnamese separators
 * ("1.500", "99,6"); lang "en" swaps them ("1,500", "99.6").
 */
export function formatPlanPercent(ratio: number, lang: "vi" | "en" = "vi"): string {
  checkFinite(ratio, "ratio");
  const percent = ratio * 100;
  let decimals = 0;
  let rounded = roundHalfUp(percent, 0);
  if (rounded === 100 && ratio !== 1) {
    for (let d = 1; d <= 6; d++) {
      const r = roundHalfUp(percent, d);
      if (r !== 100) {
        rounded = r;
        decimals = d;
        break;
      }
    }
  }
  const text = formatNumberVi(rounded, decimals);
  if (lang !== "en") return text;
  return text.replace(/[.,]/g, (c) => (c === "." ? "," : "."));
}

/**
 * The plan phrase. vi: "đạt và vượt 102% kế hoạch" (above plan), "đạt 100% kế hoạch" (the
 * percent shows 100), "đạt 75% kế hoạch" (below). en: "met and exceeded the plan (102%)",
 * "met the plan (100%)", "reached 75% of the plan". The percent is formatPlanPercent(actual /
 * plan). RangeError unless plan > 0 and both numbers are finite.
 */
export function formatPlanText(actual: number, plan: number, lang: "vi" | "en" = "vi"): string {
  checkFinite(actual, "actual");
  checkFinite(plan, "plan");
  if (!(plan > 0)) throw new RangeError(`plan must be > 0, got ${plan}`);
  const percent = formatPlanPercent(actual / plan, lang);
  if (lang === "en") {
    if (percent === "100") return "met the plan (100%)";
    if (actual > plan) return `met and exceeded the plan (${percent}%)`;
    return `reached ${percent}% of the plan`;
  }
  if (percent === "100") return "đạt 100% kế hoạch";
  if (actual > plan) return `đạt và vượt ${percent}% kế hoạch`;
  return `đạt ${percent}% kế hoạch`;
}
