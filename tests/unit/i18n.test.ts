import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { en } from '../../utils/i18n/en';
import { ja } from '../../utils/i18n/ja';
import { formatPartialDate, resolveLang, t } from '../../utils/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
// Japanese scripts and the full-width punctuation (：、) that a separator key holds alone.
const JAPANESE = /[\u3001\u3040-\u30ff\u4e00-\u9fff\uff01-\uff1f]/;
/** Keys whose Japanese text is legitimately not Japanese (the button that switches to English). */
const NOT_JAPANESE = new Set(['lang.toggle']);

describe('locale parity', () => {
  it('has the same keys in ja and en', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(ja[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('has no empty or untranslated Japanese strings', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(en[key].trim(), key).not.toBe('');
      if (!NOT_JAPANESE.has(key)) expect(JAPANESE.test(ja[key]), `${key}: ${ja[key]}`).toBe(true);
    }
  });

  it('uses Japanese punctuation and no あなた in Japanese text', () => {
    // Full-width （）：？ in Japanese sentences; ASCII only inside a URL's scheme.
    for (const [key, value] of Object.entries(ja)) {
      if (key === 'lang.toggle') continue;
      // 「?」 in reportPage.keepQuery names the URL's own character, not punctuation.
      const text = value.replace(/https?:\/\//g, '').replace(/「\?」/g, '');
      expect(text, key).not.toMatch(/[():?]/);
      expect(value, key).not.toMatch(/あなた/);
    }
  });

  it('keeps the manifest locales in step', () => {
    const read = (lang: string) =>
      JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<
        string,
        { message: string }
      >;
    const enMessages = read('en');
    const jaMessages = read('ja');
    expect(Object.keys(jaMessages).sort()).toEqual(Object.keys(enMessages).sort());
    expect(JAPANESE.test(jaMessages.extName!.message)).toBe(true);
  });
});

describe('formatting', () => {
  it('fills placeholders and formats numbers per language', () => {
    expect(t('en', 'popup.error', { error: 'x' })).toBe('Something went wrong: x');
    expect(t('ja', 'popup.error', { error: 'x' })).toBe('エラーが発生しました：x');
  });

  it('formats partial dates naturally', () => {
    expect(formatPartialDate('ja', '2014-12-04')).toBe('2014年12月4日');
    expect(formatPartialDate('ja', '2016-01')).toBe('2016年1月');
    expect(formatPartialDate('ja', '2016')).toBe('2016年');
    expect(formatPartialDate('en', '2014-12-04')).toBe('4 December 2014');
    expect(formatPartialDate('en', '2016-01')).toBe('January 2016');
    expect(formatPartialDate('en', null)).toBe('date unknown');
  });

  it('follows the browser language unless the user chose one', () => {
    expect(resolveLang('auto', 'ja')).toBe('ja');
    expect(resolveLang('auto', 'ja-JP')).toBe('ja');
    expect(resolveLang('auto', 'en-US')).toBe('en');
    expect(resolveLang('auto', undefined)).toBe('en');
    expect(resolveLang('en', 'ja')).toBe('en');
  });
});
