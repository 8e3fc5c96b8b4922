import { render } from 'preact';
import { browser } from '../../utils/platform/browser';
import { popupTabFromSearch } from '../../utils/core/routes';
import { Popup } from '../../components/Popup';
import '../../components/theme.css';
import './popup.css';

/** The tab to report on: `?tab=<id>` when opened as a page (from the banner), else the active tab. */
async function targetTab(): Promise<number | null> {
  const param = popupTabFromSearch(location.search);
  if (param !== null) return param;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

void targetTab().then((tabId) => render(<Popup tabId={tabId} />, document.getElementById('app')!));
