/**
 * `npm run bench`: how fast the engine and the command line are on a large
 * workbook, side by side with a bare baseline, in one run. Not a test: it
 * prints numbers and never fails on a missed goal.
 *
 *   engine check+summary  vs  a bare pass over the same cell arrays   (goal ≤ 3×)
 *   CLI summary end to end vs  ExcelJS read + write of the same file  (goal ≤ 1.3×)
 *
 * plus peak RSS / heapUsed for each phase and the CLI run's breakdown.
 * Sizes: BENCH_HTX, BENCH_THT (default 100,000 each), BENCH_TRAINING (2,000),
 * BENCH_FAIRS (500); repetitions: BENCH_RUNS (engine, 3), BENCH_CLI_RUNS (3).
 * A quick run: BENCH_HTX=5000 BENCH_THT=5000 npm run bench
 * The workbook is generated into os.tmpdir() and reused while the parameters
 * and the generator are unchanged.
 */
import { createHash } from "crypto";
import { existsSync, promises as fs, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import * as v8 from "v8";
import { Worker } from "worker_threads";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { inspectPackage } from "../src/adapters/xlsx/inspect";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsx-workbook";
import { Io, runSummary } from "../src/cli/main";
import { writeLargeWorkbook } from "../src/demo/large-workbook";
import { analyse } from "../src/engine/analyse";
import type { WorkbookData } from "../src/engine/model/cells";
import { columnLetter } from "../src/engine/model/cells";
import { serialFromYmd } from "../src/engine/parse/date";
import { buildSummaryLayout } from "../src/engine/summary/summary-layout";
import { HtxError } from "../src/workbook/port";
import { buildSummary } from "../src/workbook/summary-service";

// ---------------------------------------------------------------- parameters

function envInt(name: string, fallback: number, min = 0): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw.replace(/[_,]/g, ""));
  if (!Number.isInteger(n) || n < min) {
    throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  }
  return n;
}

const SIZES = {
  htx: envInt("BENCH_HTX", 100_000),
  tht: envInt("BENCH_THT", 100_000),
  training: envInt("BENCH_TRAINING", 2_000),
  fairs: envInt("BENCH_FAIRS", 500),
};
const ENGINE_RUNS = envInt("BENCH_RUNS", 3, 1);
const CLI_RUNS = envInt("BENCH_CLI_RUNS", 3, 1);
const YEAR = 2022;
const REPORT_DATE = "31/12/2022";
const REPORT_SERIAL = serialFromYmd(2022, 12, 31);
const ENGINE_GOAL = 3;
const CLI_GOAL = 1.3;
const SAMPLE_MS = 50;

const quietIo: Io = { out: () => undefined, err: () => undefined, errIsTty: false };

// ---------------------------------------------------------------- formatting

const MB = 1024 * 1024;

