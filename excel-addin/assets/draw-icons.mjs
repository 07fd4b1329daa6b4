// Draws the add-in's ribbon and manifest icons (16, 32, 64, 80 px PNGs): a blue
// rounded square with three rising bars, Knowledge -> Vision -> Commitment.
// Run: node excel-addin/assets/draw-icons.mjs  (writes the PNGs beside this file)
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const BLUE = [15, 108, 189];
const WHITE = [255, 255, 255];
const SAMPLES = 4; // supersampling per axis, for smooth edges at 16 px

/** Shapes in a 0..1 square: the background and three bars of rising height. */
function colourAt(x, y) {
  const r = 0.16;
  const inside = (() => {
    const cx = Math.min(Math.max(x, r), 1 - r);
    const cy = Math.min(Math.max(y, r), 1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  })();
  if (!inside) return null;
  const bars = [
    { x0: 0.17, x1: 0.35, top: 0.56 },
    { x0: 0.41, x1: 0.59, top: 0.38 },
    { x0: 0.65, x1: 0.83, top: 0.18 },
  ];
  for (const b of bars) if (x >= b.x0 && x <= b.x1 && y >= b.top && y <= 0.83) return WHITE;
  return BLUE;
}

function pixels(size) {
  const data = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    data[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const at = py * (size * 4 + 1) + 1 + px * 4;
      const n = SAMPLES * SAMPLES;
      data[at] = a ? Math.round(r / a) : 0;
      data[at + 1] = a ? Math.round(g / a) : 0;
      data[at + 2] = a ? Math.round(b / a) : 0;
      data[at + 3] = Math.round((255 * a) / n);
    }
  }
  return data;
}

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const byte of buf) c = CRC[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type, body) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}

export function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const size of [16, 32, 64, 80]) writeFileSync(path.join(here, `icon-${size}.png`), png(size));
}
