/**
 * The command line (DOMAIN §8): validate | summary | demo over .xlsx files.
 * Exit codes: 0 fine, 1 the checks found errors, 2 the file could not be
 * read or written (one line says why).
 */
import { promises as fs, statSync } from "fs";
import * as path from "path";
import { Command, CommanderError, Option } from "commander";
import { XlsxWorkbook } from "../adapters/xlsx/xlsx-workbook";
import { Analysis, analyse, todaySerial } from "../engine/analyse";
import { countBySeverity, Issue } from "../engine/model/issues";
import { parseDateValue, ymdFromSerial } from "../engine/parse/date";
import { formatNumberVi } from "../engine/format/vi";
import { strings } from "../i18n/en";
import type { Strings } from "../i18n/types";
import { HtxError } from "../workbook/port";
import { buildSummary } from "../workbook/summary-service";
import { writeDemoWorkbook } from "../demo/demo-workbook";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** stderr is a terminal (progress lines are shown only then) */
  errIsTty: boolean;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  errIsTty: !!process.stderr.isTTY,
};

interface CommonOpts {
  year?: string;
  date?: string;
  json?: boolean;
  lang?: string;
}

class UsageError extends Error {}

function parseYear(v: string | undefined, s: Strings): number | undefined {
  if (v === undefined) return undefined;
  const y = Number(v);
  if (!Number.isInteger(y) || y < 1900 || y > 2100)
    throw new UsageError(s.cli.badYear({ value: v }));
  return y;
}

function parseReportDate(v: string | undefined, s: Strings): number | undefined {
  if (v === undefined) return undefined;
  const r = parseDateValue(v);
  if (!r || !r.ok || r.date.precision !== "day" || !/\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/.test(v)) {
    throw new UsageError(s.cli.badDate({ value: v }));
  }
  return r.date.serial;
}

function reason(e: unknown, s: Strings): string {
  if (e instanceof HtxError) {
    const fn = s.cli[e.code];
    return fn ? fn(e.params) : e.message;
  }
  return (e as Error)?.message ?? String(e);
}

/** Big files get a progress line on stderr, when stderr is a terminal. */
export const PROGRESS_MIN_BYTES = 2 * 1024 * 1024;

function progress(io: Io, file: string): (msg: string) => void {
  let big = false;
  try {
    big = statSync(file).size >= PROGRESS_MIN_BYTES;
  } catch {
    big = false;
  }
  return (msg: string) => {
    if (big && io.errIsTty) io.err(msg ? `\r\x1b[2K${msg}` : "\r\x1b[2K");
  };
}

function issueLine(i: Issue, s: Strings): string {
  const where = i.sheet ? (i.cell ? `${i.sheet}!${i.cell}` : i.sheet) : "-";
  const msg = s.lang === "en" ? i.message_en : i.message;
  return `${where}\t${s.severities[i.severity]}\t${i.code}\t${msg}`;
}

function issueJson(i: Issue) {
  return {
    sheet: i.sheet,
    cell: i.cell,
    row: i.row,
    column: i.column,
    field: i.field,
    code: i.code,
    severity: i.severity,
    message: i.message,
    message_en: i.message_en,
    fix: i.fix,
  };
}

async function load(
  file: string,
  o: CommonOpts,
  io: Io,
  s: Strings
): Promise<{ wb: XlsxWorkbook; a: Analysis }> {
  const year = parseYear(o.year, s);
  const reportSerial = parseReportDate(o.date, s);
  const reportDay = ymdFromSerial(reportSerial ?? todaySerial());
  if (year !== undefined && year > reportDay.year) {
    const date = `${String(reportDay.day).padStart(2, "0")}/${String(reportDay.month).padStart(2, "0")}/${reportDay.year}`;
    throw new UsageError(s.cli.yearAfterDate({ year, date }));
  }
  const show = progress(io, file);
  show(s.cli.progress({ sheet: path.basename(file), rows: "…" }));
  const wb = await XlsxWorkbook.open(file);
  const data = await wb.read();
  const rows = data.sheets.reduce((n, sh) => n + sh.values.length, 0);
  const hasData = data.sheets.some((sh) =>
    sh.values.some((r) => r && r.some((v) => v !== null && v !== ""))
  );
  if (!hasData) throw new HtxError("emptyWorkbook");
  show(s.cli.progress({ sheet: path.basename(file), rows: formatNumberVi(rows) }));
  const a = analyse(data, { year, reportSerial });
  if (io.errIsTty) show("");
  return { wb, a };
}

export async function runValidate(
  file: string,
  o: CommonOpts,
  io: Io = defaultIo
): Promise<number> {
  const s = strings(o.lang);
  const { a } = await load(file, o, io, s);
  const counts = countBySeverity(a.issues);
  if (o.json) {
    io.out(JSON.stringify({ issues: a.issues.map(issueJson) }, null, 2) + "\n");
  } else {
    for (const i of a.issues) io.out(issueLine(i, s) + "\n");
    io.out(
      (a.issues.length ? "" : s.cli.noIssues({}) + "\n") +
        s.cli.summaryCounts({
          errors: counts.error,
          warnings: counts.warning,
          infos: counts.info,
        }) +
        "\n"
    );
  }
  return counts.error > 0 ? 1 : 0;
}

export function defaultOutput(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), path.basename(file, ext) + "-tong-hop.xlsx");
}

