// A local web server that answers for any hostname (Chromium maps every name to 127.0.0.1 with
// --host-resolver-rules), serves fixture pages by Host header, and logs every request so tests can
// prove that a blocked site was never contacted.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoggedRequest {
  host: string;
  path: string;
  method: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => boolean | void;

export class FixtureServer {
  readonly log: LoggedRequest[] = [];
  private readonly pages = new Map<string, string>();
  private readonly handlers: Handler[] = [];
  private server: Server | null = null;
  port = 0;

  /** Serve `html` for `http://<host>:<port><path>`. */
  page(host: string, path: string, html: string): this {
    this.pages.set(`${host}${path}`, html);
    return this;
  }

  handle(handler: Handler): this {
    this.handlers.push(handler);
    return this;
  }

  url(host: string, path = '/'): string {
    return `http://${host}:${this.port}${path}`;
  }

  /**
   * Chromium's flag to send every http:// request through this server, so pages open at
   * `proxiedUrl`, without a port in the address bar (the toolbar screenshots show it).
   */
  proxyArg(): string {
    return `--proxy-server=http://127.0.0.1:${this.port}`;
  }

  /** `http://<host><path>`, reached through proxyArg. */
  proxiedUrl(host: string, path = '/'): string {
    return `http://${host}${path}`;
  }

  requestsTo(host: string): LoggedRequest[] {
    return this.log.filter((r) => r.host === host || r.host.endsWith(`.${host}`));
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        // As a proxy (proxyArg) the server is asked for absolute URLs: serve them the same.
        if (req.url && /^http:\/\//i.test(req.url)) {
          const absolute = new URL(req.url);
          req.url = `${absolute.pathname}${absolute.search}`;
        }
        const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
        const path = req.url ?? '/';
        this.log.push({
          host,
          path,
          method: req.method ?? 'GET',
          headers: req.headers,
          body,
          at: Date.now(),
        });
        for (const handler of this.handlers) if (handler(req, res, body)) return;
        const html = this.pages.get(`${host}${path}`) ?? this.pages.get(`*${path}`);
        if (html === undefined) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          return;
        }
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }
}

export function simplePage(title: string, body: string, lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}
