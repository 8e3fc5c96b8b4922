// Signals → score, level and reasons (pure). The UI turns signal codes into sentences; list hits
// from the background outrank anything decided here.
import type { Level } from '../verdicts/model';
import {
  SIGNALS,
  gather,
  prepare,
  type PageSample,
  type SignalCode,
  type SignalHit,
} from './signals';

/** Score thresholds of the levels. The in-page banner appears from `warning` up. */
export const THRESHOLDS: Readonly<Record<Exclude<Level, 'none'>, number>> = {
  caution: 20,
  warning: 40,
  danger: 75,
};

/**
 * A page that reports on rogue sellers (news, regulators, critiques) uses their vocabulary
 * without selling anything. When information framing is clear (two or more distinct markers)
 * and nobody addresses customers, the rogue evidence counts this much.
 */
export const REPORTING_FACTOR = 0.5;

export interface PageScore {
  score: number;
  level: Level;
  /** Every signal that fired, strongest first (negative ones last). */
  signals: SignalHit[];
}

export function levelFor(score: number): Level {
  if (score >= THRESHOLDS.danger) return 'danger';
  if (score >= THRESHOLDS.warning) return 'warning';
  if (score >= THRESHOLDS.caution) return 'caution';
  return 'none';
}

export function scorePage(sample: PageSample): PageScore {
  const evidence = gather(prepare(sample));
  const signals: SignalHit[] = [];
  for (const code of Object.keys(SIGNALS) as SignalCode[]) {
    const result = SIGNALS[code](evidence);
    if (result) signals.push(result);
  }
  // A page that is not about medicines at all (an ordinary shop) gets nothing, whatever its payment
  // or shipping terms say.
  const aboutMedicines =
    evidence.medicine ||
    signals.some((s) => s.code === 'import-agency' || s.code === 'drug-domain');
  if (!aboutMedicines) return { score: 0, level: 'none', signals: [] };
  const info = signals.find((s) => s.code === 'info');
  const reporting = info !== undefined && info.terms.length >= 2 && !evidence.sellerVoice;
  if (reporting)
    for (const s of signals) if (s.weight > 0) s.weight = Math.round(s.weight * REPORTING_FACTOR);
  signals.sort((a, b) => b.weight - a.weight);
  const total = signals.reduce((sum, s) => sum + s.weight, 0);
  const score = Math.max(0, Math.min(100, total));
  return { score, level: levelFor(score), signals };
}
