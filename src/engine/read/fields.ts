/**
 * One cell → one typed field value, with the issues the cell raises
 * (DOMAIN §3, §4). Never throws: a bad cell becomes an issue.
 */
import type { FieldDef } from "../detect/schema";
import type { CellValue } from "../model/cells";
import { isCellError } from "../model/cells";
import { makeFix, makeIssue } from "../model/issue-factory";
import type { Issue } from "../model/issues";
import { DateValue, formatDateVi, parseDateValue, ymdFromSerial } from "../parse/date";
import { parseNumberText } from "../parse/number";
import { formatNumberVi, roundHalfUp } from "../format/vi";
import { detectLegacy, decodeLegacy } from "../text/legacy";
import { isNotNfc } from "../text/normalize";
import { enumLabels, matchEnum } from "./enums";

export type FieldValue = string | number | DateValue | string[] | null;

export interface CellCtx {
  sheet: string;
  row: number;
  col: number;
  field: FieldDef;
  /** Header unit scale: money → đồng, area → ha. */
  scale: number;
  numberFormat: string | null | undefined;
  font: string | null | undefined;
  /** The report date (serial): later dates are `date-future`. */
  reportSerial: number;
  issues: Issue[];
}

function at(ctx: CellCtx) {
  return { sheet: ctx.sheet, row: ctx.row, col: ctx.col, field: ctx.field.key };
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Number with Vietnamese separators for messages ("1.830,51"). */
export function showNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const r = roundHalfUp(n, 6);
  const decimals = Number.isInteger(r) ? 0 : Math.min(6, (String(r).split(".")[1] ?? "").length);
  return formatNumberVi(r, decimals);
}

/** "500tr", "1,2 tr." → "500 triệu": the short form of triệu after a number. */
const SHORT_MILLION = /(\d)\s*tr\.?(?=\s|$|\d)/giu;
/** An amount that names đồng after it ("8.076.287.000 đồng", "1.250.000.000đ", "… VNĐ"). */
const NAMES_DONG = /(?:đồng|đ|vnđ|vnd)\s*$/iu;

/** Text cell: legacy fonts decoded, NFD composed; the issue carries the fix. */
export function readText(v: CellValue, ctx: CellCtx): string | null {
  if (isCellError(v)) {
    ctx.issues.push(makeIssue("formula-error", at(ctx), { value: v.error }));
    return null;
  }
  if (isBlank(v)) return null;
  if (typeof v !== "string") return typeof v === "number" ? String(v) : String(v);
  const legacy = detectLegacy(v, ctx.font);
  if (legacy) {
    const decoded = decodeLegacy(v, legacy, ctx.font);
    if (decoded !== v.normalize("NFC")) {
      const encoding = legacy === "tcvn3" ? "TCVN3" : "VNI-Windows";
      const p = { value: v, expected: decoded, encoding };
      ctx.issues.push(
        makeIssue("legacy-encoding", at(ctx), p, makeFix("legacy", ctx.row, ctx.col, v, decoded, p))
      );
      return decoded.trim();
    }
  }
  if (isNotNfc(v)) {
    const composed = v.normalize("NFC");
    const p = { value: composed };
    ctx.issues.push(
      makeIssue("unicode-nfd", at(ctx), p, makeFix("nfd", ctx.row, ctx.col, v, composed, p))
    );
    return composed.trim();
  }
  return v.trim();
}

