// A minimal WebDriver BiDi client for Firefox ESR. playwright-core cannot drive this Firefox, but
// BiDi can install the extension (webExtension.install), open tabs, navigate and evaluate, which
// is all the Firefox smoke tests need. Installing opens the first-run page in a tab of its own
// (the store build, as users get it); the tests navigate in a tab they open themselves.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_DIST = resolve('.output/firefox-mv3');

const PREFS = [
  // Every hostname resolves to the local fixture server (Firefox's --host-resolver-rules).
  'user_pref("network.dns.forceResolve", "127.0.0.1");',
  'user_pref("dom.security.https_first", false);',
  'user_pref("browser.shell.checkDefaultBrowser", false);',
  'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
  'user_pref("app.update.enabled", false);',
  'user_pref("intl.locale.requested", "en-US");',
].join('\n');

export class FirefoxSession {
  private nextId = 0;
  private readonly pending = new Map<number, (message: BidiMessage) => void>();

  private constructor(
    private readonly process: ChildProcess,
    private readonly socket: WebSocket,
    private readonly profile: string,
  ) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as BidiMessage;
      if (message.id !== undefined) {
        this.pending.get(message.id)?.(message);
        this.pending.delete(message.id);
      }
    });
  }

  static async launch(): Promise<FirefoxSession> {
    const profile = mkdtempSync(join(tmpdir(), 'kg-firefox-'));
    writeFileSync(join(profile, 'user.js'), PREFS);
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(
      FIREFOX,
      ['-headless', '-no-remote', '-profile', profile, `--remote-debugging-port=${port}`],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    await new Promise<void>((resolveReady, reject) => {
      const timer = setTimeout(() => reject(new Error('Firefox did not start')), 60_000);
      let log = '';
      child.stderr!.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes('WebDriver BiDi listening')) {
          clearTimeout(timer);
          resolveReady();
        }
      });
      child.on('exit', (code) =>
        reject(new Error(`Firefox exited with ${code}: ${log.slice(-500)}`)),
      );
    });
    const socket = new WebSocket(`ws://127.0.0.1:${port}/session`);
    await new Promise((resolveOpen, reject) => {
      socket.once('open', resolveOpen);
      socket.once('error', reject);
    });
    const session = new FirefoxSession(child, socket, profile);
    await session.send('session.new', { capabilities: {} });
    return session;
  }

  /** One BiDi command; one that gets no answer in `timeoutMs` fails with its name, rather than
   * the whole test timing out without saying which step hung. */
  async send<T = Record<string, unknown>>(
    method: string,
    params: Record<string, unknown>,
    timeoutMs = 30_000,
  ): Promise<T> {
    const id = ++this.nextId;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reply = new Promise<BidiMessage>((resolveReply, reject) => {
      this.pending.set(id, resolveReply);
      timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer in ${timeoutMs} ms`));
      }, timeoutMs);
    });
    this.socket.send(JSON.stringify({ id, method, params }));
    const message = await reply.finally(() => clearTimeout(timer));
    if (message.type === 'error') throw new Error(`${method}: ${message.error} ${message.message}`);
    return message.result as T;
  }

  async installExtension(path = FIREFOX_DIST): Promise<string> {
    const result = await this.send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path },
    });
    return result.extension;
  }

  /** The top-level tabs and the address each shows. */
  async tabs(): Promise<{ context: string; url: string }[]> {
    const tree = await this.send<{ contexts: { context: string; url: string }[] }>(
      'browsingContext.getTree',
      { maxDepth: 0 },
    );
    return tree.contexts;
  }

  /** Waits until a tab shows an address `matches` accepts (the first-run page, say). */
  async waitForTab(
    matches: (url: string) => boolean,
    timeoutMs = 30_000,
  ): Promise<{ context: string; url: string }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const tab = (await this.tabs()).find((t) => matches(t.url));
      if (tab) return tab;
      if (Date.now() > deadline) throw new Error('no tab with the expected address');
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** A new tab, brought to the front, for the test's own navigations. */
  async newTab(): Promise<string> {
    const { context } = await this.send<{ context: string }>('browsingContext.create', {
      type: 'tab',
    });
    await this.send('browsingContext.activate', { context });
    return context;
  }

  /**
   * Navigates and returns the address the tab settled on. The extension may send the tab on to
   * its warning page while Firefox is still loading the first address (a redirect from a rule,
   * or tabs.update after the navigation committed): BiDi then reports the first navigation as
   * aborted, and the tab's current address is the answer.
   */
  async navigate(context: string, url: string): Promise<string> {
    try {
      const result = await this.send<{ url: string }>('browsingContext.navigate', {
        context,
        url,
        wait: 'complete',
      });
      return result.url;
    } catch (error) {
      if (!String(error).includes('NS_BINDING_ABORTED')) throw error;
      return this.settledUrl(context);
    }
  }

  /** The tab's address once its document has loaded and the address stayed put for 300 ms. */
  private async settledUrl(context: string): Promise<string> {
    const deadline = Date.now() + 20_000;
    let last = '';
    for (;;) {
      const tab = (await this.tabs()).find((t) => t.context === context);
      const url = tab?.url ?? '';
      const ready =
        url !== '' && (await this.evaluate(context, 'document.readyState')) === 'complete';
      if (ready && url === last) return url;
      if (Date.now() > deadline) throw new Error(`the tab did not settle (last at ${url})`);
      last = ready ? url : '';
      await new Promise((r) => setTimeout(r, 300));
    }
  }

  async evaluate(context: string, expression: string): Promise<unknown> {
    const result = await this.send<{ result: { value?: unknown } }>('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
    });
    return result.result.value;
  }

  async close(): Promise<void> {
    try {
      await this.send('session.end', {});
    } catch {
      // already gone
    }
    this.socket.close();
    this.process.kill('SIGKILL');
    rmSync(this.profile, { recursive: true, force: true });
  }
}

interface BidiMessage {
  id?: number;
  type: 'success' | 'error' | 'event';
  result?: unknown;
  error?: string;
  message?: string;
}
