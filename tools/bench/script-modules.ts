// Bytes per module of a built script, read from its source map (issue 15: what the worker's
// first-verdict script is made of). Each generated character is charged to the source its mapping
// segment names; characters no segment covers are "(unmapped)" (the bundler's glue). Packages are
// summed by name (node_modules/<name>), the project's files by path.
//
// `npx tsx tools/bench/script-modules.ts [--build] [--files] [script ...]`: --build first runs
// `KG_SOURCEMAP=1 wxt build -b chrome` (the same build with maps, in .output/sourcemap); scripts
// default to the worker's two.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** Characters no mapping names: imported JSON (no source map) and the bundler's glue. */
const UNMAPPED = '(unmapped: JSON data, bundler glue)';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes one mapping segment's base64 VLQ fields. */
function decodeSegment(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`bad source map character ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    out.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return out;
}

interface SourceMap {
  sources: string[];
  mappings: string;
}

/** Bytes of `code` (UTF-8) charged to each source of its map. */
export function bytesPerSource(code: string, map: SourceMap): Map<string, number> {
  const lines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  const totals = new Map<string, number>();
  const charge = (source: string, text: string) =>
    totals.set(source, (totals.get(source) ?? 0) + Buffer.byteLength(text));
  let source = 0;
  for (let l = 0; l < lines.length; l += 1) {
    const line = lines[l]!;
    const segments = (mappingLines[l] ?? '').split(',').filter((s) => s !== '');
    let column = 0;
    let previous = 0;
    let owner = UNMAPPED;
    for (const segment of segments) {
      const fields = decodeSegment(segment);
      column += fields[0]!;
      charge(owner, line.slice(previous, column));
      previous = column;
      if (fields.length >= 4) {
        source += fields[1]!;
        owner = map.sources[source] ?? UNMAPPED;
      } else owner = UNMAPPED;
    }
    charge(owner, line.slice(previous) + (l < lines.length - 1 ? '\n' : ''));
  }
  return totals;
}

/** A package's name for a node_modules path, else the project-relative path. */
export function moduleName(source: string): string {
  const at = source.lastIndexOf('node_modules/');
  if (at >= 0) {
    const parts = source.slice(at + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  return source.replace(/^(\.\.\/)+/, '');
}

function report(path: string, files: boolean): void {
  const code = readFileSync(path, 'utf8');
  const map = JSON.parse(readFileSync(`${path}.map`, 'utf8')) as SourceMap;
  const perSource = bytesPerSource(code, map);
  const grouped = new Map<string, number>();
  for (const [source, bytes] of perSource) {
    const name = moduleName(source);
    // The project's files by feature folder (utils/lists), or one by one with --files.
    const key = !files && name.startsWith('utils/') ? name.split('/').slice(0, 2).join('/') : name;
    grouped.set(key, (grouped.get(key) ?? 0) + bytes);
  }
  const total = Buffer.byteLength(code);
  console.log(`${path}: ${total} bytes`);
  for (const [name, bytes] of [...grouped].sort((a, b) => b[1] - a[1])) {
    if (bytes < 500) continue;
    console.log(
      `  ${String(bytes).padStart(8)}  ${((100 * bytes) / total).toFixed(1).padStart(5)}%  ${name}`,
    );
  }
}

function main(argv: string[]): void {
  if (argv.includes('--build')) {
    const run = spawnSync('npx', ['wxt', 'build', '-b', 'chrome'], {
      stdio: 'inherit',
      env: { ...process.env, KG_SOURCEMAP: '1' },
    });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  const scripts = argv.filter((a) => !a.startsWith('--'));
  for (const path of scripts.length > 0
    ? scripts
    : [
        '.output/sourcemap/chrome-mv3/background.js',
        '.output/sourcemap/chrome-mv3/background-rest.js',
      ]) {
    if (!existsSync(`${path}.map`)) throw new Error(`${path}.map is missing: run with --build`);
    report(path, argv.includes('--files'));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
