/**
 * A small, strict XML reader for the add-in manifest (no XML library in the dependencies):
 * elements, attributes, text; comments, the declaration and processing instructions skipped.
 * Throws on anything malformed (an unclosed or mismatched element, a duplicate attribute, an
 * unknown entity, text outside the root), which is what a test of a hand-written file wants.
 * No DTDs, no CDATA (the manifest has neither).
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (entities decoded, not trimmed). */
  text: string;
  parent: XmlElement | null;
  /** 1-based line of the start tag. */
  line: number;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(s: string, line: number): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|&/g, (m, ref: string | undefined) => {
    if (!ref) throw new Error(`line ${line}: a bare "&"`);
    if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const e = ENTITIES[ref];
    if (e === undefined) throw new Error(`line ${line}: unknown entity ${m}`);
    return e;
  });
}

const NAME = /^[A-Za-z_][\w:.-]*/;
const ATTR = /^\s+([A-Za-z_][\w:.-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/;

export function parseXml(src: string): XmlElement {
  let i = 0;
  let line = 1;
  const advance = (n: number) => {
    for (let k = i; k < i + n; k++) if (src.charCodeAt(k) === 10) line++;
    i += n;
  };
  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];
  while (i < src.length) {
    const lt = src.indexOf("<", i);
    const text = lt < 0 ? src.slice(i) : src.slice(i, lt);
    if (text) {
      const top = stack[stack.length - 1];
      if (top) top.text += decode(text, line);
      else if (text.trim()) throw new Error(`line ${line}: text outside the root element`);
      advance(text.length);
    }
    if (lt < 0) break;
    if (src.startsWith("<!--", i)) {
      const end = src.indexOf("-->", i + 4);
      if (end < 0) throw new Error(`line ${line}: unclosed comment`);
      advance(end + 3 - i);
    } else if (src.startsWith("<?", i)) {
      const end = src.indexOf("?>", i + 2);
      if (end < 0) throw new Error(`line ${line}: unclosed declaration`);
      advance(end + 2 - i);
    } else if (src.startsWith("<!", i)) {
      throw new Error(`line ${line}: DTDs and CDATA are not expected in the manifest`);
    } else if (src.startsWith("</", i)) {
      const m = /^<\/([A-Za-z_][\w:.-]*)\s*>/.exec(src.slice(i));
      if (!m) throw new Error(`line ${line}: bad end tag`);
      const open = stack.pop();
      if (!open || open.name !== m[1])
        throw new Error(`line ${line}: </${m[1]}> closes <${open ? open.name : "nothing"}>`);
      advance(m[0].length);
    } else {
      const startLine = line;
      let rest = src.slice(i + 1);
      const n = NAME.exec(rest);
      if (!n) throw new Error(`line ${line}: bad start tag`);
      let used = 1 + n[0].length;
      rest = rest.slice(n[0].length);
      const attrs: Record<string, string> = {};
      for (;;) {
        const a = ATTR.exec(rest);
        if (!a) break;
        if (a[1] in attrs) throw new Error(`line ${line}: duplicate attribute ${a[1]}`);
        attrs[a[1]] = decode(a[3] ?? a[4] ?? "", line);
        used += a[0].length;
        rest = rest.slice(a[0].length);
      }
      const close = /^\s*(\/?)>/.exec(rest);
      if (!close) throw new Error(`line ${line}: bad attribute or unclosed tag <${n[0]}`);
      used += close[0].length;
      const parent = stack[stack.length - 1] ?? null;
      const el: XmlElement = {
        name: n[0],
        attrs,
        children: [],
        text: "",
        parent,
        line: startLine,
      };
      if (parent) parent.children.push(el);
      else if (root) throw new Error(`line ${line}: a second root element <${n[0]}>`);
      else root = el;
      if (!close[1]) stack.push(el);
      advance(used);
    }
  }
  if (stack.length) throw new Error(`<${stack[stack.length - 1].name}> is not closed`);
  if (!root) throw new Error("no root element");
  return root;
}

/** Every element below `el` (depth first, in document order), `el` included. */
export function descendants(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [el];
  for (const c of el.children) out.push(...descendants(c));
  return out;
}

/** The elements named `name` below `el`. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  return descendants(el).filter((e) => e.name === name);
}

/** The one element named `name` below `el` (throws when there is none or several). */
export function findOne(el: XmlElement, name: string): XmlElement {
  const all = findAll(el, name);
  if (all.length !== 1)
    throw new Error(`expected one <${name}> below <${el.name}>, found ${all.length}`);
  return all[0];
}

/** A direct child named `name`, or null. */
export function child(el: XmlElement, name: string): XmlElement | null {
  return el.children.find((c) => c.name === name) ?? null;
}

/** The `xsi:type` of an element. */
export function xsiType(el: XmlElement): string | undefined {
  return el.attrs["xsi:type"];
}
