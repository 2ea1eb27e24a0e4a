import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { useSite } from './suite.ts';
import { leaderCard, openPage, terminalText, typeIn } from './page.ts';

// The playground screen in Chromium, driven only through its accessible names (the contract
// that any outside test would use too).

const site = useSite();

function open(opts: { width?: number; height?: number; query?: string } = {}): Promise<{ page: Page; errors: string[] }> {
  return openPage(site.browser, site.url + (opts.query ?? ''), { width: opts.width ?? 1366, height: opts.height ?? 768 });
}

/** Name and term of the machine that leads now. */
async function leader(page: Page): Promise<{ name: string; term: number }> {
  const label = (await leaderCard(page).first().getAttribute('aria-label'))!;
  const m = /^(core-\d+), etcd leader, term (\d+)$/.exec(label)!;
  return { name: m[1]!, term: Number(m[2]) };
}

/** Waits for a leader other than `not` with a term above `above`. */
async function newLeader(page: Page, not: string, above: number, timeout = 10_000): Promise<{ name: string; term: number }> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const labels = await leaderCard(page).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    for (const l of labels) {
      const m = /^(core-\d+), etcd leader, term (\d+)$/.exec(l);
      if (m && m[1] !== not && Number(m[2]) > above) return { name: m[1]!, term: Number(m[2]) };
    }
    if (Date.now() > deadline) throw new Error(`no new leader above term ${above}; leaders: ${labels.join(' | ')}`);
    await page.waitForTimeout(100);
  }
}

describe('the playground in Chromium', () => {
  it('loads without console errors and shows a leader', async () => {
    const { page, errors } = await open();
    await page.waitForTimeout(1500);
    expect(await leaderCard(page).count()).toBe(1);
    for (const m of ['core-01', 'core-02', 'core-03']) {
      await expect(page.getByRole('button', { name: `Kill ${m}` }).count()).resolves.toBe(1);
      await expect(page.getByRole('button', { name: `Boot ${m}` }).count()).resolves.toBe(1);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fetches at most 150 kB of gzipped JavaScript on first load, without xterm, the shell or the editor', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname.split('/play/')[1]!);
    });
    await page.goto(site.url);
    await leaderCard(page).waitFor({ timeout: 20_000 });
    await page.waitForTimeout(2000);
    const gz = scripts.reduce((sum, f) => sum + gzipSync(readFileSync(join(site.dist, f)), { level: 9 }).length, 0);
    expect(scripts.some((s) => /xterm/.test(s))).toBe(false);
    // The shell comes with the first terminal, Monaco with the editor: neither on first load.
    expect(scripts.some((s) => /^assets\/(shell|EditorPanel|editor)[-.]/.test(s))).toBe(false);
    expect(gz).toBeLessThanOrEqual(150 * 1024);
    await page.close();
  });

  it('elects a new leader with a higher term when the leader is killed, and the old one returns as a follower', async () => {
    const { page, errors } = await open();
    const old = await leader(page);
    await page.getByRole('button', { name: `Kill ${old.name}` }).click();
    await expect(page.getByRole('button', { name: new RegExp(`^${old.name}, etcd offline`) }).count()).resolves.toBe(1);
    const next = await newLeader(page, old.name, old.term);
    expect(next.term).toBeGreaterThan(old.term);
    await page.getByRole('button', { name: `Boot ${old.name}` }).click();
    await page.getByRole('button', { name: new RegExp(`^${old.name}, etcd follower, term \\d+$`) }).waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a partition that isolates the leader elects a new leader on the majority side; after healing the old one steps down', async () => {
    const { page, errors } = await open();
    const old = await leader(page);
    await page.getByRole('button', { name: `Isolate ${old.name}` }).click();
    const next = await newLeader(page, old.name, old.term);
    expect(next.name).not.toBe(old.name);
    await page.getByRole('button', { name: 'Heal', exact: true }).click();
    await page.getByRole('button', { name: new RegExp(`^${old.name}, etcd follower, term \\d+$`) }).waitFor({ timeout: 10_000 });
    await page.waitForTimeout(300);
    expect(await leaderCard(page).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs etcdctl in two terminals: a key set on core-02 is read on core-03', async () => {
    const { page, errors } = await open();
    await typeIn(page, 'core-02', 'etcdctl set /a 1');
    await expect.poll(() => terminalText(page, 'core-02'), { timeout: 10_000 }).toMatch(/etcdctl set \/a 1\n1\n/);
    await typeIn(page, 'core-03', 'etcdctl get /a');
    await expect.poll(() => terminalText(page, 'core-03'), { timeout: 10_000 }).toMatch(/etcdctl get \/a\n1\n/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('terminal: Tab completes etcdctl subcommands, Up recalls history, Ctrl-C stops etcdctl watch', async () => {
    const { page, errors } = await open();
    await typeIn(page, 'core-01', 'etcdctl mkdir /w');
    await page.keyboard.type('etcdctl wat');
    await page.keyboard.press('Tab');
    await page.keyboard.type('/w/k');
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page, 'core-01'), { timeout: 5000 }).toContain('core@core-01 ~ $ etcdctl watch /w/k');
    await page.waitForTimeout(500);
    await page.keyboard.press('Control+C');
    await expect.poll(() => terminalText(page, 'core-01'), { timeout: 5000 }).toMatch(/etcdctl watch \/w\/k\n\^C\ncore@core-01 ~ \$/);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await terminalText(page, 'core-01')).split('\n').filter((l) => l.endsWith('$ etcdctl mkdir /w')).length, { timeout: 5000 }).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has time controls: Pause freezes virtual time, Step runs one event, Speed is a slider', async () => {
    const { page } = await open();
    const clock = page.getByLabel('virtual time');
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const frozen = await clock.innerText();
    await page.waitForTimeout(400);
    expect(await clock.innerText()).toBe(frozen);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Play', exact: true }).count()).resolves.toBe(1);
    const speed = page.getByRole('slider', { name: 'Speed' });
    expect(await speed.getAttribute('aria-valuetext')).toBe('1x');
    await speed.fill('-2');
    expect(await speed.getAttribute('aria-valuetext')).toBe('1/100x');
    await page.close();
  });

  it('announces elections in a polite live region', async () => {
    const { page } = await open();
    const old = await leader(page);
    await page.getByRole('button', { name: `Kill ${old.name}` }).click();
    const next = await newLeader(page, old.name, old.term);
    await expect.poll(() => page.locator('[aria-live="polite"]').allInnerTexts(), { timeout: 5000 }).toContainEqual(
      expect.stringContaining(`${next.name} is the new etcd leader, term ${next.term}`),
    );
    await page.close();
  });

  it('has keyboard shortcuts: select with a digit, k kills, b boots, ? opens the help', async () => {
    const { page } = await open();
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('2');
    await page.keyboard.press('k');
    await page.getByRole('button', { name: /^core-02, etcd offline/ }).waitFor({ timeout: 2000 });
    await page.keyboard.press('b');
    await page.getByRole('button', { name: /^core-02, etcd (follower|leader|candidate)/ }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'hidden' });
    await page.close();
  });

  it('stacks on a narrow screen without sideways scrolling', async () => {
    const { page, errors } = await open({ width: 400, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
