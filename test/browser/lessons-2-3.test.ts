import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from './suite.ts';
import { openPage, stepButtons, stepLabels } from './page.ts';

// Lessons 2 and 3 in Chromium, solved with the panel's Solve button step after step: their
// solutions use the screen's actions (boot a new cluster, add a machine, kill, boot) and inputs
// worked out as they are played (the learner's discovery token, the machine that leads).

const SPEED = 4;

const site = useSite();

const lessonUrl = (slug: string) => `${site.url}?speed=${SPEED}#/lessons/${slug}`;
/** The first machine's card shows (its etcd may not run yet). */
const firstCard = (page: Page) => page.getByRole('button', { name: /^core-01, etcd / });
const machineLabels = (page: Page) => page.getByRole('button', { name: /^core-\d+, etcd / }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));

/** On the open lesson `slug`: Solve, step after step, each marked done. */
async function solveAll(page: Page, slug: string): Promise<void> {
  await stepButtons(page).first().waitFor({ timeout: 10_000 });
  const n = (await stepLabels(page)).length;
  for (let i = 0; i < n; i++) {
    expect((await stepLabels(page))[i], `step ${i + 1} before Solve`).toMatch(/\(current step\)$/);
    await page.getByRole('button', { name: 'Solve', exact: true }).click();
    await expect
      .poll(async () => (await stepLabels(page))[i], { timeout: 60_000, message: `step ${i + 1} of ${slug}: ${await page.getByRole('status').allInnerTexts()}` })
      .toMatch(/\(done\)$/);
  }
  await expect(page.getByText('Lesson complete!').count()).resolves.toBe(1);
}

describe('lessons 2 and 3 in Chromium', () => {
  it('lesson 2 is solved step by step: a token, the cloud-config, a new cluster and a proxy', async () => {
    const { page, errors } = await openPage(site.browser, lessonUrl('02-cluster-setup'), { ready: firstCard });
    expect(await machineLabels(page)).toEqual(['core-01, etcd not running', 'core-02, etcd not running', 'core-03, etcd not running']);
    await solveAll(page, '02-cluster-setup');
    const labels = await machineLabels(page);
    expect(labels).toHaveLength(4);
    expect(labels).toContain('core-04, etcd proxy');
    expect(labels.filter((l) => / etcd leader, /.test(l))).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('lesson 3 is solved step by step: the leader killed, the majority lost, the cluster back', async () => {
    const { page, errors } = await openPage(site.browser, lessonUrl('03-etcd-discovery'), { ready: firstCard });
    await solveAll(page, '03-etcd-discovery');
    const labels = await machineLabels(page);
    expect(labels.filter((l) => / etcd leader, /.test(l))).toHaveLength(1);
    expect(labels.filter((l) => / etcd follower, /.test(l))).toHaveLength(2);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
