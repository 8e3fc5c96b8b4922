// Pixels for the toolbar test, with Node's zlib only (no image library): the X server's
// framebuffer (an XWD image, which Xvfb keeps in a file with -fbdir) to RGBA, PNG in and out, and
// the two checks the test makes on a screen — where a small picture (the extension's 16 px icon)
// appears, and how many pixels of a colour (the badge's) lie in a box.
import { crc32, deflateSync, inflateSync } from 'node:zlib';

/** An image as 8-bit RGBA, row by row. */
export interface Raster {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Rgb = readonly [number, number, number];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * An XWD file (X Window Dump, version 7) in ZPixmap format with 24 or 32 bits per pixel and
 * channel masks, as Xvfb writes its screen: a 100-byte header of big-endian 32-bit fields, the
 * window name, the colour map (12 bytes an entry), then the rows.
 */
export function readXwd(bytes: Uint8Array): Raster {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 100) throw new Error('not an XWD image: shorter than its header');
  const field = (i: number) => buf.readUInt32BE(i * 4);
  const headerSize = field(0);
  const [version, format, width, height, byteOrder] = [
    field(1),
    field(2),
    field(4),
    field(5),
    field(7),
  ];
  const [bitsPerPixel, bytesPerLine] = [field(11), field(12)];
  const masks = [field(14), field(15), field(16)] as const;
  const colours = field(19);
  if (version !== 7) throw new Error(`not an XWD version 7 image (version ${version})`);
  if (format !== 2) throw new Error(`XWD pixmap format ${format}, not ZPixmap (2)`);
  if (bitsPerPixel !== 32 && bitsPerPixel !== 24)
    throw new Error(`XWD with ${bitsPerPixel} bits per pixel (only 24 and 32 are read)`);
  const start = headerSize + colours * 12;
  const bytesPerPixel = bitsPerPixel / 8;
  if (bytesPerLine < width * bytesPerPixel || start + bytesPerLine * height > buf.length)
    throw new Error(`XWD image ${width}×${height} does not fit in ${buf.length} bytes`);
  const shifts = masks.map((m) => (m === 0 ? 0 : 31 - Math.clz32(m & -m)));
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = start + y * bytesPerLine + x * bytesPerPixel;
      const pixel =
        bytesPerPixel === 4
          ? byteOrder === 0
            ? buf.readUInt32LE(at)
            : buf.readUInt32BE(at)
          : byteOrder === 0
            ? buf.readUIntLE(at, 3)
            : buf.readUIntBE(at, 3);
      const out = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) data[out + c] = ((pixel & masks[c]!) >>> shifts[c]!) & 0xff;
      data[out + 3] = 255;
    }
  }
  return { width, height, data };
}

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])));
  return Buffer.concat([head, body, crc]);
}

/** An RGBA PNG of `image` (filter type 0 on every row). */
export function encodePng(image: Raster): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, adaptive filters, no interlace
  const stride = image.width * 4;
  const rows = Buffer.alloc((stride + 1) * image.height);
  for (let y = 0; y < image.height; y++)
    rows.set(image.data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** A non-interlaced 8-bit RGB or RGBA PNG (what the icon renderer writes) as RGBA. */
export function decodePng(bytes: Uint8Array): Raster {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 8 || !PNG_SIGNATURE.equals(buf.subarray(0, 8))) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at + 8 <= buf.length;) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('ascii', at + 4, at + 8);
    const body = buf.subarray(at + 8, at + 8 + length);
    if (body.length !== length) throw new Error(`PNG chunk ${type} is cut short`);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colourType, , , interlace] = body.subarray(8, 13);
      channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
      if (depth !== 8 || channels === 0 || interlace !== 0)
        throw new Error(`PNG of depth ${depth}, colour type ${colourType}: not read here`);
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (width === 0 || idat.length === 0) throw new Error('PNG without IHDR or IDAT');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length < (stride + 1) * height) throw new Error('PNG pixel data is cut short');
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? rows[out + i - channels]! : 0;
      const b = y > 0 ? rows[out - stride + i]! : 0;
      const c = i >= channels && y > 0 ? rows[out - stride + i - channels]! : 0;
      let predictor: number;
      if (filter === 0) predictor = 0;
      else if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else throw new Error(`PNG row filter ${filter} does not exist`);
      rows[out + i] = (line[i]! + predictor) & 0xff;
    }
  }
  if (channels === 4) return { width, height, data: rows };
  const data = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    data.set(rows.subarray(p * 3, p * 3 + 3), p * 4);
    data[p * 4 + 3] = 255;
  }
  return { width, height, data };
}

/** Part of an image. */
export function crop(image: Raster, box: Box): Raster {
  const data = new Uint8Array(box.width * box.height * 4);
  for (let y = 0; y < box.height; y++) {
    const from = ((box.y + y) * image.width + box.x) * 4;
    data.set(image.data.subarray(from, from + box.width * 4), y * box.width * 4);
  }
  return { width: box.width, height: box.height, data };
}

export interface Match {
  x: number;
  y: number;
  /** Mean absolute difference per channel over the template's opaque pixels, 0–255. */
  difference: number;
}

/**
 * Where `template` (RGBA, e.g. an icon) best matches `image` inside `region`: its visible pixels
 * are laid over the screen pixel under them (as the browser composites it), and the mean channel
 * difference of the template's mostly opaque pixels is taken, rows `rows` only (the badge covers
 * the icon's lower part). The lowest wins.
 */
export function findTemplate(
  image: Raster,
  template: Raster,
  region: Box,
  rows: { from: number; to: number } = { from: 0, to: template.height },
): Match {
  let best: Match = { x: -1, y: -1, difference: Infinity };
  const opaque: number[] = [];
  for (let y = rows.from; y < rows.to; y++)
    for (let x = 0; x < template.width; x++)
      if (template.data[(y * template.width + x) * 4 + 3]! >= 192)
        opaque.push(y * template.width + x);
  if (opaque.length === 0) throw new Error('the template has no opaque pixel in those rows');
  for (let top = region.y; top + template.height <= region.y + region.height; top++) {
    for (let left = region.x; left + template.width <= region.x + region.width; left++) {
      let sum = 0;
      for (const p of opaque) {
        const tx = p % template.width;
        const ty = (p - tx) / template.width;
        const at = ((top + ty) * image.width + left + tx) * 4;
        const alpha = template.data[p * 4 + 3]! / 255;
        for (let c = 0; c < 3; c++) {
          const under = image.data[at + c]!;
          const drawn = template.data[p * 4 + c]! * alpha + under * (1 - alpha);
          sum += Math.abs(drawn - under);
        }
      }
      const difference = sum / (opaque.length * 3);
      if (difference < best.difference) best = { x: left, y: top, difference };
    }
  }
  return best;
}

/** How many pixels in `box` are within `tolerance` (per channel) of `colour`. */
export function countColour(image: Raster, box: Box, colour: Rgb, tolerance = 24): number {
  let count = 0;
  for (let y = box.y; y < box.y + box.height; y++)
    for (let x = box.x; x < box.x + box.width; x++) {
      const at = (y * image.width + x) * 4;
      if (
        Math.abs(image.data[at]! - colour[0]) <= tolerance &&
        Math.abs(image.data[at + 1]! - colour[1]) <= tolerance &&
        Math.abs(image.data[at + 2]! - colour[2]) <= tolerance
      )
        count++;
    }
  return count;
}

/** '#c62828' → [198, 40, 40]. */
export function hexColour(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}
