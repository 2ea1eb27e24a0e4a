/** journalctl over a host's journal (systemd 229 short output). */
import { describe, it, expect } from 'vitest';
import { BootWorld } from '../../etcd/boot-harness.ts';
import { vagrantEtcdConfig } from '../../../src/etcd/config.ts';

function world(seed: number): BootWorld {
  const w = new BootWorld(seed);
  w.add(1, vagrantEtcdConfig('core-01', '172.17.8.101', [{ name: 'core-01', ip: '172.17.8.101' }]));
  return w;
}

const LINE = /^[A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} core-01 etcd2\[\d+\]: .+$/;

describe('journalctl', () => {
  it('-u etcd2 prints the header, then one short line per record', async () => {
    const w = world(51);
    await w.advance(8000);
    const r = await w.exec('core-01', 'journalctl -u etcd2 --no-pager');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^-- Logs begin at Wed 2016-06-01 09:00:0\d UTC, end at Wed 2016-06-01 09:00:0\d UTC\. --$/);
    expect(lines.slice(1).every((l) => LINE.test(l))).toBe(true);
    expect(lines[1]).toMatch(/etcd2\[\d+\]: etcd Version: 2\.3\.7$/);
    expect(r.stdout).toContain(': raft.node: ');
  });

  it('-n N keeps the last N; a unit with no records says so', async () => {
    const w = world(52);
    await w.advance(8000);
    const r = await w.exec('core-01', 'journalctl -u etcd2.service -n 2');
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(3);
    const none = await w.exec('core-01', 'journalctl -u fleet');
    expect(none.stdout).toMatch(/^-- Logs begin at .* UTC\. --\n-- No entries --\n$/);
    expect((await w.exec('core-01', 'journalctl -n x')).stderr).toBe("Failed to parse lines 'x'\n");
  });

  it('marks reboots; -b shows the current boot only', async () => {
    const w = world(53);
    await w.advance(8000);
    w.m('core-01').host.reboot();
    await w.advance(8000);
    const all = await w.exec('core-01', 'journalctl -u etcd2');
    expect(all.stdout).toContain('\n-- Reboot --\n');
    const b = await w.exec('core-01', 'journalctl -b -u etcd2');
    expect(b.stdout).not.toContain('-- Reboot --');
    expect(b.stdout).toContain('the server is already initialized as member before, starting as etcd member...');
    expect(b.stdout.split('etcd Version').length).toBe(2);
  });

  it('-f prints the last lines, follows new records until Ctrl-C', async () => {
    const w = world(54);
    await w.advance(8000);
    const sh = w.m('core-01').shell;
    const ctl = sh.createSignal();
    let out = '';
    const done = sh.run('journalctl -f -u etcd2', { stdout: { write: (s) => (out += s) }, stderr: { write: () => undefined }, signal: ctl.signal });
    w.world.wake();
    await w.advance(100);
    expect(out).toMatch(/^-- Logs begin at Wed 2016-06-01 09:00:0\d UTC\. --\n/);
    expect(out.trimEnd().split('\n')).toHaveLength(11);
    w.m('core-01').host.journal.append({ unit: 'etcd2.service', identifier: 'etcd2', pid: 600, message: 'later line' });
    await w.advance(100);
    expect(out.trimEnd().endsWith('core-01 etcd2[600]: later line')).toBe(true);
    ctl.interrupt('SIGINT');
    expect(await w.pump.hold(done)).toBe(130);
  });
});
