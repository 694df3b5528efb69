export { vi } from "./vi";
export { en, strings } from "./en";
export type { Strings, IssueParams } from "./types";
