// The pixel helpers of the toolbar end-to-end test (tests/e2e/raster.ts): XWD screens as Xvfb
// writes them, PNG in and out, finding the 16 px icon on a screen and counting a badge colour —
// on made-up screens where the answer is known, and on bad input.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import {
  countColour,
  crop,
  decodePng,
  encodePng,
  findTemplate,
  hexColour,
  readXwd,
  type Raster,
} from '../e2e/raster';
import { unpackedExtensionId } from '../e2e/browser';

const ICON = decodePng(readFileSync(resolve('public/icon/16.png')));

/** An XWD file as Xvfb writes it: 24-bit depth, `bpp` bits a pixel, rows padded to `pad` bytes. */
function xwd(
  pixels: number[][],
  { bpp = 32, byteOrder = 0, pad = 0, colours = 0, name = 'Xvfb main window' } = {},
): Buffer {
  const height = pixels.length;
  const width = pixels[0]!.length;
  const nameBytes = Buffer.from(`${name}\0`);
  const headerSize = 100 + nameBytes.length;
  const bytesPerLine = width * (bpp / 8) + pad;
  const header = Buffer.alloc(100);
  const fields = [
    headerSize,
    7,
    2,
    24,
    width,
    height,
    0,
    byteOrder,
    32,
    byteOrder,
    32,
    bpp,
    bytesPerLine,
    4,
    0xff0000,
    0x00ff00,
    0x0000ff,
    8,
    256,
    colours,
    width,
    height,
    0,
    0,
    0,
  ];
  fields.forEach((v, i) => header.writeUInt32BE(v, i * 4));
  const image = Buffer.alloc(bytesPerLine * height);
  pixels.forEach((row, y) =>
    row.forEach((rgb, x) => {
      const at = y * bytesPerLine + (x * bpp) / 8;
      if (bpp === 32) {
        if (byteOrder === 0) image.writeUInt32LE(rgb, at);
        else image.writeUInt32BE(rgb, at);
      } else if (byteOrder === 0) image.writeUIntLE(rgb, at, 3);
      else image.writeUIntBE(rgb, at, 3);
    }),
  );
  return Buffer.concat([header, nameBytes, Buffer.alloc(colours * 12), image]);
}

function rgbaAt(image: Raster, x: number, y: number): number[] {
  const at = (y * image.width + x) * 4;
  return [...image.data.subarray(at, at + 4)];
}

/** A grey screen with the icon composited at (x, y), as a browser draws it over its toolbar. */
function screenWithIcon(x: number, y: number, grey = 0xf0): Raster {
  const width = 120;
  const height = 40;
  const data = new Uint8Array(width * height * 4).fill(grey);
  for (let p = 3; p < data.length; p += 4) data[p] = 255;
  for (let ty = 0; ty < 16; ty++)
    for (let tx = 0; tx < 16; tx++) {
      const from = (ty * 16 + tx) * 4;
      const to = ((y + ty) * width + x + tx) * 4;
      const alpha = ICON.data[from + 3]! / 255;
      for (let c = 0; c < 3; c++)
        data[to + c] = Math.round(ICON.data[from + c]! * alpha + grey * (1 - alpha));
    }
  return { width, height, data };
}

