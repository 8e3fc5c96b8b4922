// "Don't warn me on this site", confirmed here. The banner's button only opens this page: a click
// inside a web page can land on a decoy drawn over it, a click in the extension's own page cannot.
import { t, type Lang } from '../utils/i18n';
import { displayHost } from '../utils/core/hostname';

export function DismissConfirm(props: { lang: Lang; site: string; onConfirm: () => void }) {
  const { lang, site } = props;
  return (
    <section class="card confirm" role="alertdialog" id="confirm-dismiss">
      <p>{t(lang, 'popup.confirmDismiss', { site: displayHost(site) })}</p>
      <button type="button" id="confirm-dismiss-yes" onClick={props.onConfirm}>
        {t(lang, 'popup.confirmDismissYes')}
      </button>
    </section>
  );
}
