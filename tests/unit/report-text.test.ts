// What a report says, channel by channel: evidence cleaned and redacted, then escaped for the
// channel it goes into (Markdown, mailto:, plain text, JSON), within each channel's length limits,
// in Japanese and English. Hostile page titles are the point of most of these tests.
import { describe, expect, it } from 'vitest';
import { cleanText, redactUrl } from '../../utils/reports/evidence';
import { EvidenceSchema, LIMITS, REPORT_KINDS } from '../../utils/reports/model';
import type { ReportContent } from '../../utils/reports/templates/common';
import {
  abuseEmail,
  isSafeEmail,
  MAILTO_LIMIT,
  mailtoLink,
  maintainersEmail,
} from '../../utils/reports/templates/email';
import { authorityText } from '../../utils/reports/templates/authorities';
import { endpointPayload } from '../../utils/reports/templates/endpoint';
import {
  escapeMarkdown,
  ISSUE_URL_LIMIT,
  issueLink,
  markdownBody,
} from '../../utils/reports/templates/issue';
import { LANGS } from '../../utils/i18n';
import { sampleEvidence, sampleReport } from './report-fixture';

const HOSTILE_TITLES = [
  '<img src=x onerror=alert(1)><script>alert(2)</script>',
  '[Click me](javascript:alert(1)) ![x](https://evil.example/track.png)',
  '# Heading\n\n| a | b |\n|---|---|\n@maintainer #1 `code` **bold** <!-- comment -->',
  'Cheap pills\r\nBcc: victim@example.com\r\nContent-Type: text/html',
  'Normal\u202egnp.exe\u200f title \u0000 with control characters',
];

function content(title: string, overrides: Partial<ReportContent> = {}): ReportContent {
  return {
    lang: 'en',
    kind: 'unapproved',
    comment: '',
    evidence: sampleEvidence({ title: cleanText(title, LIMITS.title) }),
    ...overrides,
  };
}

describe('evidence: cleaning and redaction', () => {
  it('removes the query string and fragment unless the user keeps them, and never keeps credentials', () => {
    const url = 'https://user:pass@shop.example/item?id=3&session=abc#top';
    expect(redactUrl(url, false)).toBe('https://shop.example/item');
    expect(redactUrl(url, true)).toBe('https://shop.example/item?id=3&session=abc#top');
  });

  it('turns a page title into one clean line of at most the limit', () => {
    const fiveMegabytes = `${'薬'.repeat(5 * 1024 * 1024)}`;
    const cleaned = cleanText(fiveMegabytes, LIMITS.title);
    expect(cleaned.length).toBe(LIMITS.title);
    expect(cleaned.endsWith('…')).toBe(true);
    for (const title of HOSTILE_TITLES) {
      const line = cleanText(title, LIMITS.title);
      expect(line).not.toMatch(/[\r\n\u0000\u202e\u200f]/);
      expect(EvidenceSchema.safeParse(sampleEvidence({ title: line })).success).toBe(true);
    }
  });

  it('rejects evidence that breaks the limits (a page cannot push a 5 MB title through the schema)', () => {
    expect(
      EvidenceSchema.safeParse(sampleEvidence({ title: 'x'.repeat(LIMITS.title + 1) })).success,
    ).toBe(false);
    expect(
      EvidenceSchema.safeParse(sampleEvidence({ screenshot: 'data:text/html;base64,PHNjcmlwdD4=' }))
        .success,
    ).toBe(false);
  });
});

