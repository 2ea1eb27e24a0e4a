/** systemctl (systemd 229 on CoreOS 1010) over a booted cluster's hosts. */
import { describe, it, expect, beforeAll } from 'vitest';
import { createCluster, type Cluster, type HeadlessCluster } from '../../../src/headless.ts';
import { staticClusterUserData } from '../../../src/cluster.ts';

const STAMP = /Wed 2016-06-01 09:0\d:\d\d UTC/.source;
const LINE = /^Jun 01 09:\d\d:\d\d core-01 [\w-]+\[\d+\]: .+$/;

describe('systemctl', () => {
  let c: Cluster;
  beforeAll(async () => {
    c = await createCluster({ seed: 5, machines: 3, userData: staticClusterUserData(3) });
    await c.advance(60_000);
  });

  it('status of a running etcd2: bullet, Loaded with the vendor preset, Drop-In tree, Active since, Main PID, the journal', async () => {
    const r = await c.exec('core-01', 'systemctl status etcd2');
    expect(r.exitCode).toBe(0);
    const [head, journal] = r.stdout.split('\n\n');
    const lines = head!.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '● etcd2.service - etcd2',
      '   Loaded: loaded (/usr/lib64/systemd/system/etcd2.service; disabled; vendor preset: disabled)',
      '  Drop-In: /run/systemd/system/etcd2.service.d',
      '           └─20-cloudinit.conf',
    ]);
    expect(lines[4]).toMatch(new RegExp(`^   Active: active \\(running\\) since ${STAMP}; 1min \\d+s ago$`));
    const pid = /^ Main PID: (\d+) \(etcd2\)$/.exec(lines[5]!)?.[1];
    expect(pid).toBeDefined();
    expect(lines[7]).toBe('   CGroup: /system.slice/etcd2.service');
    expect(lines[8]).toBe(`           └─${pid} /usr/bin/etcd2`);
    const jl = journal!.trimEnd().split('\n');
    expect(jl).toHaveLength(10);
    expect(jl.every((l) => LINE.test(l))).toBe(true);
    // The journal lines are the unit's: etcd's own (its Main PID) and systemd's.
    expect(jl.every((l) => l.includes(` etcd2[${pid}]: `) || l.includes(' systemd[1]: '))).toBe(true);
  });

  it('status of an unknown unit; a name without suffix is a .service', async () => {
    const r = await c.exec('core-01', 'systemctl status foo');
    expect(r).toEqual({ stdout: '● foo.service\n   Loaded: not-found (Reason: No such file or directory)\n   Active: inactive (dead)\n', stderr: '', exitCode: 3 });
  });

  it('as core, changing units needs authentication; sudo may', async () => {
    expect(await c.exec('core-02', 'systemctl stop etcd2')).toEqual({ stdout: '', stderr: 'Failed to stop etcd2.service: Interactive authentication required.\n', exitCode: 1 });
    expect(await c.exec('core-02', 'systemctl enable etcd2')).toEqual({ stdout: '', stderr: 'Failed to execute operation: Interactive authentication required.\n', exitCode: 1 });
    expect(await c.exec('core-02', 'systemctl daemon-reload')).toEqual({ stdout: '', stderr: 'Failed to reload daemon: Interactive authentication required.\n', exitCode: 1 });
    expect((await c.exec('core-02', 'systemctl is-active etcd2')).stdout).toBe('active\n');
  });

  it('sudo stop: inactive (dead), killed by TERM, Stopping/Stopped in the journal; start again', async () => {
    expect(await c.exec('core-03', 'sudo systemctl stop etcd2')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(await c.exec('core-03', 'systemctl is-active etcd2')).toEqual({ stdout: 'inactive\n', stderr: '', exitCode: 3 });
    const s = await c.exec('core-03', 'systemctl status etcd2');
    expect(s.exitCode).toBe(3);
    expect(s.stdout).toMatch(new RegExp(`\n   Active: inactive \\(dead\\) since ${STAMP}; now\n  Process: (\\d+) ExecStart=/usr/bin/etcd2 \\(code=killed, signal=TERM\\)\n Main PID: \\1 \\(code=killed, signal=TERM\\)\n\n`));
    expect(s.stdout).toMatch(/core-03 systemd\[1\]: Stopping etcd2\.\.\.\n.* core-03 systemd\[1\]: Stopped etcd2\.\n$/);
    expect(await c.exec('core-03', 'sudo systemctl start etcd2')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect((await c.exec('core-03', 'systemctl is-active etcd2')).stdout).toBe('active\n');
    const j = await c.exec('core-03', 'journalctl -u etcd2 -n 200');
    expect(j.stdout).toMatch(/systemd\[1\]: Stopped etcd2\.\n.*systemd\[1\]: Starting etcd2\.\.\.\n/);
    expect(j.stdout).toContain('systemd[1]: Started etcd2.');
  });

  it('is-active, is-enabled, is-failed and their exit codes', async () => {
    expect(await c.exec('core-01', 'systemctl is-active etcd2 nosuch')).toEqual({ stdout: 'active\nunknown\n', stderr: '', exitCode: 0 });
    expect(await c.exec('core-01', 'systemctl is-active -q nosuch')).toEqual({ stdout: '', stderr: '', exitCode: 3 });
    expect(await c.exec('core-01', 'systemctl is-enabled etcd2')).toEqual({ stdout: 'disabled\n', stderr: '', exitCode: 1 });
    expect(await c.exec('core-01', 'systemctl is-enabled fleet.socket')).toEqual({ stdout: 'static\n', stderr: '', exitCode: 0 });
    expect(await c.exec('core-01', 'systemctl is-enabled nosuch')).toEqual({ stdout: '', stderr: 'Failed to get unit file state for nosuch.service: No such file or directory\n', exitCode: 1 });
    expect(await c.exec('core-01', 'systemctl is-failed etcd2')).toEqual({ stdout: 'active\n', stderr: '', exitCode: 1 });
  });

  it('enable and disable print the symlinks (on stderr); a unit without [Install] only warns', async () => {
    expect(await c.exec('core-02', 'sudo systemctl enable etcd2')).toEqual({
      stdout: '',
      stderr: 'Created symlink from /etc/systemd/system/multi-user.target.wants/etcd2.service to /usr/lib64/systemd/system/etcd2.service.\n',
      exitCode: 0,
    });
    expect((await c.exec('core-02', 'systemctl is-enabled etcd2')).stdout).toBe('enabled\n');
    expect((await c.exec('core-02', 'sudo systemctl enable etcd2')).stderr).toBe('');
    expect(await c.exec('core-02', 'sudo systemctl disable etcd2')).toEqual({ stdout: '', stderr: 'Removed symlink /etc/systemd/system/multi-user.target.wants/etcd2.service.\n', exitCode: 0 });
    const st = await c.exec('core-02', 'sudo systemctl enable fleet.socket');
    expect(st.exitCode).toBe(0);
    expect(st.stderr).toMatch(/^The unit files have no \[Install\] section\. They are not meant to be enabled\nusing systemctl\.\n/);
    expect(await c.exec('core-02', 'sudo systemctl enable nosuch')).toEqual({ stdout: '', stderr: 'Failed to execute operation: No such file or directory\n', exitCode: 1 });
  });

  it('cat: the unit file, then its drop-ins, each under a # path line', async () => {
    const r = await c.exec('core-01', 'systemctl cat etcd2');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^# \/usr\/lib64\/systemd\/system\/etcd2\.service\n\[Unit\]\nDescription=etcd2\n/);
    expect(r.stdout).toContain('WantedBy=multi-user.target\n\n# /run/systemd/system/etcd2.service.d/20-cloudinit.conf\n[Service]\n');
    expect(await c.exec('core-01', 'systemctl cat nosuch')).toEqual({ stdout: '', stderr: 'No files found for nosuch.service.\n', exitCode: 1 });
  });

  it('list-units: the table, the legend and the count; --all adds the inactive ones; --type filters', async () => {
    const r = await c.exec('core-01', 'systemctl list-units');
    expect(r.stdout).toBe(
      'UNIT          LOAD   ACTIVE SUB     DESCRIPTION\n' +
        'etcd2.service loaded active running etcd2\n' +
        'fleet.service loaded active running fleet daemon\n' +
        '\n' +
        'LOAD   = Reflects whether the unit definition was properly loaded.\n' +
        'ACTIVE = The high-level unit activation state, i.e. generalization of SUB.\n' +
        'SUB    = The low-level unit activation state, values depend on unit type.\n' +
        '\n' +
        "2 loaded units listed. Pass --all to see loaded but inactive units, too.\n" +
        "To show all installed unit files use 'systemctl list-unit-files'.\n",
    );
    const all = await c.exec('core-01', 'systemctl list-units --all --type=socket --no-legend');
    expect(all.stdout).toBe('docker.socket loaded inactive dead Docker Socket for the API\nfleet.socket  loaded inactive dead Fleet API Socket\n');
    expect(await c.exec('core-01', 'systemctl list-units --type=bogus')).toEqual({ stdout: '', stderr: "Unknown unit type or load state 'bogus'.\nUse -t help to see a list of allowed values.\n", exitCode: 1 });
  });

  it('list-unit-files: padded columns sorted by type then name, and the count', async () => {
    const r = await c.exec('core-01', 'systemctl list-unit-files --type=socket');
    expect(r.stdout).toBe('UNIT FILE     STATE   \ndocker.socket disabled\nfleet.socket  static  \n\n2 unit files listed.\n');
  });

  it('bad usage', async () => {
    expect(await c.exec('core-01', 'systemctl frobnicate')).toEqual({ stdout: '', stderr: "Unknown operation 'frobnicate'.\n", exitCode: 1 });
    expect(await c.exec('core-01', 'sudo systemctl start')).toEqual({ stdout: '', stderr: 'Too few arguments.\n', exitCode: 1 });
    expect(await c.exec('core-01', 'systemctl --bogus')).toEqual({ stdout: '', stderr: "systemctl: unrecognized option '--bogus'\n", exitCode: 1 });
    expect(await c.exec('core-01', 'sudo systemctl start nosuch')).toEqual({ stdout: '', stderr: 'Failed to start nosuch.service: Unit nosuch.service failed to load: No such file or directory.\n', exitCode: 6 });
    expect(await c.exec('core-01', 'sudo systemctl stop nosuch')).toEqual({ stdout: '', stderr: 'Failed to stop nosuch.service: Unit nosuch.service not loaded.\n', exitCode: 5 });
  });
});

