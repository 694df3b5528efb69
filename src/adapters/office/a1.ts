/**
 * A1 addresses for the Office adapter: rectangles to and from "B3:D7", the
 * sheet-qualified lists Excel returns ("'DS HTX'!A2:J2, 'DS HTX'!A4:A5"), and
 * covering a set of cells with few rectangles (for batched formats).
 */
import { cellAddress, columnIndex } from "../../engine/model/cells";
import type { MergeArea } from "../../engine/model/cells";

/** 0-based, inclusive (same shape as the engine's MergeArea). */
export type Rect = MergeArea;

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** "B3" or "B3:D7" for a 0-based inclusive rectangle. */
export function rectAddress(r: Rect): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : a + ":" + cellAddress(r.bottom, r.right);
}

/** Split "A1:B2, 'x,y'!C3" on the commas outside quoted sheet names. */
export function splitAddressList(list: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

function parseRef(ref: string): { row: number | null; col: number | null } | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(ref.trim());
  if (!m || (!m[1] && !m[2])) return null;
  const col = m[1] ? columnIndex(m[1]) : null;
  const row = m[2] ? Number(m[2]) - 1 : null;
  if (col !== null && col < 0) return null;
  if (row !== null && (row < 0 || row >= MAX_ROWS)) return null;
  return { row, col };
}

/**
 * One area ("Sheet1!B3:D7", "'DS HTX'!A4", "C:C", "4:5") as a rectangle; the
 * sheet part is ignored. Null when it is not an A1 area.
 */
export function parseArea(address: string): Rect | null {
  let s = address.trim();
  const bang = s.lastIndexOf("!");
  if (bang >= 0) s = s.slice(bang + 1);
  const [p, q = p, extra] = s.split(":");
  if (extra !== undefined) return null;
  const a = parseRef(p);
  const b = parseRef(q);
  if (!a || !b) return null;
  if ((a.row === null) !== (b.row === null) || (a.col === null) !== (b.col === null)) return null;
  const top = a.row ?? 0;
  const bottom = b.row ?? MAX_ROWS - 1;
  const left = a.col ?? 0;
  const right = b.col ?? MAX_COLS - 1;
  return {
    top: Math.min(top, bottom),
    bottom: Math.max(top, bottom),
    left: Math.min(left, right),
    right: Math.max(left, right),
  };
}

/** Every area of an address list; areas that do not parse are left out. */
export function parseAreas(list: string): Rect[] {
  return splitAddressList(list)
    .map(parseArea)
    .filter((r): r is Rect => r !== null);
}

/**
 * Few rectangles that cover exactly the given cells: runs along each row,
 * then equal runs on consecutive rows joined into one rectangle.
 */
export function coverCells(cells: Iterable<{ row: number; col: number }>): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    let cols = byRow.get(c.row);
    if (!cols) byRow.set(c.row, (cols = []));
    cols.push(c.col);
  }
  const open = new Map<string, Rect>();
  const done: Rect[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const seen = new Set<string>();
    for (const [l, r] of runs) {
      const key = l + ":" + r;
      seen.add(key);
      const rect = open.get(key);
      if (rect && rect.bottom === row - 1) rect.bottom = row;
      else {
        if (rect) done.push(rect);
        open.set(key, { top: row, bottom: row, left: l, right: r });
      }
    }
    for (const [key, rect] of open) {
      if (!seen.has(key) && rect.bottom < row) {
        done.push(rect);
        open.delete(key);
      }
    }
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Address lists of at most `maxChars` characters ("A1:B2,D4"), for `worksheet.getRanges`. */
export function addressLists(rects: Rect[], maxChars = 2000): string[] {
  const out: string[] = [];
  let cur = "";
  for (const r of rects) {
    const a = rectAddress(r);
    if (cur && cur.length + 1 + a.length > maxChars) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? cur + "," + a : a;
  }
  if (cur) out.push(cur);
  return out;
}
