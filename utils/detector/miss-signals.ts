// Signals for the misses of session 10's model that the page's text can carry (issue 12, session
// 11; the analysis in data/label-audit/session-11-misses.md, README "Session 11: signals for the
// misses"). Optional features
// (FeatureOptions.missSignals, cv:variants `miss`), off in the shipped model; background scorer
// only (features.ts), never the content script. Written after reading cross-validation misses,
// so the cross-validation flatters them: the held-out set (data/holdout) is their judge.
// - assertive-offer: a shop's own offer to sell without a prescription ("Buy Zoloft no
//   prescription", "you can order Propecia online without prescription"), not the phrase itself,
//   which English warnings and news carry as often as shops do. English only: the Japanese
//   処方箋なしで買える is as often an OTC medicine's description (4 of 9 corpus pages with it are
//   information pages), and "can you buy X without a prescription?" is an information page's
//   question (two in the corpus).
// - import-shop-named: a personal-import shop named by name (data/import-shops.json, each name
//   sourced), what blogs pushing those shops share.
// - rogue-policy: service-page content only a rogue shop writes: reshipping after a customs
//   seizure, "we are not law enforcement", payment by money transfer, bitcoin or gift card only, the
//   prescription sent after ordering, the buyer's self-declaration.
// All read normalised text (lower case, width folded, katakana as hiragana, zero-width gone).
import shops from '../../data/import-shops.json';
import { normalizeWithMap } from '../content/normalize';
import { bucket, hashString } from './feature-space';
import { SENTENCE_LIMIT, compileTerms, findAll, inWarningContext, type Match } from './matchers';
import type { ShapeFeature } from './page-shape';

export const NS_MISS = 0x6d; // 'm'
export const MISS_SIGNALS = ['assertive-offer', 'import-shop-named', 'rogue-policy'] as const;
export type MissSignal = (typeof MISS_SIGNALS)[number];

/** A pattern's source with its Japanese pieces normalised (katakana are matched as hiragana). */
function re(source: string): RegExp {
  return new RegExp(normalizeWithMap(source).text, 'g');
}

/** Words after buy/order that are no drug: "buy medicines without a prescription?" is a question. */
const GENERIC_OBJECT = new Set([
  'medicine',
  'medicines',
  'medication',
  'medications',
  'drug',
  'drugs',
  'it',
  'them',
  'anything',
  'something',
  'prescription',
  'a',
  'the',
  'any',
]);

/**
 * An imperative (at a sentence's start) or "you can" + buy/order + up to five words +
 * without/no prescription. Group 1 is the first word after the verb.
 */
const OFFER_EN =
  /(?:^|[.!?:;|\n]\s*|\byou can\s+)(?:buy|order|purchase|get)\s+([a-z0-9-]+)(?:\s+[a-z0-9-]+){0,4}?\s+(?:with\s?out|no)\s+(?:a\s+|any\s+)?(?:prescription|rx|script)\b/g;
/** A product sheet's "Prescription required?: No". */
const OFFER_FIELD_EN = /\bprescription (?:required|needed)\s*\??\s*:\s*no\b/g;

const SHOP_TERMS = compileTerms(shops.shops.flatMap((s) => s.names));
const SHOP_BY_NAME = new Map<string, number>();
shops.shops.forEach((s, i) => {
  for (const name of s.names) SHOP_BY_NAME.set(normalizeWithMap(name).text, i);
});

const SEIZED = String.raw`(?:customs|seiz\w*|confiscat\w*|held by)`;
const RESHIP = String.raw`(?:re-?ship\w*|re-?send\w*|free (?:second |re-?)shipment|send (?:it|the (?:order|parcel|package)|your order) again)`;
const ODD_PAYMENT = String.raw`(?:western union|money ?gram|bitcoin|btc|zelle|cash ?app|gift cards?)`;
const SENTENCE = String.raw`[^.!?\n]`;
const POLICY_EN: RegExp[] = [
  new RegExp(
    String.raw`\b${RESHIP}${SENTENCE}{0,120}\b${SEIZED}|\b${SEIZED}${SENTENCE}{0,120}\b${RESHIP}`,
    'g',
  ),
  /\b(?:we are|we're|i am|i'm) not (?:a |an )?(?:law enforcement|police|fbi|dea|federal agent)/g,
  new RegExp(
    String.raw`\b(?:send|fax|upload|e-?mail|submit)\b${SENTENCE}{0,40}\bprescription\b${SENTENCE}{0,40}\b(?:after|once) (?:you (?:have )?)?(?:order\w*|purchas\w*|plac\w*|check\w* out)`,
    'g',
  ),
  new RegExp(
    String.raw`\bi (?:hereby )?(?:declare|confirm|certify|acknowledge)\b${SENTENCE}{0,60}\b(?:personal use|own use|my own|legal age)|\bby (?:placing|submitting) (?:an |your |the )?order,? you (?:confirm|declare|certify|agree|acknowledge)\b${SENTENCE}{0,80}\b(?:personal use|own (?:risk|use|responsibility)|customs|import)`,
    'g',
  ),
];
/**
 * Payment by money transfer, bitcoin or gift card only: also what warnings quote ("scammers ask
 * you to pay by Western Union"), so read only outside a warning, with its own cues beside the
 * lexicon's (whose "seized" would silence the reshipping promise above, hence not for those).
 */
