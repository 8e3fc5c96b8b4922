// Every reason, grouped (lists, the page, the registrar and domain age, breaches, signs of a
// legitimate site) under disclosures that say how many each holds, so the popup's first screen
// stays the verdict, the main reasons and the actions.
import type { ComponentChildren } from 'preact';
import { t, type Lang } from '../../utils/i18n';
import type { Reason, Verdict } from '../../utils/verdicts/model';
import { ReasonCard } from '../ReasonCard';

export function ReasonGroups(props: {
  lang: Lang;
  verdict: Verdict;
  looking: boolean;
  onLookup: (() => void) | null;
}) {
  const { lang, verdict, looking } = props;
  const by = (predicate: (r: Reason) => boolean) => verdict.reasons.filter(predicate);
  const notLookedUp = verdict.intel?.state === 'not-asked';
  const registrar = by((r) => r.group === 'registrar' || r.group === 'age');
  return (
    <section class="reasons-section" aria-busy={looking}>
      <h2>{t(lang, 'popup.allReasons')}</h2>
      {verdict.reasons.filter((r) => r.group !== 'registrar').length === 0 &&
        !verdict.licensed &&
        !looking && <p class="muted small">{t(lang, 'popup.noReasons')}</p>}
      <Group
        lang={lang}
        id="reasons-list"
        title={t(lang, 'popup.group.list')}
        reasons={by((r) => r.group === 'list')}
      />
      <Group
        lang={lang}
        id="reasons-page"
        title={t(lang, 'popup.group.page')}
        reasons={by((r) => r.group === 'page' && r.weight > 0)}
      />
      <Group
        lang={lang}
        id="reasons-overridden"
        title={t(lang, 'popup.group.overridden')}
        reasons={verdict.overridden ?? []}
      />
      {/* Open while there is something to do or wait for: the lookup button, "Looking up…". */}
      <Disclosure
        lang={lang}
        id="reasons-registrar"
        title={t(lang, 'popup.group.registrar')}
        count={looking ? null : registrar.length}
        open={looking || (notLookedUp && props.onLookup !== null)}
      >
        {looking ? (
          <p class="small muted" role="status">
            <span class="progress" aria-hidden="true" /> {t(lang, 'popup.lookingUp')}
          </p>
        ) : (
          <>
            <ul class="reasons">
              {registrar.map((reason) => (
                <ReasonCard lang={lang} reason={reason} compact />
              ))}
            </ul>
            {notLookedUp && props.onLookup && (
              <p class="small">
                <button type="button" id="lookup" onClick={props.onLookup}>
                  {t(lang, 'popup.lookUp')}
                </button>{' '}
                <span class="muted">
                  {t(lang, 'popup.lookUpHint', { domain: verdict.intel?.domain ?? '' })}
                </span>
              </p>
            )}
          </>
        )}
      </Disclosure>
      <Group
        lang={lang}
        id="reasons-breach"
        title={t(lang, 'popup.group.breach')}
        reasons={by((r) => r.group === 'breach')}
      />
      <Group
        lang={lang}
        id="reasons-against"
        title={t(lang, 'popup.group.against')}
        reasons={by((r) => r.group === 'page' && r.weight <= 0)}
      />
    </section>
  );
}

function Group(props: { lang: Lang; id: string; title: string; reasons: Reason[] }) {
  if (props.reasons.length === 0) return null;
  return (
    <Disclosure lang={props.lang} id={props.id} title={props.title} count={props.reasons.length}>
      <ul class="reasons">
        {props.reasons.map((reason) => (
          <ReasonCard lang={props.lang} reason={reason} compact />
        ))}
      </ul>
    </Disclosure>
  );
}

/** A group as a native disclosure (keyboard-usable), its count in the summary. */
function Disclosure(props: {
  lang: Lang;
  id: string;
  title: string;
  count: number | null;
  open?: boolean;
  children: ComponentChildren;
}) {
  return (
    <div class="reason-group" id={props.id}>
      <details class="group" open={props.open}>
        <summary class="group-title">
          {props.count === null
            ? props.title
            : t(props.lang, 'popup.groupCount', { group: props.title, count: props.count })}
        </summary>
        {props.children}
      </details>
    </div>
  );
}
