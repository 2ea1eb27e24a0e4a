/** journalctl over a host's journal (systemd 229 short output). */
import { describe, it, expect } from 'vitest';
import { BootWorld } from '../../etcd/boot-harness.ts';
import { vagrantEtcdConfig } from '../../../src/etcd/config.ts';
import { createCluster } from '../../../src/headless.ts';
import { staticClusterUserData } from '../../../src/cluster.ts';

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
    expect((await w.exec('core-01', 'journalctl -nx')).stderr).toBe("Failed to parse lines 'x'\n");
    expect((await w.exec('core-01', 'journalctl --lines=-1')).stderr).toBe("Failed to parse lines '-1'\n");
    // `n::`: a bare -n is 10 lines; the next word is its value only if it is a number or `all`.
    expect((await w.exec('core-01', 'journalctl -u etcd2 -n')).stdout.trimEnd().split('\n')).toHaveLength(11);
    expect((await w.exec('core-01', 'journalctl -u etcd2 -n 3')).stdout.trimEnd().split('\n')).toHaveLength(4);
    expect((await w.exec('core-01', 'journalctl -u etcd2 --lines')).stdout.trimEnd().split('\n')).toHaveLength(11);
    expect((await w.exec('core-01', 'journalctl -u etcd2 -n all')).stdout).toBe((await w.exec('core-01', 'journalctl -u etcd2')).stdout);
    expect(await w.exec('core-01', 'journalctl -n x')).toEqual({ stdout: '', stderr: "Failed to add match 'x': Invalid argument\n", code: 1 });
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

describe('journalctl -x, -p, --since/--until, -o', () => {
  const START = [
    '-- Subject: Unit etcd2.service has begun start-up',
    '-- Defined-By: systemd',
    '-- Support: http://lists.freedesktop.org/mailman/listinfo/systemd-devel',
    '-- ',
    '-- Unit etcd2.service has begun starting up.',
  ];

  it('-x adds the catalog text after the messages that have one; -xe is -x with the last 1000 lines', async () => {
    const c = await createCluster({ seed: 5, machines: 1, userData: staticClusterUserData(1) });
    await c.advance(5000);
    const r = await c.exec('core-01', 'journalctl -x -u etcd2 -q');
    const lines = r.stdout.trimEnd().split('\n');
    const i = lines.findIndex((l) => l.endsWith('systemd[1]: Starting etcd2...'));
    expect(lines.slice(i + 1, i + 6)).toEqual(START);
    const j = lines.findIndex((l) => l.endsWith('systemd[1]: Started etcd2.'));
    expect(lines.slice(j + 1, j + 8)).toEqual([
      '-- Subject: Unit etcd2.service has finished start-up',
      '-- Defined-By: systemd',
      '-- Support: http://lists.freedesktop.org/mailman/listinfo/systemd-devel',
      '-- ',
      '-- Unit etcd2.service has finished starting up.',
      '-- ',
      '-- The start-up result is done.',
    ]);
    // etcd's own lines have no catalog entry.
    expect(lines[lines.findIndex((l) => l.includes('etcd Version')) + 1]).not.toMatch(/^-- /);
    expect((await c.exec('core-01', 'journalctl -xe -u etcd2 -q')).stdout).toBe(r.stdout);
    await c.exec('core-01', 'sudo systemctl stop etcd2');
    const stop = (await c.exec('core-01', 'journalctl -xe -q -n 2')).stdout.split('\n');
    expect(stop.filter((l) => l.startsWith('-- Subject: '))).toEqual(['-- Subject: Unit etcd2.service has begun shutting down', '-- Subject: Unit etcd2.service has finished shutting down']);
  });

  it('-p: this priority and the more urgent ones, or a range; bad levels are refused', async () => {
    const c = await createCluster({ seed: 5, machines: 1, userData: staticClusterUserData(1) });
    c.writeFile('core-01', '/etc/systemd/system/w.service', '[Service]\nExecStart=/bin/w\nBogus=1\nType=simpel\n');
    await c.exec('core-01', 'systemctl status w');
    const msg = (out: string) => out.trimEnd().split('\n').map((l) => l.replace(/^.*?systemd\[1\]: /, ''));
    expect(msg((await c.exec('core-01', 'journalctl -q -p err')).stdout)).toEqual(['[/etc/systemd/system/w.service:4] Failed to parse service type, ignoring: simpel']);
    expect(msg((await c.exec('core-01', 'journalctl -q -p 3 -u w')).stdout)).toHaveLength(1);
    expect(msg((await c.exec('core-01', 'journalctl -q -p warning..warning')).stdout)).toEqual(["[/etc/systemd/system/w.service:3] Unknown lvalue 'Bogus' in section 'Service'"]);
    expect(await c.exec('core-01', 'journalctl -p bogus')).toEqual({ stdout: '', stderr: 'Unknown log level bogus\n', exitCode: 1 });
    expect(await c.exec('core-01', 'journalctl -p 1..x')).toEqual({ stdout: '', stderr: 'Failed to parse log level range 1..x\n', exitCode: 1 });
  });

  it('--since and --until take a date, a time of today, or a relative time; -o cat prints the messages alone', async () => {
    const c = await createCluster({ seed: 5, machines: 1, userData: staticClusterUserData(1) });
    await c.advance(5000);
    const all = (await c.exec('core-01', 'journalctl -q -u etcd2')).stdout.trimEnd().split('\n');
    const at = (l: string) => / 09:00:(\d\d) /.exec(l)![1];
    expect(new Set(all.map(at))).toEqual(new Set(['03', '04']));
    const since = (await c.exec('core-01', "journalctl -q -u etcd2 --since '2016-06-01 09:00:04'")).stdout.trimEnd().split('\n');
    expect(since).toEqual(all.filter((l) => at(l) === '04'));
    const until = (await c.exec('core-01', 'journalctl -q -u etcd2 --until 09:00:04')).stdout.trimEnd().split('\n');
    expect(until).toEqual(all.filter((l) => at(l) === '03'));
    expect((await c.exec('core-01', 'journalctl -q -u etcd2 -S -1min')).stdout.trimEnd().split('\n')).toEqual(all);
    expect((await c.exec('core-01', "journalctl -q -u etcd2 --since '1 s ago'")).stdout).toBe('');
    expect((await c.exec('core-01', 'journalctl -q -u etcd2 --since today')).stdout.trimEnd().split('\n')).toEqual(all);
    expect((await c.exec('core-01', 'journalctl -q -u etcd2 --since tomorrow')).stdout).toBe('');
    expect(await c.exec('core-01', 'journalctl --since soon')).toEqual({ stdout: '', stderr: 'Failed to parse timestamp: soon\n', exitCode: 1 });
    expect(await c.exec('core-01', 'journalctl -S 09:00:05 -U 09:00:01')).toEqual({ stdout: '', stderr: '--since= must be before --until=.\n', exitCode: 1 });
    const cat = (await c.exec('core-01', 'journalctl -q -u etcd2 -o cat -n 3')).stdout;
    expect(cat).toBe(all.slice(-3).map((l) => l.replace(/^.*?\]: /, '') + '\n').join(''));
    expect(await c.exec('core-01', 'journalctl -o bogus')).toEqual({ stdout: '', stderr: "Unknown output format 'bogus'.\n", exitCode: 1 });
  });
});
