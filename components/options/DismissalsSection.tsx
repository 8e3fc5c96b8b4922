// Sites whose page warning the user silenced ("don't warn me here"), with the page it was on.
import { request } from '../../utils/core/client';
import { t, type Lang } from '../../utils/i18n';
import type { ListsView } from '../../utils/lists/view';
import { SiteSection } from './SiteSection';

export function DismissalsSection({
  lang,
  entries,
  onChanged,
}: {
  lang: Lang;
  entries: ListsView['dismissals'];
  onChanged: () => void;
}) {
  return (
    <SiteSection
      id="dismissals"
      lang={lang}
      title={t(lang, 'options.dismiss.title')}
      intro={t(lang, 'options.dismiss.intro')}
      rows={entries.map((d) => ({
        site: d.site,
        addedAt: d.addedAt,
        why: d.url ?? '',
      }))}
      onRemove={(site) => request({ type: 'dismissal.remove', site }).then(() => undefined)}
      onChanged={onChanged}
    />
  );
}
