// A minimal WebDriver BiDi client for Firefox ESR. playwright-core cannot drive this Firefox, but
// BiDi can install the extension (webExtension.install), navigate and evaluate, which is all the
// Firefox smoke tests need.
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

  async send<T = Record<string, unknown>>(
    method: string,
    params: Record<string, unknown>,
  ): Promise<T> {
    const id = ++this.nextId;
    const reply = new Promise<BidiMessage>((r) => this.pending.set(id, r));
    this.socket.send(JSON.stringify({ id, method, params }));
    const message = await reply;
    if (message.type === 'error') throw new Error(`${method}: ${message.error} ${message.message}`);
    return message.result as T;
  }

  async installExtension(path = FIREFOX_DIST): Promise<string> {
    const result = await this.send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path },
    });
    return result.extension;
  }

  async topContext(): Promise<{ context: string; url: string }> {
    const tree = await this.send<{ contexts: { context: string; url: string }[] }>(
      'browsingContext.getTree',
      {},
    );
    return tree.contexts[0]!;
  }

  async navigate(context: string, url: string): Promise<string> {
    const result = await this.send<{ url: string }>('browsingContext.navigate', {
      context,
      url,
      wait: 'complete',
    });
    return result.url;
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
