import { describe, it, expect } from 'vitest';
import { USER_DATA, dropInUnit, editableFiles, isUserData, languageOf, unitPathsIn } from '../../../src/ui/lib/editor-files.ts';

describe('editor files', () => {
  it('highlights cloud-config as YAML and systemd units and drop-ins as INI', () => {
    expect(languageOf(USER_DATA)).toBe('yaml');
    expect(languageOf('/var/lib/coreos-vagrant/vagrantfile-user-data')).toBe('yaml');
    expect(languageOf('/etc/systemd/system/hello.service')).toBe('ini');
    expect(languageOf('/run/systemd/system/etcd2.service.d/20-cloudinit.conf')).toBe('ini');
    expect(languageOf('/etc/hosts')).toBe('plaintext');
    expect(isUserData(USER_DATA)).toBe(true);
    expect(isUserData('/etc/systemd/system/hello.service')).toBe(false);
  });

  it('finds the units and drop-ins a cloud-config names, in both unit directories', () => {
    const ud = ['#cloud-config', 'coreos:', '  units:', '    - name: etcd2.service', '      command: start', '    - name: docker-tcp.socket', '      drop-ins:', '        - name: 50-x.conf', '          content: |', '            [Socket]'].join('\n');
    const paths = unitPathsIn(ud);
    expect(paths).toContain('/etc/systemd/system/etcd2.service');
    expect(paths).toContain('/run/systemd/system/docker-tcp.socket');
    expect(paths).toContain('/etc/systemd/system/docker-tcp.socket.d/50-x.conf');
    expect(paths).toContain('/run/systemd/system/etcd2.service.d/20-cloudinit.conf');
    expect(paths.some((p) => p.endsWith('/50-x.conf') && p.includes('etcd2'))).toBe(false);
  });

  it('lists the user-data first, then only the unit files that exist on the machine', () => {
    const fs: Record<string, string> = {
      [USER_DATA]: '#cloud-config\ncoreos:\n  units:\n    - name: hello.service\n      content: |\n        [Service]\n',
      '/etc/systemd/system/hello.service': '[Service]\n',
      '/run/systemd/system/etcd2.service.d/20-cloudinit.conf': '[Service]\n',
    };
    expect(editableFiles((p) => fs[p])).toEqual([USER_DATA, '/etc/systemd/system/hello.service', '/run/systemd/system/etcd2.service.d/20-cloudinit.conf']);
    expect(editableFiles(() => undefined)).toEqual([]);
  });

  it('tells a drop-in by its unit', () => {
    expect(dropInUnit('/run/systemd/system/etcd2.service.d/20-cloudinit.conf')).toBe('etcd2.service');
    expect(dropInUnit('/etc/systemd/system/hello.service')).toBeUndefined();
  });
});
