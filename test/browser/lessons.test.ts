import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/learn/catalog.ts';
import type { Browser, Page } from 'playwright-core';
import type { Server } from 'node:http';
import { buildSite, serve } from './site.ts';
import { launchChromium, watchErrors } from './chromium.ts';
import lesson4 from '../../lessons/04-etcd-read-write/steps.ts';

// Lesson 4 in Chromium, done the way a learner does it: typing its commands into the terminals.

const SLUG = '04-etcd-read-write';
/** Virtual time runs 4x: the TTL step's ten seconds take 2.5. */
const SPEED = 4;

let browser: Browser;
let server: Server;
let url: string;

beforeAll(async () => {
  const dist = await buildSite();
  ({ url, server } = await serve(dist));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

const stepButtons = (page: Page) => page.getByRole('list', { name: 'Steps' }).getByRole('button');

async function stepLabels(page: Page): Promise<string[]> {
  return stepButtons(page).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
}

async function openLesson(page: Page, step?: number): Promise<void> {
  await page.goto(`${url}?speed=${SPEED}#/lessons/${SLUG}${step ? `/${step}` : ''}`);
  await page.getByRole('button', { name: /^core-\d+, etcd leader, term \d+$/ }).waitFor({ timeout: 20_000 });
  await stepButtons(page).first().waitFor({ timeout: 10_000 });
}

async function terminalText(page: Page, machine: string): Promise<string> {
  return (await page.locator(`#term-${machine} .xterm-rows`).innerText()).replace(/\u00a0/g, ' ');
}

/** The terminal waits for input: its last line is a bare prompt. */
const idle = (text: string, machine: string) => text.trimEnd().split('\n').at(-1)!.trim() === `core@${machine} ~ $`;

async function focusTerminal(page: Page, machine: string): Promise<void> {
  await page.getByRole('tab', { name: machine, exact: true }).click();
  await page.locator(`#term-${machine} .xterm`).waitFor();
  await page.locator(`#term-${machine} .xterm-helper-textarea`).focus();
}

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
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
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
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
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

    await page.goto(`${url}#/lessons`);
    const index = page.getByRole('list', { name: 'All lessons' });
    await index.waitFor();
    expect(await index.getByRole('listitem').count()).toBe(8);
    await expect(index.getByText('coming soon').count()).resolves.toBe(CATALOG.filter((e) => !e.available).length);
    await expect(index.getByText('1 step done').count()).resolves.toBe(1);
    // The sandbox is one click away.
    await page.getByRole('link', { name: 'Sandbox' }).first().click();
    await page.getByRole('button', { name: /^core-\d+, etcd leader, term \d+$/ }).waitFor({ timeout: 20_000 });
    expect(await stepButtons(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
