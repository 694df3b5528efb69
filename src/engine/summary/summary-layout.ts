/**
 * The summary sheet of DOMAIN §6 as a layout model: title block (Nghị định
 * 30/2020 style), the table in sections I–VII with live formulas for "% so
 * KH" and "Tăng (+), giảm (−)", a note on every figure naming its source,
 * a hidden column of indicator codes, and the prose draft.
 */
import type { Analysis, IndicatorResult } from "../analyse";
import { SUMMARY_MARKER } from "../detect/kinds";
import type { Section } from "../indicators/definitions";
import type { Source } from "../indicators/compute";
import { cellAddress } from "../model/cells";
import type { MergeArea } from "../model/cells";
import { ymdFromSerial } from "../parse/date";
import { vi } from "../../i18n/vi";
import { LayoutCell, SheetLayout, StyleName } from "./layout-model";
import { buildProse } from "./prose";

export interface SummaryOptions {
  organisation?: string;
  place?: string;
  sheetName?: string;
}

export const DEFAULT_ORGANISATION = "LIÊN MINH HTX TỈNH KIÊN GIANG";
export const DEFAULT_PLACE = "Kiên Giang";

export function summarySheetName(year: number): string {
  return `Tổng hợp ${year}`;
}

const SECTIONS: { key: Section; roman: string; title: string }[] = [
  { key: "tht", roman: "I", title: vi.summary.secTht },
  { key: "htx", roman: "II", title: vi.summary.secHtx },
  { key: "union", roman: "III", title: vi.summary.secUnion },
  { key: "training", roman: "IV", title: vi.summary.secTraining },
  { key: "fairs", roman: "V", title: vi.summary.secFairs },
  { key: "loans", roman: "VI", title: vi.summary.secLoans },
];

/** "6–56, 60 (52 dòng)" — row lists compressed to ranges, capped. */
export function describeRows(rows: number[], max = 8): string {
  let ascending = true;
  for (let i = 1; i < rows.length && ascending; i++) ascending = rows[i] > rows[i - 1];
  const sorted = ascending ? rows : [...new Set(rows)].sort((a, b) => a - b);
  const ranges: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    ranges.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  const shown = ranges.length > max ? [...ranges.slice(0, max), "…"] : ranges;
  return `${shown.join(", ")} (${sorted.length} ${vi.summary.noteRows})`;
}

function sourceNote(sources: Source[], sheets: string[]): string {
  if (!sources.length)
    return `${vi.summary.noteSource}: ${sheets.join(", ")}, 0 ${vi.summary.noteRows}`;
  return sources
    .map(
      (s) => `${vi.summary.noteSource}: ${s.sheet}, ${vi.summary.noteRows} ${describeRows(s.rows)}`
    )
    .join("\n");
}

const COLS = {
  stt: 0,
  label: 1,
  unit: 2,
  plan: 3,
  actual: 4,
  percent: 5,
  previous: 6,
  change: 7,
  code: 8,
};

