/**
 * The demo workbook must reproduce every figure of spec/reference-2022.md.
 * These checks recount the generated rows (and a re-read of the written
 * .xlsx) with simple, independent sums.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { DemoData, HtxRow, ThtRow, buildDemoData, demoSheetSpecs } from "../../src/demo/demo-data";
import { buildDemoWorkbook, writeDemoWorkbook } from "../../src/demo/demo-workbook";
import { writeLargeWorkbook } from "../../src/demo/large-workbook";

const END_2022 = Date.UTC(2022, 11, 31);
const END_2021 = Date.UTC(2021, 11, 31);
const REPORT = Date.UTC(2022, 11, 19);

const DISTRICTS = [
  "Rạch Giá",
  "Hà Tiên",
  "Phú Quốc",
  "Kiên Lương",
  "Giang Thành",
  "Hòn Đất",
  "Tân Hiệp",
  "Châu Thành",
  "Giồng Riềng",
  "Gò Quao",
  "An Biên",
  "An Minh",
  "U Minh Thượng",
  "Vĩnh Thuận",
  "Kiên Hải",
];

function activeAt(r: { founded: Date; dissolved: Date | null }, end: number): boolean {
  return r.founded.getTime() <= end && !(r.dissolved !== null && r.dissolved.getTime() <= end);
}

const foundedIn = (r: { founded: Date }, y: number): boolean => r.founded.getUTCFullYear() === y;

/** Sum in integer units (value × scale, rounded) to stay exact. */
function sum<T>(rows: readonly T[], f: (r: T) => number | null, scale = 1): number {
  let s = 0;
  for (const r of rows) s += Math.round((f(r) ?? 0) * scale);
  return s;
}

/** Parses a Vietnamese number typed as text ("1.250.000.000", "145,25"). */
function parseVi(text: string): number {
  return Number(text.replace(/\./g, "").replace(",", "."));
}

function stripPrefix(district: string): string {
  return district.replace(/^(Huyện|TP\.)\s+/, "");
}

