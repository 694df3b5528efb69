/** Reading categories (DOMAIN §2 enum fields): canonical, accepted, variant or unknown. */
import { ENUMS, EnumName, EnumValue } from "../detect/schema";
import { foldKey, foldWords, nameKey } from "../text/normalize";

export type EnumMatch =
  | { status: "ok"; value: string; label: string }
  | { status: "variant"; value: string; label: string }
  | { status: "unknown" };

interface Prepared {
  exact: Map<string, EnumValue>;
  folded: Map<string, EnumValue>;
  contains: { phrase: string; def: EnumValue }[];
}

const cache = new Map<EnumName, Prepared>();

function prepare(name: EnumName): Prepared {
  let p = cache.get(name);
  if (p) return p;
  p = { exact: new Map(), folded: new Map(), contains: [] };
  for (const def of ENUMS[name]) {
    for (const l of [def.label, ...(def.accepted ?? [])]) {
      if (!p.exact.has(nameKey(l))) p.exact.set(nameKey(l), def);
      if (!p.folded.has(foldKey(l))) p.folded.set(foldKey(l), def);
    }
    for (const v of def.variants ?? [])
      if (!p.folded.has(foldKey(v))) p.folded.set(foldKey(v), def);
    for (const c of def.contains ?? []) p.contains.push({ phrase: c, def });
  }
  cache.set(name, p);
  return p;
}

const memo = new Map<EnumName, Map<string, EnumMatch>>();
const MEMO_LIMIT = 10000;

/** Match a category text. Accepted spellings pass; synonyms are variants; the rest unknown. */
export function matchEnum(name: EnumName, text: string): EnumMatch {
  let m = memo.get(name);
  if (!m) memo.set(name, (m = new Map()));
  let r = m.get(text);
  if (r === undefined) {
    if (m.size >= MEMO_LIMIT) m.clear();
    r = matchEnumUncached(name, text);
    m.set(text, r);
  }
  return r;
}

function matchEnumUncached(name: EnumName, text: string): EnumMatch {
  const p = prepare(name);
  const exact = p.exact.get(nameKey(text));
  if (exact) return { status: "ok", value: exact.value, label: exact.label };
  const folded = p.folded.get(foldKey(text));
  if (folded) return { status: "variant", value: folded.value, label: folded.label };
  const words = " " + foldWords(text) + " ";
  for (const c of p.contains) {
    if (words.includes(" " + c.phrase + " "))
      return { status: "ok", value: c.def.value, label: c.def.label };
  }
  return { status: "unknown" };
}

/** The labels of an enum, for messages ("Nông nghiệp, Phi nông nghiệp"). */
export function enumLabels(name: EnumName): string {
  return [...new Set(ENUMS[name].map((d) => d.label))].join(", ");
}
