/**
 * The built task pane (dist/) in real Chromium (playwright-core, Debian's
 * /usr/bin/chromium), with Office's CDN script routed to a stub host backed by
 * the in-memory fake of the Excel API holding the messy fixture workbook:
 * check, the list, a click (and Enter) selects the cell, fix preview / apply /
 * undo, build the summary (and the confirmation before replacing an edited
 * one), a detection override, cell text shown as text, no request leaving
 * 127.0.0.1, no horizontal scrollbar at 320 px. Also writes docs/taskpane.png
 * (the README's screenshot) from the real check results.
 *
 * Needs `npm run build` first (npm test does it).
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import { sheetFromWorksheet } from "../../src/adapters/xlsx/xlsx-workbook";
import { analyse, todaySerial } from "../../src/engine/analyse";
import type { WorkbookData } from "../../src/engine/model/cells";
import { countBySeverity } from "../../src/engine/model/issues";
import { planFixes } from "../../src/workbook/fix-service";
import { HTX_SHEET, NFD_NAME, TCVN3_NAME, THT_SHEET, buildMessyWorkbook } from "../fixtures/messy";

const ROOT = path.resolve(__dirname, "../../..");
const DIST = path.join(ROOT, "dist");
const STUB = path.join(ROOT, "build/browser-stub/office-stub.js");
/** The README's screenshot is refreshed with HTX_SCREENSHOT=1; otherwise it goes to build/. */
const SCREENSHOT = process.env.HTX_SCREENSHOT
  ? path.join(ROOT, "docs/taskpane.png")
  : path.join(ROOT, "build/taskpane.png");
const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const XSS = "<img src=x onerror=alert(1)>";
/** The cell given the markup: the planted unknown district (the message quotes it). */
const XSS_CELL = { sheet: HTX_SHEET, row: 5, col: 3, a1: "D6" };

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
};

/** A static server for dist/ on 127.0.0.1 (GET only, nothing outside dist/). */
function serveDist(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.normalize(path.join(DIST, decodeURIComponent(url.pathname)));
    if (req.method !== "GET" || !file.startsWith(DIST + path.sep) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Bundle test/browser/office-stub.ts for the browser (webpack.test.config.js). */
function buildStub(): Promise<void> {
  const webpack = require("webpack") as (
    config: unknown,
    cb: (err: Error | null, stats?: { hasErrors(): boolean; toString(o: unknown): string }) => void
  ) => void;
  const config = require(path.join(ROOT, "webpack.test.config.js")) as unknown;
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) reject(err);
      else if (!stats || stats.hasErrors())
        reject(new Error(stats ? stats.toString("errors-only") : "no stats"));
      else resolve();
    })
  );
}

/** The messy fixture as the engine's data, with markup typed into a text cell. */
function workbookData(): WorkbookData {
  const data: WorkbookData = { sheets: buildMessyWorkbook().worksheets.map(sheetFromWorksheet) };
  const sheet = data.sheets.find((s) => s.name === XSS_CELL.sheet);
  assert.ok(sheet, `fixture sheet ${XSS_CELL.sheet}`);
  assert.equal(typeof sheet.values[XSS_CELL.row][XSS_CELL.col], "string");
  sheet.values[XSS_CELL.row][XSS_CELL.col] = XSS;
  return data;
}

interface Opened {
  page: Page;
  requests: string[];
  dialogs: string[];
  errors: string[];
}

