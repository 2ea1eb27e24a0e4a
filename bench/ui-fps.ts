/**
 * Frame rate of the built site in Chromium: 9 machines at 1x for 20 s of wall time.
 * Prints frames per second and the 95th-percentile frame time (targets: 60 fps, p95 < 20 ms).
 * Run: npx tsx bench/ui-fps.ts [seconds]
 */
import { buildSite, serve } from '../test/browser/site.ts';
import { launchChromium, watchErrors } from '../test/browser/chromium.ts';

const SECONDS = Number(process.argv[2] ?? 20);

async function main(): Promise<void> {
  const dir = await buildSite();
  const { url, server } = await serve(dir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${url}?machines=9&seed=1&speed=1`);
    await page.getByRole('button', { name: /etcd leader/ }).first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1000);
    // Sent as text: a bundler's helpers (e.g. esbuild's __name) do not exist in the page.
    const r = (await page.evaluate(`(async (seconds) => {
      const times = [];
      const vt = () => document.querySelector('[aria-label="virtual time"]')?.textContent ?? '';
      const startVirtual = vt();
      await new Promise((done) => {
        const end = performance.now() + seconds * 1000;
        const loop = (t) => {
          times.push(t);
          if (t < end) requestAnimationFrame(loop);
          else done();
        };
        requestAnimationFrame(loop);
      });
      const gaps = times.slice(1).map((t, i) => t - times[i]);
      const sorted = [...gaps].sort((a, b) => a - b);
      return {
        frames: gaps.length,
        wall: (times[times.length - 1] - times[0]) / 1000,
        p50: sorted[Math.floor(sorted.length * 0.5)],
        p95: sorted[Math.floor(sorted.length * 0.95)],
        max: sorted[sorted.length - 1],
        startVirtual,
        endVirtual: vt(),
        messages: document.querySelectorAll('.msg').length,
      };
    })(${SECONDS})`)) as { frames: number; wall: number; p50: number; p95: number; max: number; startVirtual: string; endVirtual: string; messages: number };
    const fps = r.frames / r.wall;
    console.log(`machines: 9, speed: 1x, wall: ${r.wall.toFixed(1)} s, virtual: ${r.startVirtual} -> ${r.endVirtual}`);
    console.log(`frames per second: ${fps.toFixed(1)} (target 60)`);
    console.log(`frame time p50: ${r.p50.toFixed(1)} ms, p95: ${r.p95.toFixed(1)} ms (target < 20), max: ${r.max.toFixed(1)} ms`);
    console.log(`message shapes on screen at the end: ${r.messages}`);
    if (errors.length) console.log('console errors:', errors);
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
