/** The host's systemd: states, timestamps, jobs, Restart= and the systemd[1] journal lines. */
import { describe, it, expect } from 'vitest';
import { FileSystem } from '../../src/host/filesystem.ts';
import { Journal } from '../../src/host/journal.ts';
import { Units, parseTimeSpan, type JobResult, type SystemdHost, type UnitBackend } from '../../src/host/units.ts';

function setup() {
  let now = 0;
  const timers: { at: number; fn: () => void; live: boolean }[] = [];
  let pid = 600;
  const journal = new Journal(() => now);
  journal.newBoot();
  const host: SystemdHost = {
    journal,
    context: {
      now: () => now,
      setTimer: (fn, ms) => {
        const t = { at: now + ms, fn, live: true };
        timers.push(t);
        return () => void (t.live = false);
      },
    },
    allocPid: () => ++pid,
  };
  const fs = new FileSystem();
  const units = new Units(fs, host);
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const next = timers.filter((t) => t.live && t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      next.live = false;
      now = next.at;
      next.fn();
    }
    now = end;
  };
  const log = () => journal.entries().map((e) => `${e.identifier}: ${e.message}`);
  return { fs, units, advance, log, journal };
}

const SVC = '[Unit]\nDescription=Demo\n\n[Service]\nExecStart=/usr/bin/demo\nRestart=always\nRestartSec=10s\n\n[Install]\nWantedBy=multi-user.target\n';

/** A Type=notify process the test drives: ready() and exit() by hand. */
class FakeProc implements UnitBackend {
  running = false;
  readyNow = false;
  startOk = true;
  start(): boolean {
    this.running = this.startOk;
    return this.startOk;
  }
  stop(): void {
    this.running = false;
  }
  isReady(): boolean {
    return this.readyNow;
  }
  mainPid(): number {
    return 4242;
  }
}

