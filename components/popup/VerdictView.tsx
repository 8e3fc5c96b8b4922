// The popup's first screen: the verdict (level, score, site and the user's own decisions about
// it), the strongest three reasons, and the actions. Everything else is grouped below it.
import { useState } from 'preact/hooks';
import { isValidUserSite } from '../../utils/core/site-name';
import { t, type Lang } from '../../utils/i18n';
import { namedByList, type Verdict } from '../../utils/verdicts/model';
import { ReasonCard } from '../ReasonCard';
import { ReasonGroups } from './ReasonGroups';
import { topReasons } from './top-reasons';
import { disagreeingLists } from './disagreeing-lists';

export interface VerdictActions {
  onLookup: (() => void) | null;
  onUndoAllow: (site: string) => void;
  onUndoDismiss: (site: string) => void;
  onReport: () => void;
  /** "Listed by mistake?": a prefilled dispute to the list maintainers. */
  onDispute: () => void;
  onBlock: (site: string) => Promise<boolean>;
}

export function VerdictView(
  props: VerdictActions & { lang: Lang; verdict: Verdict; looking: boolean },
) {
  const { lang, verdict } = props;
  const [blockedNow, setBlockedNow] = useState(false);
  if (verdict.status !== 'checked') {
    return (
      <section class="verdict level-unchecked" id="verdict" data-level="unchecked">
        <p class="level">{t(lang, 'level.unchecked')}</p>
        <p>{t(lang, verdict.status === 'local' ? 'popup.local' : 'popup.unsupported')}</p>
      </section>
    );
  }
  const top = topReasons(verdict.reasons);
  const disagree = disagreeingLists(verdict.reasons);
  const titles = (lists: { ja: string; en: string }[]) =>
    lists.map((l) => l[lang]).join(lang === 'ja' ? '」「' : '”, “');
  return (
    <>
      <section class={`verdict level-${verdict.level}`} id="verdict" data-level={verdict.level}>
        <div class="row">
          <p class="level">{t(lang, `level.${verdict.level}`)}</p>
          <span class="spacer" />
          <p class="score small" id="score">
            {t(lang, 'popup.score', { score: verdict.score })}
          </p>
        </div>
        <p class="host">
          <strong>{verdict.displayHost}</strong>
          {verdict.host !== null && verdict.displayHost !== verdict.host && (
            <span class="muted small">{t(lang, 'popup.hostAscii', { host: verdict.host })}</span>
          )}
        </p>
        {verdict.blocked && <p class="small">{t(lang, 'popup.blocked')}</p>}
        {verdict.allowlisted && verdict.site && (
          <p class="small">
            {t(lang, 'popup.allowlisted')}{' '}
            <button type="button" class="link" onClick={() => props.onUndoAllow(verdict.site!)}>
              {t(lang, 'popup.undoAllow')}
            </button>
          </p>
        )}
        {verdict.licensed && (
          <div class="licensed small" id="licensed">
            <p>
              <strong>{t(lang, 'popup.licensed')}</strong> {verdict.licensed.name}
            </p>
            <p class="muted">
              {t(lang, 'popup.licensedRegister', { register: verdict.licensed.register[lang] })}
              {verdict.licensed.licence &&
                t(lang, 'popup.licensedNumber', { licence: verdict.licensed.licence })}
            </p>
            {(verdict.overridden?.length ?? 0) > 0 && (
              <p id="licensed-conflict">
                {t(lang, 'popup.licensedConflict', { count: verdict.overridden!.length })}
              </p>
            )}
          </div>
        )}
        {disagree && (
          <p class="small" id="lists-disagree">
            {t(lang, 'popup.listsDisagree', {
              blocking: titles(disagree.blocking),
              warning: titles(disagree.warning),
            })}
          </p>
        )}
        {verdict.dismissed && verdict.site && (
          <p class="small" id="dismissed">
            {t(lang, 'popup.dismissed')}{' '}
            <button type="button" class="link" onClick={() => props.onUndoDismiss(verdict.site!)}>
              {t(lang, 'popup.undoDismiss')}
            </button>
          </p>
        )}
      </section>
      {top.length > 0 && (
        <section class="top-reasons" id="top-reasons">
          <h2>{t(lang, 'popup.topReasons')}</h2>
          <ul class="reasons">
            {top.map((reason) => (
              <ReasonCard lang={lang} reason={reason} compact />
            ))}
          </ul>
        </section>
      )}
      {verdict.site && (
        <div class="row site-actions" id="site-actions">
          <button type="button" id="report-site" onClick={props.onReport}>
            {t(lang, 'popup.report')}
          </button>
          {/* Only a site the site-name rule accepts can be blocked (not a router's address). */}
          {!verdict.blocked && !blockedNow && isValidUserSite(verdict.site) && (
            <button
              type="button"
              id="block-site"
              onClick={() => {
                void props.onBlock(verdict.site!).then(setBlockedNow);
              }}
            >
              {t(lang, 'popup.blockSite')}
            </button>
          )}
          {/* A dispute only makes sense where Kusuri Guard warns; "listed" only where a list
              named the site, "warned" where the page's own content decided. */}
          {(verdict.level !== 'none' || verdict.blocked) && (
            <button
              type="button"
              class="link"
              id="dispute"
              title={t(lang, 'dispute.hint')}
              onClick={props.onDispute}
            >
              {t(lang, namedByList(verdict) ? 'dispute.button' : 'dispute.button.flagged')}
            </button>
          )}
        </div>
      )}
      {blockedNow && (
        <p class="small" role="status" id="blocked-now">
          {t(lang, 'popup.blockedNow')}
        </p>
      )}
      <ReasonGroups
        lang={lang}
        verdict={verdict}
        looking={props.looking}
        onLookup={props.onLookup}
      />
    </>
  );
}
