// Sites the user allowed: lists and page checks leave them alone.
import { request } from '../../utils/core/client';
import { t, type Lang } from '../../utils/i18n';
import type { ListsView } from '../../utils/lists/view';
import { SiteSection } from './SiteSection';

export function AllowlistSection({
  lang,
  entries,
  onChanged,
}: {
  lang: Lang;
  entries: ListsView['allowlist'];
  onChanged: () => void;
}) {
  return (
    <SiteSection
      id="allowlist"
      lang={lang}
      title={t(lang, 'options.allow.title')}
      intro={t(lang, 'options.allow.intro')}
      rows={entries.map((e) => ({
        site: e.site,
        addedAt: e.addedAt,
        why: t(lang, `options.via.${e.via}`),
      }))}
      addLabel={t(lang, 'options.sites.allowButton')}
      checkSites
      onAdd={(site) =>
        request({ type: 'allowlist.add', site }).then((r) => (r.added ? null : r.error))
      }
      onRemove={(site) => request({ type: 'allowlist.remove', site }).then(() => undefined)}
      onChanged={onChanged}
    />
  );
}
