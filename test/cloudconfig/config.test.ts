import { describe, it, expect } from 'vitest';
import { parseCloudConfig } from '../../src/cloudconfig/config.ts';
import { VAGRANT_USER_DATA } from './fixtures.ts';

describe('parseCloudConfig', () => {
  it('reads the coreos-vagrant user-data with dashes as underscores', () => {
    const r = parseCloudConfig(VAGRANT_USER_DATA);
    if (!('config' in r)) throw new Error(r.error);
    const c = r.config;
    expect(c.coreos.etcd2?.discovery).toBe('https://discovery.etcd.io/6a28e078895c5ec737174db2419bb2f3');
    expect(c.coreos.etcd2?.initial_advertise_peer_urls).toBe('http://$private_ipv4:2380');
    expect(c.coreos.fleet?.public_ip).toBe('$public_ipv4');
    expect(c.coreos.units.map((u) => [u.name, u.command])).toEqual([
      ['etcd2.service', 'start'],
      ['fleet.service', 'start'],
      ['flanneld.service', 'start'],
      ['docker-tcp.socket', 'start'],
    ]);
    expect(c.coreos.units[2]!.dropIns[0]!.name).toBe('50-network-config.conf');
    expect(c.coreos.units[3]!.enable).toBe(true);
  });
  it('keeps permissions as written and reads users, hostname, keys', () => {
    const text = [
      '#cloud-config',
      'hostname: core-01',
      'ssh_authorized_keys:',
      '  - ssh-rsa AAAA',
      'users:',
      '  - name: elroy',
      '    groups: [sudo, docker]',
      'write_files:',
      '  - path: /etc/motd',
      '    permissions: 0644',
      '    content: hi',
      'coreos:',
      '  update:',
      '    reboot-strategy: off',
      '',
    ].join('\n');
    const r = parseCloudConfig(text);
    if (!('config' in r)) throw new Error(r.error);
    expect(r.config.hostname).toBe('core-01');
    expect(r.config.sshAuthorizedKeys).toEqual(['ssh-rsa AAAA']);
    expect(r.config.users[0]).toMatchObject({ name: 'elroy', groups: ['sudo', 'docker'] });
    expect(r.config.writeFiles[0]).toMatchObject({ path: '/etc/motd', permissions: '0644', content: 'hi' });
    expect(r.config.coreos.update?.reboot_strategy).toBe('off');
  });
  it('reports header and YAML errors', () => {
    expect(parseCloudConfig('hostname: a\n')).toEqual({ error: 'must be "#cloud-config" or begin with "#!"' });
    expect(parseCloudConfig('#cloud-config\ncoreos:\n  etcd2:\n    name: x\n   bad: y\n')).toEqual({
      error: 'YAML error: line 4: did not find expected key',
    });
  });
});
