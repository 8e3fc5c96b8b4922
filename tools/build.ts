// `npm run build`: checks the bundled data, builds the extension for Chrome and Firefox, and
// prints what the build ships (lists, entries, pre-load rules) so a reviewer sees the result of
// the main job on the bundled default data.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { blocklistProjectSubset, packagedFiles } from './lib/bundled-data';
import { defaultCatalog } from '../utils/lists/catalog';
import { importByFormat } from '../utils/lists/import';
import { ListIndex } from '../utils/verdicts/list-index';
import { compileDynamicRules } from '../utils/preload/compile';

const files = Object.fromEntries(packagedFiles());

console.log('Bundled lists');
const inputs = [];
for (const entry of defaultCatalog(null)) {
  const result = importByFormat(entry.format, files[entry.bundledPath]!, {
    meta: entry.meta,
    category: entry.category,
  });
  if (!result.ok) {
    console.error(`  ${entry.id}: REJECTED (${result.error}: ${result.detail})`);
    process.exit(1);
  }
  const c = result.content;
  console.log(
    `  ${entry.id.padEnd(24)} ${entry.action.padEnd(6)} sites ${c.sites.length}, domains ${c.domains.length}, ` +
      `registrars ${c.registrars.length}, breaches ${c.breaches.length}, licensed ${c.licensed?.length ?? 0}; ` +
      `rejected lines ${result.summary.total}`,
  );
  inputs.push({ id: entry.id, action: entry.action, content: c });
}
const { refused } = blocklistProjectSubset();
console.log(`Block List Project subset: ${refused.length} entries left out at build time`);
for (const r of refused) console.log(`  line ${r.line}: ${r.host} — ${r.reason} (${r.detail})`);
const perList = await ListIndex.fromContents(inputs).blockHosts();
const rules = compileDynamicRules(
  { blockHosts: perList.flatMap((l) => l.hosts), allowSites: [] },
  'chrome-extension://ID/warning.html',
);
const blocked = rules.reduce((n, r) => n + (r.condition.requestDomains?.length ?? 0), 0);
console.log(
  `Pre-load rules: ${rules.length} redirect rule(s) covering ${blocked} block-level domains\n`,
);

for (const browser of ['chrome', 'firefox']) {
  const run = spawnSync('npx', ['wxt', 'build', '-b', browser], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
for (const dir of ['.output/chrome-mv3', '.output/firefox-mv3']) {
  console.log(`Built ${dir} (manifest ${statSync(`${dir}/manifest.json`).size} bytes)`);
}
console.log('Load .output/chrome-mv3 in chrome://extensions (Developer mode → Load unpacked).');
