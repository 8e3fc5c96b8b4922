// A list as a user gets one in the end-to-end tests: served by the fixture server on its own host
// and added by URL on the options page's "Add a list" form.
import type { Locator, Page } from 'playwright-core';
import type { Handler } from './fixture-server';

export const LIST_HOST = 'lists.kusuri-guard-test.example';

/** A fixture-server handler answering every request to `host` with the list `text()` returns
 * (read at each request, so a test can change the list between updates). */
export function serveList(host: string, text: () => string): Handler {
  return (req, res) => {
    if (req.headers.host?.split(':')[0] !== host) return false;
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(text());
    return true;
  };
}

/** Fills and submits the options page's "Add a list" form; returns the new list's card. */
export async function addListByUrl(
  options: Page,
  list: { url: string; name: string; format: string; action?: 'warn' | 'block' },
): Promise<Locator> {
  const form = options.locator('#add-list');
  await form.locator('input[name=url]').fill(list.url);
  await form.locator('input[name=name]').fill(list.name);
  await form.locator('select[name=format]').selectOption(list.format);
  if (list.action) await form.locator('select[name=action]').selectOption(list.action);
  await form.locator('button[type=submit]').click();
  return options.locator('.list-card', { hasText: list.name });
}

/** The options page's card of the list named `name`, once it shows. */
export async function listCard(options: Page, name: string): Promise<Locator> {
  const card = options.locator('.list-card', { hasText: name });
  await card.waitFor();
  return card;
}