/** Numeric cell (int, number, money, area): returns the value in the column's own unit (unscaled). */
export function readNumber(v: CellValue, ctx: CellCtx): number | null {
  if (isCellError(v)) {
    ctx.issues.push(makeIssue("formula-error", at(ctx), { value: v.error }));
    return null;
  }
  if (isBlank(v)) return null;
  let n: number;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return null;
    n = v;
  } else if (typeof v === "string") {
    const money = ctx.field.type === "money";
    // "500tr", "1,2 tr.": the office's short form of triệu.
    const parsed = parseNumberText(money ? v.replace(SHORT_MILLION, "$1 triệu ") : v);
    if (!parsed) {
      ctx.issues.push(
        makeIssue("type-error", at(ctx), {
          value: v,
          typeKey: ctx.field.type,
          fieldKey: ctx.field.key,
        })
      );
      return null;
    }
    n = parsed.value;
    // An amount in words ("1,5 tỷ") or naming đồng ("8.076.287.000 đồng") is in đồng whatever
    // the column's unit: bring it to the column's unit.
    const inDong = parsed.form === "words" || NAMES_DONG.test(v);
    if (inDong && money && ctx.scale !== 1) n = n / ctx.scale;
    const p = { value: v.trim(), expected: showNumber(n), fieldKey: ctx.field.key };
    ctx.issues.push(
      makeIssue("number-as-text", at(ctx), p, makeFix("numberAsText", ctx.row, ctx.col, v, n, p))
    );
  } else {
    ctx.issues.push(
      makeIssue("type-error", at(ctx), {
        value: String(v),
        typeKey: ctx.field.type,
        fieldKey: ctx.field.key,
      })
    );
    return null;
  }
  if (n < 0 && !ctx.field.signed) {
    ctx.issues.push(
      makeIssue("negative-value", at(ctx), { value: showNumber(n), fieldKey: ctx.field.key })
    );
  }
  if (ctx.field.type === "int" && !Number.isInteger(n)) {
    ctx.issues.push(
      makeIssue("not-integer", at(ctx), { value: showNumber(n), fieldKey: ctx.field.key })
    );
  }
  return n;
}

export function readDate(v: CellValue, ctx: CellCtx): DateValue | null {
  if (isCellError(v)) {
    ctx.issues.push(makeIssue("formula-error", at(ctx), { value: v.error }));
    return null;
  }
  if (isBlank(v)) return null;
  // A date serial stored as text ("44625" in a cell formatted as text) is that date.
  const serialText = typeof v === "string" && /^\s*\d{5}\s*$/.test(v) ? Number(v) : null;
  const r = parseDateValue(serialText ?? v);
  if (r === null) return null;
  if (!r.ok) {
    const shown = typeof v === "string" ? v : String(v);
    if (r.reason === "invalid")
      ctx.issues.push(
        makeIssue("date-invalid", at(ctx), { value: shown, fieldKey: ctx.field.key })
      );
    else
      ctx.issues.push(
        makeIssue("type-error", at(ctx), {
          value: shown,
          typeKey: "date",
          fieldKey: ctx.field.key,
        })
      );
    return null;
  }
  if (r.date.serial > ctx.reportSerial) {
    ctx.issues.push(
      makeIssue("date-future", at(ctx), {
        value: formatDateVi(r.date),
        expected: formatSerial(ctx.reportSerial),
        fieldKey: ctx.field.key,
      })
    );
  }
  return r.date;
}

/** "19/12/2022" for a serial. */
export function formatSerial(serial: number): string {
  return formatDateVi({ serial, precision: "day", ...ymdFromSerial(serial) });
}

export function readEnum(v: CellValue, ctx: CellCtx): string | null {
  const text = readText(v, ctx);
  if (text === null || !ctx.field.enumName) return null;
  const m = matchEnum(ctx.field.enumName, text);
  if (m.status === "unknown") {
    ctx.issues.push(
      makeIssue("enum-unknown", at(ctx), {
        value: text,
        expected: enumLabels(ctx.field.enumName),
        fieldKey: ctx.field.key,
      })
    );
    return null;
  }
  if (m.status === "variant") {
    const p = { value: text, expected: m.label, fieldKey: ctx.field.key };
    ctx.issues.push(
      makeIssue(
        "enum-variant",
        at(ctx),
        p,
        makeFix("enumVariant", ctx.row, ctx.col, typeof v === "string" ? v : text, m.label, p)
      )
    );
  }
  return m.value;
}

export function readNames(v: CellValue, ctx: CellCtx): string[] | null {
  const text = readText(v, ctx);
  if (text === null) return null;
  const names = text
    .split(/[;\n\r]+/)
    .map((s) => s.replace(/^\s*[-–•+]\s*/, "").trim())
    .filter((s) => s !== "");
  return names.length ? names : null;
}
