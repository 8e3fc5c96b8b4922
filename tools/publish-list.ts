// Publish a new version of the project's list as static files, with deltas from recent versions.
//   npm run publish-list -- <list.json> --out <dir> --key <private.jwk> [--keep 10]
// <dir> is what the web server serves next to the list URL; earlier versions are read from
// <dir>/versions/ (this tool keeps them there). Upload the whole directory; nothing runs on the
// server. Clients that hold a version with a delta fetch only the head (a 304 when unchanged) and
// the delta; everyone else fetches the whole list.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { publishFiles } from './lib/publish';

async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  const out = argv[argv.indexOf('--out') + 1];
  const key = argv[argv.indexOf('--key') + 1];
  const keep = argv.includes('--keep') ? Number(argv[argv.indexOf('--keep') + 1]) : 10;
  if (!file || !argv.includes('--out') || !out || !argv.includes('--key') || !key) {
    console.error(
      'usage: npm run publish-list -- <list.json> --out <dir> --key <private.jwk> [--keep N]',
    );
    return 2;
  }
  const archive = join(out, 'versions');
  const previous = existsSync(archive)
    ? readdirSync(archive)
        .filter((f) => f.endsWith('.json'))
        .map((f) => readFileSync(join(archive, f), 'utf8'))
    : [];
  const files = await publishFiles({
    text: readFileSync(file, 'utf8'),
    previous,
    keep,
    privateKey: JSON.parse(readFileSync(key, 'utf8')) as JsonWebKey,
    name: basename(file),
  });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), text);
  }
  const deltas = [...files.keys()].filter((p) => p.startsWith('deltas/'));
  console.log(`published ${basename(file)} with ${deltas.length} delta(s) to ${out}`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`)
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