describe('Units', () => {
  it('start of a unit without a process: Starting.../Started with pid 1, active (running) with a main PID', () => {
    const { fs, units, log, journal } = setup();
    fs.write('/usr/lib/systemd/system/demo.service', SVC);
    expect(units.start('demo.service')).toEqual({ result: 'done' });
    // systemd's lines carry UNIT=, so `journalctl -u demo` shows them.
    expect(journal.entries()[0]).toMatchObject({ identifier: 'systemd', pid: 1, unit: 'demo.service' });
    expect(units.runtime('demo.service')).toMatchObject({ active: 'active', sub: 'running', activeEnter: 0, mainPid: 601 });
    expect(log()).toEqual(['systemd: Starting Demo...', 'systemd: Started Demo.']);
  });

  it('a notify service stays activating (start) until ready; its job ends then', () => {
    const { fs, units, advance } = setup();
    fs.write('/usr/lib/systemd/system/demo.service', SVC);
    const p = new FakeProc();
    units.provide('demo.service', p);
    const jobs: JobResult[] = [];
    units.start('demo.service', (r) => jobs.push(r));
    expect(units.runtime('demo.service')).toMatchObject({ active: 'activating', sub: 'start', mainPid: 4242 });
    advance(500);
    p.readyNow = true;
    units.ready('demo.service');
    expect(jobs).toEqual(['done']);
    expect(units.runtime('demo.service')).toMatchObject({ active: 'active', activeEnter: 500 });
  });

  it('Restart=always: a failing process goes failed, then auto-restart, and starts again after RestartSec', () => {
    const { fs, units, advance, log } = setup();
    fs.write('/usr/lib/systemd/system/demo.service', SVC);
    const p = new FakeProc();
    p.startOk = false;
    units.provide('demo.service', p);
    const jobs: JobResult[] = [];
    units.start('demo.service', (r) => jobs.push(r));
    expect(jobs).toEqual(['failed']);
    expect(units.runtime('demo.service')).toMatchObject({ active: 'activating', sub: 'auto-restart', result: 'exit-code', exec: { pid: 4242, code: 'exited', status: 1 } });
    expect(log()).toEqual([
      'systemd: Starting Demo...',
      'systemd: demo.service: Main process exited, code=exited, status=1/FAILURE',
      'systemd: Failed to start Demo.',
      'systemd: demo.service: Unit entered failed state.',
      "systemd: demo.service: Failed with result 'exit-code'.",
    ]);
    advance(9_999);
    expect(log()).toHaveLength(5);
    p.startOk = true;
    p.readyNow = true;
    advance(1);
    expect(log().slice(5)).toEqual(['systemd: demo.service: Service hold-off time over, scheduling restart.', 'systemd: Stopped Demo.', 'systemd: Starting Demo...', 'systemd: Started Demo.']);
    expect(units.runtime('demo.service')).toMatchObject({ active: 'active', sub: 'running', result: 'success', activeEnter: 10_000 });
  });

  it('a clean exit (status 0) restarts too, without the failure lines; stop during the hold-off ends the loop', () => {
    const { fs, units, advance, log } = setup();
    fs.write('/usr/lib/systemd/system/demo.service', SVC);
    const p = new FakeProc();
    p.readyNow = true;
    units.provide('demo.service', p);
    units.start('demo.service');
    advance(1000);
    units.processExited('demo.service', 0);
    expect(units.runtime('demo.service')).toMatchObject({ active: 'activating', sub: 'auto-restart', result: 'success' });
    expect(log()).toEqual(['systemd: Starting Demo...', 'systemd: Started Demo.']);
    units.stop('demo.service');
    expect(units.runtime('demo.service')).toMatchObject({ active: 'inactive', sub: 'dead' });
    advance(20_000);
    expect(log()).toEqual(['systemd: Starting Demo...', 'systemd: Started Demo.', 'systemd: Stopped Demo.']);
  });

  it('stop: Stopping/Stopped, killed by TERM; Conflicts= stops the other unit', () => {
    const { fs, units, log } = setup();
    fs.write('/usr/lib/systemd/system/a.service', '[Unit]\nDescription=A\n[Service]\nExecStart=/bin/a\n');
    fs.write('/usr/lib/systemd/system/b.service', '[Unit]\nDescription=B\nConflicts=a.service\n[Service]\nExecStart=/bin/b\n');
    units.start('a.service');
    units.start('b.service');
    expect(units.state('a.service')).toBe('inactive');
    expect(units.runtime('a.service').exec).toEqual({ pid: 601, code: 'killed', status: 'TERM' });
    expect(log()).toEqual(['systemd: Starting A...', 'systemd: Started A.', 'systemd: Stopping A...', 'systemd: Stopped A.', 'systemd: Starting B...', 'systemd: Started B.']);
  });

  it('unit file state, errors for masked and missing units, sockets listen', () => {
    const { fs, units, log } = setup();
    fs.write('/usr/lib/systemd/system/demo.service', SVC);
    fs.write('/usr/lib/systemd/system/s.socket', '[Unit]\nDescription=S Socket\n[Socket]\nListenStream=2375\n');
    expect(units.unitFileState('demo.service')).toBe('disabled');
    units.enabled.add('demo.service');
    expect(units.unitFileState('demo.service')).toBe('enabled');
    expect(units.unitFileState('s.socket')).toBe('static');
    units.masked.add('demo.service');
    expect(units.start('demo.service')).toEqual({ error: 'Unit demo.service is masked.' });
    expect(units.start('nope.service')).toEqual({ error: 'Unit nope.service failed to load: No such file or directory.' });
    units.start('s.socket');
    expect(units.runtime('s.socket')).toMatchObject({ active: 'active', sub: 'listening' });
    expect(log()).toEqual(['systemd: Starting S Socket.', 'systemd: Listening on S Socket.']);
  });

  it('changed on disk until daemon-reload', () => {
    const { fs, units } = setup();
    fs.write('/usr/lib/systemd/system/demo.service', SVC);
    units.start('demo.service');
    expect(units.needsReload('demo.service')).toBe(false);
    fs.write('/etc/systemd/system/demo.service.d/x.conf', '[Service]\nEnvironment=A=1\n');
    expect(units.needsReload('demo.service')).toBe(true);
    units.daemonReload();
    expect(units.needsReload('demo.service')).toBe(false);
  });

  it('a unit that fails to load: its diagnostics go to the journal under the unit, start is refused with the load error', () => {
    const { fs, units, journal } = setup();
    fs.write('/etc/systemd/system/broken.service', '[Unit]\nDescription=Broken\nFoo=bar\nthis is not a line\n[Service]\nExecStart=/bin/x\n');
    expect(units.start('broken.service')).toEqual({
      error: "Unit broken.service failed to load: Invalid argument. See system logs and 'systemctl status broken.service' for details.",
    });
    expect(journal.entries().map((e) => [e.unit, e.identifier, e.pid, e.priority, e.message])).toEqual([
      ['broken.service', 'systemd', 1, 4, "[/etc/systemd/system/broken.service:3] Unknown lvalue 'Foo' in section 'Unit'"],
      ['broken.service', 'systemd', 1, 4, "[/etc/systemd/system/broken.service:4] Missing '='."],
    ]);
    expect(units.loadState('broken.service')).toEqual({ state: 'error', reason: 'Invalid argument' });
    expect(units.state('broken.service')).toBe('inactive');
    // A unit that failed to load is not kept: fixed on disk, the next start reads it again.
    fs.write('/etc/systemd/system/broken.service', '[Unit]\nDescription=Fixed\n[Service]\nExecStart=/bin/x\n');
    expect(units.start('broken.service')).toEqual({ result: 'done' });
    expect(journal.entries().at(-1)?.message).toBe('Started Fixed.');
  });

  it('warnings only: the unit loads with the settings that were understood; each load says them again', () => {
    const { fs, units, log } = setup();
    fs.write('/etc/systemd/system/w.service', '[Unit]\nDescription=W\n[Service]\nExecStart=/bin/w\nBogus=1\n[Instal]\nWantedBy=multi-user.target\n');
    units.start('w.service');
    expect(units.loadState('w.service')).toEqual({ state: 'loaded' });
    expect(units.unitFileState('w.service')).toBe('static');
    expect(log()).toEqual([
      "systemd: [/etc/systemd/system/w.service:5] Unknown lvalue 'Bogus' in section 'Service'",
      "systemd: [/etc/systemd/system/w.service:6] Unknown section 'Instal'. Ignoring.",
      'systemd: Starting W...',
      'systemd: Started W.',
    ]);
    units.daemonReload();
    expect(log().slice(4)).toEqual(['systemd: Reloading.', "systemd: [/etc/systemd/system/w.service:5] Unknown lvalue 'Bogus' in section 'Service'", "systemd: [/etc/systemd/system/w.service:6] Unknown section 'Instal'. Ignoring."]);
  });

  it('a loaded unit keeps its definition until daemon-reload', () => {
    const { fs, units, log } = setup();
    fs.write('/etc/systemd/system/hello.service', '[Unit]\nDescription=Hello\n[Service]\nExecStart=/usr/bin/sleep 1000\n');
    units.start('hello.service');
    fs.write('/etc/systemd/system/hello.service', '[Unit]\nDescription=Hello Changed\n[Service]\nExecStart=/usr/bin/sleep 2000\n');
    expect(units.needsReload('hello.service')).toBe(true);
    units.command('hello.service', 'restart');
    expect(units.setting('hello.service', 'Service', 'ExecStart')).toBe('/usr/bin/sleep 1000');
    expect(log().slice(2)).toEqual(['systemd: Stopping Hello...', 'systemd: Stopped Hello.', 'systemd: Starting Hello...', 'systemd: Started Hello.']);
    units.daemonReload();
    expect(units.description('hello.service')).toBe('Hello Changed');
    expect(units.setting('hello.service', 'Service', 'ExecStart')).toBe('/usr/bin/sleep 2000');
  });

  it('time spans', () => {
    expect(parseTimeSpan('10s')).toBe(10_000);
    expect(parseTimeSpan('5')).toBe(5000);
    expect(parseTimeSpan('1min 30s')).toBe(90_000);
    expect(parseTimeSpan('100ms')).toBe(100);
    expect(parseTimeSpan('x')).toBeUndefined();
  });
});
