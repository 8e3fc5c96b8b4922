// The report form's state: the draft the background prepared, the user's choices, the screenshot,
// saving, and the saved report while the background sends it. ReportPage and its sections only
// render what this hook holds.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from '../../utils/platform/browser';
import { errorCode, request, RequestError } from '../../utils/core/client';
import type { ReportTarget } from '../../utils/core/routes';
import { t, type Lang } from '../../utils/i18n';
import type { ReportDraft, SavedReport } from '../../utils/reports/service';
import {
  isDispute,
  type ReportEvidence,
  type ReportInput,
  type ReportKind,
} from '../../utils/reports/model';

export type Channels = ReportInput['channels'];
export type ChannelName = keyof Channels;
export type Shot =
  | { state: 'none' }
  | { state: 'taking' }
  | { state: 'taken'; dataUrl: string }
  | { state: 'error'; error: 'no-permission' | 'not-loaded' | 'too-large' | 'failed' };

/**
 * Where a channel goes for this draft (the abuse address, the endpoint, the tracker or the
 * maintainers' address), or null when it is not available. The authorities are always there,
 * except for a dispute ("listed by mistake"), which is no abuse report: no registrar, no authorities.
 */
export function channelTarget(
  draft: ReportDraft,
  channel: ChannelName,
  kind: ReportKind | null = null,
): string | null {
  const dispute = kind !== null && isDispute(kind);
  switch (channel) {
    case 'maintainers':
      return draft.channels.issuesUrl ?? draft.channels.maintainersEmail;
    case 'registrar':
      return dispute ? null : draft.channels.registrar;
    case 'authorities':
      return dispute ? null : '';
    case 'endpoint':
      return draft.channels.endpoint;
  }
}

