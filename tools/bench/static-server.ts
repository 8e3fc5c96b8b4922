// A static file server like the ones lists are published on (GitHub Pages, a CDN): ETag and 304,
// gzip when the client accepts it, and a count of every byte it sends (headers included), so the
// benchmarks can say what an update really costs on the wire.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export class StaticServer {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private readonly files = new Map<string, { body: Buffer; gzip: Buffer; etag: string }>();
  readonly requests: string[] = [];
  port = 0;

  /** Publish (or replace) files under `prefix`. */
  put(prefix: string, files: Map<string, string>): void {
    for (const [path, text] of files) {
      const body = Buffer.from(text);
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 20)}"`;
      this.files.set(`${prefix}${path}`, { body, gzip: gzipSync(body, { level: 9 }), etag });
    }
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /**
   * The same file under a host name: the extension downloads only from public host names, never
   * from an IP literal. Chromium's test launch maps every name to 127.0.0.1; Node callers map it
   * with `toLoopback`.
   */
  namedUrl(path: string): string {
    return `http://${STATIC_HOST}:${this.port}${path}`;
  }

  /** Bytes sent so far on every connection. */
  bytesSent(): number {
    let total = 0;
    for (const socket of this.sockets) total += socket.bytesWritten;
    return total;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0]!;
      this.requests.push(path);
      const file = this.files.get(path);
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      if (req.headers['if-none-match'] === file.etag) {
        res.writeHead(304, { etag: file.etag }).end();
        return;
      }
      const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const body = gzip ? file.gzip : file.body;
      res
        .writeHead(200, {
          'content-type': path.endsWith('.json') ? 'application/json' : 'text/plain',
          'content-length': body.length,
          etag: file.etag,
          ...(gzip ? { 'content-encoding': 'gzip' } : {}),
        })
        .end(body);
    });
    this.server.on('connection', (socket: Socket) => this.sockets.add(socket));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Let the process exit while the server is still up (a server shared by a whole test run). */
  unref(): this {
    this.server?.unref();
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export const STATIC_HOST = 'static.kusuri-guard-test.example';

/** A fetch for Node that sends requests for STATIC_HOST to the loopback server. */
export function toLoopback(input: string, init?: RequestInit): Promise<Response> {
  const url = new URL(input);
  if (url.hostname === STATIC_HOST) url.hostname = '127.0.0.1';
  return globalThis.fetch(url.href, init);
}
