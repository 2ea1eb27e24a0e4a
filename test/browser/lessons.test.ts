import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/learn/catalog.ts';
import type { Page } from 'playwright-core';
import { useSite } from './suite.ts';
import { watchErrors } from './chromium.ts';
import { focusTerminal, leaderCard, stepButtons, stepLabels, terminalText } from './page.ts';
import lesson4 from '../../lessons/04-etcd-read-write/steps.ts';

// Lesson 4 in Chromium, done the way a learner does it: typing its commands into the terminals.

const SLUG = '04-etcd-read-write';
/** Virtual time runs 4x: the TTL step's ten seconds take 2.5. */
const SPEED = 4;

const site = useSite();

/** Goes to the lesson (at `step`) once the cluster has a leader and the steps show. */
async function openLesson(page: Page, step?: number): Promise<void> {
  await page.goto(`${site.url}?speed=${SPEED}#/lessons/${SLUG}${step ? `/${step}` : ''}`);
  await leaderCard(page).waitFor({ timeout: 20_000 });
  await stepButtons(page).first().waitFor({ timeout: 10_000 });
}

/** The terminal waits for input: its last line is a bare prompt. */
const idle = (text: string, machine: string) => text.trimEnd().split('\n').at(-1)!.trim() === `core@${machine} ~ $`;

/** Types a line and (unless told not to) waits for the next prompt: the command ended. */
async function typeLine(page: Page, machine: string, line: string, wait = true): Promise<void> {
  await focusTerminal(page, machine);
  await expect.poll(async () => idle(await terminalText(page, machine), machine), { timeout: 20_000 }).toBe(true);
  await page.keyboard.type(line);
  // Echoed (a long line wraps: compare without whitespace).
  const squash = (t: string) => t.replace(/\s+/g, '');
  await expect.poll(async () => squash(await terminalText(page, machine)).endsWith(squash(line))).toBe(true);
  await page.keyboard.press('Enter');
  if (wait) await expect.poll(async () => idle(await terminalText(page, machine), machine), { timeout: 20_000 }).toBe(true);
  else await page.waitForTimeout(300);
}

describe('lesson 4 in Chromium', () => {
  it('is completed by typing its commands into the terminals, every step marked done', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = watchErrors(page);
    await openLesson(page);
    expect((await stepLabels(page)).length).toBe(lesson4.steps.length);
    for (const [i, step] of lesson4.steps.entries()) {
      // Not done before its commands are typed (each step asks for something new).
      expect((await stepLabels(page))[i]).toMatch(/\(current step\)$/);
      await expect(page.getByRole('status').filter({ hasText: 'Not yet:' }).count()).resolves.toBe(1);
      for (const input of step.solution) {
        if ('line' in input) await typeLine(page, input.machine, input.line, input.wait !== false);
        else if ('interrupt' in input) {
          await focusTerminal(page, input.machine);
          await page.keyboard.press('Control+C');
        } else if (input.action === 'advance') await page.waitForTimeout(input.ms / SPEED + 500);
        else throw new Error(`lesson 4 has an action the test does not do: ${input.action}`);
      }
      await expect
        .poll(async () => (await stepLabels(page))[i], { timeout: 15_000, message: `step ${i + 1}; core-01:\n${await terminalText(page, 'core-01')}` })
        .toMatch(/\(done\)$/);
    }
    const labels = await stepLabels(page);
    expect(labels.every((l) => l.endsWith('(done)'))).toBe(true);
    await expect(page.getByText('Lesson complete!').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps progress across a reload, opens the step the URL names, and lists it on the index', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openLesson(page);
    await typeLine(page, 'core-01', 'etcdctl set /message hello');
    await expect.poll(async () => (await stepLabels(page))[0], { timeout: 10_000 }).toMatch(/\(done\)$/);
    // The engine moved on, and the URL says so.
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/lessons/${SLUG}/2`);
    await page.reload();
    await stepButtons(page).first().waitFor({ timeout: 20_000 });
    const labels = await stepLabels(page);
    expect(labels[0]).toMatch(/\(done\)$/);
    expect(labels[1]).toMatch(/\(current step\)$/);
    expect(labels.slice(2).every((l) => l.endsWith('(not done)'))).toBe(true);

    // A link names a step.
    await openLesson(page, 4);
    expect((await stepLabels(page))[3]).toMatch(/^Step 4: .*\(current step\)$/);

    await page.goto(`${site.url}#/lessons`);
    const index = page.getByRole('list', { name: 'All lessons' });
    await index.waitFor();
    expect(await index.getByRole('listitem').count()).toBe(8);
    await expect(index.getByText('coming soon').count()).resolves.toBe(CATALOG.filter((e) => !e.available).length);
    await expect(index.getByText('1 step done').count()).resolves.toBe(1);
    // The sandbox is one click away.
    await page.getByRole('link', { name: 'Sandbox' }).first().click();
    await leaderCard(page).waitFor({ timeout: 20_000 });
    expect(await stepButtons(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
