// The published list in other blockers' formats: each carries the header and loads back, entry for
// entry, through the project's own importers (uBlacklist, hosts, and the domain importer's ||host^).
import { describe, expect, it } from 'vitest';
import { bundledProjectList } from '../../tools/lib/bundled-data';
import { importProjectListValue } from '../../utils/lists/import-json';
import { importDomainList } from '../../utils/lists/import-domains';
import { importUblacklist } from '../../utils/lists/import-ublacklist';
import { publishFiles } from '../../tools/lib/publish';
import { listedHosts, toAdblock, toHosts, toUblacklist } from '../../tools/lib/publish-formats';
import type { ListContent } from '../../utils/lists/model';
import { listMeta } from './list-fixture';
import { newSigningKey } from './signing-key';

const imported = importProjectListValue(bundledProjectList());
if (!imported.ok) throw new Error('the bundled list does not import');
const content: ListContent = imported.content;
const hosts = listedHosts(content);
const options = { meta: listMeta('reimport'), category: 'rogue-pharmacy' as const };

describe('published formats', () => {
  it('cover every site and group domain of the bundled list, and no breach record', () => {
    expect(hosts.length).toBe(44_842); // README, "The bundled default data"
    expect(hosts).toContain('24x7-pharmacy.com'); // from NABP's Not Recommended list
    expect(hosts).toContain('bestdrug.jp');
    expect(hosts).not.toContain('onamae.com');
  });

  it.each([
    ['uBlacklist', toUblacklist, (t: string) => importUblacklist(t, options)],
    ['hosts', toHosts, (t: string) => importDomainList(t, options)],
    ['AdGuard/uBO', toAdblock, (t: string) => importDomainList(t, options)],
  ])('%s: header, then every host; loads back unchanged', (_name, write, load) => {
    const text = write(content);
    expect(text).toContain('Kusuri Guard (くすりガード)');
    expect(text).toContain(`Version: ${content.meta.version}`);
    expect(text).toContain(`License: ${content.meta.licence}`);
    const back = load(text);
    if (!back.ok) throw new Error(`${back.error}: ${back.detail}`);
    expect(back.rejected).toEqual([]);
    expect([...back.content.domains].sort()).toEqual(hosts);
  });

  it('AdGuard rules the project cannot honour as whole sites are refused with a reason', () => {
    const result = importDomainList(
      '! Title: x\n||rogue.example^\n||shop.example/path^\n||ads.example^$third-party\n||*.x^\n',
      options,
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.content.domains).toEqual(['rogue.example']);
    expect(result.rejected.map((r) => r.reason)).toEqual([
      'unsupported-rule',
      'unsupported-rule',
      'unsupported-rule',
    ]);
  });

  it('npm run publish-list writes them next to the list', async () => {
    const { privateKey } = await newSigningKey();
    const files = await publishFiles({
      text: JSON.stringify(bundledProjectList()),
      previous: [],
      keep: 1,
      privateKey,
      name: 'kusuri-guard.json',
    });
    expect(files.get('kusuri-guard.ublacklist.txt')).toBe(toUblacklist(content));
    expect(files.get('kusuri-guard.hosts')).toBe(toHosts(content));
    expect(files.get('kusuri-guard.adblock.txt')).toBe(toAdblock(content));
  });
});
