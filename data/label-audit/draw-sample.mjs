// Draws the blind label-audit sample of data/label-audit (session 11): 100 Japanese and 100 English
// scored pages of data/corpus, shuffled with a fixed linear-congruential seed so the draw can be
// repeated. Writes the pages without their label line to <out>/blind/pNNN.txt (line 1 the URL, then
// the text) and the key (id → slug, stored class) to <out>/sample.json, which the auditor opens only
// after the blind labels are saved. Usage: node data/label-audit/draw-sample.mjs <out-dir>
import fs from 'node:fs';
import path from 'node:path';

const out = process.argv[2];
if (!out) throw new Error('usage: node data/label-audit/draw-sample.mjs <out-dir>');
const index = JSON.parse(fs.readFileSync('data/corpus/index.json', 'utf8'));
let seed = 20261203;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = (lang) => {
  const pages = index.filter((e) => e.lang === lang && e.class !== 'unsure');
  for (let i = pages.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pages[i], pages[j]] = [pages[j], pages[i]];
  }
  return pages.slice(0, 100);
};
const key = [];
fs.mkdirSync(path.join(out, 'blind'), { recursive: true });
[...pick('ja'), ...pick('en')].forEach((e, i) => {
  const id = 'p' + String(i + 1).padStart(3, '0');
  const lines = fs.readFileSync(`data/corpus/pages/${e.slug}.txt`, 'utf8').split('\n');
  fs.writeFileSync(path.join(out, 'blind', id + '.txt'), [lines[0], ...lines.slice(2)].join('\n'));
  key.push({ id, slug: e.slug, class: e.class, lang: e.lang });
});
fs.writeFileSync(path.join(out, 'sample.json'), JSON.stringify(key, null, 1));
