// The content script's relevance pre-check: does the page name medicines at all? Only then does
// it read the page's structure and send its text sample to the background, which scores it with
// the detector (the full lexicon lives there). A page the pre-check lets through costs a scoring;
// a page it stops is never scored, so a rogue page stopped here gets no banner of its own (only
// the whole-site verdict of a site whose other pages warned). `npm run eval` counts those pages
// (`gated`) so that the figures say what the browser does.
import { gateText } from './gate-text';

/**
 * Stems that pages about medicines contain, matched on the raw text and on its folded form
 * (gate-text.ts: katakana read as hiragana with voiced marks joined, so one hiragana stem finds
 * バイアグラ, ﾊﾞｲｱｸﾞﾗ and ハ゛イアグラ). Japanese drug names: the four best-known ED drugs (the
 * Latin ones were there already); a page that names another only in katakana and no general word
 * (薬, 錠, 処方, 個人輸入…) is not read (no page of the corpus does). Besides the general words,
 * the kinds of rogue shop whose shipping, payment and terms pages name none of them
 * (session 16, counted on the training corpus: 86 of its 1,375 pages to warn on passed no stem;
 * 34 of those the model warns on): research peptides, steroids and SARMs, Botox, GLP-1 drugs,
 * modafinil and zopiclone by name, personal import (個人輸入) and 剤 (発毛剤, 精力剤, ケア剤). Each
 * lets through pages no other stem does, but すてろいど (steroid's Japanese twin) and glutide (the
 * GLP-1 drugs' common ending); drug names that let no page through were left out for the script's
 * 8 KB budget.
 */
export const MEDICINE_GATE =
  /薬|処方|医薬|錠|剤|治療|個人輸入|くすり|すてろいど|かまぐら|ばいあぐら|しありす|れびとら|pharm|drug|pill|medic|prescri|viagra|cialis|kamagra|tablet|generic|steroid|anabolic|sarms?\b|peptide|\bvials?\b|botox|botul|glutide|modafinil|zopiclon|\brx\b/i;

/** Does the page mention medicines at all? Checked on folded text too (ｖｉａｇｒａ, v\u200biagra). */
export function mentionsMedicines(parts: readonly string[]): boolean {
  return parts.some((part) => MEDICINE_GATE.test(part) || MEDICINE_GATE.test(gateText(part)));
}
