// A virtual X display (Xvfb, Debian's `xvfb` package) for tests that need the browser's own UI,
// which headless Chromium does not draw. Xvfb chooses a free display number itself (-displayfd:
// several test runs can share the machine) and keeps its screen in a file (-fbdir, an XWD image),
// so the whole screen is read without any screenshot tool.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXwd, type Raster } from './raster';

export const XVFB = process.env.XVFB_PATH ?? '/usr/bin/Xvfb';

export interface XDisplay {
  /** The DISPLAY value, e.g. ":99". */
  display: string;
  width: number;
  height: number;
  /** The whole screen as it is now. */
  capture(): Raster;
  stop(): Promise<void>;
}

export async function startXDisplay(size = { width: 1280, height: 800 }): Promise<XDisplay> {
  if (!existsSync(XVFB))
    throw new Error(`No Xvfb at ${XVFB}: \`apt-get install xvfb\` (tools/ci/system-deps.sh does).`);
  const dir = mkdtempSync(join(tmpdir(), 'kg-xvfb-'));
  const server: ChildProcess = spawn(
    XVFB,
    [
      '-displayfd',
      '3',
      '-screen',
      '0',
      `${size.width}x${size.height}x24`,
      '-fbdir',
      dir,
      '-nolisten',
      'tcp',
      // No pointer drawn over the screen.
      '-nocursor',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  server.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const number = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start: ${stderr}`)), 15_000);
    server.stdio[3]!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out.trim());
      }
    });
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}): ${stderr}`));
    });
  });
  const screenFile = join(dir, 'Xvfb_screen0');
  return {
    display: `:${number}`,
    ...size,
    capture: () => readXwd(readFileSync(screenFile)),
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((r) => server.once('exit', r));
        server.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