describe("demo data (reference 2022)", function () {
  let data: DemoData;
  let tht: ThtRow[];
  let thtNew: ThtRow[];
  let htx: HtxRow[];
  let htxNew: HtxRow[];

  before(function () {
    data = buildDemoData();
    tht = data.tht.filter((r) => activeAt(r, END_2022));
    thtNew = tht.filter((r) => foundedIn(r, 2022));
    htx = data.htx.filter((r) => r.kind !== "Liên hiệp HTX" && activeAt(r, END_2022));
    htxNew = htx.filter((r) => foundedIn(r, 2022));
  });

  it("is deterministic", function () {
    const again = buildDemoData();
    assert.deepStrictEqual(again, data);
    assert.deepStrictEqual(demoSheetSpecs(again), demoSheetSpecs(data));
  });

  describe("THT", function () {
    it("counts 2,183 active (1,529 nông nghiệp + 654 phi nông nghiệp), 51 new", function () {
      assert.strictEqual(tht.length, 2183);
      assert.strictEqual(tht.filter((r) => r.sector === "Nông nghiệp").length, 1529);
      assert.strictEqual(tht.filter((r) => r.sector === "Phi nông nghiệp").length, 654);
      assert.strictEqual(thtNew.length, 51);
      assert.strictEqual(data.tht.filter((r) => foundedIn(r, 2022)).length, 51);
    });

    it("sums to the reference totals", function () {
      assert.strictEqual(
        sum(tht, (r) => r.capital, 10),
        177920
      );
      assert.strictEqual(
        sum(tht, (r) => r.area, 100),
        6457000
      );
      assert.strictEqual(
        sum(tht, (r) => r.members),
        43860
      );
      assert.strictEqual(
        sum(tht, (r) => r.workers),
        7014
      );
      assert.strictEqual(
        sum(thtNew, (r) => r.capital, 10),
        5810
      );
      assert.strictEqual(
        sum(thtNew, (r) => r.area, 100),
        5600
      );
      assert.strictEqual(
        sum(thtNew, (r) => r.members),
        585
      );
      assert.strictEqual(
        sum(thtNew, (r) => r.workers),
        153
      );
    });

    it("has 37 dissolved groups, dissolved in 2021–2022 after founding", function () {
      const gone = data.tht.filter((r) => r.status === "Giải thể");
      assert.strictEqual(gone.length, 37);
      assert.strictEqual(data.tht.length, 2183 + 37);
      for (const r of gone) {
        assert.ok(r.dissolved);
        assert.ok(r.dissolved.getTime() > r.founded.getTime());
        assert.ok([2021, 2022].includes(r.dissolved.getUTCFullYear()));
        assert.ok(r.dissolved.getTime() <= REPORT);
        assert.ok(r.founded.getUTCFullYear() < 2022);
      }
      for (const r of data.tht.filter((x) => x.status !== "Giải thể")) {
        assert.strictEqual(r.status, "Đang hoạt động");
        assert.strictEqual(r.dissolved, null);
      }
    });

    it("keeps dates, values and names plausible", function () {
      const names = new Set<string>();
      for (const r of data.tht) {
        assert.ok(DISTRICTS.includes(stripPrefix(r.district)), r.district);
        assert.ok(r.founded.getTime() <= REPORT);
        assert.ok(r.founded.getUTCFullYear() >= 2008);
        assert.strictEqual(r.founded.getUTCHours(), 0);
        assert.ok(r.members >= 2 && Number.isInteger(r.members));
        assert.ok(r.workers >= 1 && Number.isInteger(r.workers));
        assert.ok(r.capital >= 1 && r.capital <= 40, `capital ${r.capital}`);
        if (r.sector === "Phi nông nghiệp") assert.strictEqual(r.area, null);
        else assert.ok(r.area !== null && r.area >= 0.3 && r.area <= 100, `area ${r.area}`);
        const key = `${stripPrefix(r.district)}|${r.name}`;
        assert.ok(!names.has(key), `duplicate ${key}`);
        names.add(key);
      }
    });

    it("plants no text numbers under the SUM total row (Excel's SUM would skip them)", function () {
      const planted = data.tht.filter(
        (r) => r.text.capital !== undefined || r.text.area !== undefined
      );
      assert.strictEqual(planted.length, 0);
    });
  });

  describe("HTX", function () {
    it("counts 525 active (463 + 41 + 21 QTDND), 33 new, 514 a year before", function () {
      assert.strictEqual(htx.length, 525);
      const qtdnd = htx.filter((r) => r.kind === "Quỹ TDND");
      const plain = htx.filter((r) => r.kind === "HTX");
      const nnSectors = [
        "Nông nghiệp",
        "Trồng trọt",
        "Chăn nuôi",
        "Thủy sản",
        "Lâm nghiệp",
        "Dịch vụ nông nghiệp",
      ];
      const pnnSectors = ["Thương mại - dịch vụ", "Vận tải", "Xây dựng", "CN-TTCN", "Môi trường"];
      assert.strictEqual(qtdnd.length, 21);
      assert.ok(qtdnd.every((r) => r.sector === "Tín dụng"));
      assert.strictEqual(plain.filter((r) => nnSectors.includes(r.sector)).length, 463);
      assert.strictEqual(plain.filter((r) => pnnSectors.includes(r.sector)).length, 41);
      assert.strictEqual(htxNew.length, 33);
      assert.ok(htxNew.every((r) => r.kind === "HTX"));
      const prev = data.htx.filter((r) => r.kind !== "Liên hiệp HTX" && activeAt(r, END_2021));
      assert.strictEqual(prev.length, 514);
      const gone2022 = data.htx.filter((r) => r.dissolved?.getUTCFullYear() === 2022);
      assert.strictEqual(gone2022.length, 22);
      assert.ok(gone2022.every((r) => r.kind === "HTX" && r.founded.getUTCFullYear() < 2022));
      const goneAll = data.htx.filter((r) => r.status === "Giải thể");
      assert.strictEqual(goneAll.length, 27);
      for (const r of goneAll) {
        assert.ok(r.dissolved && r.dissolved.getTime() <= REPORT);
        assert.ok(r.dissolved.getTime() > r.founded.getTime());
        const y = r.dissolved.getUTCFullYear();
        assert.ok(y === 2022 || y === 2019 || y === 2020, String(y));
      }
    });

    it("sums to the reference totals", function () {
      assert.strictEqual(
        sum(htx, (r) => r.charterCapital),
        403589137000
      );
      assert.strictEqual(
        sum(htx, (r) => r.area, 100),
        6585095
      );
      assert.strictEqual(
        sum(htx, (r) => r.members),
        54798
      );
      assert.strictEqual(
        sum(htx, (r) => r.workers),
        10088
      );
      assert.strictEqual(
        sum(htxNew, (r) => r.charterCapital),
        8076287000
      );
      assert.strictEqual(
        sum(htxNew, (r) => r.area, 100),
        183051
      );
      assert.strictEqual(
        sum(htxNew, (r) => r.members),
        940
      );
      assert.strictEqual(
        sum(htxNew, (r) => r.workers),
        246
      );
    });

    it("has exactly one union: Liên hiệp HTX Giang Thành", function () {
      const unions = data.htx.filter((r) => r.kind === "Liên hiệp HTX");
      assert.strictEqual(unions.length, 1);
      const u = unions[0];
      assert.strictEqual(u.name, "Liên hiệp HTX Giang Thành");
      assert.strictEqual(u.district, "Giang Thành");
      assert.strictEqual(u.founded.getUTCFullYear(), 2022);
      assert.strictEqual(u.charterCapital, 210000000);
      assert.strictEqual(u.area, 5982);
      assert.strictEqual(u.memberCoops, 7);
      assert.strictEqual(u.members, null);
    });

    it("keeps codes, names, dates and values plausible", function () {
      const codes = new Set<string>();
      const names = new Set<string>();
      for (const r of data.htx) {
        assert.match(r.regCode, /^\d{10}$/);
        assert.ok(!codes.has(r.regCode), `duplicate code ${r.regCode}`);
        codes.add(r.regCode);
        const key = `${stripPrefix(r.district)}|${r.name}`;
        assert.ok(!names.has(key), `duplicate ${key}`);
        names.add(key);
        assert.ok(DISTRICTS.includes(stripPrefix(r.district)), r.district);
        assert.ok(r.founded.getTime() <= REPORT);
        if (r.kind === "Liên hiệp HTX") continue;
        assert.ok(r.founded.getUTCFullYear() >= 2000);
        assert.ok(r.members !== null && r.members >= 5);
        assert.ok(r.workers !== null && r.workers >= 1);
        assert.ok(r.charterCapital >= 50e6 && r.charterCapital <= 6e9, String(r.charterCapital));
        assert.strictEqual(r.charterCapital % 1000, 0);
        const agri = ![
          "Tín dụng",
          "Thương mại - dịch vụ",
          "Vận tải",
          "Xây dựng",
          "CN-TTCN",
          "Môi trường",
        ].includes(r.sector);
        if (agri) assert.ok(r.area !== null && r.area >= 5 && r.area <= 500, `area ${r.area}`);
        else assert.strictEqual(r.area, null);
      }
    });

    it("never spreads a column over a factor of 1,000 (same kind)", function () {
      const spread = (values: number[]): number => Math.max(...values) / Math.min(...values);
      const plain = data.htx.filter((r) => r.kind !== "Liên hiệp HTX");
      assert.ok(spread(plain.map((r) => r.charterCapital)) < 1000);
      assert.ok(spread(plain.flatMap((r) => (r.area === null ? [] : [r.area]))) < 1000);
      assert.ok(spread(plain.map((r) => r.members ?? 0)) < 1000);
      assert.ok(spread(plain.map((r) => r.workers ?? 0)) < 1000);
      assert.ok(spread(data.tht.map((r) => r.capital)) < 1000);
      assert.ok(spread(data.tht.flatMap((r) => (r.area === null ? [] : [r.area]))) < 1000);
      assert.ok(spread(data.tht.map((r) => r.members)) < 1000);
      assert.ok(spread(data.tht.map((r) => r.workers)) < 1000);
    });

    it("plants one text area and one text charter capital on active rows", function () {
      const planted = data.htx.filter(
        (r) => r.text.area !== undefined || r.text.charterCapital !== undefined
      );
      assert.strictEqual(planted.length, 2);
      for (const r of planted) {
        assert.ok(activeAt(r, END_2022));
        if (r.text.area !== undefined) assert.strictEqual(parseVi(r.text.area), r.area);
        if (r.text.charterCapital !== undefined) {
          assert.strictEqual(parseVi(r.text.charterCapital), r.charterCapital);
        }
      }
      assert.ok(planted.some((r) => r.text.area === "145,25"));
      assert.ok(planted.some((r) => r.text.charterCapital === "1.250.000.000"));
    });
  });

  describe("training, fairs, loans, plan", function () {
    it("has the 2022 courses and sessions", function () {
      const in2022 = data.training.filter((r) => r.date.getUTCFullYear() === 2022);
      const of = (kind: string): typeof in2022 => in2022.filter((r) => r.kind === kind);
      assert.strictEqual(of("Tập huấn cán bộ quản lý HTX").length, 6);
      assert.strictEqual(
        sum(of("Tập huấn cán bộ quản lý HTX"), (r) => r.participants),
        176
      );
      assert.strictEqual(of("Đào tạo, bồi dưỡng nâng cao năng lực").length, 7);
      assert.strictEqual(
        sum(of("Đào tạo, bồi dưỡng nâng cao năng lực"), (r) => r.participants),
        333
      );
      assert.strictEqual(of("Tuyên truyền").length, 33);
      assert.strictEqual(
        sum(of("Tuyên truyền"), (r) => r.participants),
        825
      );
      assert.ok(data.training.some((r) => r.date.getUTCFullYear() === 2021));
      assert.ok(data.training.every((r) => r.date.getTime() <= REPORT));
      const texts = data.training.filter((r) => r.dateText !== undefined);
      assert.strictEqual(texts.length, 2);
      for (const r of texts) {
        const [dd, mm, yyyy] = (r.dateText ?? "").split("/").map(Number);
        assert.strictEqual(r.date.getTime(), Date.UTC(yyyy, mm - 1, dd));
      }
    });

    it("has the fairs with name lists matching counts and the HTX sheet", function () {
      const names = new Set(data.htx.filter((r) => activeAt(r, END_2022)).map((r) => r.name));
      const in2022 = data.fairs.filter((r) => r.date.getUTCFullYear() === 2022);
      const fairs = in2022.filter((r) => r.kind === "Hội chợ");
      assert.strictEqual(fairs.length, 2);
      assert.strictEqual(
        sum(fairs, (r) => r.htxCount),
        14
      );
      assert.deepStrictEqual(fairs.map((r) => r.location).sort(), ["Hà Nội", "Quảng Ninh"]);
      for (const f of fairs) {
        assert.strictEqual(f.htxNames.length, f.htxCount);
        assert.strictEqual(new Set(f.htxNames).size, f.htxNames.length);
        for (const n of f.htxNames) assert.ok(names.has(n), n);
      }
      const conf = in2022.filter((r) => r.kind === "Hội nghị XTTM");
      assert.strictEqual(conf.length, 1);
      assert.strictEqual(conf[0].htxCount, 30);
      assert.strictEqual(conf[0].event, "Hội nghị xúc tiến thương mại Kiên Giang – Trà Vinh");
      const connect = in2022.filter((r) => r.kind === "Tọa đàm kết nối");
      assert.strictEqual(connect.length, 1);
      assert.strictEqual(connect[0].products, 100);
      const old = data.fairs.filter((r) => r.date.getUTCFullYear() === 2021);
      assert.strictEqual(old.length, 1);
      assert.strictEqual(old[0].htxCount, 5);
    });

    it("has 4 loans of 300 triệu đồng from the National Employment Fund", function () {
      const loans = data.loans.filter((r) => r.date.getUTCFullYear() === 2022);
      assert.strictEqual(loans.length, 4);
      assert.strictEqual(
        sum(loans, (r) => r.amount),
        300
      );
      const names = new Set(data.htx.map((r) => r.name));
      for (const l of loans) {
        assert.strictEqual(l.fund, "Quỹ Quốc gia về việc làm");
        assert.ok(names.has(l.htxName), l.htxName);
      }
    });

    it("has the plan rows with the report's typed percentages", function () {
      const p2022 = data.plan
        .filter((r) => r.year === 2022)
        .map((r) => [r.code, r.target, r.percent]);
      assert.deepStrictEqual(p2022, [
        ["tht.new", 50, 102],
        ["htx.new", 15, 220],
        ["training.quan_ly.courses", 4, 150],
        ["training.nang_luc.courses", 4, 175],
        ["training.tuyen_truyen.sessions", 15, 220],
        ["fairs.htx", 8, 75],
      ]);
      const p2023 = data.plan
        .filter((r) => r.year === 2023)
        .map((r) => [r.code, r.target, r.percent]);
      assert.deepStrictEqual(p2023, [
        ["tht.new", 50, null],
        ["htx.new", 10, null],
        ["tht.new.members", 600, null],
        ["htx.new.members", 500, null],
        ["tht.revenue.avg", 520, null],
        ["htx.revenue.avg", 3000, null],
      ]);
    });
  });
});

