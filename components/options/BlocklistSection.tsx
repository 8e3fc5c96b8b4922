// Sites the user blocked, each with the note they gave (or how it was added).
import { request } from '../../utils/core/client';
import { t, type Lang } from '../../utils/i18n';
import type { ListsView } from '../../utils/lists/view';
import { SiteSection } from './SiteSection';

export function BlocklistSection({
  lang,
  entries,
  onChanged,
}: {
  lang: Lang;
  entries: ListsView['userBlocks'];
  onChanged: () => void;
}) {
  return (
    <SiteSection
      id="blocklist"
      lang={lang}
      title={t(lang, 'options.block.title')}
      intro={t(lang, 'options.block.intro')}
      rows={entries.map((b) => ({
        site: b.site,
        addedAt: b.addedAt,
        why: b.note !== '' ? b.note : t(lang, `options.via.${b.via}`),
      }))}
      addLabel={t(lang, 'options.sites.blockButton')}
      checkSites
      withNote
      onAdd={(site, note) =>
        request({ type: 'userBlocks.add', site, note }).then((r) => (r.added ? null : r.error))
      }
      onRemove={(site) => request({ type: 'userBlocks.remove', site }).then(() => undefined)}
      onChanged={onChanged}
    />
  );
}