describe('readXwd', () => {
  const pixels = [
    [0xff0000, 0x00ff00, 0x0000ff],
    [0x123456, 0xffffff, 0x000000],
  ];

  it.each([
    { bpp: 32, byteOrder: 0 },
    { bpp: 32, byteOrder: 1 },
    { bpp: 24, byteOrder: 0, pad: 3 },
    { bpp: 24, byteOrder: 1, pad: 1, colours: 256 },
  ])('reads a %o screen to RGBA', (layout) => {
    const image = readXwd(xwd(pixels, layout));
    expect([image.width, image.height]).toEqual([3, 2]);
    expect(rgbaAt(image, 0, 0)).toEqual([255, 0, 0, 255]);
    expect(rgbaAt(image, 1, 0)).toEqual([0, 255, 0, 255]);
    expect(rgbaAt(image, 2, 0)).toEqual([0, 0, 255, 255]);
    expect(rgbaAt(image, 0, 1)).toEqual([0x12, 0x34, 0x56, 255]);
    expect(rgbaAt(image, 2, 1)).toEqual([0, 0, 0, 255]);
  });

  it('refuses what it cannot read instead of returning wrong pixels', () => {
    const good = xwd(pixels);
    expect(() => readXwd(good.subarray(0, 50))).toThrow(/shorter than its header/);
    expect(() => readXwd(good.subarray(0, good.length - 1))).toThrow(/does not fit/);
    const version6 = Buffer.from(good);
    version6.writeUInt32BE(6, 4);
    expect(() => readXwd(version6)).toThrow(/version 6/);
    const xyPixmap = Buffer.from(good);
    xyPixmap.writeUInt32BE(1, 8);
    expect(() => readXwd(xyPixmap)).toThrow(/not ZPixmap/);
    const sixteenBits = Buffer.from(good);
    sixteenBits.writeUInt32BE(16, 44);
    expect(() => readXwd(sixteenBits)).toThrow(/16 bits per pixel/);
    expect(() => readXwd(readFileSync(resolve('public/icon/16.png')))).toThrow();
  });
});

describe('PNG', () => {
  it('reads the packaged icons: their size, a transparent corner, an opaque middle', () => {
    for (const size of [16, 32, 48, 128]) {
      const icon = decodePng(readFileSync(resolve(`public/icon/${size}.png`)));
      expect([icon.width, icon.height]).toEqual([size, size]);
      expect(rgbaAt(icon, 0, 0)[3]).toBe(0);
      expect(rgbaAt(icon, size / 2, size / 2)[3]).toBe(255);
    }
  });

  it('writes what it reads back, pixel for pixel', () => {
    const again = decodePng(encodePng(ICON));
    expect([again.width, again.height]).toEqual([16, 16]);
    expect(Buffer.from(again.data).equals(Buffer.from(ICON.data))).toBe(true);
  });

  it('undoes every row filter (Sub, Up, Average, Paeth) and reads RGB', () => {
    // 3×5 RGB: one row per filter type, each encoded by hand from the same pixels.
    const width = 3;
    const rows = [0, 1, 2, 3, 4].map((y) =>
      [0, 1, 2].flatMap((x) => [
        (x * 70 + y * 30) & 255,
        (x * 20 + y * 90) & 255,
        (x * y * 50) & 255,
      ]),
    );
    const paeth = (a: number, b: number, c: number) => {
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    };
    const encoded = rows.map((row, y) => {
      const filter = y;
      const up = y > 0 ? rows[y - 1]! : row.map(() => 0);
      return [
        filter,
        ...row.map((v, i) => {
          const a = i >= 3 ? row[i - 3]! : 0;
          const b = up[i]!;
          const c = i >= 3 ? up[i - 3]! : 0;
          const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter]!;
          return (v - predictor) & 255;
        }),
      ];
    });
    const chunkOf = (type: string, body: Buffer) => {
      const out = Buffer.alloc(12 + body.length);
      out.writeUInt32BE(body.length, 0);
      out.write(type, 4, 'ascii');
      body.copy(out, 8);
      out.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), body])), 8 + body.length);
      return out;
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(rows.length, 4);
    ihdr.set([8, 2, 0, 0, 0], 8);
    const file = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunkOf('IHDR', ihdr),
      chunkOf('IDAT', deflateSync(Buffer.from(encoded.flat()))),
      chunkOf('IEND', Buffer.alloc(0)),
    ]);
    const image = decodePng(file);
    for (let y = 0; y < rows.length; y++)
      for (let x = 0; x < width; x++)
        expect(rgbaAt(image, x, y), `pixel ${x},${y}`).toEqual([
          ...rows[y]!.slice(x * 3, x * 3 + 3),
          255,
        ]);
  });

  it('refuses what is not a PNG it can read', () => {
    expect(() => decodePng(Buffer.from('GIF89a....'))).toThrow(/not a PNG/);
    const good = readFileSync(resolve('public/icon/16.png'));
    expect(() => decodePng(good.subarray(0, 40))).toThrow();
    const sixteenBit = Buffer.from(good);
    sixteenBit[24] = 16; // IHDR bit depth
    expect(() => decodePng(sixteenBit)).toThrow(/depth 16/);
  });
});

