// The report's screenshot of the reported tab: only of a loaded web page, only as an image data
// URL, and never larger than the report store accepts (a refusal says why, for the form).
import { LIMITS } from './model';
import type { Platform } from '../platform/platform';

export type ScreenshotResult =
  | { ok: true; dataUrl: string }
  | { ok: false; error: 'no-permission' | 'not-loaded' | 'too-large' | 'failed' };

export async function captureScreenshot(
  platform: Platform,
  tabId: number,
): Promise<ScreenshotResult> {
  const tab = await platform.tabs.get(tabId);
  if (!tab || !tab.url || !/^https?:/.test(tab.url)) return { ok: false, error: 'not-loaded' };
  let dataUrl: string;
  try {
    dataUrl = await platform.tabs.capture(tabId);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: /permission|<all_urls>|activeTab/i.test(message) ? 'no-permission' : 'failed',
    };
  }
  if (
    !dataUrl.startsWith('data:image/jpeg;base64,') &&
    !dataUrl.startsWith('data:image/png;base64,')
  ) {
    return { ok: false, error: 'failed' };
  }
  if (dataUrl.length > LIMITS.screenshot) return { ok: false, error: 'too-large' };
  return { ok: true, dataUrl };
}
