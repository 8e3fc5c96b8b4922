// A page sample as the content script would send it for a test: the text, the address (its host
// taken from it) and a title; the other fields empty. One builder for every detector test.
import type { PageSample } from '../../utils/detector/signals';

export function pageSample(text: string, url = 'https://shop.example/', title = ''): PageSample {
  const host = new URL(url).hostname;
  return { url, host, hostUnicode: host, title, meta: '', headings: '', text };
}