describe('finding the icon on a screen', () => {
  const region = { x: 0, y: 0, width: 120, height: 40 };

  it('finds it where it was drawn, with almost no difference', () => {
    const screen = screenWithIcon(77, 13);
    const found = findTemplate(screen, ICON, region);
    expect([found.x, found.y]).toEqual([77, 13]);
    expect(found.difference).toBeLessThan(2);
  });

  it('finds nothing close on a screen without it (a toolbar with the button not pinned)', () => {
    const blank = screenWithIcon(0, 0);
    // Paint the icon out again: the grey toolbar alone.
    blank.data.fill(0xf0);
    expect(findTemplate(blank, ICON, region).difference).toBeGreaterThan(40);
    // A different picture in its place (the extensions menu's puzzle piece is dark grey).
    const other = screenWithIcon(50, 10);
    for (let y = 10; y < 26; y++)
      for (let x = 50; x < 66; x++) other.data.set([0x44, 0x47, 0x4a, 255], (y * 120 + x) * 4);
    expect(findTemplate(other, ICON, region).difference).toBeGreaterThan(40);
  });

  it('still finds the icon by its top rows when a badge covers its lower half', () => {
    const screen = screenWithIcon(40, 8);
    const red = hexColour('#c62828');
    for (let y = 8 + 8; y < 8 + 19; y++)
      for (let x = 40 + 4; x < 40 + 20; x++) screen.data.set([...red, 255], (y * 120 + x) * 4);
    const whole = findTemplate(screen, ICON, { x: 40, y: 8, width: 16, height: 16 });
    expect(whole.difference).toBeGreaterThan(12);
    const top = findTemplate(screen, ICON, region, { from: 0, to: 7 });
    expect([top.x, top.y]).toEqual([40, 8]);
    expect(top.difference).toBeLessThan(2);
    expect(countColour(screen, { x: 38, y: 12, width: 24, height: 18 }, red)).toBe(11 * 16);
    expect(countColour(screen, { x: 0, y: 0, width: 30, height: 40 }, red)).toBe(0);
  });

  it('refuses a template row range with no opaque pixel', () => {
    const clear: Raster = { width: 4, height: 4, data: new Uint8Array(64) };
    expect(() => findTemplate(screenWithIcon(0, 0), clear, region)).toThrow(/no opaque pixel/);
  });

  it('crops a box', () => {
    const part = crop(screenWithIcon(10, 10), { x: 10, y: 10, width: 16, height: 16 });
    expect(findTemplate(part, ICON, { x: 0, y: 0, width: 16, height: 16 }).difference).toBeLessThan(
      2,
    );
  });

  it('reads #rrggbb colours and refuses others', () => {
    expect(hexColour('#EF6C00')).toEqual([0xef, 0x6c, 0x00]);
    expect(() => hexColour('red')).toThrow(/#rrggbb/);
  });
});

describe('unpackedExtensionId', () => {
  it('gives the id Chromium 156 gave this worktree`s e2e build (observed), from its path', () => {
    // Seen in chrome-extension://<id>/background.js when Chromium loaded that directory.
    expect(unpackedExtensionId('/work/wt/icons16c/.output/chrome-mv3-e2e')).toBe(
      'fpdobiganilgblpffheemoonhligiiab',
    );
    expect(unpackedExtensionId('/tmp/a')).toMatch(/^[a-p]{32}$/);
    expect(unpackedExtensionId('/tmp/a')).not.toBe(unpackedExtensionId('/tmp/b'));
  });
});