/** Numeric value of a cell as the engine would read it (text numbers in Vietnamese form). */
function num(v: ExcelJS.CellValue): number | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return v;
  if (typeof v === "string") return parseVi(v);
  if (typeof v === "object" && "result" in v && typeof v.result === "number") return v.result;
  throw new Error(`not a number: ${JSON.stringify(v)}`);
}

function date(v: ExcelJS.CellValue): Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === "string") {
    const [dd, mm, yyyy] = v.split("/").map(Number);
    return new Date(Date.UTC(yyyy, mm - 1, dd));
  }
  throw new Error(`not a date: ${JSON.stringify(v)}`);
}

describe("demo workbook (.xlsx)", function () {
  let dir: string;
  let file: string;
  let wb: ExcelJS.Workbook;

  before(async function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "htx-demo-"));
    file = path.join(dir, "htx-demo-2022.xlsx");
    await writeDemoWorkbook(file);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
  });

  after(function () {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("writes via a temporary file and sets the creator", function () {
    assert.ok(fs.existsSync(file));
    assert.ok(!fs.existsSync(`${file}.tmp`));
    assert.strictEqual(wb.creator, "htx-report demo");
    assert.deepStrictEqual(
      wb.worksheets.map((ws) => ws.name),
      ["DS THT", "DS HTX", "Đào tạo, tập huấn", "Hội chợ - XTTM", "Vốn vay", "Kế hoạch"]
    );
    assert.strictEqual(buildDemoWorkbook().creator, "htx-report demo");
  });

  it("lays out DS THT with title, headers, column numbers, data and a total row", function () {
    const ws = wb.getWorksheet("DS THT");
    assert.ok(ws);
    assert.strictEqual(ws.getCell("A1").value, "LIÊN MINH HỢP TÁC XÃ TỈNH KIÊN GIANG");
    assert.strictEqual(
      ws.getCell("A2").value,
      "DANH SÁCH TỔ HỢP TÁC TRÊN ĐỊA BÀN TỈNH ĐẾN NGÀY 31/12/2022"
    );
    assert.ok(ws.getCell("L2").isMerged);
    const headers = (ws.getRow(4).values as ExcelJS.CellValue[]).slice(1);
    assert.deepStrictEqual(headers, [
      "STT",
      "Tên tổ hợp tác",
      "Huyện/TP",
      "Xã/Phường",
      "Lĩnh vực",
      "Ngày thành lập",
      "Ngày giải thể",
      "Tình trạng",
      "Số tổ viên",
      "Vốn góp (triệu đồng)",
      "Diện tích (ha)",
      "Lao động thời vụ",
    ]);
    assert.strictEqual(ws.getCell("A5").value, "(1)");
    assert.strictEqual(ws.getCell("L5").value, "(12)");
    assert.strictEqual(ws.getCell("F6").numFmt, "dd/mm/yyyy");
    assert.strictEqual(ws.getCell("B6").font.name, "Times New Roman");

    let active = 0;
    let nn = 0;
    let fresh = 0;
    let capital10 = 0;
    let area100 = 0;
    let members = 0;
    let workers = 0;
    const all = { capital10: 0, area100: 0, members: 0, workers: 0 };
    let textNumbers = 0;
    let r = 6;
    for (; ws.getCell(`B${r}`).value !== "Tổng cộng"; r++) {
      const row = ws.getRow(r);
      assert.strictEqual(row.getCell(1).value, r - 5);
      const founded = date(row.getCell(6).value);
      const dissolved = date(row.getCell(7).value);
      assert.ok(founded);
      for (const c of [10, 11]) if (typeof row.getCell(c).value === "string") textNumbers++;
      const vals = [9, 10, 11, 12].map((c) => num(row.getCell(c).value) ?? 0);
      all.members += vals[0];
      all.capital10 += Math.round(vals[1] * 10);
      all.area100 += Math.round(vals[2] * 100);
      all.workers += vals[3];
      if (!activeAt({ founded, dissolved }, END_2022)) continue;
      active++;
      if (row.getCell(5).value === "Nông nghiệp") nn++;
      if (founded.getUTCFullYear() === 2022) fresh++;
      members += vals[0];
      capital10 += Math.round(vals[1] * 10);
      area100 += Math.round(vals[2] * 100);
      workers += vals[3];
    }
    assert.strictEqual(r, 6 + 2183 + 37);
    assert.deepStrictEqual(
      [active, nn, fresh, capital10, area100, members, workers, textNumbers],
      [2183, 1529, 51, 177920, 6457000, 43860, 7014, 0]
    );
    const total = ws.getRow(r);
    assert.strictEqual(total.getCell(1).value, null);
    const last = r - 1;
    const formulas = [9, 10, 11, 12].map((c) => total.getCell(c).value as ExcelJS.CellFormulaValue);
    assert.deepStrictEqual(
      formulas.map((f) => f.formula),
      ["I", "J", "K", "L"].map((col) => `SUM(${col}6:${col}${last})`)
    );
    assert.strictEqual(formulas[0].result, all.members);
    assert.strictEqual(Math.round((formulas[1].result as number) * 10), all.capital10);
    assert.strictEqual(Math.round((formulas[2].result as number) * 100), all.area100);
    assert.strictEqual(formulas[3].result, all.workers);
    assert.ok(ws.getCell(`A${r + 1}`).value === null);
  });

  it("lays out DS HTX and keeps the reference totals", function () {
    const ws = wb.getWorksheet("DS HTX");
    assert.ok(ws);
    assert.strictEqual(ws.getCell("B4").value, "Tên hợp tác xã");
    assert.strictEqual(ws.getCell("O4").value, "Số lao động");
    assert.strictEqual(ws.getCell("O5").value, "(15)");
    let active = 0;
    let fresh = 0;
    let charter = 0;
    let area100 = 0;
    let members = 0;
    let workers = 0;
    let textNumbers = 0;
    let unions = 0;
    const codes = new Set<string>();
    let r = 6;
    for (; ws.getCell(`B${r}`).value; r++) {
      const row: ExcelJS.Row = ws.getRow(r);
      const code: ExcelJS.CellValue = row.getCell(3).value;
      assert.strictEqual(typeof code, "string");
      codes.add(code as string);
      for (const c of [11, 12]) if (typeof row.getCell(c).value === "string") textNumbers++;
      const kind = row.getCell(6).value;
      const founded = date(row.getCell(8).value);
      const dissolved = date(row.getCell(9).value);
      assert.ok(founded);
      if (kind === "Liên hiệp HTX") {
        unions++;
        assert.strictEqual(row.getCell(11).value, 210000000);
        assert.strictEqual(row.getCell(12).value, 5982);
        assert.strictEqual(row.getCell(14).value, 7);
        continue;
      }
      if (!activeAt({ founded, dissolved }, END_2022)) continue;
      active++;
      if (founded.getUTCFullYear() === 2022) fresh++;
      charter += num(row.getCell(11).value) ?? 0;
      area100 += Math.round((num(row.getCell(12).value) ?? 0) * 100);
      members += num(row.getCell(13).value) ?? 0;
      workers += num(row.getCell(15).value) ?? 0;
    }
    assert.strictEqual(r - 6, 525 + 27 + 1);
    assert.strictEqual(codes.size, r - 6);
    assert.deepStrictEqual(
      [active, fresh, charter, area100, members, workers, textNumbers, unions],
      [525, 33, 403589137000, 6585095, 54798, 10088, 2, 1]
    );
  });

  it("writes the training, fairs, loans and plan sheets", function () {
    const training = wb.getWorksheet("Đào tạo, tập huấn");
    assert.ok(training);
    assert.strictEqual(training.getCell("G4").value, "Số người tham dự");
    let participants2022 = 0;
    let textDates = 0;
    for (let r = 5; training.getCell(`B${r}`).value; r++) {
      const v = training.getCell(`D${r}`).value;
      if (typeof v === "string") textDates++;
      const d = date(v);
      if (d && d.getUTCFullYear() === 2022)
        participants2022 += num(training.getCell(`G${r}`).value) ?? 0;
    }
    assert.strictEqual(participants2022, 176 + 333 + 825);
    assert.strictEqual(textDates, 2);

    const fairs = wb.getWorksheet("Hội chợ - XTTM");
    assert.ok(fairs);
    const htxNames = new Set(buildDemoData().htx.map((r) => r.name));
    let fairHtx = 0;
    for (let r = 5; fairs.getCell(`B${r}`).value; r++) {
      const d = date(fairs.getCell(`E${r}`).value);
      if (fairs.getCell(`C${r}`).value !== "Hội chợ" || d?.getUTCFullYear() !== 2022) continue;
      const count: number = num(fairs.getCell(`F${r}`).value) ?? 0;
      const names: string[] = String(fairs.getCell(`H${r}`).value).split("; ");
      assert.strictEqual(names.length, count);
      for (const n of names) assert.ok(htxNames.has(n), n);
      fairHtx += count;
    }
    assert.strictEqual(fairHtx, 14);

    const loans = wb.getWorksheet("Vốn vay");
    assert.ok(loans);
    let amount = 0;
    for (let r = 5; loans.getCell(`B${r}`).value; r++)
      amount += num(loans.getCell(`E${r}`).value) ?? 0;
    assert.strictEqual(amount, 300);

    const plan = wb.getWorksheet("Kế hoạch");
    assert.ok(plan);
    assert.deepStrictEqual((plan.getRow(1).values as ExcelJS.CellValue[]).slice(1), [
      "Mã chỉ tiêu",
      "Chỉ tiêu",
      "ĐVT",
      "Năm",
      "Kế hoạch",
      "Tỷ lệ đạt (%)",
    ]);
    assert.deepStrictEqual((plan.getRow(7).values as ExcelJS.CellValue[]).slice(1), [
      "fairs.htx",
      "Lượt HTX tham gia hội chợ",
      "lượt HTX",
      2022,
      8,
      75,
    ]);
    assert.strictEqual(plan.getCell("A14").value, null);
  });
});

