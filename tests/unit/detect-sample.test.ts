import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { collectSample, SAMPLE_LIMITS } from '../../utils/content/sample';
import { MEDICINE_GATE, mentionsMedicines } from '../../utils/content/medicine-gate';
import { TextSampleSchema } from '../../utils/page/handlers';

const doc = (html: string) => parseHTML(html).document as unknown as Document;
const noYield = async () => undefined;

describe('page sampling', () => {
  it('reads title, meta, headings and text, skipping scripts, styles and hidden text', async () => {
    const sample = await collectSample(
      doc(`<html><head><title>シアリス通販</title><meta name="description" content="処方箋不要">
      <style>.x{color:red}</style></head><body><h1>人気商品</h1>
      <script>var secret = 'カマグラ';</script><p>タダラフィル<b>20mg</b>を<span>お届け</span></p>
      <div hidden>hidden text</div><noscript>no script</noscript><p>二つ目の段落</p></body></html>`),
      { yieldFn: noYield },
    );
    expect(sample.title).toBe('シアリス通販');
    expect(sample.meta).toBe('処方箋不要');
    expect(sample.headings).toBe('人気商品');
    expect(sample.text).toBe('人気商品\nタダラフィル20mgをお届け\n二つ目の段落');
    expect(sample.text).not.toContain('カマグラ');
    expect(sample.text).not.toContain('hidden');
  });

  it('copes with a document without a body', async () => {
    const sample = await collectSample(
      doc('<html><frameset><frame src="a.html"></frameset></html>'),
      { yieldFn: noYield },
    );
    expect(sample.text).toBe('');
  });

  it('bounds the sample of a 10 MB page and yields while walking it', async () => {
    const paragraph = `<p>${'あ'.repeat(997)}</p>`;
    const big = doc(`<html><body>${paragraph.repeat(10_000)}</body></html>`);
    let yields = 0;
    let clock = 0;
    const sample = await collectSample(big, {
      yieldFn: async () => {
        yields += 1;
      },
      now: () => (clock += 1), // every check looks like 1 ms passed
    });
    // Exactly within the limit the background enforces (line breaks between blocks included).
    expect(sample.text.length).toBeLessThanOrEqual(SAMPLE_LIMITS.text);
    expect(TextSampleSchema.safeParse(sample).success).toBe(true);
    expect(sample.text.length).toBeGreaterThan(SAMPLE_LIMITS.text - 2000);
    expect(yields).toBeGreaterThan(0);
  });

  it('stops after a bounded number of text nodes whatever their size', async () => {
    const tiny = doc(`<html><body>${'<i>x</i>'.repeat(SAMPLE_LIMITS.nodes + 5000)}</body></html>`);
    const sample = await collectSample(tiny, { yieldFn: noYield });
    expect(sample.text.length).toBeLessThanOrEqual(SAMPLE_LIMITS.nodes);
  });

  it('gates pages that never mention medicines', () => {
    for (const text of [
      '処方箋不要',
      'お薬の通販',
      'Buy Cialis',
      'online pharmacy',
      'ｸｽﾘ',
      'generic rx shop',
    ]) {
      expect(mentionsMedicines([text]), text).toBe(true);
    }
    for (const text of [
      '海外セレクトブランドのスニーカー',
      'Refurbished phones with free shipping',
      'proxy settings',
    ]) {
      expect(MEDICINE_GATE.test(text), text).toBe(false);
    }
  });
});
