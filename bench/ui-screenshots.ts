/**
 * Screenshots of the playground for looking at: desktop 1440x900 and phone 400x800, in a few
 * states (steady, election, split, inspector, light theme). Saved under screenshots/.
 * Run: npx tsx bench/ui-screenshots.ts
 */
import { mkdirSync } from 'node:fs';
import { startSite, stopSite } from '../test/browser/site.ts';
import { leaderCard, openPage, replaceInEditor } from '../test/browser/page.ts';

const OUT = new URL('../screenshots/', import.meta.url).pathname;
mkdirSync(OUT, { recursive: true });

async function main(): Promise<void> {
  const site = await startSite();
  try {
    const only = process.argv[2];
    for (const [name, vw, vh, machines] of [
      ['desktop', 1440, 900, 3],
      ['laptop', 1366, 768, 5],
      ['phone', 400, 800, 3],
      ['nine', 1440, 900, 9],
      ['editor', 1440, 900, 3],
      ['editor-laptop', 1366, 768, 3],
      ['editor-phone', 400, 800, 3],
    ] as const) {
      if (only && only !== name) continue;
      const { page, errors } = await openPage(site.browser, `${site.url}?machines=${machines}&seed=42`, { width: vw, height: vh, ready: (p) => leaderCard(p).first() });
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `${OUT}${name}-1-steady.png` });
      if (name === 'desktop' || name === 'phone') {
        // A command in a terminal.
        await page.getByRole('tab', { name: 'core-01' }).click();
        await page.waitForTimeout(600);
        await page.keyboard.type('etcdctl set /message hello\n');
        await page.waitForTimeout(800);
        await page.keyboard.type('etcdctl get /message\n');
        await page.waitForTimeout(800);
        // Kill the leader, look during the election.
        const leader = await page.getByRole('button', { name: /etcd leader/ }).first().getAttribute('aria-label');
        const lname = leader!.split(',')[0]!;
        await page.getByRole('button', { name: `Kill ${lname}` }).click();
        await page.waitForTimeout(1300);
        await page.getByRole('button', { name: 'Pause' }).click();
        await page.screenshot({ path: `${OUT}${name}-2-election.png` });
        await page.getByRole('button', { name: 'Play' }).click();
        await page.getByRole('button', { name: `Boot ${lname}` }).click();
        await page.waitForTimeout(2500);
        // Select the leader: inspector.
        await page.getByRole('button', { name: /etcd leader/ }).first().click();
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${OUT}${name}-3-inspector.png`, fullPage: name === 'phone' });
        // Split: isolate the leader.
        const l2 = (await page.getByRole('button', { name: /etcd leader/ }).first().getAttribute('aria-label'))!.split(',')[0]!;
        await page.getByRole('button', { name: `Isolate ${l2}` }).click();
        await page.waitForTimeout(3000);
        await page.screenshot({ path: `${OUT}${name}-4-split.png` });
        await page.getByRole('button', { name: /(Light|Dark) theme/ }).click();
        await page.waitForTimeout(400);
        await page.screenshot({ path: `${OUT}${name}-5-light.png`, fullPage: name === 'phone' });
        await page.getByRole('button', { name: /(Light|Dark) theme/ }).click();
      }
      if (name === 'desktop') {
        // Slow motion: messages in flight, one of them opened.
        await page.getByRole('button', { name: 'Heal', exact: true }).click();
        await page.getByRole('slider', { name: 'Speed' }).fill('-1.3');
        await page.waitForTimeout(2500);
        await page.getByRole('button', { name: 'Pause', exact: true }).click();
        const msg = page.locator('.msg').first();
        if (await msg.count()) await msg.dispatchEvent('click');
        await page.waitForTimeout(200);
        await page.screenshot({ path: `${OUT}${name}-6-message.png` });
        await page.getByRole('button', { name: 'Split', exact: true }).click();
        await page.waitForTimeout(200);
        await page.screenshot({ path: `${OUT}${name}-7-split-dialog.png` });
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
        await page.waitForTimeout(200);
        await page.screenshot({ path: `${OUT}${name}-8-help.png` });
        await page.keyboard.press('Escape');
      }
      if (name.startsWith('editor')) {
        // The editor with a finding, then a fourth machine (a proxy on a size-3 token).
        if (name === 'editor-phone') await page.getByRole('button', { name: 'Terminal', exact: true }).click();
        await page.getByRole('tab', { name: 'Editor' }).click();
        await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 20_000 });
        await page.waitForTimeout(500);
        await page.locator('.monaco-editor .view-lines').click();
        await replaceInEditor(page, 'command: start', 'command: begin');
        await page.waitForTimeout(600);
        await page.screenshot({ path: `${OUT}${name}-1-finding.png`, fullPage: name === 'editor-phone' });
        await page.keyboard.press('Control+z');
        await page.getByRole('button', { name: 'Add machine', exact: true }).click();
        await page.getByRole('button', { name: /^core-04, etcd/ }).waitFor({ timeout: 30_000 });
        await page.waitForTimeout(4000);
        await page.screenshot({ path: `${OUT}${name}-2-proxy.png`, fullPage: name === 'editor-phone' });
        if (name === 'editor') {
          await page.getByRole('button', { name: /(Light|Dark) theme/ }).click();
          await page.waitForTimeout(400);
          await page.screenshot({ path: `${OUT}${name}-3-light.png` });
          await page.getByRole('button', { name: 'Destroy core-02' }).click();
          await page.waitForTimeout(200);
          await page.screenshot({ path: `${OUT}${name}-4-destroy.png` });
          await page.keyboard.press('Escape');
        }
      }
      if (errors.length) console.log(name, 'errors:', errors);
      await page.close();
    }
  } finally {
    await stopSite(site);
  }
  console.log('saved in', OUT);
}

await main();
