/** coreos-cloudinit v1.9.3 applying user-data (reference F; system/*.go, initialize/config.go). */
import { describe, it, expect } from 'vitest';
import { gzipSync } from 'node:zlib';
import { runCloudinit, type CloudinitSystem } from '../../src/cloudconfig/apply.ts';
import type { User } from '../../src/cloudconfig/config.ts';

class FakeSystem implements CloudinitSystem {
  files = new Map<string, { content: string; mode: number }>();
  lines: string[] = [];
  commands: string[] = [];
  enabled: string[] = [];
  masked: string[] = [];
  hostname = '';
  users: string[] = [];
  constructor(initial: Record<string, string> = {}) {
    for (const [p, c] of Object.entries(initial)) this.files.set(p, { content: c, mode: 0o644 });
  }
  readFile = (p: string) => this.files.get(p)?.content;
  writeFile = (p: string, content: string, mode: number) => void this.files.set(p, { content, mode });
  list = (dir: string) => [...this.files.keys()].filter((k) => k.startsWith(dir + '/') && !k.slice(dir.length + 1).includes('/')).map((k) => k.slice(dir.length + 1));
  setHostname = (n: string) => void (this.hostname = n);
  userExists = (n: string) => n === 'core';
  createUser = (u: User) => void this.users.push(u.name);
  unitCommand = (unit: string, command: string) => {
    this.commands.push(`${command} ${unit}`);
    return unit === 'missing.service' ? { error: 'Unit missing.service failed to load: No such file or directory.' } : { result: 'done' };
  };
  enableUnit = (u: string) => void this.enabled.push(u);
  maskUnit = (u: string) => void this.masked.push(u);
  unmaskUnit = () => undefined;
  daemonReload = () => undefined;
  log = (m: string) => void this.lines.push(m);
  /** What went to stdout with fmt.Printf (no log prefix); also in `lines`, for the order. */
  printed: string[] = [];
  print = (t: string) => {
    this.printed.push(t);
    this.lines.push(t);
  };
}

const ENV = { publicIpv4: '172.17.8.101', privateIpv4: '172.17.8.101' };
const run = (ud: string, initial?: Record<string, string>) => {
  const sys = new FakeSystem({ '/etc/environment': 'COREOS_PUBLIC_IPV4=172.17.8.101\nCOREOS_PRIVATE_IPV4=172.17.8.101\n', ...initial });
  const code = runCloudinit(ud, ENV, sys);
  return { sys, code };
};

