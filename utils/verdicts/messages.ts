// What the verdicts feature sends over messages besides the Verdict itself (model.ts).
import type { Verdict } from './model';
import type { TargetError } from '../core/hostname';

export type CheckSiteResult =
  { ok: true; verdict: Verdict; input: string } | { ok: false; error: TargetError | 'local' };
