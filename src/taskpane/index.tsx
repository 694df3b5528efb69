/**
 * The task pane's entry (taskpane.js). The page is the shared runtime: the
 * ribbon commands are registered at once (Excel may run one before the pane
 * is ever shown), then the pane renders when Office is ready.
 */
import { createRoot } from "react-dom/client";
import { registerCommands } from "../commands/commands";
import { uiLanguage } from "../app/runtime";
import { strings } from "../i18n";
import { App } from "./App";

/** The part of office.js's `Office` used here. */
interface OfficeReady {
  onReady(callback?: () => void): Promise<unknown>;
}

function render(): void {
  const lang = uiLanguage();
  document.documentElement.lang = lang;
  document.title = strings(lang).pane.title;
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(<App lang={lang} />);
}

registerCommands();

const office = (globalThis as { Office?: OfficeReady }).Office;
if (office && typeof office.onReady === "function") {
  void office.onReady().then(render);
} else {
  // office.js did not load (opened outside Office, or offline): the pane explains what it can.
  render();
}
