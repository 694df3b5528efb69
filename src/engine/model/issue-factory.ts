/** Builds issues with their Vietnamese and English messages from the string tables. */
import { en } from "../../i18n/en";
import type { IssueParams, Strings } from "../../i18n/types";
import { vi } from "../../i18n/vi";
import { columnLetter, cellAddress } from "./cells";
import { Fix, FixValue, Issue, IssueCode, SEVERITY } from "./issues";

export interface IssueAt {
  sheet: string | null;
  /** 0-based row, or null for a sheet-level issue */
  row: number | null;
  /** 0-based column, or null */
  col: number | null;
  field: string | null;
}

function localise(s: Strings, p: MessageParams): IssueParams {
  const typeName = p.typeKey ? s.types[p.typeKey as keyof Strings["types"]] : undefined;
  return {
    ...p,
    expected: typeName ?? p.expected,
    field: p.fieldKey ? (s.fields[p.fieldKey] ?? p.fieldKey) : p.field,
    kind: p.kindKey ? (s.kinds[p.kindKey] ?? p.kindKey) : p.kind,
  };
}

export type MessageParams = IssueParams & {
  fieldKey?: string;
  kindKey?: string;
  /** a field type ("int", "date" …), written as its name in each language */
  typeKey?: string;
};

export function makeIssue(
  code: IssueCode,
  at: IssueAt,
  params: MessageParams = {},
  fix: Fix | null = null
): Issue {
  const hasCell = at.row !== null && at.col !== null;
  return {
    sheet: at.sheet,
    cell: hasCell ? cellAddress(at.row as number, at.col as number) : null,
    row: at.row === null ? null : at.row + 1,
    column: at.col === null ? null : columnLetter(at.col),
    field: at.field,
    code,
    severity: SEVERITY[code],
    message: vi.issues[code](localise(vi, params)),
    message_en: en.issues[code](localise(en, params)),
    fix,
  };
}

export type FixKind = keyof Strings["fixes"];

/** A one-cell fix. */
export function makeFix(
  kind: FixKind,
  row: number,
  col: number,
  from: FixValue,
  to: FixValue,
  params: MessageParams
): Fix {
  return {
    description: vi.fixes[kind](localise(vi, params)),
    description_en: en.fixes[kind](localise(en, params)),
    changes: [{ cell: cellAddress(row, col), from, to }],
  };
}
