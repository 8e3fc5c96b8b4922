// A complete, valid report as stored (for store, migration and template tests).
import type { Report, ReportEvidence } from '../../utils/reports/model';

export function sampleEvidence(overrides: Partial<ReportEvidence> = {}): ReportEvidence {
  return {
    url: 'https://kusuri-shop.example/viagra',
    host: 'kusuri-shop.example',
    site: 'kusuri-shop.example',
    title: 'カマグラゴールド 通販',
    reasons: [
      {
        code: 'no-prescription',
        text: 'Offers prescription drugs without a prescription',
        snippet: '処方箋不要',
      },
    ],
    registrar: {
      name: 'Example Registrar, Inc.',
      ianaId: 9999,
      abuseEmail: 'abuse@registrar.example',
      abusePhone: '+81.312345678',
    },
    capturedAt: Date.parse('2026-11-21T03:00:00Z'),
    screenshot: null,
    ...overrides,
  };
}

export function sampleReport(overrides: Partial<Report> = {}): Report {
  return {
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    idempotencyKey: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    createdAt: Date.parse('2026-11-21T03:00:00Z'),
    lang: 'ja',
    kind: 'no-prescription',
    comment: '',
    evidence: sampleEvidence(),
    channels: {
      maintainers: { state: 'ready', at: null },
      registrar: { state: 'not-used', at: null },
      authorities: { state: 'opened', at: 5 },
      endpoint: {
        state: 'queued',
        url: 'https://reports.example/api',
        attempts: 0,
        nextAttempt: 0,
        sendingSince: null,
        lastError: null,
        deliveredAt: null,
      },
    },
    blockedSite: false,
    ...overrides,
  };
}