function num(n: number, digits = 0): string {
  return n.toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

function ms(n: number): string {
  return `${num(n)} ms`;
}

function mb(bytes: number): string {
  return `${num(bytes / MB)} MB`;
}

function ratioText(ratio: number, goal: number): string {
  const verdict = ratio <= goal ? "met" : "MISSED";
  return `ratio ${num(ratio, 2)}× (goal ≤ ${goal}×, ${verdict})`;
}

function padL(s: string, n: number): string {
  return s.length >= n ? s : " ".repeat(n - s.length) + s;
}

function padR(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

// ---------------------------------------------------------------- memory

/**
 * Peak memory of a phase. RSS is sampled by a worker thread, so that it keeps
 * sampling while the main thread runs synchronous engine code; heapUsed can
 * only be read on the main thread, so for synchronous phases it is sampled
 * at the end of each run (a lower bound of the true peak).
 */
class MemoryMonitor {
  private readonly shared = new SharedArrayBuffer(8);
  private readonly peakRss = new BigInt64Array(this.shared);
  private readonly worker: Worker;
  private timer: NodeJS.Timeout | null = null;
  private heapPeak = 0;
  private rssPeakMain = 0;

  constructor() {
    const code = `
      const { workerData } = require("worker_threads");
      const peak = new BigInt64Array(workerData);
      const tick = () => {
        const rss = BigInt(process.memoryUsage.rss());
        for (;;) {
          const old = Atomics.load(peak, 0);
          if (rss <= old || Atomics.compareExchange(peak, 0, old, rss) === old) break;
        }
      };
      setInterval(tick, ${SAMPLE_MS});
    `;
    this.worker = new Worker(code, { eval: true, workerData: this.shared });
    this.worker.unref();
  }

  /** Start a phase: let pending callbacks finish, collect garbage, reset the peaks. */
  async start(): Promise<{ rss: number; heapUsed: number }> {
    await new Promise((resolve) => setTimeout(resolve, 50));
    gc();
    const m = process.memoryUsage();
    Atomics.store(this.peakRss, 0, BigInt(m.rss));
    this.heapPeak = m.heapUsed;
    this.rssPeakMain = m.rss;
    if (this.timer) clearInterval(this.timer);
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
    return { rss: m.rss, heapUsed: m.heapUsed };
  }

  /** Sample now (call at the end of synchronous work). */
  sample(): void {
    const m = process.memoryUsage();
    if (m.heapUsed > this.heapPeak) this.heapPeak = m.heapUsed;
    if (m.rss > this.rssPeakMain) this.rssPeakMain = m.rss;
  }

  stop(): { rssPeak: number; heapPeak: number; maxRss: number } {
    this.sample();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const rssPeak = Math.max(Number(Atomics.load(this.peakRss, 0)), this.rssPeakMain);
    return {
      rssPeak,
      heapPeak: this.heapPeak,
      maxRss: process.resourceUsage().maxRSS * 1024,
    };
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.worker.terminate();
  }
}

interface PhaseMemory {
  phase: string;
  baseRss: number;
  baseHeap: number;
  rssPeak: number;
  heapPeak: number;
  maxRss: number;
}

const memoryRows: PhaseMemory[] = [];

async function phase<T>(mon: MemoryMonitor, name: string, fn: () => Promise<T>): Promise<T> {
  const base = await mon.start();
  const result = await fn();
  const end = mon.stop();
  memoryRows.push({
    phase: name,
    baseRss: base.rss,
    baseHeap: base.heapUsed,
    rssPeak: end.rssPeak,
    heapPeak: end.heapPeak,
    maxRss: end.maxRss,
  });
  return result;
}

// ---------------------------------------------------------------- the workbook

/** A short hash of the generator code and the ExcelJS version, to key the cached file. */
function generatorHash(): string {
  const h = createHash("sha1");
  for (const f of ["large-workbook.js", "demo-data.js", "demo-workbook.js"]) {
    const p = path.join(__dirname, "..", "src", "demo", f);
    h.update(existsSync(p) ? readFileSync(p) : f);
  }
  h.update(String((ExcelJS as unknown as { version?: string }).version ?? "exceljs-4.4.0"));
  return h.digest("hex").slice(0, 8);
}

function benchFileBase(): string {
  const { htx, tht, training, fairs } = SIZES;
  return path.join(
    os.tmpdir(),
    `htx-bench-${htx}htx-${tht}tht-${training}tr-${fairs}f-${generatorHash()}`
  );
}

/**
 * ExcelJS's streaming writer leaves out <dimension>; Excel always writes it.
 * Add it to every sheet that lacks one (before <sheetViews>, as the schema
 * orders it). Returns the sheets patched.
 */
async function addDimensions(src: string, dst: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await fs.readFile(src));
  const patched: string[] = [];
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const file = zip.file(name);
    if (!file) continue;
    const xml = await file.async("string");
    const dataAt = xml.indexOf("<sheetData");
    if (dataAt < 0 || /<dimension\b/.test(xml.slice(0, dataAt))) continue;
    const lastRowAt = xml.lastIndexOf('<row r="');
    const lastRow = lastRowAt < 0 ? 1 : parseInt(xml.slice(lastRowAt + 8, lastRowAt + 20), 10);
    let maxCol = 1;
    for (const m of xml.matchAll(/ spans="\d+:(\d+)"/g)) maxCol = Math.max(maxCol, Number(m[1]));
    const ref = `A1:${columnLetter(maxCol - 1)}${lastRow}`;
    const before = ["<sheetViews", "<sheetFormatPr", "<cols", "<sheetData"]
      .map((tag) => xml.indexOf(tag))
      .filter((i) => i >= 0 && i <= dataAt);
    const at = Math.min(...before);
    zip.file(name, xml.slice(0, at) + `<dimension ref="${ref}"/>` + xml.slice(at));
    patched.push(`${name} (${ref})`);
  }
  const out = await zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
  const tmp = `${dst}.${process.pid}.tmp`;
  await fs.writeFile(tmp, out);
  await fs.rename(tmp, dst);
  return patched;
}

