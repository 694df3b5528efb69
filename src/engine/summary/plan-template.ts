/**
 * The plan sheet the add-in offers to create when a workbook has none
 * (DOMAIN §2 PLAN): long form, one row per plannable indicator, for the
 * report year and the next, targets left for the user to fill in.
 */
import { INDICATORS } from "../indicators/definitions";
import type { LayoutCell, SheetLayout } from "./layout-model";

export const PLAN_TEMPLATE_SHEET = "Kế hoạch";

export function buildPlanTemplate(year: number, name: string = PLAN_TEMPLATE_SHEET): SheetLayout {
  const cells: LayoutCell[] = [];
  const header = ["Mã chỉ tiêu", "Chỉ tiêu", "ĐVT", "Năm", "Kế hoạch", "Tỷ lệ đạt (%)"];
  header.forEach((h, c) => cells.push({ row: 0, col: c, value: h, style: "header" }));
  let r = 1;
  for (const y of [year, year + 1]) {
    for (const d of INDICATORS.filter((i) => i.plannable)) {
      cells.push({ row: r, col: 0, value: d.code, style: "label" });
      cells.push({ row: r, col: 1, value: d.label, style: "label" });
      cells.push({ row: r, col: 2, value: d.unit, style: "unit" });
      cells.push({ row: r, col: 3, value: y, style: "unit" });
      cells.push({ row: r, col: 4, value: null, style: d.decimals > 0 ? "dec2" : "int" });
      cells.push({ row: r, col: 5, value: null, style: "label" });
      r++;
    }
  }
  return {
    name,
    cells,
    merges: [],
    columnWidths: [30, 44, 16, 8, 14, 14],
    hiddenColumns: [],
    rowHeights: { 0: 32 },
    freezeRows: 1,
    print: { paper: "A4", landscape: true, fitToWidth: true },
  };
}
