/**
 * A large synthetic workbook for the benchmark: the demo's sheet layouts
 * with N generated rows, written with ExcelJS's streaming writer so that
 * 100,000 + 100,000 rows fit in modest memory. The rows are random (seeded),
 * not tied to the reference figures.
 */
import * as fs from "fs";
import ExcelJS from "exceljs";
import {
  DEMO_SEED,
  DemoCell,
  DemoSheetSpec,
  FairRow,
  HtxRow,
  LoanRow,
  PLAN_ROWS,
  REPORT_DATE,
  Rng,
  STATUS_ACTIVE,
  ThtTotals,
  WORKBOOK_CREATOR,
  addThtTotals,
  fairCells,
  fairSheetSpec,
  htxCells,
  htxSheetSpec,
  largeFairRow,
  largeHtxRow,
  largeThtRow,
  largeTrainingRow,
  loanCells,
  loanSheetSpec,
  planSheetSpec,
  randomDateBetween,
  thtCells,
  thtSheetSpec,
  thtTotalRow,
  trainingCells,
  trainingSheetSpec,
  utcDate,
} from "./demo-data";
import {
  SheetStyles,
  columnDefs,
  fillRow,
  frozenView,
  makeSheetStyles,
  writeSheetHead,
} from "./demo-workbook";

export interface LargeWorkbookOptions {
  /** Rows in "DS HTX". */
  htx: number;
  /** Rows in "DS THT". */
  tht: number;
  /** Rows in "Đào tạo, tập huấn" (default 1,000). */
  training?: number;
  /** Rows in "Hội chợ - XTTM" (default 200). */
  fairs?: number;
}

type StreamWorksheet = ExcelJS.Worksheet;

/** Adds a streaming sheet with the spec's layout and writes its head rows. */
function startSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  spec: DemoSheetSpec,
  styles: SheetStyles
): StreamWorksheet {
  const ws = wb.addWorksheet(spec.name, { views: [frozenView(spec)] });
  ws.columns = columnDefs(spec.columns);
  for (const row of writeSheetHead(ws, spec, styles)) row.commit();
  return ws;
}

/** Streams `count` rows produced by `cells(i)` under the head of `spec`. */
function streamRows(
  ws: StreamWorksheet,
  spec: DemoSheetSpec,
  styles: SheetStyles,
  count: number,
  cells: (i: number) => DemoCell[]
): number {
  let r = spec.firstDataRow;
  for (let i = 0; i < count; i++) {
    const row = ws.getRow(r++);
    fillRow(row, cells(i), spec.columns, styles.data);
    row.commit();
  }
  return r;
}

/**
 * Writes a benchmark workbook with `opts.tht` THT rows, `opts.htx` HTX rows,
 * and the training, fairs, loans and plan sheets, to `path` (via a temporary
 * file and a rename).
 */
export async function writeLargeWorkbook(path: string, opts: LargeWorkbookOptions): Promise<void> {
  const tmp = `${path}.tmp`;
  const htxCount = Math.max(0, Math.floor(opts.htx));
  const thtCount = Math.max(0, Math.floor(opts.tht));
  const trainingCount = Math.max(0, Math.floor(opts.training ?? 1000));
  const fairCount = Math.max(0, Math.floor(opts.fairs ?? 200));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: tmp,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = WORKBOOK_CREATOR;
  wb.lastModifiedBy = WORKBOOK_CREATOR;
  wb.created = REPORT_DATE;
  wb.modified = REPORT_DATE;
  const styles = makeSheetStyles();
  try {
    // DS THT, with its "Tổng cộng" row.
    const thtRng = new Rng(DEMO_SEED + 100);
    const thtSpec = thtSheetSpec([]);
    const thtWs = startSheet(wb, thtSpec, styles);
    const totals: ThtTotals = { members: 0, capital10: 0, area100: 0, workers: 0 };
    const next = streamRows(thtWs, thtSpec, styles, thtCount, (i) => {
      const row = largeThtRow(thtRng, i);
      addThtTotals(totals, row);
      return thtCells(row, i + 1);
    });
    const totalRow = thtWs.getRow(next);
    fillRow(
      totalRow,
      thtTotalRow(totals, thtSpec.firstDataRow, Math.max(thtSpec.firstDataRow, next - 1)),
      thtSpec.columns,
      styles.total
    );
    totalRow.commit();
    thtWs.commit();

    // DS HTX; remember some active names for the fairs and loans.
    const htxRng = new Rng(DEMO_SEED + 101);
    const htxSpec = htxSheetSpec([]);
    const htxWs = startSheet(wb, htxSpec, styles);
    const names: string[] = [];
    const rememberEvery = Math.max(1, Math.floor(htxCount / 500));
    streamRows(htxWs, htxSpec, styles, htxCount, (i) => {
      const row: HtxRow = largeHtxRow(htxRng, i);
      if (row.status === STATUS_ACTIVE && row.kind === "HTX" && i % rememberEvery === 0) {
        names.push(row.name);
      }
      return htxCells(row, i + 1);
    });
    htxWs.commit();

    const trainingRng = new Rng(DEMO_SEED + 102);
    const trainingSpec = trainingSheetSpec([]);
    const trainingWs = startSheet(wb, trainingSpec, styles);
    streamRows(trainingWs, trainingSpec, styles, trainingCount, (i) =>
      trainingCells(largeTrainingRow(trainingRng, i), i + 1)
    );
    trainingWs.commit();

    const fairRng = new Rng(DEMO_SEED + 103);
    const fairSpec = fairSheetSpec([]);
    const fairWs = startSheet(wb, fairSpec, styles);
    streamRows(fairWs, fairSpec, styles, fairCount, (i) => {
      const row: FairRow = largeFairRow(fairRng, i, names);
      return fairCells(row, i + 1);
    });
    fairWs.commit();

    const loanRng = new Rng(DEMO_SEED + 104);
    const loans: LoanRow[] = names.slice(0, 20).map((name, i) => ({
      project: `Dự án mở rộng sản xuất, tạo việc làm số ${i + 1}`,
      htxName: name,
      fund: "Quỹ Quốc gia về việc làm",
      amount: loanRng.int(5, 20) * 10,
      date: randomDateBetween(loanRng, utcDate(2022, 1, 1), REPORT_DATE),
    }));
    const loanSpec = loanSheetSpec(loans);
    const loanWs = startSheet(wb, loanSpec, styles);
    streamRows(loanWs, loanSpec, styles, loans.length, (i) => loanCells(loans[i], i + 1));
    loanWs.commit();

    const planSpec = planSheetSpec(PLAN_ROWS);
    const planWs = startSheet(wb, planSpec, styles);
    streamRows(planWs, planSpec, styles, planSpec.rows.length, (i) => planSpec.rows[i]);
    planWs.commit();

    await wb.commit();
    await fs.promises.rename(tmp, path);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    throw err;
  }
}
