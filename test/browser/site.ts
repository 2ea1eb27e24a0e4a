import { build } from 'vite';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Builds the site into a fresh temporary folder; returns the folder. */
export async function buildSite(opts: { minify?: boolean } = {}): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'pg-dist-'));
  // Build what ships: under vitest NODE_ENV is `test`, and Vite keeps a preset NODE_ENV, which
  // would compile Svelte in dev mode (about 10 kB more gzipped than `npm run build`).
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'error',
      mode: 'production',
      build: { outDir, emptyOutDir: true, minify: opts.minify ?? true },
    });
  } finally {
    if (env === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = env;
  }
  return outDir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Serves `dir` under `base` (a sub-path, to prove the build works from any path) on a free port. */
export async function serve(dir: string, base = '/play/'): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (!path.startsWith(base)) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}${base}`, server };
}

/** The built site, served, and a Chromium to look at it with. */
export interface Site {
  dist: string;
  url: string;
  server: Server;
  browser: Browser;
}

/** Builds and serves the site and launches Chromium (about a minute: give it a long timeout). */
export async function startSite(): Promise<Site> {
  const dist = await buildSite();
  const { url, server } = await serve(dist);
  return { dist, url, server, browser: await launchChromium() };
}

export async function stopSite(site: Partial<Site>): Promise<void> {
  await site.browser?.close();
  site.server?.close();
}
