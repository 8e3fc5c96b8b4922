// The lists section: how many domains the browser's rules hold, one card per list, and the form
// to add a list by URL.
import { t, type Lang } from '../../utils/i18n';
import type { ListsView } from '../../utils/lists/view';
import { ListCard } from './ListCard';
import { AddListForm } from './AddListForm';

export function ListsSection({
  lang,
  view,
  onChanged,
}: {
  lang: Lang;
  view: ListsView;
  onChanged: () => void;
}) {
  return (
    <section id="lists">
      <h2>{t(lang, 'options.lists.title')}</h2>
      <p class="small muted">{t(lang, 'options.lists.intro')}</p>
      {view.dnr && <RulesStatus lang={lang} dnr={view.dnr} />}
      {view.lists.map((record) => (
        <ListCard lang={lang} record={record} now={view.now} onChanged={onChanged} />
      ))}
      <AddListForm lang={lang} onAdded={onChanged} />
    </section>
  );
}

function RulesStatus({ lang, dnr }: { lang: Lang; dnr: NonNullable<ListsView['dnr']> }) {
  return (
    <p class="small" id="rules-status">
      {t(lang, 'options.rules.status', {
        domains: dnr.blockDomains,
        rules: dnr.ruleCount,
      })}
      {dnr.error && (
        <span class="problem"> {t(lang, 'options.rules.error', { error: dnr.error })}</span>
      )}
      {dnr.overflow && (
        <span class="problem" id="rules-overflow">
          {' '}
          {t(lang, 'options.rules.overflow', {
            total: dnr.totalBlockDomains,
            left: dnr.totalBlockDomains - dnr.blockDomains,
            error: dnr.overflow,
          })}
        </span>
      )}
    </p>
  );
}