export function buildSummaryLayout(a: Analysis, opts: SummaryOptions = {}): SheetLayout {
  const Y = a.year;
  const cells: LayoutCell[] = [];
  const merges: MergeArea[] = [];
  const rowHeights: Record<number, number> = {};
  const put = (
    row: number,
    col: number,
    value: string | number | null,
    style?: StyleName,
    note?: string
  ) => cells.push({ row, col, value, style, note });
  const merge = (top: number, left: number, bottom: number, right: number) =>
    merges.push({ top, left, bottom, right });

  // Title block.
  const org = opts.organisation ?? a.read.settings.organisation ?? DEFAULT_ORGANISATION;
  const place = opts.place ?? a.read.settings.place ?? DEFAULT_PLACE;
  const d = ymdFromSerial(a.reportSerial);
  put(0, 0, org, "org");
  merge(0, 0, 1, 2);
  put(0, 3, vi.summary.country, "country");
  merge(0, 3, 0, 7);
  put(1, 3, vi.summary.motto, "motto");
  merge(1, 3, 1, 7);
  put(
    2,
    3,
    `${place}, ngày ${String(d.day).padStart(2, "0")} tháng ${String(d.month).padStart(2, "0")} năm ${d.year}`,
    "dateLine"
  );
  merge(2, 3, 2, 7);
  put(4, 0, `${vi.summary.title} ${Y}`, "title");
  merge(4, 0, 4, 7);
  rowHeights[4] = 36;

  // Table header.
  const H = 6;
  const headers = [
    vi.summary.stt,
    vi.summary.indicator,
    vi.summary.unit,
    `${vi.summary.plan} ${Y}`,
    `${vi.summary.actual} ${Y}`,
    vi.summary.percent,
    `${vi.summary.previous} ${Y - 1}`,
    vi.summary.change,
  ];
  headers.forEach((h, c) => put(H, c, h, "header"));
  put(H, COLS.code, SUMMARY_MARKER, "hidden");
  rowHeights[H] = 48;
  headers.forEach((_, c) => put(H + 1, c, `(${c + 1})`, "colNumber"));

  let r = H + 2;
  const numStyle = (ind: IndicatorResult): StyleName => (ind.def.decimals > 0 ? "dec2" : "int");
  for (const sec of SECTIONS) {
    const list = a.indicators.filter(
      (i) => i.def.section === sec.key && !(i.def.hideZero && !i.actual)
    );
    put(r, COLS.stt, sec.roman, "section");
    put(r, COLS.label, sec.title, "sectionLabel");
    for (let c = 2; c < 8; c++) put(r, c, null, "label");
    r++;
    let n = 0;
    for (const ind of list) {
      n++;
      const row = r;
      const A = (col: number) => cellAddress(row, col);
      put(row, COLS.stt, ind.def.sub ? "" : String(n), "unit");
      if (ind.def.sub) n--;
      put(row, COLS.label, ind.label, ind.def.sub ? "subLabel" : "label");
      put(row, COLS.unit, ind.unit, "unit");
      put(
        row,
        COLS.plan,
        ind.plan,
        numStyle(ind),
        ind.planSource
          ? `${vi.summary.noteSource}: ${ind.planSource.sheet}, ${vi.summary.noteRows} ${ind.planSource.row}`
          : undefined
      );
      put(
        row,
        COLS.actual,
        ind.actual,
        numStyle(ind),
        ind.actual === null
          ? a.read.sheets.some((x) => x.kind === ind.def.source)
            ? vi.summary.noteNoColumn
            : vi.summary.noteNoData
          : sourceNote(
              ind.sources,
              a.read.sheets.filter((x) => x.kind === ind.def.source).map((x) => x.sheet.name)
            )
      );
      cells.push({
        row,
        col: COLS.percent,
        formula: `IF(OR(N(${A(COLS.plan)})=0,${A(COLS.actual)}=""),"",${A(COLS.actual)}/${A(COLS.plan)})`,
        result: ind.percent ?? "",
        style: "percent",
      });
      put(row, COLS.previous, ind.previous, numStyle(ind));
      cells.push({
        row,
        col: COLS.change,
        formula: `IF(OR(${A(COLS.actual)}="",${A(COLS.previous)}=""),"",${A(COLS.actual)}-${A(COLS.previous)})`,
        result: ind.actual !== null && ind.previous !== null ? ind.actual - ind.previous : "",
        style: numStyle(ind),
      });
      put(row, COLS.code, ind.code, "hidden");
      r++;
    }
  }

  // VII. Next year's plan.
  const next = a.indicators.filter((i) => i.plan_next !== null);
  put(r, COLS.stt, "VII", "section");
  put(r, COLS.label, `${vi.summary.secPlanNext} ${Y + 1}`, "sectionLabel");
  for (let c = 2; c < 8; c++) put(r, c, null, "label");
  r++;
  next.forEach((ind, i) => {
    put(r, COLS.stt, String(i + 1), "unit");
    put(r, COLS.label, ind.label, "label");
    put(r, COLS.unit, ind.unit, "unit");
    put(
      r,
      COLS.plan,
      ind.plan_next,
      ind.def.decimals > 0 && !Number.isInteger(ind.plan_next) ? "dec2" : "int",
      ind.planNextSource
        ? `${vi.summary.noteSource}: ${ind.planNextSource.sheet}, ${vi.summary.noteRows} ${ind.planNextSource.row}`
        : undefined
    );
    for (let c = 4; c < 8; c++) put(r, c, null, "label");
    put(r, COLS.code, `${ind.code}@${Y + 1}`, "hidden");
    r++;
  });

  // Prose draft.
  r++;
  put(r, 0, vi.summary.prose, "proseHeading");
  merge(r, 0, r, 7);
  r++;
  const unionNames = unionNamesOf(a);
  for (const para of buildProse(a, unionNames)) {
    put(r, 0, para, "prose");
    merge(r, 0, r, 7);
    rowHeights[r] = Math.max(18, Math.ceil(para.length / 120) * 16 + 4);
    r++;
  }

  return {
    name: opts.sheetName ?? summarySheetName(Y),
    cells,
    merges,
    columnWidths: [6, 46, 13, 16, 16, 10, 16, 16, 24],
    hiddenColumns: [COLS.code],
    rowHeights,
    freezeRows: H + 1,
    print: { paper: "A4", landscape: true, fitToWidth: true, printTitleRows: [H, H + 1] },
  };
}

function unionNamesOf(a: Analysis): string[] {
  const ind = a.indicators.find((i) => i.code === "union.new");
  if (!ind || !ind.sources.length) return [];
  const names: string[] = [];
  for (const s of ind.sources) {
    const read = a.read.sheets.find((x) => x.sheet.name === s.sheet);
    if (!read) continue;
    for (const row of s.rows) {
      const rec = read.records.find((x) => x.row === row - 1);
      if (rec && typeof rec.v.name === "string") names.push(rec.v.name);
    }
  }
  return names.length <= 3 ? names : [];
}
