import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from './suite.ts';
import { leaderCard, openPage, replaceInEditor, terminalText, typeIn } from './page.ts';

// The editor and the machine controls in Chromium: edit the user-data with live
// `coreos-cloudinit -validate` diagnostics, boot a new cluster from it, add a machine.

const site = useSite();
const open = () => openPage(site.browser, site.url);

/** Runs a command and returns what it printed (up to the next prompt). */
async function run(page: Page, machine: string, line: string, timeout = 15_000): Promise<string> {
  await typeIn(page, machine, line);
  const prompt = `core@${machine} ~ $`;
  let out = '';
  await expect
    .poll(
      async () => {
        const all = await terminalText(page, machine);
        const at = all.lastIndexOf(`$ ${line}`);
        const rest = at < 0 ? '' : all.slice(at + line.length + 2);
        const end = rest.indexOf(prompt);
        out = end < 0 ? '' : rest.slice(1, end);
        return end >= 0;
      },
      { timeout },
    )
    .toBe(true);
  return out;
}

const findings = (page: Page) => page.getByRole('list', { name: 'Findings' });

async function openEditor(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Editor' }).click();
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 20_000 });
  await expect.poll(() => page.locator('#findings-title').innerText(), { timeout: 5000 }).not.toContain('checking');
}

/** The top (px) of the rendered line `n`'s number and of the first error squiggle. */
async function squiggleLine(page: Page): Promise<number | undefined> {
  return page.evaluate(() => {
    const sq = document.querySelector('.monaco-editor .squiggly-error');
    if (!sq) return undefined;
    const top = (sq.parentElement as HTMLElement).getBoundingClientRect().top;
    for (const el of document.querySelectorAll<HTMLElement>('.monaco-editor .line-numbers')) {
      if (Math.abs(el.getBoundingClientRect().top - top) < 2) return Number(el.textContent);
    }
    return undefined;
  });
}

describe('the editor in Chromium', () => {
  it('edits the user-data with live diagnostics, boots a new 3-machine cluster from it, and etcd is healthy', async () => {
    const { page, errors } = await open();
    // Where the first `command: start` is (etcd2.service's), from the machine itself.
    const grep = await run(page, 'core-01', "grep -n 'command: start' /home/core/user-data");
    const line = Number(/^(\d+):/.exec(grep.trim())?.[1]);
    expect(line).toBeGreaterThan(1);

    await openEditor(page);
    expect(await page.getByRole('button', { name: 'core-01 /home/core/user-data' }).count()).toBe(1);
    // The stock user-data validates clean.
    expect(await page.locator('#findings-title').innerText()).toContain('no problems');

    // Introduce an error: select the first `command: start` (find, then close the widget) and retype it.
    await page.locator('.monaco-editor .view-lines').click();
    await replaceInEditor(page, 'command: start', 'command: begin');
    await expect.poll(() => findings(page).innerText().catch(() => ''), { timeout: 5000 }).toContain(`line ${line}: error: invalid value begin`);
    await expect.poll(() => squiggleLine(page), { timeout: 5000 }).toBe(line);
    expect(await page.getByRole('button', { name: 'core-01 /home/core/user-data (unsaved)' }).count()).toBe(1);

    // Fix it: the diagnostic goes away.
    await replaceInEditor(page, 'command: begin', 'command: start');
    await expect.poll(() => page.locator('#findings-title').innerText(), { timeout: 5000 }).toContain('no problems');
    await expect.poll(() => page.locator('.monaco-editor .squiggly-error').count(), { timeout: 2000 }).toBe(0);

    // The token is the running cluster's: a new cluster needs a new one.
    await page.getByRole('button', { name: 'New discovery token' }).click();
    await expect.poll(() => page.locator('[role="status"]').allInnerTexts(), { timeout: 10_000 }).toContainEqual(expect.stringMatching(/New discovery token for 3 machines/));

    await page.getByRole('spinbutton', { name: 'Machines in the new cluster' }).fill('3');
    await page.getByRole('button', { name: 'Boot new cluster from this user-data' }).click();
    await page.getByRole('dialog', { name: /Boot a new cluster of 3/ }).getByRole('button', { name: 'Destroy and boot' }).click();

    // The new cluster elects a leader; its machines registered on the new token.
    await leaderCard(page).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByRole('list', { name: /^3 of 3 registered: / }).count(), { timeout: 20_000 }).toBe(1);
    // The new machines hold the edited user-data: the editor's copy is no longer unsaved.
    expect(await page.getByRole('button', { name: 'core-01 /home/core/user-data' }).count()).toBe(1);
    const health = await run(page, 'core-02', 'etcdctl cluster-health', 20_000);
    expect(health).toMatch(/^member [0-9a-f]{16} is healthy: got healthy result from http:\/\/172\.17\.8\.10\d:2379$/m);
    expect(health.trim().split('\n').at(-1)).toBe('cluster is healthy');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keys typed before the terminal has loaded wait for the shell, then run', async () => {
    const { page, errors } = await open();
    // The shell chunk arrives late (a slow network), so the keys surely come first.
    let shellFetched = false;
    await page.route(/\/assets\/shell-[^/]*\.js$/, async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      shellFetched = true;
      await route.continue();
    });
    // The first tab's terminal, never opened: focusing it starts loading xterm and the shell;
    // typing goes on at once, into the placeholder, before either has arrived.
    await page.getByRole('textbox', { name: 'Terminal core-01' }).focus();
    await page.keyboard.type('hostname');
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page, 'core-01').catch(() => ''), { timeout: 10_000 }).toMatch(/core@core-01 ~ \$ hostname\ncore-01\n/);
    expect(shellFetched).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves the user-data into the machine, where the shell sees it', async () => {
    const { page, errors } = await open();
    await openEditor(page);
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('# saved from the editor');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByRole('button', { name: 'core-01 /home/core/user-data' }).count()).toBe(1);
    const out = await run(page, 'core-01', 'tail -n 1 /home/core/user-data');
    expect(out.trim()).toBe('# saved from the editor');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('adds a fourth machine on a size-3 token: it becomes an etcd proxy; destroying it removes it', async () => {
    const { page, errors } = await open();
    await page.getByRole('button', { name: 'Add machine', exact: true }).click();
    await page.getByRole('button', { name: 'core-04, etcd proxy' }).waitFor({ timeout: 30_000 });
    await expect(page.getByRole('list', { name: /^3 of 3 registered: / }).count()).resolves.toBe(1);
    // Through the proxy, the members answer.
    const list = await run(page, 'core-04', 'etcdctl member list', 20_000);
    // (xterm wraps the long lines: count the members, not the rows.)
    expect(list.match(/^[0-9a-f]{16}: name=/gm)).toHaveLength(3);

    await page.getByRole('button', { name: 'Destroy core-04' }).click();
    await page.getByRole('dialog', { name: 'Destroy core-04?' }).getByRole('button', { name: 'Destroy core-04' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^core-04, / }).count(), { timeout: 5000 }).toBe(0);
    expect(await page.getByRole('tab', { name: 'core-04' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
