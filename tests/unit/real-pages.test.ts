// Real page source (tests/fixtures/html/real, see its README) through the content script's
// readers, with linkedom standing in for the page: no page may make the sampler or the structure
// reader throw, and what they return stays within their bounds. tests/e2e/real-pages.test.ts
// loads the same pages in Chromium.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { collectSample, SAMPLE_LIMITS } from '../../utils/content/sample';
import { collectStructure, STRUCTURE_LIMITS } from '../../utils/content/structure';
import { StructureSchema } from '../../utils/page/handlers';
import { decodeHtml, pageOfHtml } from '../../tools/lib/corpus';

const DIR = 'tests/fixtures/html/real';

interface RealPage {
  file: string;
  repo: string;
  path: string;
  licence: string;
  what: string;
}

const PAGES: RealPage[] = JSON.parse(readFileSync(`${DIR}/index.json`, 'utf8'));

describe('the real-page fixtures', () => {
  it('are 25 to 40 or so pages, each listed once with its source and licence', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(PAGES.map((p) => p.file)).size).toBe(PAGES.length);
    for (const p of PAGES) {
      expect(p.repo).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(p.licence).toMatch(
        /^(MIT|BSD-[23]-Clause|Apache-2\.0|ISC|CC0-1\.0|CC-BY-[\d.]+|Unlicense)$/,
      );
      expect(p.what.length).toBeGreaterThan(10);
      expect(readFileSync(`${DIR}/${p.file}`).length).toBeLessThanOrEqual(300 * 1024);
    }
  });
});

describe.each(PAGES.map((p) => [p.file] as const))('%s', (file) => {
  const doc = () =>
    parseHTML(decodeHtml(readFileSync(`${DIR}/${file}`))).document as unknown as Document;

  it('is sampled without throwing, within the sample bounds', async () => {
    const sample = await collectSample(doc(), { yieldFn: async () => undefined });
    expect(sample.text.length).toBeLessThanOrEqual(SAMPLE_LIMITS.text);
    expect(sample.title.length).toBeLessThanOrEqual(SAMPLE_LIMITS.title);
    expect(sample.meta.length).toBeLessThanOrEqual(SAMPLE_LIMITS.meta);
    expect(sample.headings.length).toBeLessThanOrEqual(SAMPLE_LIMITS.headings);
  });

  it('has its structure read without throwing, within the structure bounds', async () => {
    // With its links' hosts, as the browser gives them (pageOfHtml resolves each href).
    const { structure } = await pageOfHtml(
      decodeHtml(readFileSync(`${DIR}/${file}`)),
      'https://real-page.example/dir/page.html',
    );
    // The rest is what the collector reads from linkedom's own parse.
    expect({ ...collectStructure(doc()), hosts: structure.hosts }).toEqual(structure);
    expect(structure.links.length).toBeLessThanOrEqual(STRUCTURE_LIMITS.links);
    expect(structure.hosts?.length ?? 0).toBeLessThanOrEqual(STRUCTURE_LIMITS.links);
    expect(structure.products?.length ?? 0).toBeLessThanOrEqual(STRUCTURE_LIMITS.products);
    // What the background accepts: the message would not be refused.
    expect(StructureSchema.parse(structure)).toEqual(structure);
  });
});
