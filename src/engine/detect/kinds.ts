/** Which sheet is which kind (DOMAIN §2): by name, by header, or by the user's override. */
import type { SheetData } from "../model/cells";
import { foldKey, foldWords } from "../text/normalize";
import { KINDS, SheetKind } from "./schema";

/** Prefix of the hidden settings sheet and marker of sheets the add-in wrote. */
export const SETTINGS_SHEET = "_htx_settings";
export const SUMMARY_MARKER = "htx-report:code";

interface NameAlias {
  kind: SheetKind;
  words: string[];
  key: string;
}

const NAME_ALIASES: NameAlias[] = KINDS.flatMap((k) =>
  k.sheetAliases.map((a) => ({ kind: k.kind, words: foldWords(a).split(" "), key: foldKey(a) }))
);

function containsWords(hay: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The kind a sheet name names, or null. The longest matching alias wins. */
export function kindFromName(name: string): SheetKind | null {
  const words = foldWords(name).split(" ").filter(Boolean);
  const key = foldKey(name);
  let best: { kind: SheetKind; len: number } | null = null;
  for (const a of NAME_ALIASES) {
    const hit = containsWords(words, a.words) || (a.key.length >= 5 && key.includes(a.key));
    if (hit && (!best || a.key.length > best.len)) best = { kind: a.kind, len: a.key.length };
  }
  return best ? best.kind : null;
}

/** A year written in the sheet name ("DS HTX 2022" → 2022), or null. */
export function yearFromName(name: string): number | null {
  const m = /(?:^|\D)((?:19|20)\d\d)(?:\D|$)/.exec(name);
  return m ? Number(m[1]) : null;
}

/** True for the sheets the add-in wrote itself: settings, summaries, their backups. */
export function isOwnSheet(sheet: SheetData, ownNames: Set<string>): boolean {
  if (sheet.name === SETTINGS_SHEET || sheet.name.startsWith("_htx")) return true;
  if (ownNames.has(sheet.name)) return true;
  const rows = Math.min(sheet.values.length, 15);
  for (let r = 0; r < rows; r++) {
    const row = sheet.values[r];
    if (!row) continue;
    for (const v of row) if (v === SUMMARY_MARKER) return true;
  }
  return false;
}
