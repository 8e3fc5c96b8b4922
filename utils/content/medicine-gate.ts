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
 * カマグラ, ｶﾏｸﾞﾗ and カマク゛ラ). Besides the general words, the kinds of rogue shop whose
 * shipping, payment and terms pages name none of them (session 16: the old stems stopped 99 of
 * the training corpus's 1,512 pages to warn on, these stop 28): research peptides (`pept[io]`:
 * peptide, Peptology, Peptopin), steroids and SARMs (also in a host, buysarms, not in
 * "disarm"), Botox, GLP-1 drugs, modafinil and zopiclone by name, personal import (個人輸入) and
 * the 剤 of 育毛剤, 発毛剤, 利尿剤, 睡眠導入剤, 精力剤 and ホルモン剤 (not 剤 alone, which every page
 * selling detergent or bath salts has). すてろいど (steroid's Japanese twin), glutide (the GLP-1
 * drugs' common ending) and かまぐら (Kamagra, the drug rogue shops sell most in Japan) let no
 * corpus page through alone. Other drug names were left out for the script's 8 KB budget (8,187
 * bytes gzipped with these): a page that names its drugs only in katakana (オルリファスト,
 * ゼニカル) and no general word (薬, 錠, 処方, 個人輸入…) is not read.
 */
export const MEDICINE_GATE =
  /薬|処方|医薬|錠|[毛尿入力ン]剤|治療|個人輸入|くすり|すてろいど|かまぐら|pharm|drug|pill|medic|prescri|viagra|cialis|kamagra|tablet|generic|steroid|anabol|(?:\b|[^i])sarms?\b|pept[io]|\bvials?\b|botox|botul|glutide|modafinil|zopiclon|\brx\b/i;

/** Does the page mention medicines at all? Checked on folded text too (ｖｉａｇｒａ, v\u200biagra). */
export function mentionsMedicines(parts: readonly string[]): boolean {
  return parts.some((part) => MEDICINE_GATE.test(part) || MEDICINE_GATE.test(gateText(part)));
}

/** The fields the content script checks (page-guard.ts, frame-guard.ts) and `npm run eval` too. */
export function sampleMentionsMedicines(
  host: string,
  s: { title: string; meta: string; headings: string; text: string },
): boolean {
  return mentionsMedicines([host, s.title, s.meta, s.headings, s.text]);
}