export async function runSummary(
  file: string,
  o: CommonOpts & { output?: string },
  io: Io = defaultIo
): Promise<number> {
  const s = strings(o.lang);
  const loaded = await load(file, o, io, s);
  const wb = loaded.wb;
  let a: Analysis | null = loaded.a;
  loaded.a = null as unknown as Analysis;
  const parts = wb.unsupportedParts();
  if (parts.length) {
    throw new HtxError("unsupportedParts", {
      parts: parts.map((p) => s.parts[p]).join(", "),
    });
  }
  const out = o.output ?? defaultOutput(file);
  await buildSummary(wb, a);
  // What is printed is prepared before writing, so the analysis (and the cell arrays it holds)
  // can be collected while ExcelJS writes: writing a big workbook needs the memory.
  const report = o.json
    ? JSON.stringify({ year: a.year, indicators: indicatorsJson(a) }, null, 2) + "\n"
    : [
        s.cli.summaryHeader({ year: a.year }),
        ...a.indicators.map((i) => {
          const pct = i.percent === null ? "" : ` (${formatNumberVi(i.percent * 100, 0)}%)`;
          const plan = i.plan === null ? "" : ` / ${formatNumberVi(i.plan)}`;
          const actual = i.actual === null ? "—" : formatNumberVi(i.actual);
          return `  ${s.lang === "en" ? i.label_en : i.label}: ${actual}${plan}${pct} ${i.unit}`;
        }),
      ].join("\n") + "\n";
  a = null;
  await wb.saveAs(out);
  io.out(report);
  if (o.json) io.err(s.cli.written({ file: out }) + "\n");
  else io.out(s.cli.written({ file: path.resolve(out) }) + "\n");
  return 0;
}

export function indicatorsJson(a: Analysis) {
  return a.indicators.map((i) => ({
    code: i.code,
    label: i.label,
    unit: i.unit,
    plan: i.plan,
    actual: i.actual,
    percent: i.percent,
    previous: i.previous,
    plan_next: i.plan_next,
  }));
}

export const DEMO_FILE = "htx-demo-2022.xlsx";
export const DEMO_SUMMARY = "htx-demo-2022-tong-hop.xlsx";

export async function runDemo(
  o: { output?: string; lang?: string },
  io: Io = defaultIo
): Promise<number> {
  const s = strings(o.lang);
  const dir = path.resolve(o.output ?? "demo-output");
  await fs.mkdir(dir, { recursive: true });
  const input = path.join(dir, DEMO_FILE);
  const output = path.join(dir, DEMO_SUMMARY);
  await writeDemoWorkbook(input);
  const quiet: Io = { out: () => undefined, err: io.err, errIsTty: io.errIsTty };
  await runSummary(input, { year: "2022", date: "19/12/2022", output, lang: o.lang }, quiet);
  io.out(s.cli.demoWritten({ input, output }) + "\n");
  return 0;
}

/** The language asked for ("--lang en" or "--lang=en"), for messages written before parsing ends. */
function langOf(argv: string[]): "vi" | "en" {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--lang=en" || (argv[i] === "--lang" && argv[i + 1] === "en")) return "en";
  }
  return "vi";
}

/** Failures that happen while writing, not reading. */
const WRITE_ERRORS = new Set(["writeFailed", "sameAsInput", "unsupportedParts"]);

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const s = strings(langOf(argv));
  const h = s.cli;
  let code = 0;
  const program = new Command();
  program
    .name("htx-report")
    .description(h.helpProgram({}))
    .exitOverride()
    .configureOutput({ writeOut: (t) => io.out(t), writeErr: (t) => io.err(t) });
  const langOption = () =>
    new Option("--lang <lang>", h.helpLang({})).choices(["vi", "en"]).default("vi");
  const common = (c: Command) =>
    c
      .option("--year <Y>", h.helpYear({}))
      .option("--date <dd/mm/yyyy>", h.helpDate({}))
      .option("--json", h.helpJson({}))
      .addOption(langOption());
  common(
    program.command("validate").argument("<file>", h.helpFile({})).description(h.helpValidate({}))
  ).action(async (file: string, o: CommonOpts) => {
    code = await runValidate(file, o, io);
  });
  common(
    program.command("summary").argument("<file>", h.helpFile({})).description(h.helpSummary({}))
  )
    .option("-o, --output <OUT.xlsx>", h.helpOutputFile({}))
    .action(async (file: string, o: CommonOpts & { output?: string }) => {
      code = await runSummary(file, o, io);
    });
  program
    .command("demo")
    .description(h.helpDemo({}))
    .option("-o, --output <DIR>", h.helpOutputDir({}), "demo-output")
    .addOption(langOption())
    .action(async (o: { output?: string; lang?: string }) => {
      code = await runDemo(o, io);
    });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === "commander.helpDisplayed" ||
        e.code === "commander.version" ||
        e.code === "commander.help"
      )
        return 0;
      return 2;
    }
    if (e instanceof UsageError) {
      io.err(e.message + "\n");
      return 2;
    }
    const file = argv.find((x, i) => i >= 2 && /\.\w+$/.test(x) && !x.startsWith("-")) ?? "";
    let line: string;
    if (e instanceof HtxError && e.code === "writeFailed") line = s.cli.writeFailed(e.params);
    else if (e instanceof HtxError && WRITE_ERRORS.has(e.code))
      line = s.cli.cannotWrite({ file, reason: reason(e, s) });
    else line = s.cli.cannotRead({ file, reason: reason(e, s) });
    io.err(line + "\n");
    if (process.env.HTX_DEBUG) io.err(String((e as Error)?.stack) + "\n");
    return 2;
  }
}
