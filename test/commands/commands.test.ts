/*
 * The ribbon commands in Node: stub `Office` globals (actions.associate, addin.showAsTaskpane,
 * context.displayLanguage) and the in-memory fake's `Excel`, handlers invoked the way Excel
 * invokes them, through what `registerCommands()` associated.
 */
import assert from "node:assert/strict";
import type { WorkbookData } from "../../src/engine/model/cells";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsx-workbook";
import { buildDemoWorkbook } from "../../src/demo/demo-workbook";
import {
  RuntimeEvent,
  currentNotice,
  getSession,
  onChange,
  pendingConfirm,
  resetRuntime,
  uiLanguage,
} from "../../src/app/runtime";
import {
  CommandEvent,
  htxBuildSummary,
  htxCheck,
  registerCommands,
} from "../../src/commands/commands";
import type { CheckView } from "../../src/app/session";
import { FakeExcel, createFakeExcel } from "../support/fake-excel";
import { buildMessyWorkbook } from "../fixtures/messy";

const SUMMARY = /^Tổng hợp \d{4}$/;

type Handler = (event: CommandEvent) => unknown;

interface OfficeStub {
  context: { displayLanguage: string };
  actions: { associate(name: string, handler: Handler): void };
  addin: { showAsTaskpane(): Promise<void> };
  handlers: Map<string, Handler>;
  shown: number;
}

interface Globals {
  Office?: unknown;
  Excel?: unknown;
}
const g = globalThis as Globals;

function installOffice(displayLanguage = "vi-VN"): OfficeStub {
  const stub: OfficeStub = {
    context: { displayLanguage },
    handlers: new Map(),
    shown: 0,
    actions: {
      associate(name, handler) {
        stub.handlers.set(name, handler);
      },
    },
    addin: {
      async showAsTaskpane() {
        stub.shown++;
      },
    },
  };
  g.Office = stub;
  return stub;
}

function installExcel(data: WorkbookData): FakeExcel {
  const fake = createFakeExcel(data);
  g.Excel = fake.Excel;
  return fake;
}

/** An Excel event that counts `completed()` calls. */
function event(): CommandEvent & { completed: () => void; count: () => number } {
  let n = 0;
  return {
    completed() {
      n++;
    },
    count: () => n,
  };
}

/** Run a registered command the way Excel does: by name, with an event. */
async function click(office: OfficeStub, name: string): Promise<number> {
  const handler = office.handlers.get(name);
  assert.ok(handler, `${name} is not registered`);
  const e = event();
  await handler(e);
  return e.count();
}

/** Run `fn` with console.error captured; returns what was logged. */
async function quietly(fn: () => Promise<unknown>): Promise<unknown[][]> {
  const logged: unknown[][] = [];
  const error = console.error;
  console.error = (...args: unknown[]) => {
    logged.push(args);
  };
  try {
    await fn();
  } finally {
    console.error = error;
  }
  return logged;
}

let demo: WorkbookData;
let messy: WorkbookData;

