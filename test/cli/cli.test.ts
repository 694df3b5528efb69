/**
 * The command line as a user meets it: exit codes, JSON, languages, bad
 * input (one clear line, exit 2, nothing written), never over the input.
 */
import assert from "node:assert/strict";
import { SHEET_NAMES } from "../../src/demo/demo-data";
import { existsSync, promises as fs, readdirSync } from "fs";
import ExcelJS from "exceljs";
import { main, DEMO_FILE, PROGRESS_MIN_BYTES } from "../../src/cli/main";
import { writeDemoWorkbook } from "../../src/demo/demo-workbook";
import { MAX_CELLS, MAX_ROWS_PER_SHEET } from "../../src/adapters/xlsx/inspect";
import { captureIo } from "../support/io";
import { hugeSheetXlsx, oleFile, sheetWithDimension, withExtraPart } from "../support/raw-xlsx";
import { tmpDir } from "../support/tmp";

const run = async (args: string[], tty = false) => {
  const io = captureIo(tty);
  const code = await main(["node", "htx-report", ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
};

describe("command line", function () {
  this.timeout(120000);
  const tmp = tmpDir();
  let demo = "";
  before(async () => {
    demo = tmp.file(DEMO_FILE);
    await writeDemoWorkbook(demo);
  });
  after(() => tmp.cleanup());

  function onlyLine(err: string): string {
    const lines = err.trim().split("\n");
    assert.equal(lines.length, 1, `one line, got: ${err}`);
    return lines[0];
  }

  describe("validate", function () {
    it("prints issues and counts, exits 1 on errors", async function () {
      const r = await run(["validate", demo, "--date", "19/12/2022"]);
      assert.equal(r.code, 1);
      assert.match(r.out, /Kế hoạch!F7\tLỗi\tpercent-mismatch\t/);
      assert.match(r.out, /1 lỗi, 2 cảnh báo, 4 thông tin/);
    });

    it("--json gives the issue fields; --lang en changes only the words", async function () {
      const vi = JSON.parse((await run(["validate", demo, "--json", "--date", "19/12/2022"])).out);
      const en = JSON.parse(
        (await run(["validate", demo, "--json", "--lang", "en", "--date", "19/12/2022"])).out
      );
      assert.deepEqual(vi, en, "JSON is the same in both languages");
      const keys = [
        "sheet",
        "cell",
        "row",
        "column",
        "field",
        "code",
        "severity",
        "message",
        "message_en",
        "fix",
      ];
      for (const i of vi.issues) assert.deepEqual(Object.keys(i), keys);
      const human = await run(["validate", demo, "--lang", "en", "--date", "19/12/2022"]);
      assert.match(human.out, /Kế hoạch!F7\tError\tpercent-mismatch\tThe typed percentage is 75%/);
      assert.match(human.out, /1 errors, 2 warnings, 4 info/);
    });

    it("exits 0 when there are no errors", async function () {
      const file = tmp.file("clean.xlsx");
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("DS THT");
      ws.addRow(["Tên THT", "Lĩnh vực", "Ngày thành lập", "Số tổ viên"]);
      ws.addRow(["THT A", "Nông nghiệp", new Date(Date.UTC(2020, 0, 5)), 5]);
      await wb.xlsx.writeFile(file);
      const r = await run(["validate", file, "--date", "19/12/2022"]);
      assert.equal(r.code, 0, r.out + r.err);
    });

    it("--lang en (or --lang=en) gives English words only, also for types and failures", async function () {
      const file = tmp.file("types.xlsx");
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("DS THT");
      ws.addRow(["Tên THT", "Lĩnh vực", "Ngày thành lập", "Số tổ viên"]);
      ws.addRow(["THT A", "Nông nghiệp", "hôm qua", "mười"]);
      await wb.xlsx.writeFile(file);
      const r = await run(["validate", file, "--lang=en", "--date", "19/12/2022"]);
      assert.match(r.out, /"mười" cannot be read as a whole number/);
      assert.match(r.out, /"hôm qua" cannot be read as a date/);
      const bad = await run(["validate", tmp.file("missing.xlsx"), "--lang=en"]);
      assert.match(onlyLine(bad.err), /^Cannot read .*: file not found$/);
      const same = await run(["summary", demo, "-o", demo, "--lang", "en"]);
      assert.match(onlyLine(same.err), /^Cannot write /);
    });

    it("a report year after the report date is refused in one line", async function () {
      const r = await run([
        "summary",
        demo,
        "--year",
        "2030",
        "--date",
        "19/12/2022",
        "-o",
        tmp.file("late.xlsx"),
      ]);
      assert.equal(r.code, 2);
      assert.match(onlyLine(r.err), /Năm báo cáo 2030 ở sau ngày báo cáo 19\/12\/2022/);
      assert.ok(!existsSync(tmp.file("late.xlsx")));
    });

    it("a bad --year or --date is one line and exit 2", async function () {
      assert.equal(
        onlyLine((await run(["validate", demo, "--year", "20x2"])).err),
        "Năm không hợp lệ: 20x2"
      );
      const r = await run(["validate", demo, "--date", "31/02/2022"]);
      assert.equal(r.code, 2);
      assert.match(onlyLine(r.err), /Ngày báo cáo không hợp lệ/);
    });

    it("a progress line goes to stderr for big files only when stderr is a terminal", async function () {
      const big = tmp.file("big.xlsx");
      await fs.writeFile(big, await hugeSheetXlsx(40000, true, true));
      assert.ok((await fs.stat(big)).size >= PROGRESS_MIN_BYTES);
      const tty = await run(["validate", big, "--date", "19/12/2022"], true);
      assert.match(tty.err, /Đang đọc big\.xlsx/);
      const pipe = await run(["validate", big, "--date", "19/12/2022"], false);
      assert.equal(pipe.err, "");
    });
  });

  describe("summary", function () {
    it("writes FILE-tong-hop.xlsx beside the input by default, keeping every sheet", async function () {
      const r = await run(["summary", demo, "--year", "2022", "--date", "19/12/2022"]);
      assert.equal(r.code, 0, r.err);
      const out = demo.replace(/\.xlsx$/, "-tong-hop.xlsx");
      assert.ok(existsSync(out));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      assert.deepEqual(
        wb.worksheets.map((w) => w.name),
        [...Object.values(SHEET_NAMES), "Tổng hợp 2022", "_htx_settings"]
      );
      assert.equal(wb.getWorksheet("_htx_settings")?.state, "hidden");
      assert.ok(!readdirSync(tmp.dir).some((f) => f.endsWith(".tmp")), "no temporary file left");
    });

    it("runs again on its own output: unchanged → same sheet; edited → kept as a backup", async function () {
      const once = tmp.file("once.xlsx");
      assert.equal((await run(["summary", demo, "--year", "2022", "-o", once])).code, 0);
      const twice = tmp.file("twice.xlsx");
      const r = await run(["summary", once, "--year", "2022", "-o", twice]);
      assert.equal(r.code, 0, r.err);
      const names = async (f: string) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(f);
        return wb;
      };
      const wb2 = await names(twice);
      assert.ok(
        !wb2.worksheets.some((w) => w.name.includes("bản cũ")),
        "no backup of an unedited summary"
      );
      // Edit the summary by hand, run again: the edited sheet is kept as a backup.
      const edited = await names(twice);
      (edited.getWorksheet("Tổng hợp 2022") as ExcelJS.Worksheet).getCell("E10").value = 99;
      await edited.xlsx.writeFile(twice);
      const thrice = tmp.file("thrice.xlsx");
      assert.equal((await run(["summary", twice, "--year", "2022", "-o", thrice])).code, 0);
      const wb3 = await names(thrice);
      assert.equal(wb3.getWorksheet("Tổng hợp 2022 (bản cũ 1)")?.getCell("E10").value, 99);
      assert.equal(wb3.getWorksheet("Tổng hợp 2022")?.getCell("E10").value, 51);
    });

    it("a sheet named like the summary in other letter case is kept as a backup", async function () {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(demo);
      wb.addWorksheet("TỔNG HỢP 2022").getCell("A1").value = "bảng tự làm";
      const file = tmp.file("case.xlsx");
      await wb.xlsx.writeFile(file);
      const out = tmp.file("case-out.xlsx");
      const r = await run(["summary", file, "--year", "2022", "-o", out, "--lang", "en"]);
      assert.equal(r.code, 0, r.err);
      const back = new ExcelJS.Workbook();
      await back.xlsx.readFile(out);
      assert.equal(
        back.getWorksheet("Tổng hợp 2022 (bản cũ 1)")?.getCell("A1").value,
        "bảng tự làm"
      );
      assert.ok(back.getWorksheet("Tổng hợp 2022"));
    });

    it("never writes over the input", async function () {
      const before = await fs.readFile(demo);
      const r = await run(["summary", demo, "-o", demo]);
      assert.equal(r.code, 2);
      assert.match(onlyLine(r.err), /trùng với tệp đầu vào/);
      assert.deepEqual(await fs.readFile(demo), before);
    });

    it("stops, naming them, when the file holds parts the writer would drop", async function () {
      const file = tmp.file("chart.xlsx");
      await fs.writeFile(
        file,
        await withExtraPart(await fs.readFile(demo), "xl/charts/chart1.xml", "<c:chartSpace/>")
      );
      const out = tmp.file("chart-out.xlsx");
      const r = await run(["summary", file, "-o", out]);
      assert.equal(r.code, 2);
      assert.match(onlyLine(r.err), /biểu đồ/);
      assert.ok(!existsSync(out), "nothing written");
      const en = await run(["summary", file, "-o", out, "--lang", "en"]);
      assert.match(onlyLine(en.err), /charts/);
    });
  });

  describe("bad input: one clear line, exit 2, nothing written", function () {
    const cases: [string, () => Promise<Buffer>, RegExp][] = [
      [
        "not a workbook",
        async () => Buffer.from("Tên THT,Số tổ viên\nTHT A,5\n"),
        /không phải tệp Excel \.xlsx/,
      ],
      [
        "a zip that is not a workbook",
        async () => withExtraPart(await hugeSheetXlsx(3), "xl/workbook.xml", "<broken"),
        /không phải tệp Excel|không đọc được|Không đọc được/,
      ],
      [
        "a password-protected workbook",
        async () => oleFile(["Root Entry", "EncryptionInfo", "EncryptedPackage"]),
        /mật khẩu/,
      ],
      [
        "a legacy .xls workbook",
        async () => oleFile(["Root Entry", "Workbook", "SummaryInformation"]),
        /\.xls \(Excel 97–2003\)/,
      ],
    ];
    for (const [name, make, message] of cases) {
      it(name, async function () {
        const file = tmp.file(`bad-${name.replace(/\W+/g, "-")}.xlsx`);
        await fs.writeFile(file, await make());
        for (const cmd of ["validate", "summary"]) {
          const out = tmp.file(`bad-out-${cmd}.xlsx`);
          const r = await run([cmd, file, "-o", out].slice(0, cmd === "summary" ? 4 : 2));
          assert.equal(r.code, 2, `${cmd}: ${r.err}`);
          assert.match(onlyLine(r.err), message);
          assert.ok(!existsSync(out));
        }
      });
    }

    it("a missing file", async function () {
      const r = await run(["validate", tmp.file("nope.xlsx")]);
      assert.equal(r.code, 2);
      assert.match(onlyLine(r.err), /không tìm thấy tệp/);
    });

    it("an empty workbook", async function () {
      const file = tmp.file("empty.xlsx");
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("Sheet1");
      await wb.xlsx.writeFile(file);
      const r = await run(["summary", file]);
      assert.equal(r.code, 2);
      assert.match(onlyLine(r.err), /không có dữ liệu/);
      assert.ok(!existsSync(tmp.file("empty-tong-hop.xlsx")));
    });

    it("a sheet with error values everywhere gives issues, not a crash", async function () {
      const file = tmp.file("errors.xlsx");
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("DS HTX");
      ws.addRow(["Tên HTX", "Lĩnh vực", "Ngày thành lập", "Số thành viên", "Vốn điều lệ (đồng)"]);
      const errs = ["#REF!", "#DIV/0!", "#VALUE!", "#N/A", "#NAME?"];
      for (let r = 0; r < 20; r++)
        ws.addRow(errs.map((e) => ({ error: e }) as ExcelJS.CellErrorValue));
      await wb.xlsx.writeFile(file);
      const r = await run(["validate", file, "--json"]);
      assert.equal(r.code, 1, r.err);
      const issues = JSON.parse(r.out).issues as { code: string }[];
      assert.equal(issues.filter((i) => i.code === "formula-error").length, 100);
      const s = await run(["summary", file, "-o", tmp.file("errors-out.xlsx")]);
      assert.equal(s.code, 0, s.err);
    });

    it(`a sheet over ${MAX_ROWS_PER_SHEET.toLocaleString("en")} rows is refused with a message naming the limit`, async function () {
      const file = tmp.file("million.xlsx");
      await fs.writeFile(file, await hugeSheetXlsx(1_000_001));
      const r = await run(["validate", file]);
      assert.equal(r.code, 2);
      assert.match(onlyLine(r.err), /1000001 dòng, vượt giới hạn 500000 dòng/);
      const noDim = tmp.file("million-nodim.xlsx");
      await fs.writeFile(noDim, await hugeSheetXlsx(1_000_001, false));
      const r2 = await run(["summary", noDim, "--lang", "en"]);
      assert.equal(r2.code, 2);
      assert.match(onlyLine(r2.err), /over the limit of 500000 rows/);
    });
  });

  describe("a workbook larger than memory allows", function () {
    it("is refused before loading, with a message naming the cell limit", async function () {
      const rows = Math.ceil(MAX_CELLS / 20) + 10;
      assert.ok(rows < MAX_ROWS_PER_SHEET, "the cell limit, not the row limit, is what refuses it");
      const file = tmp.file("wide.xlsx");
      await fs.writeFile(file, await sheetWithDimension(`A1:T${rows}`));
      const r = await run(["validate", file]);
      assert.equal(r.code, 2);
      assert.match(onlyLine(r.err), /vượt giới hạn [\d.]+ ô mà bộ nhớ cho phép/);
      const en = await run(["summary", file, "--lang", "en"]);
      assert.match(onlyLine(en.err), /over the limit of [\d,]+ cells that memory allows/);
    });
  });

  describe("demo", function () {
    it("writes the sample workbook and its summary and says where", async function () {
      const dir = tmp.file("demo-dir");
      const r = await run(["demo", "-o", dir]);
      assert.equal(r.code, 0, r.err);
      assert.ok(existsSync(`${dir}/htx-demo-2022.xlsx`));
      assert.ok(existsSync(`${dir}/htx-demo-2022-tong-hop.xlsx`));
      assert.match(r.out, new RegExp(dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    });
  });
});
