// Evidence capture and redaction (pure). The address loses its query string and fragment unless
// the user keeps them (they often carry session ids or personal data); all text from the page is
// stripped of control characters and clipped; nothing here is trusted to be harmless: the
// templates escape it again for each channel.
import { LIMITS, type ReportEvidence } from './model';
import type { Verdict } from '../verdicts/model';
import { renderReason } from '../verdicts/render';
import { ellipsize } from '../core/text';
import type { Lang } from '../i18n';

/** Control characters (including CR/LF and bidi overrides) out; whitespace runs collapsed. */
export function cleanText(text: string, limit: number): string {
  const cleaned = text
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return ellipsize(cleaned, limit);
}

/** The address without query and fragment (unless kept), and never with credentials. */
export function redactUrl(url: string, keepQuery: boolean): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    if (!keepQuery) {
      parsed.search = '';
      parsed.hash = '';
    }
    return parsed.href.slice(0, LIMITS.url);
  } catch {
    return cleanText(url, LIMITS.url);
  }
}

/**
 * Reasons that say nothing against the reported site: lookups that did not happen, the
 * registrar's own data leaks (a fact about the registrar, not about this site's abuse), and an
 * old domain.
 */
const NOT_EVIDENCE = new Set([
  'registrar.not-looked-up',
  'registrar.lookup-failed',
  'registrar.not-found',
  'registrar.no-rdap',
  'registrar.breach',
  'age.established',
]);

/** Evidence from a verdict and what the tab shows, in the language of the report. */
export function captureEvidence(input: {
  verdict: Verdict;
  title: string;
  lang: Lang;
  now: number;
  keepQuery: boolean;
}): ReportEvidence | null {
  const { verdict } = input;
  if (
    verdict.status !== 'checked' ||
    verdict.url === null ||
    verdict.host === null ||
    verdict.site === null
  )
    return null;
  const reasons = verdict.reasons
    .filter((r) => r.group !== 'page' || r.weight > 0)
    .filter((r) => !NOT_EVIDENCE.has(r.code))
    .slice(0, LIMITS.reasons)
    .map((r) => ({
      code: r.code,
      text: cleanText(renderReason(input.lang, r).title, LIMITS.reasonText),
      snippet: r.group === 'page' && r.evidence ? cleanText(r.evidence, LIMITS.snippet) : null,
    }));
  const intel = verdict.intel;
  return {
    url: redactUrl(verdict.url, input.keepQuery),
    host: verdict.host,
    site: verdict.site,
    title: cleanText(input.title, LIMITS.title),
    reasons,
    registrar:
      intel && intel.registrar
        ? {
            name: intel.registrar.name ? cleanText(intel.registrar.name, 300) : null,
            ianaId: intel.registrar.ianaId,
            abuseEmail: intel.abuse?.email ?? null,
            abusePhone: intel.abuse?.phone ?? null,
          }
        : null,
    capturedAt: input.now,
    screenshot: null,
  };
}
