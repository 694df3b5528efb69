/*
 * The static texts of the shared-runtime page (src/taskpane/taskpane.html) are copies of the
 * string tables: <title> is pane.title in Vietnamese (the pane sets it in the UI language at
 * startup), <noscript> is pane.noScript in both languages (shown when no script runs).
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { en } from "../../src/i18n/en";
import { vi } from "../../src/i18n/vi";

const ROOT = path.resolve(__dirname, "../../..");
const TEMPLATE = path.join(ROOT, "src", "taskpane", "taskpane.html");

function element(html: string, name: string): string {
  const m = new RegExp(`<${name}>([^<]*)</${name}>`).exec(html);
  assert.ok(m, `no <${name}> in taskpane.html`);
  return m[1].trim();
}

describe("taskpane.html: the texts before the script runs", () => {
  const html = () => fs.readFileSync(TEMPLATE, "utf8");

  it("has the Vietnamese pane title as its <title>", () => {
    assert.equal(element(html(), "title"), vi.pane.title);
  });

  it("says in both languages that JavaScript is needed", () => {
    assert.equal(element(html(), "noscript"), `${vi.pane.noScript} / ${en.pane.noScript}`);
  });
});
