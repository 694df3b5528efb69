#!/usr/bin/env node
// The ribbon buttons' icons, drawn in code so that they can be regenerated:
//   node assets/make-icons.js        (writes assets/{check,summary,taskpane}-{16,32,80}.png)
//
// Each pictogram is drawn on a 16-unit grid (one unit = one pixel at 16 px, two at 32, five at
// 80), so straight edges fall on pixel boundaries at every size; diagonals are anti-aliased by
// 8×8 supersampling. Transparent background, Office-style dark grey outlines with the Excel
// green as the accent:
//   check     a bold check mark                              ("Kiểm tra dữ liệu")
//   summary   a table with a filled header row and a Σ        ("Lập bảng tổng hợp")
//   taskpane  a window with a filled pane on its right side   ("Mở ngăn Báo cáo HTX")
// The add-in's own icons (icon-16/32/64/80/128.png) are not generated here.
// PNGs are written by hand (signature, IHDR, one zlib IDAT, IEND): no dependency.
"use strict";
const { Buffer } = require("buffer");
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const GREY = [64, 64, 64];
const GREEN = [33, 115, 70];

const SIZES = [16, 32, 80];
const SAMPLES = 8;

/** Shapes: predicates over unit coordinates (0..16), painted in order. */
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1;
const frame = (x0, y0, x1, y1, w) => {
  const outer = rect(x0, y0, x1, y1);
  const inner = rect(x0 + w, y0 + w, x1 - w, y1 - w);
  return (x, y) => outer(x, y) && !inner(x, y);
};
/** A stroked polyline with round joins and caps. */
const polyline = (points, width) => (x, y) => {
  const r2 = (width / 2) * (width / 2);
  for (let i = 0; i + 1 < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[i + 1];
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    const px = ax + t * dx - x;
    const py = ay + t * dy - y;
    if (px * px + py * py <= r2) return true;
  }
  return false;
};

/** name → (size) → [color, shape][], painted in order. */
const ICONS = {
  check: () => [
    [
      GREEN,
      polyline(
        [
          [2.5, 8.5],
          [6, 12],
          [13.5, 4],
        ],
        2.6
      ),
    ],
  ],
  summary: () => [
    [GREEN, rect(1, 2, 15, 6)],
    [GREY, frame(1, 2, 15, 15, 1)],
    [GREY, rect(1, 10, 6, 11)],
    [GREY, rect(6, 6, 7, 15)],
    // Σ in the right part of the body.
    [
      GREEN,
      polyline(
        [
          [13, 7.6],
          [8.9, 7.6],
          [11.3, 10.5],
          [8.9, 13.4],
          [13, 13.4],
        ],
        1.3
      ),
    ],
  ],
  taskpane: () => [
    [GREEN, rect(10, 3, 15, 14)],
    [GREY, frame(1, 2, 15, 14, 1)],
    [GREY, rect(1, 2, 15, 4)],
    [GREY, rect(9, 4, 10, 14)],
  ],
};

/** RGBA pixels (rows top to bottom) of one icon at one size. */
function render(name, size) {
  const layers = ICONS[name](size);
  const scale = 16 / size;
  const px = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      // Colour "over" compositing, in premultiplied form.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const [color, inside] of layers) {
        let hits = 0;
        for (let sy = 0; sy < SAMPLES; sy++) {
          for (let sx = 0; sx < SAMPLES; sx++) {
            const x = (pxl + (sx + 0.5) / SAMPLES) * scale;
            const y = (py + (sy + 0.5) / SAMPLES) * scale;
            if (inside(x, y)) hits++;
          }
        }
        const c = hits / (SAMPLES * SAMPLES);
        if (c === 0) continue;
        r = color[0] * c + r * (1 - c);
        g = color[1] * c + g * (1 - c);
        b = color[2] * c + b * (1 - c);
        a = c + a * (1 - c);
      }
      const i = (py * size + pxl) * 4;
      if (a > 0) {
        px[i] = Math.round(r / a);
        px[i + 1] = Math.round(g / a);
        px[i + 2] = Math.round(b / a);
      }
      px[i + 3] = Math.round(a * 255);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An 8-bit RGBA, non-interlaced PNG. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Every icon file: [file name, size, pixels]. */
function icons() {
  const out = [];
  for (const name of Object.keys(ICONS)) {
    for (const size of SIZES) out.push([`${name}-${size}.png`, size, render(name, size)]);
  }
  return out;
}

module.exports = { ICONS, SIZES, render, encodePng, icons };

if (require.main === module) {
  const dir = process.argv[2] ? path.resolve(process.argv[2]) : __dirname;
  for (const [file, size, pixels] of icons()) {
    fs.writeFileSync(path.join(dir, file), encodePng(size, size, pixels));
    console.log(`${path.join(dir, file)} (${size}×${size})`);
  }
}
