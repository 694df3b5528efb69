/** The shape of a UI string table. Every human-readable string lives in vi.ts and en.ts. */
import type { IssueCode } from "../engine/model/issues";

/** Parameters a check message may use. */
export interface IssueParams {
  /** field label in the table's language (filled by the caller per language) */
  field?: string;
  sheet?: string;
  value?: string;
  expected?: string;
  actual?: string;
  kind?: string;
  other?: string;
  row?: number;
  count?: number;
  limit?: number;
  year?: number;
  encoding?: string;
  text?: string;
}

export interface Strings {
  lang: "vi" | "en";
  kinds: Record<string, string>;
  fields: Record<string, string>;
  severities: Record<"error" | "warning" | "info", string>;
  issues: Record<IssueCode, (p: IssueParams) => string>;
  fixes: {
    numberAsText: (p: IssueParams) => string;
    enumVariant: (p: IssueParams) => string;
    legacy: (p: IssueParams) => string;
    nfd: (p: IssueParams) => string;
  };
  cli: Record<string, (p: Record<string, string | number>) => string>;
  summary: Record<string, string>;
}