describe("ribbon commands (shared runtime)", function () {
  this.timeout(120000);
  let events: RuntimeEvent[];

  before(async () => {
    demo = await XlsxWorkbook.fromWorkbook(buildDemoWorkbook()).read();
    messy = await XlsxWorkbook.fromWorkbook(buildMessyWorkbook()).read();
  });

  beforeEach(() => {
    resetRuntime();
    events = [];
    onChange((e) => events.push(e));
  });

  afterEach(() => {
    resetRuntime();
    delete g.Office;
    delete g.Excel;
  });

  const ofType = <T extends RuntimeEvent["type"]>(type: T) =>
    events.filter((e): e is Extract<RuntimeEvent, { type: T }> => e.type === type);

  it("registers htxCheck and htxBuildSummary with Office.actions.associate", () => {
    const office = installOffice();
    assert.equal(registerCommands(), true);
    assert.deepEqual([...office.handlers.keys()].sort(), ["htxBuildSummary", "htxCheck"]);
    delete g.Office;
    assert.equal(registerCommands(), false, "no Office.actions: nothing to register, no throw");
  });

  it("check: results in the shared session, a 'checked' event, the pane opened on them", async () => {
    const office = installOffice();
    installExcel(messy);
    registerCommands();
    assert.equal(await click(office, "htxCheck"), 1);
    const session = getSession();
    assert.ok(session.analysis, "the session holds the analysis");
    const checked = ofType("checked");
    assert.equal(checked.length, 1);
    assert.equal(checked[0].origin, "ribbon");
    const view = checked[0].view;
    assert.deepEqual(view.issues, session.analysis.issues);
    const total = view.total.error + view.total.warning + view.total.info;
    assert.ok(total > 0, "the messy workbook has issues");
    assert.equal(office.shown, 1, "the pane was opened");
    const notice = currentNotice();
    assert.ok(notice);
    assert.equal(notice.kind, view.total.error > 0 ? "error" : "warning");
    assert.match(notice.text, new RegExp(`${view.total.error} lỗi`));
    assert.match(notice.text, /Đã kiểm tra dữ liệu năm \d{4}/);
    // busy → not busy around the work
    assert.deepEqual(
      ofType("busy").map((e) => e.task),
      ["check", null]
    );
  });

  it("check with no problems: a short success banner, in English when Office runs in English", async () => {
    const office = installOffice("en-US");
    installExcel(demo);
    registerCommands();
    assert.equal(uiLanguage(), "en");
    const session = getSession();
    const clean: CheckView = {
      year: 2022,
      years: [2022],
      total: { error: 0, warning: 0, info: 0 },
      bySheet: [],
      issues: [],
      sheets: [],
      skipped: [],
    };
    session.check = async () => clean;
    assert.equal(await click(office, "htxCheck"), 1);
    assert.deepEqual(currentNotice()?.kind, "success");
    assert.equal(currentNotice()?.text, "Checked the 2022 data: no problems found.");
    assert.equal(office.shown, 1, "opened: a banner in a hidden pane tells nobody");
  });

  it("build: the summary sheet is written in the workbook and activated, 'built' emitted", async () => {
    const office = installOffice();
    const fake = installExcel(demo);
    registerCommands();
    assert.equal(await click(office, "htxBuildSummary"), 1);
    const built = ofType("built");
    assert.equal(built.length, 1, JSON.stringify(currentNotice()));
    assert.match(built[0].sheet, SUMMARY);
    assert.equal(built[0].replaced, false);
    assert.equal(built[0].backup, null);
    const sheet = fake.model.find(built[0].sheet);
    assert.ok(sheet, "the summary sheet exists in the workbook");
    assert.equal(fake.model.activeId, sheet.id, "and is the active sheet");
    assert.ok(
      sheet.values.some((row) => row?.some((v) => v === "STT")),
      "with its table"
    );
    assert.equal(ofType("checked").length, 1, "checked on fresh data first");
    assert.equal(office.shown, 0, "the new sheet is the answer: the pane is not forced open");
    assert.match(currentNotice()?.text ?? "", /^Đã lập trang “Tổng hợp \d{4}”\./);
    assert.equal(ofType("confirmReplace").length, 0);

    // Again on unchanged data: rebuilt in place, no question, no backup.
    events.length = 0;
    const sheetsBefore = fake.model.sheets.length;
    assert.equal(await click(office, "htxBuildSummary"), 1);
    assert.equal(ofType("built").length, 1);
    assert.equal(ofType("built")[0].replaced, true);
    assert.equal(ofType("confirmReplace").length, 0);
    assert.equal(fake.model.sheets.length, sheetsBefore);
  });

  it("build over a summary edited by hand: nothing replaced, the pane opened and asked to confirm", async () => {
    const office = installOffice();
    const fake = installExcel(demo);
    registerCommands();
    await click(office, "htxBuildSummary");
    const name = ofType("built")[0].sheet;
    const sheet = fake.model.find(name);
    assert.ok(sheet);
    // The user types over a figure (column E, "Thực hiện") of the first indicator row.
    const row = sheet.values.findIndex((r) => typeof r?.[4] === "number");
    assert.ok(row > 0);
    fake.model.setCell(sheet, row, 4, "Sửa tay");
    const names = fake.model.sheets.map((s) => s.name);
    events.length = 0;
    office.shown = 0;

    assert.equal(await click(office, "htxBuildSummary"), 1);
    assert.equal(ofType("built").length, 0);
    const confirm = ofType("confirmReplace");
    assert.equal(confirm.length, 1);
    assert.equal(confirm[0].sheet, name);
    assert.equal(confirm[0].backup, `${name} (bản cũ 1)`);
    assert.deepEqual(pendingConfirm(), {
      sheet: name,
      backup: `${name} (bản cũ 1)`,
      year: confirm[0].year,
    });
    assert.equal(office.shown, 1, "the pane opened to ask");
    assert.equal(currentNotice()?.kind, "warning");
    assert.deepEqual(
      fake.model.sheets.map((s) => s.name),
      names,
      "no sheet added, renamed or removed"
    );
    assert.equal(fake.model.value(sheet, row, 4), "Sửa tay", "the user's edit is still there");

    // The pane's "yes": the same session builds, keeping the edited sheet as the backup.
    const r = await getSession().buildSummary(async () => true);
    assert.equal(r.written, true);
    assert.equal(r.backup, `${name} (bản cũ 1)`);
    assert.equal(fake.model.value(fake.model.find(r.backup ?? "")!, row, 4), "Sửa tay");
  });

  it("a failing Excel call: completed() still called, an error banner, no throw", async () => {
    const office = installOffice();
    const fake = installExcel(demo);
    registerCommands();
    fake.failOn(/./, "AccessDenied", 1000);
    for (const name of ["htxCheck", "htxBuildSummary"]) {
      events.length = 0;
      office.shown = 0;
      const logged = await quietly(async () => assert.equal(await click(office, name), 1, name));
      assert.equal(logged.length, 1, "the failure is logged for the developer console");
      const notices = ofType("notice").map((e) => e.notice);
      assert.equal(notices.length, 1, name);
      assert.equal(notices[0]?.kind, "error");
      assert.match(notices[0]?.text ?? "", /^Chưa (kiểm tra|lập) được .*bảo vệ/);
      assert.equal(office.shown, 1, `${name}: the pane shows the error`);
      assert.deepEqual(
        ofType("busy").map((e) => e.task),
        [name === "htxCheck" ? "check" : "build", null],
        "not left busy"
      );
    }
  });

  it("no Excel API at all, or a listener that throws: still completed, a banner, no throw", async () => {
    const office = installOffice("en-GB");
    registerCommands();
    onChange(() => {
      throw new Error("a broken pane listener");
    });
    await quietly(async () => assert.equal(await click(office, "htxCheck"), 1));
    assert.equal(currentNotice()?.kind, "error");
    assert.match(currentNotice()?.text ?? "", /^Could not check the data\. Could not reach Excel/);
  });

  it("one task at a time: a second click while the first runs says busy", async () => {
    const office = installOffice();
    installExcel(demo);
    registerCommands();
    const first = event();
    const running = office.handlers.get("htxCheck")!(first) as Promise<void>;
    const second = event();
    await office.handlers.get("htxBuildSummary")!(second);
    assert.equal(second.count(), 1);
    assert.match(currentNotice()?.text ?? "", /đang làm một việc khác/);
    await running;
    assert.equal(first.count(), 1);
    assert.equal(ofType("built").length, 0);
    assert.equal(ofType("checked").length, 1);
  });

  it("never throws even when event.completed() does, and works without an event", async () => {
    installOffice();
    installExcel(demo);
    const bad: CommandEvent = {
      completed() {
        throw new Error("host gone");
      },
    };
    const logged = await quietly(async () => {
      await htxCheck(bad);
      await htxBuildSummary();
    });
    assert.equal(logged.length, 1, "the failed completed() is logged");
    assert.equal(ofType("checked").length, 2);
  });
});
