import { readFileSync } from 'node:fs';
import { gateText } from '../utils/content/gate-text';
const OLD = /薬|処方|医薬|錠|治療|くすり|クスリ|ｸｽﾘ|pharm|drug|pill|medic|prescri|viagra|cialis|kamagra|tablet|generic|steroid|\brx\b/i;
const terms = process.argv.slice(2);
const warn = new Set(['rogue','affiliate']);
for (const dir of ['data/corpus','data/holdout']) {
  const idx = JSON.parse(readFileSync(`${dir}/index.json`,'utf8'));
  const texts: string[][] = [];
  for (const e of idx) {
    if (!warn.has(e.class)) continue;
    const t = readFileSync(`${dir}/pages/${e.slug}.txt`,'utf8').split('\n').slice(2).join('\n');
    const parts = [new URL(e.url).hostname, t];
    if (parts.some(p => OLD.test(p) || OLD.test(gateText(p)))) continue;
    texts.push(parts.flatMap(p => [p, gateText(p)]));
  }
  const hit = (re: RegExp) => texts.filter(ps => ps.some(p => re.test(p))).length;
  const all = new RegExp(terms.join('|'), 'i');
  console.log(dir, 'missed', texts.length, 'all', hit(all));
  for (const t of terms) {
    const rest = new RegExp(terms.filter(x => x !== t).join('|'), 'i');
    console.log('  ', t.padEnd(12), 'alone', hit(new RegExp(t,'i')), 'marginal', hit(all) - hit(rest));
  }
}
