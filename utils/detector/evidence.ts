// A page as the signals read it: its sample, one normalised string of title, meta, headings and
// text, and the evidence gathered from it once (drug names, claims, quoted claims, shop and
// licence words, the seller's voice). Dependency-free.
import {
  normalizePage,
  normalizeWithMap,
  type NormalizeBuffers,
  type NormalizedText,
} from '../content/normalize';
import { DRUG_BY_NAME, inWarningContext, scanTerms, type Scan, type Match } from './matchers';
import type { PhraseGroup } from './lexicon';
import type { PageStructure } from '../content/structure';
import { structureFacts, structureOfText, type StructureFacts } from './structure';

export interface PageSample {
  url: string;
  /** Canonical ASCII host of the page. */
  host: string;
  /** Unicode form of the host (IDNs decoded). */
  hostUnicode: string;
  title: string;
  meta: string;
  headings: string;
  text: string;
  /** What the content script read of the page's structure; derived from the text when absent. */
  structure?: PageStructure;
}

export interface Prepared {
  sample: PageSample;
  source: string;
  norm: NormalizedText;
}

const SNIPPET_RADIUS = 30;

/** The page's own words around a match, whitespace collapsed. */
export function snippet(page: Prepared, match: Match): string {
  const { map } = page.norm;
  const start = map[match.index] ?? 0;
  const end = (map[Math.max(match.index, match.end - 1)] ?? start) + 1;
  const from = Math.max(0, start - SNIPPET_RADIUS);
  const to = Math.min(page.source.length, end + SNIPPET_RADIUS);
  const text = page.source.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${text}${to < page.source.length ? '…' : ''}`;
}

/**
 * Title, meta, headings and text in one normalised string (sections separated by newlines). With
 * `buffers`, the map is a view of them (normalizePage): valid until they are used again.
 */
export function prepare(sample: PageSample, buffers?: NormalizeBuffers): Prepared {
  const source = [sample.title, sample.meta, sample.headings, sample.text]
    .filter((s) => s !== '')
    .join('\n');
  return {
    sample,
    source,
    norm: buffers ? normalizePage(source, buffers) : normalizeWithMap(source),
  };
}

export interface Evidence {
  page: Prepared;
  text: string;
  drugs: { unapproved: Match[]; rx: Match[] };
  claims: Record<'noPrescription' | 'legality' | 'importAgency' | 'personalImport', Match[]>;
  /** Claims that appear inside a warning (count as information, not as claims). */
  quotedClaims: Match[];
  medicine: boolean;
  shop: Match[];
  licence: Match[];
  /** The page addresses customers as a seller does. */
  sellerVoice: boolean;
  /** Every lexicon group's matches (one pass over the text). */
  scan: Scan;
  /** The page's structural facts (utils/detector/structure.ts). */
  structure: StructureFacts;
}

export function gather(page: Prepared): Evidence {
  const text = page.norm.text;
  const unapproved: Match[] = [];
  const rx: Match[] = [];
  const quotedClaims: Match[] = [];
  const scan = scanTerms(text, page.norm.codes);
  for (const m of scan.drug) {
    const drug = DRUG_BY_NAME.get(m.term);
    if (!drug) continue;
    // Naming a class of drugs inside a warning ("unapproved drugs are dangerous") is not selling them.
    if (drug[0].endsWith('-generic') && inWarningContext(text, m)) {
      quotedClaims.push(m);
      continue;
    }
    (drug[3] === 'u' ? unapproved : rx).push({ ...m, term: drug[0] });
  }
  const claim = (group: PhraseGroup) =>
    scan[group].filter((m) => {
      if (!inWarningContext(text, m)) return true;
      quotedClaims.push(m);
      return false;
    });
  const shop = scan.shop;
  return {
    page,
    text,
    drugs: { unapproved, rx },
    claims: {
      noPrescription: claim('noPrescription'),
      legality: claim('legality'),
      importAgency: claim('importAgency'),
      personalImport: claim('personalImport'),
    },
    quotedClaims,
    medicine: unapproved.length + rx.length > 0 || scan.medicine.length > 0,
    shop,
    licence: scan.licence,
    sellerVoice: scan.sellerVoice.length > 0,
    scan,
    structure: structureFacts(page.sample.structure ?? structureOfText(page.sample.text)),
  };
}