describe('coreos-cloudinit applying user-data', () => {
  it('coreos.etcd2 becomes the 20-cloudinit.conf drop-in of etcd2.service in /run, $private_ipv4 substituted', () => {
    const { sys, code } = run(`#cloud-config
coreos:
  etcd2:
    name: node1
    discovery: https://discovery.etcd.io/abc
    advertise-client-urls: http://$public_ipv4:2379
    initial-advertise-peer-urls: http://$private_ipv4:2380
    heartbeat-interval: 200
    debug: true
`);
    expect(code).toBe(0);
    // Fields in the struct's order (config/etcd2.go), Environment="KEY=value" per line.
    expect(sys.readFile('/run/systemd/system/etcd2.service.d/20-cloudinit.conf')).toBe(
      '[Service]\n' +
        'Environment="ETCD_ADVERTISE_CLIENT_URLS=http://172.17.8.101:2379"\n' +
        'Environment="ETCD_DEBUG=true"\n' +
        'Environment="ETCD_DISCOVERY=https://discovery.etcd.io/abc"\n' +
        'Environment="ETCD_HEARTBEAT_INTERVAL=200"\n' +
        'Environment="ETCD_INITIAL_ADVERTISE_PEER_URLS=http://172.17.8.101:2380"\n' +
        'Environment="ETCD_NAME=node1"\n',
    );
    expect(sys.lines).toContain('Writing drop-in unit "20-cloudinit.conf" to filesystem');
    expect(sys.lines).toContain('Ensuring runtime unit file "etcd2.service" is unmasked');
    // Nothing starts etcd2 unless the units say so.
    expect(sys.commands).toEqual([]);
  });

  it('coreos.etcd, fleet and locksmith get their drop-ins (ETCD_SNAPSHOTCOUNT, FLEET_*, LOCKSMITHD_* and REBOOT_WINDOW_*)', () => {
    const { sys } = run(`#cloud-config
coreos:
  etcd:
    addr: $public_ipv4:4001
    snapshot_count: 5000
  fleet:
    public-ip: $public_ipv4
    metadata: region=us-west
  locksmith:
    group: web
    window-start: Sun 1:00
    window-length: 2h
`);
    expect(sys.readFile('/run/systemd/system/etcd.service.d/20-cloudinit.conf')).toBe('[Service]\nEnvironment="ETCD_ADDR=172.17.8.101:4001"\nEnvironment="ETCD_SNAPSHOTCOUNT=5000"\n');
    expect(sys.readFile('/run/systemd/system/fleet.service.d/20-cloudinit.conf')).toBe('[Service]\nEnvironment="FLEET_METADATA=region=us-west"\nEnvironment="FLEET_PUBLIC_IP=172.17.8.101"\n');
    expect(sys.readFile('/run/systemd/system/locksmithd.service.d/20-cloudinit.conf')).toBe(
      '[Service]\nEnvironment="LOCKSMITHD_GROUP=web"\nEnvironment="REBOOT_WINDOW_START=Sun 1:00"\nEnvironment="REBOOT_WINDOW_LENGTH=2h"\n',
    );
  });

  it('coreos.update rewrites /etc/coreos/update.conf in place and stops + masks locksmithd for reboot-strategy off', () => {
    const { sys } = run(`#cloud-config
coreos:
  update:
    reboot-strategy: off
    group: beta
`, { '/etc/coreos/update.conf': 'GROUP=stable\nSERVER=https://example.com/\n' });
    expect(sys.readFile('/etc/coreos/update.conf')).toBe('GROUP=beta\nSERVER=https://example.com/\nREBOOT_STRATEGY=off\n');
    expect(sys.masked).toEqual(['locksmithd.service']);
    expect(sys.commands).toEqual(['stop locksmithd.service', 'restart update-engine.service']);
  });

  it('units: content written to /etc or /run (runtime), drop-ins beside them, enable, then commands in order', () => {
    const { sys, code } = run(`#cloud-config
coreos:
  units:
    - name: hello.service
      command: start
      enable: true
      content: |
        [Service]
        ExecStart=/usr/bin/echo hi
    - name: rt.service
      runtime: true
      content: "[Service]\\n"
    - name: etcd2.service
      command: start
      drop-ins:
        - name: 30-extra.conf
          content: |
            [Service]
            Environment=X=1
`);
    expect(code).toBe(0);
    expect(sys.readFile('/etc/systemd/system/hello.service')).toBe('[Service]\nExecStart=/usr/bin/echo hi\n');
    expect(sys.readFile('/run/systemd/system/rt.service')).toBe('[Service]\n');
    expect(sys.readFile('/etc/systemd/system/etcd2.service.d/30-extra.conf')).toBe('[Service]\nEnvironment=X=1\n');
    expect(sys.enabled).toEqual(['hello.service']);
    expect(sys.commands).toEqual(['start hello.service', 'start etcd2.service']);
    expect(sys.lines.slice(-4)).toEqual([
      `Calling unit command "start" on "hello.service"'`,
      'Result of "start" on "hello.service": done',
      `Calling unit command "start" on "etcd2.service"'`,
      'Result of "start" on "etcd2.service": done',
    ]);
  });

  it('a unit command that fails stops the apply: Failed to apply cloud-config, exit 1', () => {
    const { sys, code } = run('#cloud-config\ncoreos:\n  units:\n    - name: missing.service\n      command: start\n    - name: b.service\n      command: start\n');
    expect(code).toBe(1);
    expect(sys.commands).toEqual(['start missing.service']);
    expect(sys.lines[sys.lines.length - 1]).toBe('Failed to apply cloud-config: Unit missing.service failed to load: No such file or directory.');
  });

  it('the same user-data applied again, and on a machine with other addresses, gives each its own values', () => {
    const ud = '#cloud-config\ncoreos:\n  etcd2:\n    advertise-client-urls: http://$public_ipv4:2379\n  flannel:\n    interface: $public_ipv4\n';
    const dropIn = '/run/systemd/system/etcd2.service.d/20-cloudinit.conf';
    const first = run(ud).sys;
    const again = run(ud).sys;
    const other = new FakeSystem({});
    expect(runCloudinit(ud, { publicIpv4: '172.17.8.102', privateIpv4: '172.17.8.102' }, other)).toBe(0);
    expect(again.lines).toEqual(first.lines);
    expect(again.readFile(dropIn)).toBe(first.readFile(dropIn));
    expect(first.readFile(dropIn)).toContain('http://172.17.8.101:2379');
    expect(other.readFile(dropIn)).toContain('http://172.17.8.102:2379');
    expect(other.readFile('/run/flannel/options.env')).toBe('FLANNELD_IFACE=172.17.8.102');
    expect(first.readFile('/run/flannel/options.env')).toBe('FLANNELD_IFACE=172.17.8.101');
  });

  it('write_files: text with a lone surrogate is written as UTF-8 would give it back', () => {
    const { sys, code } = run('#cloud-config\nwrite_files:\n  - path: /etc/odd\n    content: "a\\uD800b"\n');
    expect(code).toBe(0);
    expect(sys.readFile('/etc/odd')).toBe('a\uFFFDb');
  });

  it('write_files: plain, base64 and gzip+base64 with permissions; /usr is read-only', () => {
    const gz = gzipSync(Buffer.from('zipped\n')).toString('base64');
    const { sys, code } = run(`#cloud-config
write_files:
  - path: /etc/motd
    content: hello
  - path: /opt/b64
    encoding: b64
    permissions: '0600'
    content: aGVsbG8gd29ybGQ=
  - path: /opt/gz
    encoding: gzip+base64
    content: ${gz}
`);
    expect(code).toBe(0);
    expect(sys.files.get('/etc/motd')).toEqual({ content: 'hello', mode: 0o644 });
    expect(sys.files.get('/opt/b64')).toEqual({ content: 'hello world', mode: 0o600 });
    expect(sys.readFile('/opt/gz')).toBe('zipped\n');
    expect(sys.lines).toContain('Wrote file /opt/gz to filesystem');
    const ro = run('#cloud-config\nwrite_files:\n  - path: /usr/x\n    content: a\n');
    expect(ro.code).toBe(1);
    expect(ro.sys.readFile('/usr/x')).toBeUndefined();
  });

  it('hostname, ssh_authorized_keys for core (authorized_keys.d/coreos-cloudinit), /etc/environment kept when unchanged', () => {
    const { sys } = run('#cloud-config\nhostname: web1\nssh_authorized_keys:\n  - "ssh-rsa AAAA one "\n  - ssh-rsa BBBB two\n');
    expect(sys.hostname).toBe('web1');
    expect(sys.lines).toContain('Set hostname to web1');
    expect(sys.readFile('/home/core/.ssh/authorized_keys.d/coreos-cloudinit')).toBe('ssh-rsa AAAA one\nssh-rsa BBBB two\n');
    expect(sys.readFile('/home/core/.ssh/authorized_keys')).toContain('ssh-rsa BBBB two\n');
    expect(sys.lines).toContain('Authorized SSH keys for core user');
    expect(sys.readFile('/etc/environment')).toBe('COREOS_PUBLIC_IPV4=172.17.8.101\nCOREOS_PRIVATE_IPV4=172.17.8.101\n');
    expect(sys.lines).toContain('Updated /etc/environment');
  });

  it('/etc/environment gets the COREOS_* values merged in, new keys sorted', () => {
    const { sys } = run('#cloud-config\n', { '/etc/environment': 'FOO=bar\n' });
    expect(sys.readFile('/etc/environment')).toBe('FOO=bar\nCOREOS_PRIVATE_IPV4=172.17.8.101\nCOREOS_PUBLIC_IPV4=172.17.8.101\n');
  });

  it('a cloud-config that fails to parse: logged, nothing applied, exit 1', () => {
    const { sys, code } = run('#cloud-config\ncoreos:\n  units:\n    - name: a.service\n  command: [start\n');
    expect(code).toBe(1);
    expect(sys.commands).toEqual([]);
    // The validator's YAML error and its line-0 warning come first.
    const v = sys.lines.indexOf('line 0: warning: incorrect type for "" (want struct)');
    expect(sys.lines[v - 1]).toMatch(/^line 5: error: /);
    expect(sys.lines[v + 1]).toBe('Fetching meta-data from datasource of type "local-file"');
    // fmt.Printf, not log: no timestamp. (At boot the syntax is judged from the yaml package's
    // errors: libyaml says "did not find expected ',' or ']'", as `coreos-cloudinit -validate` does.)
    expect(sys.printed).toEqual([`Failed to parse user-data: YAML error: line 5: did not find expected '-' indicator\nContinuing...\n`]);
    const i = sys.lines.indexOf(sys.printed[0]!);
    expect(sys.lines[i - 1]).toBe('Parsing user-data as cloud-config');
    expect(sys.lines[i + 1]).toBe('Merging cloud-config from meta-data and user-data');
    expect([...sys.files.keys()].filter((p) => p.includes('systemd'))).toEqual([]);
  });

  it('prints the datasource lines and validation findings first, as the binary does', () => {
    const { sys } = run('#cloud-config\nbogus_key: 1\n');
    expect(sys.lines.slice(0, 5)).toEqual([
      'Checking availability of "local-file"',
      'Fetching user-data from datasource of type "local-file"',
      'line 2: warning: unrecognized key "bogus_key"',
      'Fetching meta-data from datasource of type "local-file"',
      'Parsing user-data as cloud-config',
    ]);
  });

  it('an unknown header is printed, not logged; the apply goes on with nothing', () => {
    const { sys, code } = run('#cloud-confg\nhostname: x\n');
    expect(code).toBe(1);
    expect(sys.printed).toEqual(['Failed to parse user-data: Unrecognized user-data format\nContinuing...\n']);
    expect(sys.hostname).toBe('');
  });

  it('an Ignition config: nothing validated or applied, exit 0', () => {
    const { sys, code } = run('{"ignitionVersion": 1, "systemd": {}}\n');
    expect(code).toBe(0);
    expect(sys.lines).toEqual([
      'Checking availability of "local-file"',
      'Fetching user-data from datasource of type "local-file"',
      'Fetching meta-data from datasource of type "local-file"',
      'Detected an Ignition config. Exiting...',
    ]);
  });

  it('manage_etc_hosts other than localhost stops Apply before any file or unit (system/etc_hosts.go)', () => {
    const { sys, code } = run('#cloud-config\nhostname: h1\nmanage_etc_hosts: true\nwrite_files:\n  - path: /etc/x\n    content: x\ncoreos:\n  units:\n    - name: a.service\n      command: start\n');
    expect(code).toBe(1);
    expect(sys.lines.slice(-2)).toEqual(['Set hostname to h1', 'Failed to apply cloud-config: Invalid option to manage_etc_hosts']);
    expect(sys.readFile('/etc/x')).toBeUndefined();
    expect(sys.commands).toEqual([]);
  });

  it('/etc/hosts comes after update.conf and before flannel, as Apply lists them', () => {
    const { sys } = run('#cloud-config\nhostname: h1\nmanage_etc_hosts: localhost\ncoreos:\n  update:\n    group: beta\n  flannel:\n    interface: eth1\n');
    const written = sys.lines.filter((l) => /^Wrote file \/.* to filesystem$/.test(l));
    expect(written).toEqual(['Wrote file /etc/coreos/update.conf to filesystem', 'Wrote file /etc/hosts to filesystem', 'Wrote file /run/flannel/options.env to filesystem']);
  });

  it('a bad reboot-strategy names the Go field (config.AssertStructValid)', () => {
    const { sys, code } = run('#cloud-config\ncoreos:\n  update:\n    reboot-strategy: sometimes\n');
    expect(code).toBe(1);
    expect(sys.lines.at(-1)).toBe('Failed to apply cloud-config: invalid value "sometimes" for option "RebootStrategy" (valid options: "^(best-effort|etcd-lock|reboot|off)$")');
  });

  it('write_files errors as system/file.go and config/decode.go word them', () => {
    expect(run('#cloud-config\nwrite_files:\n  - path: /etc/x\n    permissions: "0999"\n').sys.lines.at(-1)).toBe(
      'Failed to apply cloud-config: Unable to parse file permissions "0999" as integer',
    );
    expect(run('#cloud-config\nwrite_files:\n  - path: /etc/x\n    encoding: base64\n    content: "!!!!"\n').sys.lines.at(-1)).toBe(
      'Failed to apply cloud-config: Unable to decode /etc/x (Unable to decode base64: "illegal base64 data at input byte 0")',
    );
    expect(run('#cloud-config\nwrite_files:\n  - path: /etc/x\n    encoding: base64\n    content: aGVsbG8\n').sys.lines.at(-1)).toBe(
      'Failed to apply cloud-config: Unable to decode /etc/x (Unable to decode base64: "illegal base64 data at input byte 4")',
    );
  });
});
