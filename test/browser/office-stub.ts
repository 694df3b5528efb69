/**
 * The Office host the browser test puts in place of office.js (the test routes
 * Office's CDN URL to this bundle: build/browser-stub/office-stub.js, built by
 * webpack.test.config.js). It provides `Office` (onReady with host Excel, the
 * display language, actions.associate, addin.showAsTaskpane), `Excel` (the
 * in-memory fake of test/support/fake-excel holding the test's workbook) and
 * `CustomFunctions`, and exposes `window.__htxFake` for the test to inspect.
 *
 * The test sets `window.__htxStubConfig` ({ workbook, displayLanguage }) with
 * an init script before the page's scripts run. No DOM types: this file is
 * also compiled by the Node tsconfig.
 */
import type { WorkbookData } from "../../src/engine/model/cells";
import { createFakeExcel } from "../support/fake-excel";
import { colName } from "../support/fake-excel/address";

interface StubConfig {
  workbook: WorkbookData;
  displayLanguage: string;
}

const g = globalThis as unknown as Record<string, unknown>;
const config = g.__htxStubConfig as StubConfig | undefined;
if (!config) throw new Error("office-stub: window.__htxStubConfig is not set");

const fake = createFakeExcel(config.workbook);
const associated: string[] = [];
/** The ribbon commands the page registered (Office.actions.associate), by FunctionName. */
const commands: Record<string, (event: { completed(): void }) => unknown> = {};
const calls = { showAsTaskpane: 0, customFunctions: 0 };
const readyInfo = { host: "Excel", platform: "OfficeOnline" };

g.Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline" },
  onReady(callback?: (info: typeof readyInfo) => void) {
    return Promise.resolve().then(() => {
      if (callback) callback(readyInfo);
      return readyInfo;
    });
  },
  context: {
    displayLanguage: config.displayLanguage,
    requirements: { isSetSupported: () => true },
  },
  actions: {
    associate(name: string, handler: (event: { completed(): void }) => unknown) {
      associated.push(name);
      commands[name] = handler;
    },
  },
  addin: {
    showAsTaskpane() {
      calls.showAsTaskpane++;
      return Promise.resolve();
    },
  },
};
g.Excel = fake.Excel;
g.CustomFunctions = {
  associate() {
    calls.customFunctions++;
  },
};

function sheetOf(name: string) {
  const s = fake.model.find(name);
  if (!s || s.name !== name) throw new Error(`office-stub: no sheet "${name}"`);
  return s;
}

/** What the test reads (and may change) through page.evaluate. */
g.__htxFake = {
  fake,
  associated,
  calls,
  sheetNames: (): string[] => fake.model.sheets.map((s) => s.name),
  activeSheet: (): string | null => fake.model.find(fake.model.activeId ?? "")?.name ?? null,
  /** The selection as { sheet, cell } (the top-left cell of the selected range). */
  selection: (): { sheet: string; cell: string } | null => {
    const sel = fake.model.selection;
    if (!sel) return null;
    const sheet = fake.model.find(sel.sheetId);
    return sheet ? { sheet: sheet.name, cell: colName(sel.rect.left) + (sel.rect.top + 1) } : null;
  },
  /** A cell's value (0-based row and column). */
  value: (sheet: string, row: number, col: number): unknown =>
    fake.model.value(sheetOf(sheet), row, col),
  /** Change a cell as the user would (outside any sync). */
  edit: (sheet: string, row: number, col: number, value: string | number): void => {
    fake.model.begin();
    fake.model.setCell(sheetOf(sheet), row, col, value);
    fake.model.commit();
  },
  syncs: (): number => fake.stats.syncs,
  /** Click a ribbon button: run its command; resolves with whether it called completed(). */
  ribbon: async (name: string): Promise<boolean> => {
    let completed = false;
    await commands[name]({
      completed: () => {
        completed = true;
      },
    });
    return completed;
  },
};
