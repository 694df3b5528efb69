/**
 * The strings of the ribbon commands and the shared runtime (src/commands, src/app/runtime.ts):
 * the notices the pane's banner shows after a ribbon click. To be merged into the main vi / en
 * tables (Strings.commands).
 */
export interface CommandStrings {
  /** A check found nothing. */
  checkClean: (p: { year: number }) => string;
  /** A check found issues (counts by severity); the pane shows the list. */
  checkFound: (p: { year: number; errors: number; warnings: number; infos: number }) => string;
  /** The summary sheet was written (`replaced`: an unedited one of that name was rebuilt). */
  built: (p: { sheet: string; replaced: boolean }) => string;
  /** Added to `built` when the data still has errors. */
  builtWithErrors: (p: { errors: number }) => string;
  /** The summary sheet was edited by hand: nothing was replaced, the pane asks. */
  confirmReplace: (p: { sheet: string; backup: string }) => string;
  /** Another check or build is running. */
  busy: () => string;
  checkFailed: (p: { reason: string }) => string;
  buildFailed: (p: { reason: string }) => string;
  /** The Excel API is not there (the page was opened outside Excel, or Office failed to load). */
  noExcel: () => string;
  /** A failure that is not Excel's (a bug): its message. */
  unexpected: (p: { detail: string }) => string;
}
