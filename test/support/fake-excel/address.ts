/**
 * A1 addresses as Excel reads and writes them (the fake's own, independent of
 * the adapter's helpers so that a bug in one does not hide in the other).
 */

/** 0-based, inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export function colName(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** How Excel writes a sheet name in an address: quoted unless it is a plain identifier. */
export function sheetPrefix(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "A1", "A1:C3", "C:C" (entire columns), "2:4" (entire rows). */
export function rectA1(r: Rect): string {
  if (r.top === 0 && r.bottom === MAX_ROWS - 1) return `${colName(r.left)}:${colName(r.right)}`;
  if (r.left === 0 && r.right === MAX_COLS - 1) return `${r.top + 1}:${r.bottom + 1}`;
  const a = colName(r.left) + (r.top + 1);
  if (r.top === r.bottom && r.left === r.right) return a;
  return `${a}:${colName(r.right)}${r.bottom + 1}`;
}

export function qualified(sheet: string, r: Rect): string {
  return `${sheetPrefix(sheet)}!${rectA1(r)}`;
}

/** One area, optionally sheet-qualified; null when it is not an address. */
export function parseRect(address: string): Rect | null {
  let s = address.trim();
  const bang = s.lastIndexOf("!");
  if (bang >= 0) s = s.slice(bang + 1);
  const parts = s.split(":");
  if (parts.length > 2 || !parts[0]) return null;
  const refs = parts.map((p) => /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/.exec(p.trim()));
  if (refs.some((m) => !m || (!m[1] && !m[2]))) return null;
  const [a, b = a] = refs as RegExpExecArray[];
  const kind = (m: RegExpExecArray) => (m[1] && m[2] ? "cell" : m[1] ? "col" : "row");
  if (kind(a) !== kind(b)) return null;
  let top: number, bottom: number, left: number, right: number;
  if (kind(a) === "col") {
    if (parts.length === 1) return null;
    [top, bottom, left, right] = [0, MAX_ROWS - 1, colNumber(a[1]), colNumber(b[1])];
  } else if (kind(a) === "row") {
    if (parts.length === 1) return null;
    [top, bottom, left, right] = [Number(a[2]) - 1, Number(b[2]) - 1, 0, MAX_COLS - 1];
  } else {
    [top, bottom, left, right] = [
      Number(a[2]) - 1,
      Number(b[2]) - 1,
      colNumber(a[1]),
      colNumber(b[1]),
    ];
  }
  const r = {
    top: Math.min(top, bottom),
    bottom: Math.max(top, bottom),
    left: Math.min(left, right),
    right: Math.max(left, right),
  };
  if (r.top < 0 || r.left < 0 || r.bottom >= MAX_ROWS || r.right >= MAX_COLS) return null;
  return r;
}

export function rectCells(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}
