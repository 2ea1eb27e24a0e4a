import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';
import { VAGRANT_USER_DATA } from '../../cloudconfig/fixtures.ts';
import * as cloudconfigModule from '../../../src/cloudconfig/index.ts';
import { provideCloudconfig } from '../../../src/shell/commands/coreos-cloudinit.ts';

// As headless callers do: no real-time module load inside virtual time.
provideCloudconfig(cloudconfigModule);

// Virtual time 0 is 2016-06-01T09:00:00Z (src/sim/time.ts); Go's log prefixes each line with it.
const T0 = '2016/06/01 09:00:00 ';
const CHECKING = `${T0}Checking availability of "local-file"\n`;
const FETCHING = `${T0}Fetching user-data from datasource of type "local-file"\n`;

describe('coreos-cloudinit -validate', () => {
  it('a valid cloud-config: the two info lines, exit 0', async () => {
    const h = new ShellHarness();
    h.host.fs.write('/home/core/user-data', VAGRANT_USER_DATA);
    const r = await h.run('coreos-cloudinit -validate --from-file user-data');
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: CHECKING + FETCHING });
  });
  it('one log line per finding, exit 1 even for warnings only', async () => {
    const h = new ShellHarness();
    h.host.fs.write('/tmp/cc.yml', '#cloud-config\ncoreos:\n  update:\n    reboot-strategy: sometimes\nbogus_key: 1\n');
    const r = await h.run('coreos-cloudinit --validate -from-file=/tmp/cc.yml');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      CHECKING + FETCHING +
        `${T0}line 5: warning: unrecognized key "bogus_key"\n` +
        `${T0}line 4: error: invalid value sometimes\n`,
    );
    h.host.fs.write('/tmp/w.yml', '#cloud-config\nbogus: 1\n');
    expect((await h.run('coreos-cloudinit -validate -from-file /tmp/w.yml')).code).toBe(1);
  });
  it('a bad header', async () => {
    const h = new ShellHarness();
    h.host.fs.write('/tmp/x', 'hostname: a\n');
    const r = await h.run('coreos-cloudinit -validate -from-file /tmp/x');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(CHECKING + FETCHING + `${T0}line 1: error: must be "#cloud-config" or begin with "#!"\n`);
  });
  it('a missing file is polled with backoff until the 5 minute datasource timeout', async () => {
    const h = new ShellHarness();
    const r = await h.run('coreos-cloudinit -validate -from-file /tmp/nope', { limitMs: 400_000 });
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(CHECKING.trimEnd());
    expect(lines.at(-1)).toBe('2016/06/01 09:05:00 No datasources available in time');
    // 0, .1, .3, .7, 1.5, 3.1, 6.3, 12.7, 25.5, 51.1 s, then every 30 s up to 291.1 s.
    expect(lines.filter((l) => l.endsWith('Checking availability of "local-file"'))).toHaveLength(18);
    expect(r.elapsed).toBe(300_000);
  });
  it('without a datasource flag', async () => {
    const h = new ShellHarness();
    const r = await h.run('coreos-cloudinit -validate');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^Provide at least one of --from-file, --from-configdrive/);
  });
  it('unknown flags are Go flag errors', async () => {
    const h = new ShellHarness();
    const r = await h.run('coreos-cloudinit -bogus');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('flag provided but not defined: -bogus');
  });
  it('applying (no -validate) is not simulated', async () => {
    const h = new ShellHarness();
    h.host.fs.write('/tmp/cc', '#cloud-config\nhostname: a\n');
    const r = await h.run('coreos-cloudinit --from-file /tmp/cc');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not simulated');
  });
});