const PAYMENT_EN = new RegExp(
  String.raw`\b${ODD_PAYMENT}\b${SENTENCE}{0,40}\bonly\b|\b(?:only|we accept|accepted|pay (?:by|via|with))\b${SENTENCE}{0,40}\b${ODD_PAYMENT}\b`,
  'g',
);
const PAYMENT_WARNING = new RegExp(
  String.raw`\b(?:beware|scam\w*|fraud\w*|never|don't|do not|avoid|warning)\b`,
);
/** Where a sentence ends. */
const BREAK = /[.!?。！？\n]/;
const PAYMENT_JA = re(
  '(?:ビットコイン|ウエスタンユニオン|ウェスタンユニオン|マネーグラム|仮想通貨|暗号資産)[^。\n]{0,40}(?:支払|決済|振込|のみ)',
);
const POLICY_JA: RegExp[] = [
  re(
    '(?:税関|没収|差し押さえ|差押)[^。\n]{0,60}(?:再発送|再送)|(?:再発送|再送)[^。\n]{0,60}(?:税関|没収)',
  ),
  re(
    '注文(?:後|の後|いただいた後|した後)[^。\n]{0,40}処方(?:箋|せん)[^。\n]{0,20}(?:送|提出|アップロード|fax)',
  ),
  re('(?:本人|自己)(?:の)?(?:使用|服用)[^。\n]{0,30}(?:申告|同意|誓約|宣誓)'),
];

function distinct(matches: readonly Match[]): string[] {
  return [...new Set(matches.map((m) => m.term))];
}

/** Offers to sell without a prescription, not inside a warning. */
export function assertiveOffers(text: string): string[] {
  const found: Match[] = [];
  for (const m of findAll(OFFER_EN, text)) {
    const object = /(?:buy|order|purchase|get)\s+([a-z0-9-]+)/.exec(m.term)?.[1] ?? '';
    if (!GENERIC_OBJECT.has(object)) found.push(m);
  }
  found.push(...findAll(OFFER_FIELD_EN, text));
  return distinct(found.filter((m) => !inWarningContext(text, m)).map(trimmed));
}

/** A match's term without the sentence break it started on. */
function trimmed(m: Match): Match {
  return { ...m, term: m.term.replace(/^[.!?:;|\n\s]+/, '') };
}

/** The personal-import shops the page names (one entry per shop, by its first name). */
export function namedShops(text: string): string[] {
  const seen = new Set<number>();
  for (const m of findAll(SHOP_TERMS, text)) {
    const shop = SHOP_BY_NAME.get(m.term);
    if (shop !== undefined) seen.add(shop);
  }
  return [...seen].map((i) => shops.shops[i]!.names[0]!);
}

/**
 * Rogue service-page content; payment (PAYMENT_EN, PAYMENT_JA) only outside a warning, so it is not
 * among the unconditional POLICY_ patterns.
 */
export function roguePolicies(text: string): string[] {
  const found: Match[] = [];
  for (const pattern of [...POLICY_EN, ...POLICY_JA]) found.push(...findAll(pattern, text, 10));
  for (const m of [...findAll(PAYMENT_EN, text, 10), ...findAll(PAYMENT_JA, text, 10)]) {
    const before = text
      .slice(Math.max(0, m.index - SENTENCE_LIMIT), m.index)
      .split(BREAK)
      .pop();
    const after = text.slice(m.end, m.end + SENTENCE_LIMIT).split(BREAK)[0];
    const sentence = `${before ?? ''}${m.term}${after ?? ''}`;
    if (!inWarningContext(text, m) && !PAYMENT_WARNING.test(sentence)) found.push(m);
  }
  return distinct(found);
}

export function missSignalTerms(text: string): Record<MissSignal, string[]> {
  return {
    'assertive-offer': assertiveOffers(text),
    'import-shop-named': namedShops(text),
    'rogue-policy': roguePolicies(text),
  };
}

/**
 * Each signal that fired, valued like a named signal: 1, growing slowly with more evidence; only
 * those of `groups` (FeatureOptions.missGroups: each measured alone).
 */
export function missFeatures(
  text: string,
  groups: readonly MissSignal[] = MISS_SIGNALS,
): ShapeFeature[] {
  const terms = missSignalTerms(text);
  return groups
    .filter((code) => terms[code].length > 0)
    .map((code) => ({
      index: bucket(hashString(NS_MISS, code)),
      value: Math.min(2, 1 + Math.log2(terms[code].length) / 2),
    }));
}
