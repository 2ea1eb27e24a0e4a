import type { Browser, Locator, Page } from 'playwright-core';
import { watchErrors } from './chromium.ts';

// What the browser tests (and the screenshot bench) do on the playground's page, by accessible names.

/** The card of the machine that leads etcd. */
export const leaderCard = (page: Page): Locator => page.getByRole('button', { name: /^core-\d+, etcd leader, term \d+$/ });

/**
 * A new page at `url`, its console errors and page errors collected, once `ready` (by default a
 * leader card) shows.
 */
export async function openPage(
  browser: Browser,
  url: string,
  opts: { width?: number; height?: number; ready?: (page: Page) => Locator } = {},
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 } });
  const errors = watchErrors(page);
  await page.goto(url);
  await (opts.ready ?? leaderCard)(page).waitFor({ timeout: 20_000 });
  return { page, errors };
}

/** A terminal's screen, one string, lines without trailing blanks (xterm's non-breaking spaces made plain). */
export async function terminalText(page: Page, machine: string): Promise<string> {
  const text = await page.locator(`#term-${machine} .xterm-rows`).innerText();
  return text
    .split('\n')
    .map((l) => l.replace(/\u00a0/g, ' ').trimEnd())
    .join('\n');
}

/** Opens a machine's terminal tab and puts the keyboard in it. */
export async function focusTerminal(page: Page, machine: string): Promise<void> {
  await page.getByRole('tab', { name: machine, exact: true }).click();
  await page.locator(`#term-${machine} .xterm`).waitFor();
  await page.locator(`#term-${machine} .xterm-helper-textarea`).focus();
}

/** Types a line and Enter into a machine's terminal (without waiting for the command). */
export async function typeIn(page: Page, machine: string, line: string): Promise<void> {
  await focusTerminal(page, machine);
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** In the open Monaco editor: finds the first `from` (from the top) and types `to` over it. */
export async function replaceInEditor(page: Page, from: string, to: string): Promise<void> {
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+f');
  await page.keyboard.type(from);
  await page.keyboard.press('Escape');
  await page.keyboard.type(to);
}

/** A lesson's step buttons, and their labels (`Step 2: … (done)`). */
export const stepButtons = (page: Page): Locator => page.getByRole('list', { name: 'Steps' }).getByRole('button');
export const stepLabels = (page: Page): Promise<string[]> => stepButtons(page).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