export function useReportDraft(
  target: ReportTarget,
  lang: Lang,
  initialKind: ReportKind | null = null,
) {
  const [draft, setDraft] = useState<ReportDraft | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reportLang, setReportLang] = useState<Lang | null>(null);
  const [kind, setKind] = useState<ReportKind | null>(initialKind);
  const [comment, setComment] = useState('');
  const [keepQuery, setKeepQuery] = useState(false);
  const [shot, setShot] = useState<Shot>({ state: 'none' });
  const [channels, setChannels] = useState<Channels | null>(null);
  const [blockSite, setBlockSite] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [kindMissing, setKindMissing] = useState(false);
  const [saved, setSaved] = useState<SavedReport | null>(null);

  useEffect(() => {
    if (target === null) {
      setDraft(null);
      return;
    }
    request({ type: 'report.draft', ...target })
      .then((d) => {
        setDraft(d);
        if (!d) return;
        // Every available channel is ticked to begin with; the user unticks what they do not want.
        setChannels({
          maintainers: channelTarget(d, 'maintainers') !== null,
          registrar: channelTarget(d, 'registrar') !== null,
          authorities: true,
          endpoint: channelTarget(d, 'endpoint') !== null,
        });
      })
      .catch((e: unknown) => setLoadError(errorCode(e)));
  }, []);

  // The report's language follows the page's until the user picks one for the report itself.
  const language = reportLang ?? lang;
  const evidence: ReportEvidence | null = useMemo(() => {
    if (!draft) return null;
    const base = draft.evidence[language];
    return {
      ...base,
      url: keepQuery ? base.url : draft.redactedUrl,
      screenshot: shot.state === 'taken' ? shot.dataUrl : null,
    };
  }, [draft, language, keepQuery, shot]);

  const refreshSaved = (id: string) => {
    request({ type: 'reports.get', id })
      .then((r) => {
        if (r) setSaved((s) => (s ? { ...s, report: r.report, links: r.links } : s));
      })
      .catch(() => undefined);
  };

  /** A stored report as the saved screen shows it (read back, or opened from the notice). */
  const showStored = (id: string): Promise<boolean> =>
    request({ type: 'reports.get', id }).then((r) => {
      if (!r) return false;
      setSaved({
        report: r.report,
        links: r.links,
        screenshotDropped: false,
        existing: true,
        unfinished: r.unfinished,
      });
      return true;
    });

  /** "Open it" on the notice about an earlier report on this site that was never sent. */
  const openEarlier = () => {
    if (!draft?.earlier) return;
    showStored(draft.earlier.id).catch((e: unknown) =>
      setSaveError(t(lang, 'popup.error', { error: errorCode(e) })),
    );
  };

  /** "Send it now" on a report whose save was cut off: the background finishes it. */
  const finishSaved = () => {
    if (!saved) return;
    request({ type: 'report.finish', id: saved.report.id })
      .then((r) => {
        if (r) setSaved(r);
      })
      .catch(() => undefined);
  };

  // Poll the saved report while the endpoint is still working on it (the background sends it).
  useEffect(() => {
    if (!saved) return;
    const state = saved.report.channels.endpoint.state;
    if (state !== 'queued' && state !== 'sending') return;
    const timer = setTimeout(() => refreshSaved(saved.report.id), 1500);
    return () => clearTimeout(timer);
  }, [saved]);

  const refusedOnce = useRef(false);
  const takeScreenshot = (wanted: boolean) => {
    if (!wanted) {
      setShot({ state: 'none' });
      return;
    }
    if (!draft) return;
    setShot({ state: 'taking' });
    // First without asking: the activeTab grant (the user opened the report from the toolbar
    // button or the context menu on this tab) is enough. Only when the browser refused once does
    // the next tick ask for the optional <all_urls> permission, from that click.
    const ask = refusedOnce.current
      ? browser.permissions.request({ origins: ['<all_urls>'] })
      : Promise.resolve(true);
    ask
      .then((granted) => {
        if (!granted) throw new RequestError('no-permission');
        return request({ type: 'report.screenshot', tabId: draft.tabId! });
      })
      .then((result) => {
        if (!result.ok && result.error === 'no-permission') refusedOnce.current = true;
        setShot(
          result.ok
            ? { state: 'taken', dataUrl: result.dataUrl }
            : { state: 'error', error: result.error },
        );
      })
      .catch((e: unknown) =>
        setShot({
          state: 'error',
          error:
            e instanceof RequestError && e.code === 'no-permission' ? 'no-permission' : 'failed',
        }),
      );
  };

  const save = (event: Event) => {
    event.preventDefault();
    if (!draft || !evidence || !channels) return;
    if (kind === null) {
      setKindMissing(true);
      document.getElementById('kind-legend')?.scrollIntoView({ block: 'center' });
      return;
    }
    setSaving(true);
    setSaveError(null);
    const input: ReportInput = {
      id: draft.id,
      idempotencyKey: draft.idempotencyKey,
      createdAt: draft.createdAt,
      lang: language,
      kind,
      comment: comment.trim(),
      evidence,
      // Only channels this kind of report can use (a dispute never goes to an abuse desk).
      channels: {
        maintainers: channels.maintainers && channelTarget(draft, 'maintainers', kind) !== null,
        registrar: channels.registrar && channelTarget(draft, 'registrar', kind) !== null,
        authorities: channels.authorities && channelTarget(draft, 'authorities', kind) !== null,
        endpoint: channels.endpoint && channelTarget(draft, 'endpoint', kind) !== null,
      },
      blockSite: blockSite && !draft.alreadyBlocked && !isDispute(kind),
    };
    request({ type: 'report.save', input })
      .then(setSaved)
      .catch(async (e: unknown) => {
        if (e instanceof RequestError && e.code === 'storage-full') {
          setSaveError(t(lang, 'reportPage.storageFull'));
          return;
        }
        // The answer may be lost while the report is stored (the worker stopped after writing
        // it): the report is written first, so ask whether it is there before saying anything.
        try {
          if (await showStored(draft.id)) return;
        } catch {
          setSaveError(t(lang, 'reportPage.saveUnknown'));
          return;
        }
        setSaveError(
          t(lang, 'reportPage.saveFailed', {
            error: e instanceof RequestError ? e.message : String(e),
          }),
        );
      })
      .finally(() => setSaving(false));
  };

  const toggleChannel = (channel: ChannelName, value: boolean) =>
    setChannels((c) => (c ? { ...c, [channel]: value } : c));

  return {
    draft,
    loadError,
    language,
    setReportLang,
    kind,
    setKind,
    kindMissing,
    comment,
    setComment,
    keepQuery,
    setKeepQuery,
    shot,
    takeScreenshot,
    evidence,
    channels,
    toggleChannel,
    blockSite,
    setBlockSite,
    saving,
    saveError,
    save,
    saved,
    refreshSaved,
    openEarlier,
    finishSaved,
  };
}

export type ReportDraftState = ReturnType<typeof useReportDraft>;
