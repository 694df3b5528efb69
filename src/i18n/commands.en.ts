/** English strings of the ribbon commands. */
import type { CommandStrings } from "./commands.types";

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const commandsEn: CommandStrings = {
  checkClean: (p) => `Checked the ${p.year} data: no problems found.`,
  checkFound: (p) =>
    `Checked the ${p.year} data: ${count(p.errors, "error", "errors")}, ` +
    `${count(p.warnings, "warning", "warnings")}, ${p.infos} info. ` +
    `Click a row to go to its cell.`,
  built: (p) =>
    p.replaced
      ? `Rebuilt the sheet “${p.sheet}” from the current data.`
      : `Built the sheet “${p.sheet}”.`,
  builtWithErrors: (p) =>
    `The data still has ${count(p.errors, "error", "errors")}: review them before using the figures.`,
  confirmReplace: (p) =>
    `The sheet “${p.sheet}” was edited by hand, so it was not replaced. If you rebuild it, the ` +
    `current one is kept as “${p.backup}”. Confirm in this pane.`,
  busy: () => `HTX Report is busy with another task. Wait for it to finish, then click again.`,
  checkFailed: (p) => `Could not check the data. ${p.reason}`,
  buildFailed: (p) => `Could not build the summary. ${p.reason}`,
  noExcel: () =>
    `Could not reach Excel. Close the pane and open HTX Report again from the Home tab.`,
  unexpected: (p) => `Unexpected error: ${p.detail}`,
};