describe('Markdown for the public issue', () => {
  it('escapes HTML, links, images, headings, tables, mentions and references from the page', () => {
    for (const title of HOSTILE_TITLES) {
      const body = markdownBody(content(title));
      const titleLine = body.split('\n').find((l) => l.includes('Page title'))!;
      expect(titleLine).not.toMatch(/<(img|script|!--)/i);
      expect(titleLine).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/); // no live [text](url)
      expect(titleLine).not.toMatch(/(?<!\\)`/);
      expect(titleLine).not.toMatch(/@maintainer/); // a zero-width space breaks the mention
      expect(titleLine.startsWith('- ')).toBe(true); // still one list item, not a heading or table
    }
    expect(escapeMarkdown('<b>&')).toBe('&lt;b&gt;&amp;');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('# title')).toBe('\\# title');
    expect(escapeMarkdown('12. point')).toBe('12\\. point');
    expect(escapeMarkdown('see #12 and @bob')).toBe('see #\u200b12 and @\u200bbob');
    // Punctuation that is harmless mid-line stays readable.
    expect(escapeMarkdown('kusuri-shop.example (Tokyo) 1+1=2!')).toBe(
      'kusuri-shop.example (Tokyo) 1+1=2!',
    );
  });

  it('quotes every line of the comment and links the address only when it is a clean URL', () => {
    const body = markdownBody(content('t', { comment: 'line one\n# not a heading\n<script>' }));
    expect(body).toContain('> line one');
    expect(body).toContain('> \\#');
    expect(body).not.toContain('<script>');
    expect(body).toContain('<https://kusuri-shop.example/viagra>');
  });

  it('fits a long report into the URL limit and hands the whole text to the clipboard', () => {
    const long = content('t', { comment: 'とても長いコメント。'.repeat(190) });
    const link = issueLink(long, 'https://github.com/kusuri-guard/kusuri-guard/issues/new');
    expect(link.url.length).toBeLessThanOrEqual(ISSUE_URL_LIMIT);
    expect(link.overflow).toBe(markdownBody(long));
    const sent = new URL(link.url).searchParams.get('body')!;
    expect(sent).toContain('clipboard');
    expect(link.overflow!.startsWith(sent.split('\n\n_(The rest')[0]!)).toBe(true);

    const short = issueLink(content('t'), 'https://tracker.example/new?labels=report');
    expect(short.overflow).toBeNull();
    const params = new URL(short.url).searchParams;
    expect(params.get('labels')).toBe('report');
    expect(params.get('title')).toBe(
      '[Report] kusuri-shop.example — Sells or advertises unapproved drugs',
    );
    expect(params.get('body')).toBe(markdownBody(content('t')));
  });
});

describe('e-mail to the registrar abuse contact', () => {
  it('cannot be turned into extra headers or extra recipients by the page', () => {
    for (const title of HOSTILE_TITLES) {
      const email = abuseEmail(content(title))!;
      expect(email.to).toBe('abuse@registrar.example');
      expect(email.subject).not.toMatch(/[\r\n]/);
      const link = mailtoLink(email);
      const parsed = new URL(link.url);
      expect(parsed.protocol).toBe('mailto:');
      expect(parsed.pathname).toBe('abuse@registrar.example');
      expect([...parsed.searchParams.keys()]).toEqual(['subject', 'body']);
      expect(parsed.searchParams.get('body')).toBe(email.body);
    }
  });

  it('is not offered for an abuse address that is not a plain address', () => {
    for (const bad of [
      'abuse@x.example?bcc=victim@y.example',
      'a@b.example\r\nBcc: c@d.example',
      'x',
      '<a@b.example>',
      'a@b.example,c@d.example',
    ]) {
      expect(isSafeEmail(bad)).toBe(false);
      const evidence = sampleEvidence();
      expect(
        abuseEmail({
          ...content('t'),
          evidence: { ...evidence, registrar: { ...evidence.registrar!, abuseEmail: bad } },
        }),
      ).toBeNull();
    }
  });

  it('states the facts, the law and the evidence, in Japanese and in English', () => {
    const ja = abuseEmail(content('t', { lang: 'ja', comment: '注文したら偽物が届いた' }))!;
    expect(ja.subject).toBe('不正利用の報告：kusuri-shop.example（未承認医薬品の販売・広告）');
    expect(ja.body).toContain('医薬品医療機器等法');
    expect(ja.body).toContain(
      'のページでは、日本で承認されていない医薬品を販売または広告しています。',
    );
    expect(ja.body).toContain('注文したら偽物が届いた');
    const en = abuseEmail(content('t'))!;
    expect(en.body).toContain('ICANN Registrar Accreditation Agreement');
    expect(en.body).toContain('sells or advertises medicines that are not approved in Japan');
    expect(en.body).toContain('Offers prescription drugs without a prescription');
  });

  it('has a grammatical facts sentence for every kind, and cites the drug law only for drug kinds', () => {
    const pharmacy = new Set(['no-prescription', 'unapproved', 'fake-licence']);
    for (const kind of [
      'no-prescription',
      'unapproved',
      'fake-licence',
      'breach-or-scam',
      'other',
    ] as const) {
      for (const lang of LANGS) {
        const email = abuseEmail(content('t', { lang, kind }))!;
        expect(email.body, `${kind} ${lang}`).not.toMatch(/\{\w+\}/);
        expect(email.body, `${kind} ${lang}`).not.toMatch(/では、(その他|[^。]*サイト)。/);
        expect(email.body.includes('医薬品医療機器等法'), `${kind} ${lang}`).toBe(
          pharmacy.has(kind),
        );
        if (!pharmacy.has(kind))
          expect(email.subject, `${kind} ${lang}`).not.toMatch(/違法|薬局|pharmacy/i);
      }
    }
    // No registrar name from RDAP: a greeting in the report's language, no English word in ja.
    const evidence = sampleEvidence();
    const anonymous = abuseEmail({
      ...content('t', { lang: 'ja' }),
      evidence: { ...evidence, registrar: { ...evidence.registrar!, name: null } },
    })!;
    expect(anonymous.body.startsWith('不正利用対応ご担当者様')).toBe(true);
  });

  it('keeps the mailto: link short enough for mail programs, the rest going to the clipboard', () => {
    const email = abuseEmail(content('t', { comment: 'x'.repeat(2000) }))!;
    const link = mailtoLink(email);
    expect(link.url.length).toBeLessThanOrEqual(MAILTO_LIMIT);
    expect(link.overflow).toBe(email.body);
  });
});

describe('e-mail to the list maintainers, and "listed by mistake"', () => {
  const TO = 'lists@maintainers.example';

  it('is never an abuse report to the registrar', () => {
    for (const lang of LANGS)
      expect(abuseEmail(content('t', { lang, kind: 'false-positive' }))).toBeNull();
  });

  it('states the facts in one grammatical sentence for every kind, in both languages', () => {
    for (const kind of REPORT_KINDS) {
      for (const lang of LANGS) {
        const email = maintainersEmail(content('t', { lang, kind }), TO)!;
        const what = `${kind} ${lang}`;
        expect(email.to, what).toBe(TO);
        expect(email.body, what).not.toMatch(/\{\w+\}/);
        expect(email.subject, what).not.toMatch(/\{\w+\}/);
        expect(email.body, what).not.toMatch(/では、(その他|[^。]*サイト)。|。。|\.\./);
        expect(email.body, what).not.toContain('医薬品医療機器等法');
        expect(email.body, what).toContain('Offers prescription drugs without a prescription');
        // Japanese mail carries no English sentence of ours (the page's own words may be English).
        if (lang === 'ja') expect(email.body, what).not.toMatch(/\b(Dear|Please|I am)\b/);
      }
    }
    const ja = maintainersEmail(content('t', { lang: 'ja', kind: 'false-positive' }), TO)!;
    expect(ja.subject).toBe('誤掲載の申し立て：kusuri-shop.example');
    expect(ja.body).toContain(
      'kusuri-shop.example について連絡いたします。くすりガードは https://kusuri-shop.example/viagra のページについて警告していますが、このサイトは誤ってリストに掲載されているか、誤って判定されていると考えます。',
    );
    expect(ja.body).toContain('誤りであれば削除または訂正をお願いいたします。');
    const en = maintainersEmail(content('t', { lang: 'en', kind: 'false-positive' }), TO)!;
    expect(en.subject).toBe('Listed by mistake: kusuri-shop.example');
    expect(en.body).toContain(
      'I am writing about the site kusuri-shop.example. Kusuri Guard warns about the page https://kusuri-shop.example/viagra, but I believe the site is listed or flagged by mistake.',
    );
  });

  it('cannot be given extra headers or recipients, by the build or by the page', () => {
    expect(maintainersEmail(content('t'), undefined)).toBeNull();
    expect(maintainersEmail(content('t'), '')).toBeNull();
    expect(maintainersEmail(content('t'), `${TO}\r\nBcc: victim@example.com`)).toBeNull();
    for (const title of HOSTILE_TITLES) {
      const email = maintainersEmail(
        content(title, { kind: 'false-positive', comment: 'a\r\nBcc: x@example.com' }),
        TO,
      )!;
      const url = new URL(mailtoLink(email).url);
      expect(url.pathname).toBe(TO);
      expect([...url.searchParams.keys()]).toEqual(['subject', 'body']);
      expect(email.subject).not.toMatch(/[\r\n]/);
    }
  });

  it('gives the public issue a title that says it is a dispute', () => {
    const link = issueLink(content('t', { kind: 'false-positive' }), 'https://tracker.example/new');
    expect(new URL(link.url).searchParams.get('title')).toBe(
      '[Listed by mistake?] kusuri-shop.example',
    );
    expect(markdownBody(content('t', { kind: 'false-positive' }))).toContain(
      'Listed or flagged by mistake (I think this site is fine)',
    );
  });
});

describe('text for the authorities and JSON for the endpoint', () => {
  it('is plain text with every fact, and nothing is left unfilled in either language', () => {
    for (const lang of LANGS) {
      const text = authorityText(content('カマグラ 通販', { lang, comment: 'c' }));
      expect(text).toContain('https://kusuri-shop.example/viagra');
      expect(text).toContain('カマグラ 通販');
      expect(text).not.toMatch(/\{\w+\}/);
      expect(markdownBody(content('t', { lang }))).not.toMatch(/\{\w+\}/);
      expect(abuseEmail(content('t', { lang }))!.body).not.toMatch(/\{\w+\}/);
    }
    expect(authorityText(content('t', { lang: 'ja' }))).toContain(
      '違法な医薬品販売・広告の疑いがあるサイトについての情報提供',
    );
  });

  it('carries hostile text as data: the JSON parses back to exactly the report', () => {
    const report = sampleReport({
      comment: HOSTILE_TITLES.join('\n'),
      evidence: sampleEvidence({ title: HOSTILE_TITLES[0]! }),
    });
    const parsed = JSON.parse(endpointPayload(report)) as Record<string, unknown>;
    expect(parsed).toEqual({
      schema: 'kusuri-guard-report/1',
      id: report.id,
      createdAt: new Date(report.createdAt).toISOString(),
      lang: report.lang,
      kind: report.kind,
      comment: report.comment,
      evidence: report.evidence,
    });
    // The idempotency key travels in a header, and nothing about the channels' states is sent.
    expect(JSON.stringify(parsed)).not.toContain(report.idempotencyKey);
  });
});