describe("task pane in Chromium (stub Office host over the fake Excel)", function () {
  this.timeout(180000);

  let browser: Browser;
  let server: http.Server;
  let base = "";
  let stubSource = "";
  let data: WorkbookData;
  const opened: Opened[] = [];

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      console.log(`      skipped: ${CHROMIUM} is missing (apt-get install chromium)`);
      this.skip();
    }
    assert.ok(
      fs.existsSync(path.join(DIST, "taskpane.html")),
      "dist/taskpane.html is missing: run `npm run build` first"
    );
    await buildStub();
    stubSource = fs.readFileSync(STUB, "utf8");
    data = workbookData();
    server = await serveDist();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });

  after(async function () {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  /** Open the pane on a fresh fake holding `workbook`. */
  async function open(
    opts: { width?: number; height?: number; lang?: string; workbook?: WorkbookData } = {}
  ): Promise<Opened> {
    const page = await browser.newPage({
      viewport: { width: opts.width ?? 360, height: opts.height ?? 900 },
    });
    const o: Opened = { page, requests: [], dialogs: [], errors: [] };
    opened.push(o);
    page.on("request", (r) => o.requests.push(r.url()));
    page.on("dialog", (d) => {
      o.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("pageerror", (e) => o.errors.push(String(e)));
    const config = { workbook: opts.workbook ?? data, displayLanguage: opts.lang ?? "vi-VN" };
    await page.addInitScript(`window.__htxStubConfig = ${JSON.stringify(config)};`);
    await page.route(OFFICE_JS, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: stubSource })
    );
    await page.goto(base + "taskpane.html");
    await page.getByRole("heading", { level: 1 }).waitFor();
    return o;
  }

  /** Call a helper of window.__htxFake (office-stub.ts) in the page. */
  function fake<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
    const list = args.map((a) => JSON.stringify(a)).join(", ");
    return page.evaluate(`window.__htxFake.${fn}(${list})`) as Promise<T>;
  }

  async function status(page: Page): Promise<string> {
    return (await page.getByTestId("status").textContent()) ?? "";
  }

  async function check(page: Page): Promise<void> {
    await page.getByRole("button", { name: "Kiểm tra dữ liệu" }).click();
    await page.getByTestId("results").waitFor();
  }

  async function noHorizontalScroll(page: Page, where: string): Promise<void> {
    const width = (await page.evaluate("document.documentElement.scrollWidth")) as number;
    const client = (await page.evaluate("document.documentElement.clientWidth")) as number;
    assert.ok(width <= 320 && width <= client, `${where}: scrollWidth ${width} at 320 px`);
  }

  it("starts in Vietnamese and registers the ribbon commands", async function () {
    const { page, errors } = await open();
    assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "Báo cáo HTX");
    assert.equal(await page.evaluate("document.documentElement.lang"), "vi");
    const associated = await fake<string[]>(page, "associated.slice");
    assert.deepEqual([...associated].sort(), ["htxBuildSummary", "htxCheck"]);
    assert.deepEqual(errors, []);
  });

  it("checks, lists and selects; fixes, applies, undoes; builds the summary", async function () {
    const { page, dialogs, errors } = await open();
    const expected = analyse(data, { reportSerial: todaySerial() });
    const total = countBySeverity(expected.issues);

    // Check: counts by sheet and severity, the issues grouped.
    await check(page);
    const results = (await page.getByTestId("results").textContent()) ?? "";
    assert.match(
      results,
      new RegExp(
        `năm ${expected.year}: ${total.error} lỗi, ${total.warning} cảnh báo, ${total.info} thông tin`
      )
    );
    assert.ok((await status(page)).includes(`${total.error} lỗi`));
    const thtRow = page.getByTestId("counts").getByRole("row", { name: new RegExp(THT_SHEET) });
    const thtCounts = ["error", "warning", "info"].map(
      (sev) => expected.issues.filter((i) => i.sheet === THT_SHEET && i.severity === sev).length
    );
    assert.deepEqual(
      (await thtRow.locator("td").allTextContents()).map(Number),
      thtCounts,
      "counts of the THT sheet"
    );
    const buttons = page.getByTestId("issues").locator("button[data-cell]");
    const withSheet = expected.issues.filter((i) => i.sheet !== null).length;
    assert.equal(await buttons.count(), withSheet, "one button per issue with a sheet");
    assert.equal(
      await page.getByTestId("issues").getByRole("heading", { level: 3 }).count(),
      new Set(expected.issues.map((i) => i.sheet)).size,
      "one group per sheet"
    );

    // The markup typed in a cell is text: visible, never an element, no script ran.
    const xss = page.getByText(XSS, { exact: false }).first();
    assert.ok(await xss.isVisible(), "the cell's markup is shown as text");
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.equal(await page.locator("img").count(), 0);
    assert.deepEqual(dialogs, []);

    // A click selects the issue's cell in Excel; so does Enter.
    const numberAsText = page.locator(
      `button[data-sheet="${THT_SHEET}"][data-cell="I9"][data-code="number-as-text"]`
    );
    await numberAsText.click();
    await page.waitForFunction("window.__htxFake.selection()?.cell === 'I9'");
    assert.deepEqual(await fake(page, "selection"), { sheet: THT_SHEET, cell: "I9" });
    assert.match(await status(page), /Đã chọn ô I9/);
    const unknownUnit = page.locator(
      `button[data-sheet="${HTX_SHEET}"][data-cell="${XSS_CELL.a1}"][data-code="unknown-unit"]`
    );
    await unknownUnit.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(`window.__htxFake.selection()?.cell === '${XSS_CELL.a1}'`);
    assert.deepEqual(await fake(page, "selection"), { sheet: HTX_SHEET, cell: XSS_CELL.a1 });

    // Filters: errors of the THT sheet only.
    await page.getByText("Lọc danh sách", { exact: true }).click();
    const filters = page.getByRole("group", { name: "Lọc danh sách" });
    await filters.getByLabel("Mức độ").selectOption("error");
    await filters.getByLabel("Trang tính", { exact: true }).selectOption(THT_SHEET);
    assert.equal(await buttons.count(), thtCounts[0]);
    await filters.getByLabel("Mức độ").selectOption("");
    await filters.getByLabel("Trang tính", { exact: true }).selectOption("");

    // Fix: the preview lists every change, apply writes them, undo puts them back.
    const plan = planFixes(expected.issues);
    await page.getByRole("tab", { name: "Sửa lỗi", exact: true }).click();
    await page.getByRole("button", { name: "Xem trước các thay đổi" }).click();
    const items = page.getByTestId("preview").locator("li");
    await items.first().waitFor();
    const listed = await items.evaluateAll(
      (els) => els.map((e) => `${e.getAttribute("data-sheet")}!${e.getAttribute("data-cell")}`),
      undefined
    );
    assert.deepEqual(
      listed,
      plan.map((p) => `${p.sheet}!${p.cell}`)
    );
    assert.deepEqual(
      [...listed].sort(),
      ["B10", "B9", "D14", "I9"].map((c) => `${THT_SHEET}!${c}`)
    );
    assert.match(
      (await items.nth(listed.indexOf(`${THT_SHEET}!D14`)).textContent()) ?? "",
      /NN → Nông nghiệp/
    );

    const cells = { B9: [8, 1], I9: [8, 8], B10: [9, 1], D14: [13, 3] } as const;
    const read = async () => {
      const out: Record<string, unknown> = {};
      for (const [a1, [r, c]] of Object.entries(cells))
        out[a1] = await fake(page, "value", THT_SHEET, r, c);
      return out;
    };
    const before = await read();
    assert.deepEqual(before, { B9: TCVN3_NAME, I9: "1,5", B10: NFD_NAME, D14: "NN" });

    await page.getByRole("button", { name: "Áp dụng 4 thay đổi" }).click();
    await page.getByText("Đã sửa 4 ô và kiểm tra lại.").waitFor();
    assert.deepEqual(await read(), {
      B9: "THT Hợp Thành",
      I9: 1.5,
      B10: NFD_NAME.normalize("NFC"),
      D14: "Nông nghiệp",
    });
    const undo = page.getByRole("button", { name: "Hoàn tác lần sửa vừa rồi" });
    assert.equal(
      await undo.evaluate((e) => e === e.ownerDocument.activeElement),
      true,
      "focus on Undo"
    );
    await undo.click();
    await page.getByText("Đã hoàn tác 4 ô và kiểm tra lại.").waitFor();
    assert.deepEqual(await read(), before);

    // Build the summary: the new sheet exists and is shown.
    const sheetName = `Tổng hợp ${expected.year}`;
    await page.getByRole("tab", { name: "Tổng hợp", exact: true }).click();
    await page.getByRole("button", { name: `Lập bảng tổng hợp năm ${expected.year}` }).click();
    await page.getByTestId("built").getByText(`Đã lập trang tính “${sheetName}”`).waitFor();
    assert.ok((await fake<string[]>(page, "sheetNames")).includes(sheetName));
    assert.equal(await fake(page, "activeSheet"), sheetName);

    // Edited by hand: asked first; Cancel keeps it, "keep a backup and replace" does both.
    await fake(page, "edit", sheetName, 0, 0, "sửa tay");
    const build = page.getByRole("button", { name: `Lập bảng tổng hợp năm ${expected.year}` });
    await build.click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? "", /Bảng tổng hợp đã được sửa tay/);
    await dialog.getByRole("button", { name: "Hủy" }).click();
    await page.getByTestId("built").getByText("Chưa thay thế").waitFor();
    assert.equal(await fake(page, "value", sheetName, 0, 0), "sửa tay");
    await build.click();
    await dialog.getByRole("button", { name: "Giữ bản sao và thay thế" }).click();
    await page.getByTestId("built").getByText("Bản cũ được giữ").waitFor();
    const names = await fake<string[]>(page, "sheetNames");
    assert.ok(names.includes(`${sheetName} (bản cũ 1)`), names.join(", "));
    assert.equal(await fake(page, "value", `${sheetName} (bản cũ 1)`, 0, 0), "sửa tay");
    assert.notEqual(await fake(page, "value", sheetName, 0, 0), "sửa tay");
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
  });

  it("saves a detection override in _htx_settings and checks again", async function () {
    const { page, errors } = await open();
    await check(page);
    await page.getByRole("tab", { name: "Nhận dạng", exact: true }).click();
    const panel = page.locator("#htx-panel-detect");
    await panel.getByLabel("Trang tính", { exact: true }).selectOption(THT_SHEET);
    await panel.getByLabel("Loại trang").selectOption("ignore");
    await panel.getByRole("button", { name: "Lưu và kiểm tra lại" }).click();
    await page.getByText(`Đã lưu lựa chọn cho trang “${THT_SHEET}”`).waitFor();
    assert.ok((await fake<string[]>(page, "sheetNames")).includes("_htx_settings"));
    await page.getByRole("tab", { name: "Kiểm tra", exact: true }).click();
    assert.equal(
      await page.locator(`#htx-panel-check button[data-sheet="${THT_SHEET}"]`).count(),
      0,
      "the ignored sheet has no issues"
    );
    assert.deepEqual(errors, []);
  });

  it("offers a pre-filled plan sheet when the workbook has none", async function () {
    const withoutPlan: WorkbookData = { sheets: data.sheets.filter((x) => x.name !== "Ke hoach") };
    const { page, errors } = await open({ workbook: withoutPlan });
    await check(page);
    await page.getByRole("tab", { name: "Tổng hợp", exact: true }).click();
    const offer = page.getByTestId("no-plan");
    await offer.waitFor();
    await offer.getByRole("button", { name: "Tạo trang Kế hoạch" }).click();
    await page.getByText("Đã tạo trang “Kế hoạch”").waitFor();
    assert.ok((await fake<string[]>(page, "sheetNames")).includes("Kế hoạch"));
    assert.equal(await page.getByTestId("no-plan").count(), 0, "the offer is gone");
    assert.deepEqual(errors, []);
  });

  it("follows the ribbon commands: results, notices, and the confirmation they leave to it", async function () {
    const { page, errors } = await open();
    const expected = analyse(data, { reportSerial: todaySerial() });
    const total = countBySeverity(expected.issues);
    assert.equal(await fake(page, "ribbon", "htxCheck"), true);
    await page.getByTestId("results").waitFor();
    assert.match(
      (await page.getByTestId("results").textContent()) ?? "",
      new RegExp(`${total.error} lỗi, ${total.warning} cảnh báo, ${total.info} thông tin`)
    );
    await page.getByTestId("notice").waitFor();
    await page.getByTestId("notice").getByRole("button", { name: "Đóng thông báo" }).click();
    assert.equal(await page.getByTestId("notice").count(), 0);

    const sheetName = `Tổng hợp ${expected.year}`;
    assert.equal(await fake(page, "ribbon", "htxBuildSummary"), true);
    assert.equal(await fake(page, "activeSheet"), sheetName);
    await fake(page, "edit", sheetName, 0, 0, "sửa tay");
    assert.equal(await fake(page, "ribbon", "htxBuildSummary"), true);
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    assert.equal(await fake(page, "value", sheetName, 0, 0), "sửa tay", "nothing replaced yet");
    await dialog.getByRole("button", { name: "Giữ bản sao và thay thế" }).click();
    await page.getByTestId("built").getByText("Bản cũ được giữ").waitFor();
    assert.ok((await fake<string[]>(page, "sheetNames")).includes(`${sheetName} (bản cũ 1)`));
    assert.deepEqual(errors, []);
  });

  it("speaks English when Office runs in English", async function () {
    const { page } = await open({ lang: "en-US" });
    assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "HTX Report");
    await page.getByRole("button", { name: "Check the data" }).click();
    await page.getByTestId("results").waitFor();
    assert.match((await page.getByTestId("results").textContent()) ?? "", /errors/);
    await page.getByText("is stored as text").first().waitFor();
  });

  it("has no horizontal scrollbar at 320 px", async function () {
    const { page } = await open({ width: 320 });
    await noHorizontalScroll(page, "before the check");
    await check(page);
    await noHorizontalScroll(page, "check results");
    await page.getByRole("tab", { name: "Sửa lỗi", exact: true }).click();
    await page.getByRole("button", { name: "Xem trước các thay đổi" }).click();
    await page.getByTestId("preview").waitFor();
    await noHorizontalScroll(page, "fix preview");
    await page.getByRole("tab", { name: "Tổng hợp", exact: true }).click();
    await noHorizontalScroll(page, "summary");
    await page.getByRole("tab", { name: "Nhận dạng", exact: true }).click();
    await page
      .locator("#htx-panel-detect")
      .getByLabel("Trang tính", { exact: true })
      .selectOption(HTX_SHEET);
    await noHorizontalScroll(page, "detection form");
  });

  it("picks the year (default: the latest with data); writes the README screenshot", async function () {
    const { page } = await open({ width: 360, height: 900 });
    await check(page);
    const latest = analyse(data, { reportSerial: todaySerial() });
    const picker = page.getByLabel("Năm báo cáo");
    assert.equal(await picker.inputValue(), String(latest.year));
    assert.deepEqual(
      await picker.locator("option").allTextContents(),
      [...new Set([...latest.years, latest.year])].sort((a, b) => b - a).map(String)
    );
    // The fixture is the 2022 report (its 2023 row is the planted date-future of a 2022 report).
    const y2022 = analyse(data, { year: 2022, reportSerial: todaySerial() });
    const total = countBySeverity(y2022.issues);
    await picker.selectOption("2022");
    await page
      .getByTestId("results")
      .getByText(`năm 2022: ${total.error} lỗi, ${total.warning} cảnh báo, ${total.info} thông tin`)
      .waitFor();
    await page.mouse.move(0, 0);
    await page.evaluate("document.activeElement && document.activeElement.blur()");
    await page.screenshot({ path: SCREENSHOT, type: "png" });
    const size = fs.statSync(SCREENSHOT).size;
    assert.ok(size > 5000 && size < 300 * 1024, `${SCREENSHOT} is ${size} bytes`);
  });

  it("made no request outside 127.0.0.1 (Office's script is routed to the stub)", function () {
    const all = opened.flatMap((o) => o.requests);
    assert.ok(all.length > 0);
    const outside = all.filter(
      (u) => !u.startsWith(base) && u !== OFFICE_JS && !u.startsWith("data:")
    );
    assert.deepEqual(outside, []);
    assert.ok(all.includes(OFFICE_JS), "office.js was requested (and routed)");
  });
});
