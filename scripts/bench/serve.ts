// A fresh build in a temp folder, served by `vite preview` on a free port, with the load yardsticks
// beside it: the same page with its scripts taken out, and a page holding one line of text.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited (${server.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer on ${url}`);
}

/**
 * The built page as a browser with scripts off would draw it: every <script> and module preload
 * removed, the prerendered diagram and the inlined stylesheet kept. Its first paint is the floor
 * that the page's own HTML and CSS set.
 */
export function withoutScripts(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/g, '')
    .replace(/<link rel="modulepreload"[^>]*>\s*/g, '');
}

/** One line of text, timed the same way as the diagram (Element Timing). */
export const TEXT_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>text</title></head>' +
  '<body><p elementtiming="diagram">Docker Network Lab</p></body></html>\n';

/** Builds the app into a temp folder and serves it; `stop` kills the server's process group. */
export async function serveFreshBuild(): Promise<{ base: string; stop: () => void }> {
  const out = mkdtempSync(join(tmpdir(), 'dnl-bench-'));
  execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
    stdio: 'inherit',
  });
  writeFileSync(join(out, 'text.html'), TEXT_PAGE);
  writeFileSync(
    join(out, 'noscript.html'),
    withoutScripts(readFileSync(join(out, 'index.html'), 'utf8')),
  );
  const port = await freePort();
  const args = ['vite', 'preview', '--outDir', out, '--host', '127.0.0.1', '--port', String(port)];
  const server = spawn('npx', [...args, '--strictPort'], { detached: true, stdio: 'ignore' });
  const stop = () => {
    try {
      if (server.pid !== undefined && server.exitCode === null)
        process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(out, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${base}/`, server);
  } catch (e) {
    stop();
    throw e;
  }
  return { base, stop };
}
