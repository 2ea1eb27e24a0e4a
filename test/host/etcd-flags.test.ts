/** etcd 2.3.7 flags from its unit's environment (etcdmain/config.go defaults; reference G). */
import { describe, it, expect } from 'vitest';
import { FileSystem } from '../../src/host/filesystem.ts';
import { unitEnvironment, expandSpecifiers } from '../../src/host/unit-files.ts';
import { etcd2Config } from '../../src/host/etcd-flags.ts';
import { COREOS_UNITS } from '../../src/host/coreos-units.ts';

const spec = { machineId: '4d9cad464dfd4864c20e5eb19209ff03', hostname: 'core-01' };

function fsWith(dropIn?: string): FileSystem {
  const fs = new FileSystem();
  fs.write('/usr/lib/systemd/system/etcd2.service', COREOS_UNITS['etcd2.service']!);
  if (dropIn) fs.write('/run/systemd/system/etcd2.service.d/20-cloudinit.conf', dropIn);
  return fs;
}

describe('etcd2.service environment', () => {
  it("CoreOS's unit names the member after the machine ID and keeps data in /var/lib/etcd2", () => {
    const env = unitEnvironment(fsWith(), 'etcd2.service', spec);
    expect([...env]).toEqual([['ETCD_DATA_DIR', '/var/lib/etcd2'], ['ETCD_NAME', spec.machineId]]);
    const c = etcd2Config(env);
    expect('error' in c).toBe(false);
    if ('error' in c) return;
    expect(c.name).toBe(spec.machineId);
    expect(c.dataDir).toBe('/var/lib/etcd2');
    // etcd's defaults: localhost URLs, a one-member cluster of itself.
    expect(c.peerURLs).toEqual(['http://localhost:2380', 'http://localhost:7001']);
    expect(c.clientPorts).toEqual([2379, 4001]);
    expect(c.initialCluster).toEqual([{ name: spec.machineId, peerURLs: ['http://localhost:2380', 'http://localhost:7001'] }]);
    expect(c.initialClusterToken).toBe('etcd-cluster');
  });

  it('the cloud-config drop-in overrides the unit; %H and %m are expanded', () => {
    const env = unitEnvironment(
      fsWith('[Service]\nEnvironment="ETCD_NAME=%H"\nEnvironment="ETCD_DISCOVERY=https://discovery.etcd.io/abc"\nEnvironment="ETCD_INITIAL_ADVERTISE_PEER_URLS=http://172.17.8.101:2380"\nEnvironment="ETCD_LISTEN_CLIENT_URLS=http://0.0.0.0:2379,http://0.0.0.0:4001"\nEnvironment="ETCD_ADVERTISE_CLIENT_URLS=http://172.17.8.101:2379"\n'),
      'etcd2.service',
      spec,
    );
    const c = etcd2Config(env);
    if ('error' in c) throw new Error(c.error);
    expect(c.name).toBe('core-01');
    expect(c.discovery).toBe('https://discovery.etcd.io/abc');
    expect(c.initialCluster).toEqual([]);
    expect(c.peerURLs).toEqual(['http://172.17.8.101:2380']);
    expect(c.clientURLs).toEqual(['http://172.17.8.101:2379']);
    expect(c.discoveryFallback).toBe('proxy');
    expect(c.proxy).toBe('off');
  });

  it('static initial-cluster without the own name, and discovery with initial-cluster, are fatal', () => {
    const noName = etcd2Config(new Map([['ETCD_NAME', 'x'], ['ETCD_INITIAL_CLUSTER', 'a=http://10.0.0.1:2380']]));
    expect(noName).toEqual({ error: `couldn't find local name "x" in the initial cluster configuration` });
    const both = etcd2Config(new Map([['ETCD_DISCOVERY', 'https://discovery.etcd.io/abc'], ['ETCD_INITIAL_CLUSTER', 'a=http://10.0.0.1:2380']]));
    expect('error' in both && both.error).toContain('multiple discovery or bootstrap flags are set');
  });

  it('specifiers: %n %p %i %%', () => {
    expect(expandSpecifiers('%n %p %i %% %m', 'app@3.service', spec)).toBe(`app@3.service app 3 % ${spec.machineId}`);
  });
});