describe("large workbook (streaming)", function () {
  it("writes N rows with the demo layouts", async function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "htx-large-"));
    const file = path.join(dir, "large.xlsx");
    try {
      await writeLargeWorkbook(file, { htx: 300, tht: 400, training: 30, fairs: 10 });
      assert.ok(!fs.existsSync(`${file}.tmp`));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const tht = wb.getWorksheet("DS THT");
      const htx = wb.getWorksheet("DS HTX");
      assert.ok(tht && htx);
      assert.strictEqual(tht.getCell("B4").value, "Tên tổ hợp tác");
      assert.ok(String(tht.getCell("B405").value).startsWith("THT "));
      assert.strictEqual(tht.getCell("B406").value, "Tổng cộng");
      const total = tht.getCell("I406").value as ExcelJS.CellFormulaValue;
      assert.strictEqual(total.formula, "SUM(I6:I405)");
      let members = 0;
      for (let r = 6; r <= 405; r++) members += num(tht.getCell(`I${r}`).value) ?? 0;
      assert.strictEqual(total.result, members);
      assert.strictEqual(htx.getCell("A305").value, 300);
      assert.strictEqual(htx.getCell("B306").value, null);
      const keys = new Set<string>();
      const codes = new Set<string>();
      for (let r = 6; r <= 305; r++) {
        keys.add(
          `${stripPrefix(String(htx.getCell(`D${r}`).value))}|${htx.getCell(`B${r}`).value}`
        );
        codes.add(String(htx.getCell(`C${r}`).value));
      }
      assert.strictEqual(keys.size, 300);
      assert.strictEqual(codes.size, 300);
      assert.ok(wb.getWorksheet("Kế hoạch"));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