interface BenchFile {
  file: string;
  generatedMs: number | null;
  notes: string[];
}

async function prepareWorkbook(): Promise<BenchFile> {
  const base = benchFileBase();
  const raw = `${base}.xlsx`;
  const notes: string[] = [];
  let generatedMs: number | null = null;
  if (!existsSync(raw)) {
    process.stderr.write(`generating ${raw} …\n`);
    const t = performance.now();
    await writeLargeWorkbook(raw, SIZES);
    generatedMs = performance.now() - t;
  }
  // Would the CLI open it? (The size guard of inspectPackage.)
  try {
    await inspectPackage(raw);
    return { file: raw, generatedMs, notes };
  } catch (e) {
    if (!(e instanceof HtxError) || e.code !== "tooLarge") throw e;
    const p = e.params as Record<string, unknown>;
    notes.push(
      `NOTE: the CLI refuses the generated file: tooLarge (sheet "${String(p.sheet)}", ` +
        `rows ${String(p.rows)}, limit ${String(p.limit)}). The streaming writer writes no ` +
        `<dimension>, and inspectPackage then estimates rows from the XML size (120 bytes/row).`
    );
  }
  const fixed = `${base}-dim.xlsx`;
  if (!existsSync(fixed)) {
    process.stderr.write(`adding <dimension> to the sheets → ${fixed} …\n`);
    const sheets = await addDimensions(raw, fixed);
    notes.push(`      patched: ${sheets.join(", ")}`);
  }
  notes.push(`      Benchmarking a copy with <dimension> added, as Excel would save it.`);
  await inspectPackage(fixed); // must pass now
  return { file: fixed, generatedMs, notes };
}

// ---------------------------------------------------------------- the engine

interface BareResult {
  numbers: number;
  sum: number;
  strings: number;
  chars: number;
  other: number;
  empty: number;
}

/** The baseline: one pass that touches every cell of every sheet, doing next to nothing. */
function barePass(wb: WorkbookData): BareResult {
  const r: BareResult = { numbers: 0, sum: 0, strings: 0, chars: 0, other: 0, empty: 0 };
  for (const sheet of wb.sheets) {
    const rows = sheet.values;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (!row) continue;
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        if (typeof v === "number") {
          r.numbers++;
          r.sum += v;
        } else if (typeof v === "string") {
          r.strings++;
          r.chars += v.length;
        } else if (v === null || v === undefined) {
          r.empty++;
        } else {
          r.other++;
        }
      }
    }
  }
  return r;
}

interface Timed<T> {
  best: number;
  all: number[];
  last: T;
}

/** A reference, not the goal's baseline: the bare pass plus NFC of every string (the least any text check does). */
function nfcPass(wb: WorkbookData): number {
  let n = 0;
  for (const sheet of wb.sheets) {
    for (const row of sheet.values) {
      if (!row) continue;
      for (const v of row) {
        if (typeof v === "number") n += v;
        else if (typeof v === "string") n += v.normalize("NFC").length;
      }
    }
  }
  return n;
}