describe('systemctl and broken or edited unit files', () => {
  let c: Cluster;
  beforeAll(async () => {
    c = await createCluster({ seed: 5, machines: 1, userData: staticClusterUserData(1) });
  });
  const BROKEN = '/etc/systemd/system/broken.service';

  it('a unit that fails to load: start names the error, status shows Loaded: error and the diagnostics at their lines', async () => {
    c.writeFile('core-01', BROKEN, '[Unit]\nDescription=Broken\nFoo=bar\nthis is not a line\n\n[Service]\nExecStart=/usr/bin/sleep 1000\n');
    expect(await c.exec('core-01', 'sudo systemctl start broken')).toEqual({
      stdout: '',
      stderr: "Failed to start broken.service: Unit broken.service failed to load: Invalid argument. See system logs and 'systemctl status broken.service' for details.\n",
      exitCode: 6,
    });
    const s = await c.exec('core-01', 'systemctl status broken');
    expect(s.exitCode).toBe(3);
    const [head, journal] = s.stdout.split('\n\n');
    expect(head).toBe('● broken.service - Broken\n   Loaded: error (Reason: Invalid argument)\n   Active: inactive (dead)');
    expect(journal).toMatch(/^Jun 01 09:\d\d:\d\d core-01 systemd\[1\]: \[\/etc\/systemd\/system\/broken\.service:3\] Unknown lvalue 'Foo' in section 'Unit'\n/);
    expect(journal).toContain("systemd[1]: [/etc/systemd/system/broken.service:4] Missing '='.\n");
    expect((await c.exec('core-01', 'journalctl -u broken -q')).stdout).toContain("core-01 systemd[1]: [/etc/systemd/system/broken.service:4] Missing '='.\n");
  });

  it('a relative ExecStart: the line is ignored and the service refused', async () => {
    c.writeFile('core-01', '/etc/systemd/system/relative.service', '[Unit]\nDescription=Relative\n\n[Service]\nExecStart=docker run busybox\n');
    expect((await c.exec('core-01', 'sudo systemctl start relative')).exitCode).toBe(6);
    const j = (await c.exec('core-01', 'journalctl -u relative -q')).stdout.split('\n').map((l) => l.replace(/^.*?systemd\[1\]: /, ''));
    expect(j.slice(0, 2)).toEqual(['[/etc/systemd/system/relative.service:5] Executable path is not absolute, ignoring: docker run busybox', 'relative.service: Service lacks both ExecStart= and ExecStop= setting. Refusing.']);
  });

  it('an edit takes effect at daemon-reload; before that start, restart and status warn that the file changed on disk', async () => {
    const path = '/etc/systemd/system/hello.service';
    c.writeFile('core-01', path, '[Unit]\nDescription=Hello\n\n[Service]\nExecStart=/usr/bin/sleep 1000\n');
    expect(await c.exec('core-01', 'sudo systemctl start hello')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    c.writeFile('core-01', path, '[Unit]\nDescription=Hello Changed\n\n[Service]\nExecStart=/usr/bin/sleep 2000\n');
    const warning = "Warning: hello.service changed on disk. Run 'systemctl daemon-reload' to reload units.\n";
    expect(await c.exec('core-01', 'sudo systemctl restart hello')).toEqual({ stdout: '', stderr: warning, exitCode: 0 });
    const s = await c.exec('core-01', 'systemctl status hello');
    expect(s.stderr).toBe(warning);
    expect(s.stdout).toMatch(/^● hello\.service - Hello\n/);
    expect(s.stdout).toMatch(/\n {11}└─\d+ \/usr\/bin\/sleep 1000\n/);
    expect(s.stdout).toContain('systemd[1]: Stopping Hello...\n');
    expect((await c.exec('core-01', 'sudo systemctl daemon-reload')).exitCode).toBe(0);
    expect(await c.exec('core-01', 'sudo systemctl restart hello')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const after = await c.exec('core-01', 'systemctl status hello');
    expect(after.stderr).toBe('');
    expect(after.stdout).toMatch(/^● hello\.service - Hello Changed\n/);
    expect(after.stdout).toMatch(/\n {11}└─\d+ \/usr\/bin\/sleep 2000\n/);
  });
});

describe('systemctl reload, --failed, mask of a file in /etc, --user', () => {
  let c: Cluster;
  beforeAll(async () => {
    c = await createCluster({ seed: 5, machines: 1, userData: staticClusterUserData(1) });
  });

  it('reload needs ExecReload= (the job type is not applicable otherwise, exit 3); a unit that has one reloads', async () => {
    expect(await c.exec('core-01', 'sudo systemctl reload etcd2')).toEqual({ stdout: '', stderr: 'Failed to reload etcd2.service: Job type reload is not applicable for unit etcd2.service.\n', exitCode: 3 });
    c.writeFile('core-01', '/etc/systemd/system/r.service', '[Service]\nExecStart=/usr/bin/sleep 1000\nExecReload=/bin/kill -HUP $MAINPID\n');
    expect(await c.exec('core-01', 'sudo systemctl start r && sudo systemctl reload r')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(await c.exec('core-01', 'sudo systemctl reload nosuch')).toEqual({ stdout: '', stderr: 'Failed to reload nosuch.service: Unit nosuch.service failed to load: No such file or directory.\n', exitCode: 6 });
  });

  it('--failed lists the failed units only (list-units --state=failed)', async () => {
    const none = await c.exec('core-01', 'systemctl --failed');
    expect(none).toEqual({ stdout: "0 loaded units listed. Pass --all to see loaded but inactive units, too.\nTo show all installed unit files use 'systemctl list-unit-files'.\n", stderr: '', exitCode: 0 });
    c.writeFile('core-01', '/etc/systemd/system/etcd2.service.d/30-bad.conf', '[Service]\nEnvironment=ETCD_HEARTBEAT_INTERVAL=x\nRestart=no\n');
    await c.exec('core-01', 'sudo systemctl daemon-reload; sudo systemctl restart etcd2');
    const failed = await c.exec('core-01', 'systemctl list-units --failed --no-legend');
    // Without the legend there is no ● column either.
    expect(failed.stdout).toBe('etcd2.service loaded failed failed etcd2\n');
    expect((await c.exec('core-01', 'systemctl --state=active --no-legend')).stdout).not.toContain('etcd2');
    expect((await c.exec('core-01', 'systemctl --state=running --no-legend')).stdout).toContain('fleet.service');
  });

  it('mask refuses a unit whose file is in /etc/systemd/system; --user has no bus to talk to', async () => {
    c.writeFile('core-01', '/etc/systemd/system/hello.service', '[Service]\nExecStart=/usr/bin/sleep 1000\n');
    expect(await c.exec('core-01', 'sudo systemctl mask hello')).toEqual({ stdout: '', stderr: 'Failed to execute operation: File exists\n', exitCode: 1 });
    expect((await c.exec('core-01', 'systemctl is-enabled hello')).stdout).toBe('static\n');
    expect(await c.exec('core-01', 'sudo systemctl mask docker')).toEqual({ stdout: '', stderr: 'Created symlink from /etc/systemd/system/docker.service to /dev/null.\n', exitCode: 0 });
    expect(await c.exec('core-01', 'systemctl --user status')).toEqual({ stdout: '', stderr: 'Failed to connect to bus: Connection refused\n', exitCode: 1 });
  });
});

describe('systemctl status: exit status names', () => {
  it('status names only the codes systemd itself defines (EXIT_STATUS_SYSTEMD); the journal line uses the LSB names too', async () => {
    const c = await createCluster({ seed: 5, machines: 1, userData: staticClusterUserData(1) });
    c.writeFile('core-01', '/etc/systemd/system/two.service', '[Unit]\nDescription=Two\n[Service]\nExecStart=/usr/bin/two\n');
    c.writeFile('core-01', '/etc/systemd/system/exec.service', '[Unit]\nDescription=Exec\n[Service]\nExecStart=/usr/bin/nothere\n');
    await c.exec('core-01', 'sudo systemctl start two exec');
    const units = (c as HeadlessCluster).sim.host('core-01').units;
    units.processExited('two.service', 2);
    units.processExited('exec.service', 203);
    const two = await c.exec('core-01', 'systemctl status two');
    expect(two.stdout).toMatch(/\n {2}Process: (\d+) ExecStart=\/usr\/bin\/two \(code=exited, status=2\)\n Main PID: \1 \(code=exited, status=2\)\n/);
    expect(two.stdout).toContain('systemd[1]: two.service: Main process exited, code=exited, status=2/INVALIDARGUMENT\n');
    const exec = await c.exec('core-01', 'systemctl status exec');
    expect(exec.stdout).toMatch(/ Main PID: \d+ \(code=exited, status=203\/EXEC\)\n/);
    expect(exec.stdout).toContain('exec.service: Main process exited, code=exited, status=203/EXEC\n');
  });
});

describe('systemctl and Restart=always', () => {
  it('etcd2 exiting with an error: failed state, the hold-off, restarted after RestartSec=10s; start waits for the job', async () => {
    const c = await createCluster({ seed: 9, machines: 3, userData: staticClusterUserData(3) });
    // A drop-in with a bad value makes etcd exit at once (flag parsing).
    c.writeFile('core-02', '/etc/systemd/system/etcd2.service.d/30-bad.conf', '[Service]\nEnvironment=ETCD_HEARTBEAT_INTERVAL=x\n');
    const start = c.now();
    expect((await c.exec('core-02', 'sudo systemctl daemon-reload')).exitCode).toBe(0);
    const r = await c.exec('core-02', 'sudo systemctl restart etcd2');
    expect(r).toEqual({
      stdout: '',
      stderr: 'Job for etcd2.service failed because the control process exited with error code. See "systemctl status etcd2.service" and "journalctl -xe" for details.\n',
      exitCode: 1,
    });
    const s = await c.exec('core-02', 'systemctl status etcd2');
    expect(s.exitCode).toBe(3);
    // Drop-ins in the order they apply (by file name), a new directory line where the directory changes.
    expect(s.stdout).toContain('  Drop-In: /run/systemd/system/etcd2.service.d\n           └─20-cloudinit.conf\n        /etc/systemd/system/etcd2.service.d\n           └─30-bad.conf\n');
    expect(s.stdout).toMatch(/\n {3}Active: activating \(auto-restart\) \(Result: exit-code\) since Wed .*; now\n {2}Process: (\d+) ExecStart=\/usr\/bin\/etcd2 \(code=exited, status=1\/FAILURE\)\n Main PID: \1 \(code=exited, status=1\/FAILURE\)\n\n/);
    expect((await c.exec('core-02', 'systemctl is-active etcd2')).stdout).toBe('activating\n');
    await c.advance(10_500);
    const j = (await c.exec('core-02', 'journalctl -u etcd2 -q')).stdout.split('\n').map((l) => l.replace(/^.*?: /, ''));
    const i = j.indexOf('etcd2.service: Main process exited, code=exited, status=1/FAILURE', j.lastIndexOf('Stopping etcd2...'));
    expect(i).toBeGreaterThan(0);
    expect(j[i - 1]).toMatch(/^invalid value "x" for ETCD_HEARTBEAT_INTERVAL/);
    expect(j.slice(i, i + 10)).toEqual([
      'etcd2.service: Main process exited, code=exited, status=1/FAILURE',
      'Failed to start etcd2.',
      'etcd2.service: Unit entered failed state.',
      "etcd2.service: Failed with result 'exit-code'.",
      'etcd2.service: Service hold-off time over, scheduling restart.',
      'Stopped etcd2.',
      'Starting etcd2...',
      j[i + 7]!,
      'etcd2.service: Main process exited, code=exited, status=1/FAILURE',
      'Failed to start etcd2.',
    ]);
    // The restart came RestartSec after the failure.
    const full = (await c.exec('core-02', 'journalctl -u etcd2 -q')).stdout.split('\n');
    const sec = (l: string | undefined) => Number(/ 09:(\d\d):(\d\d) /.exec(l ?? '')!.slice(1).reduce((m, x) => String(Number(m) * 60 + Number(x))));
    const failedAt = full.find((l) => l.endsWith("etcd2.service: Failed with result 'exit-code'."));
    const holdAt = full.find((l) => l.endsWith('scheduling restart.'));
    expect(sec(holdAt) - sec(failedAt)).toBe(10);
    expect(c.now() - start).toBeGreaterThanOrEqual(10_000);
    // Fixed and started by hand: the loop ends.
    c.writeFile('core-02', '/etc/systemd/system/etcd2.service.d/30-bad.conf', '');
    // Without daemon-reload the start runs the definition loaded before, and fails as before.
    expect((await c.exec('core-02', 'sudo systemctl start etcd2')).stderr).toBe(
      "Warning: etcd2.service changed on disk. Run 'systemctl daemon-reload' to reload units.\n" +
        'Job for etcd2.service failed because the control process exited with error code. See "systemctl status etcd2.service" and "journalctl -xe" for details.\n',
    );
    expect((await c.exec('core-02', 'systemctl is-active etcd2')).stdout).toBe('activating\n');
    expect((await c.exec('core-02', 'sudo systemctl daemon-reload && sudo systemctl start etcd2')).exitCode).toBe(0);
    expect((await c.exec('core-02', 'systemctl is-active etcd2')).stdout).toBe('active\n');
    await c.advance(30_000);
    expect((await c.exec('core-02', 'systemctl is-active etcd2')).stdout).toBe('active\n');
  });

  it('a member removed from the cluster exits (status 0) and every restart is turned away again', async () => {
    const c = await createCluster({ seed: 11, machines: 3, userData: staticClusterUserData(3) });
    const list = (await c.exec('core-01', 'etcdctl member list')).stdout;
    const id = /^(\w+): name=core-03 /m.exec(list)?.[1];
    expect(id).toBeDefined();
    expect((await c.exec('core-01', `etcdctl member remove ${id}`)).exitCode).toBe(0);
    await c.advance(25_000);
    const j = (await c.exec('core-03', 'journalctl -u etcd2 -q')).stdout;
    const removed = j.split('\n').filter((l) => l.includes('the member has been permanently removed from the cluster'));
    expect(removed.length).toBeGreaterThanOrEqual(2);
    expect(j).not.toContain('Main process exited');
    expect(j).toContain('systemd[1]: etcd2.service: Service hold-off time over, scheduling restart.\n');
    const s = await c.exec('core-03', 'systemctl status etcd2');
    expect(s.stdout).toMatch(/Active: (activating \(auto-restart\)|active \(running\)) since /);
    expect(s.stdout).not.toContain('Result: exit-code');
  });
});
