// Labelled corpora in the format of ../shared/reference/README.md:
// index.json [{ slug, url, class, lang }] and pages/<slug>.txt (URL, "# class: … | lang: …", text).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from '../../utils/core/zod';
import { displayHost, hostOfUrl } from '../../utils/core/hostname';
import type { PageSample } from '../../utils/detector/signals';

export const CLASSES = [
  'rogue',
  'affiliate',
  'licensed',
  'clinic',
  'info',
  'other',
  'unsure',
] as const;
export type PageClass = (typeof CLASSES)[number];
/** Classes the detector should warn on; the others it should leave alone. `unsure` is not scored. */
export const POSITIVE: readonly PageClass[] = ['rogue', 'affiliate'];
export const NEGATIVE: readonly PageClass[] = ['licensed', 'clinic', 'info', 'other'];

const IndexSchema = z.array(
  z.object({ slug: z.string().min(1), url: z.string(), class: z.enum(CLASSES), lang: z.string() }),
);

export interface CorpusPage {
  slug: string;
  url: string;
  class: PageClass;
  lang: string;
  sample: PageSample;
}

export function readCorpus(dir: string): CorpusPage[] {
  const index = IndexSchema.parse(JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')));
  return index.map((entry) => {
    const raw = readFileSync(join(dir, 'pages', `${entry.slug}.txt`), 'utf8');
    const lines = raw.split(/\r?\n/);
    const body = lines[1]?.startsWith('# class:') ? lines.slice(2) : lines.slice(1);
    return { ...entry, sample: sampleFromText(entry.url, body.join('\n')) };
  });
}

/** A page sample from plain text: the first non-empty line stands in for the title. */
export function sampleFromText(url: string, text: string): PageSample {
  const host = hostOfUrl(url)?.host ?? '';
  const trimmed = text.trim();
  return {
    url,
    host,
    hostUnicode: displayHost(host),
    title: '',
    meta: '',
    headings: '',
    text: trimmed,
  };
}