/** One untimed warm-up (optional), then `runs` timed runs, GC before each. */
async function bestOf<T>(
  runs: number,
  warmUp: boolean,
  fn: () => T | Promise<T>,
  after?: () => void
): Promise<Timed<T>> {
  if (warmUp) {
    await fn();
    after?.();
  }
  const all: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    gc();
    const t = performance.now();
    last = await fn();
    all.push(performance.now() - t);
    after?.();
  }
  return { best: Math.min(...all), all, last: last as T };
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  if (!(globalThis as { gc?: unknown }).gc) {
    process.stderr.write("warning: run with node --expose-gc for comparable memory figures\n");
  }
  const started = performance.now();
  const loadAtStart = os.loadavg()[0];
  const mon = new MemoryMonitor();
  const print = (s = "") => process.stdout.write(s + "\n");
  const tmpOut = path.join(os.tmpdir(), `htx-bench-summary-${process.pid}.xlsx`);
  const tmpOut2 = path.join(os.tmpdir(), `htx-bench-exceljs-${process.pid}.xlsx`);

  try {
    const bench = await phase(mon, "generate / check file", prepareWorkbook);
    const size = (await fs.stat(bench.file)).size;

    // -- Engine vs bare pass, on in-memory arrays.
    process.stderr.write("loading the workbook into memory …\n");
    // Held in a box so that it can be let go before the CLI phases.
    const held: { data: WorkbookData | null } = { data: null };
    held.data = await phase(mon, "load (open + read)", async () => {
      const wb = await XlsxWorkbook.open(bench.file);
      return wb.read();
    });
    const rows = held.data.sheets.reduce((n, s) => n + s.values.length, 0);
    const bareCheck = barePass(held.data);
    const cells = bareCheck.numbers + bareCheck.strings + bareCheck.other;

    process.stderr.write(`engine: 1 warm-up + ${ENGINE_RUNS} runs …\n`);
    let analyseMs = 0;
    let layoutMs = 0;
    let issues = 0;
    const splits: { analyse: number; layout: number }[] = [];
    const engine = await phase(mon, "engine check+summary", () =>
      bestOf(
        ENGINE_RUNS,
        true,
        () => {
          const t0 = performance.now();
          const a = analyse(held.data as WorkbookData, { year: YEAR, reportSerial: REPORT_SERIAL });
          const t1 = performance.now();
          const layout = buildSummaryLayout(a);
          const t2 = performance.now();
          splits.push({ analyse: t1 - t0, layout: t2 - t1 });
          issues = a.issues.length;
          return layout.cells.length;
        },
        () => mon.sample()
      )
    );
    {
      // The split of the best timed run (the first entry is the warm-up).
      const timed = splits.slice(1);
      const i = engine.all.indexOf(engine.best);
      analyseMs = timed[i].analyse;
      layoutMs = timed[i].layout;
    }

    let bareSink = 0;
    const bare = await phase(mon, "bare pass", () =>
      bestOf(
        ENGINE_RUNS,
        true,
        () => {
          const r = barePass(held.data as WorkbookData);
          bareSink += r.sum + r.chars + r.strings + r.numbers + r.other + r.empty;
          return r;
        },
        () => mon.sample()
      )
    );
    const nfc = await bestOf(ENGINE_RUNS, true, () => {
      bareSink += nfcPass(held.data as WorkbookData);
    });
    held.data = null;

    // -- CLI end to end vs ExcelJS read + write.
    process.stderr.write(`CLI vs ExcelJS: ${CLI_RUNS} runs each, alternating …\n`);
    const cliTimes: number[] = [];
    const exceljsTimes: { total: number; read: number; write: number }[] = [];
    const cliMem: PhaseMemory[] = [];
    const exMem: PhaseMemory[] = [];
    for (let i = 0; i < CLI_RUNS; i++) {
      await phase(mon, "CLI runSummary", async () => {
        const t = performance.now();
        const code = await runSummary(
          bench.file,
          { year: String(YEAR), date: REPORT_DATE, output: tmpOut },
          quietIo
        );
        cliTimes.push(performance.now() - t);
        if (code !== 0) throw new Error(`runSummary returned ${code}`);
      });
      cliMem.push(memoryRows.pop() as PhaseMemory);
      await phase(mon, "ExcelJS read+write", async () => {
        const t0 = performance.now();
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(bench.file);
        const t1 = performance.now();
        await wb.xlsx.writeFile(tmpOut2);
        const t2 = performance.now();
        exceljsTimes.push({ total: t2 - t0, read: t1 - t0, write: t2 - t1 });
      });
      exMem.push(memoryRows.pop() as PhaseMemory);
    }
    const merge = (rowsIn: PhaseMemory[]): PhaseMemory => ({
      phase: rowsIn[0].phase,
      baseRss: Math.min(...rowsIn.map((r) => r.baseRss)),
      baseHeap: Math.min(...rowsIn.map((r) => r.baseHeap)),
      rssPeak: Math.max(...rowsIn.map((r) => r.rssPeak)),
      heapPeak: Math.max(...rowsIn.map((r) => r.heapPeak)),
      maxRss: Math.max(...rowsIn.map((r) => r.maxRss)),
    });
    memoryRows.push(merge(cliMem), merge(exMem));
    const cliBest = Math.min(...cliTimes);
    const exBest = exceljsTimes.reduce((a, b) => (b.total < a.total ? b : a));

    // -- The CLI's steps, timed one by one (one run).
    process.stderr.write("CLI breakdown (one run) …\n");
    const steps = await phase(mon, "CLI steps (breakdown)", async () => {
      const t0 = performance.now();
      await inspectPackage(bench.file);
      const t1 = performance.now();
      const wb = await XlsxWorkbook.open(bench.file);
      const t2 = performance.now();
      const d = await wb.read();
      const t3 = performance.now();
      const a = analyse(d, { year: YEAR, reportSerial: REPORT_SERIAL });
      const t4 = performance.now();
      mon.sample();
      await buildSummary(wb, a);
      const t5 = performance.now();
      await wb.saveAs(tmpOut);
      const t6 = performance.now();
      return {
        inspect: t1 - t0,
        open: t2 - t1,
        read: t3 - t2,
        analyse: t4 - t3,
        build: t5 - t4,
        save: t6 - t5,
      };
    });

    // -- The report.
    const { htx, tht, training, fairs } = SIZES;
    print();
    print(
      `htx-report benchmark — ${num(htx)} HTX + ${num(tht)} THT rows, ${num(training)} training, ` +
        `${num(fairs)} fairs (file ${num(size / MB, 1)} MB)`
    );
    print(
      `node ${process.version}, ${os.cpus().length} CPUs, heap limit ` +
        `${mb(v8.getHeapStatistics().heap_size_limit)}; ${bench.file}` +
        (bench.generatedMs !== null ? ` (generated in ${ms(bench.generatedMs)})` : " (reused)")
    );
    print(
      `load average (1 min) at start ${num(loadAtStart, 2)}, at end ${num(os.loadavg()[0], 2)} ` +
        "— above ~1 the machine was shared and the times are inflated"
    );
    for (const n of bench.notes) print(n);
    print(
      `${num(rows)} sheet rows, ${num(cells)} non-empty cells (${num(bareCheck.numbers)} numbers, ` +
        `${num(bareCheck.strings)} strings); engine found ${num(issues)} issues`
    );
    print();
    const L = 26;
    const T = 11;
    print(
      `${padR("engine check+summary", L)}${padL(ms(engine.best), T)}   ` +
        `${padR("bare pass", 19)}${padL(ms(bare.best), T)}   ` +
        ratioText(engine.best / bare.best, ENGINE_GOAL)
    );
    print(
      `${padR("CLI summary end to end", L)}${padL(ms(cliBest), T)}   ` +
        `${padR("ExcelJS read+write", 19)}${padL(ms(exBest.total), T)}   ` +
        ratioText(cliBest / exBest.total, CLI_GOAL)
    );
    print();
    print(
      `engine: analyse ${ms(analyseMs)} + buildSummaryLayout ${ms(layoutMs)}; ` +
        `${num(rows / (engine.best / 1000))} rows/s, ${num(cells / (engine.best / 1000))} cells/s`
    );
    print(
      `  reference: bare pass + NFC of every string ${ms(nfc.best)} ` +
        `(engine = ${num(engine.best / nfc.best, 1)}× that)`
    );
    print(
      `  runs (best of ${ENGINE_RUNS}, after 1 warm-up): engine ` +
        `${engine.all.map((t) => num(t)).join(" / ")} ms; bare ${bare.all.map((t) => num(t, 1)).join(" / ")} ms`
    );
    print(
      `CLI runs (best of ${CLI_RUNS}): runSummary ${cliTimes.map((t) => num(t)).join(" / ")} ms; ` +
        `ExcelJS ${exceljsTimes.map((t) => num(t.total)).join(" / ")} ms ` +
        `(best: read ${ms(exBest.read)} + write ${ms(exBest.write)})`
    );
    const stepTotal = steps.open + steps.read + steps.analyse + steps.build + steps.save;
    const pct = (x: number) => `${num((100 * x) / stepTotal)}%`;
    print(`CLI breakdown (one run, ${ms(stepTotal)}):`);
    const stepRow = (label: string, t: number, vs: string) =>
      print(`  ${padR(label, 44)}${padL(ms(t), T)}  ${padL(pct(t), 4)}  ${vs}`);
    stepRow(
      "XlsxWorkbook.open (inspectPackage + ExcelJS)",
      steps.open,
      `ExcelJS read alone ${ms(exBest.read)}; inspectPackage alone ${ms(steps.inspect)}`
    );
    stepRow("read() → WorkbookData (sheetFromWorksheet)", steps.read, "");
    stepRow("analyse", steps.analyse, "");
    stepRow("buildSummary (layout + sheet + settings)", steps.build, "");
    stepRow(
      "saveAs (ExcelJS write + rename)",
      steps.save,
      `ExcelJS write alone ${ms(exBest.write)}`
    );
    print();
    print(
      `memory per phase (RSS sampled every ${SAMPLE_MS} ms by a worker thread; heapUsed on the main ` +
        "thread — end-of-run only inside synchronous code, so a lower bound there)"
    );
    const M = 12;
    print(
      `  ${padR("phase", 24)}${padL("RSS at start", M + 2)}${padL("RSS peak", M)}` +
        `${padL("heap at start", M + 2)}${padL("heap peak", M)}${padL("maxRSS so far", M + 3)}`
    );
    for (const r of memoryRows) {
      print(
        `  ${padR(r.phase, 24)}${padL(mb(r.baseRss), M + 2)}${padL(mb(r.rssPeak), M)}` +
          `${padL(mb(r.baseHeap), M + 2)}${padL(mb(r.heapPeak), M)}${padL(mb(r.maxRss), M + 3)}`
      );
    }
    print();
    print(
      `total ${num((performance.now() - started) / 1000, 1)} s` +
        ` (checksum ${bareSink > 0 ? "ok" : "0"}; sizes: BENCH_HTX, BENCH_THT, BENCH_TRAINING, ` +
        "BENCH_FAIRS; runs: BENCH_RUNS, BENCH_CLI_RUNS)"
    );
  } finally {
    await mon.close();
    await fs.rm(tmpOut, { force: true });
    await fs.rm(tmpOut2, { force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`benchmark failed: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exitCode = 1;
});
