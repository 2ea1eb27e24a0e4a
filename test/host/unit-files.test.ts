/** Unit files as systemd finds them, kept while the host's files stay the same. */
import { describe, it, expect } from 'vitest';
import { FileSystem } from '../../src/host/filesystem.ts';
import { dropInPaths, unitFilePath, unitFilesText, unitSettings } from '../../src/host/unit-files.ts';
import { COREOS_UNITS } from '../../src/host/coreos-units.ts';
import { EtcdUnit } from '../../src/host/etcd-unit.ts';
import { Host } from '../../src/host/host.ts';
import { World } from '../../src/sim/world.ts';

const UNIT = '/usr/lib/systemd/system/demo.service';
const DROP_IN = '/run/systemd/system/demo.service.d/20-cloudinit.conf';

function fsWithUnit(): FileSystem {
  const fs = new FileSystem();
  fs.write(UNIT, '[Unit]\nDescription=Demo\n\n[Service]\nExecStart=/usr/bin/demo\n');
  return fs;
}

// The last assignment wins, as in systemd.
const description = (fs: FileSystem) => unitSettings(fs, 'demo.service')?.filter((e) => e.key === 'Description').at(-1)?.value;

describe('FileSystem.generation', () => {
  it('changes with every write, remove and mkdir, not with a write of the same content and mode', () => {
    const fs = new FileSystem();
    const g0 = fs.generation;
    fs.write('/etc/a', 'x');
    const g1 = fs.generation;
    expect(g1).not.toBe(g0);
    fs.write('/etc/a', 'x');
    expect(fs.generation).toBe(g1);
    fs.write('/etc/a', 'x', 0o600);
    expect(fs.generation).not.toBe(g1);
    const g2 = fs.generation;
    fs.remove('/etc/nothing');
    expect(fs.generation).toBe(g2);
    fs.remove('/etc/a');
    expect(fs.generation).not.toBe(g2);
    const g3 = fs.generation;
    fs.mkdir('/home/joe');
    expect(fs.generation).not.toBe(g3);
    expect(fs.isDir('/home/joe')).toBe(true);
    expect(fs.list('/home/joe')).toEqual([]);
  });
});

describe('unit files found once per change', () => {
  it('sees a drop-in written, changed and removed after the unit was read', () => {
    const fs = fsWithUnit();
    expect(description(fs)).toBe('Demo');
    expect(dropInPaths(fs, 'demo.service')).toEqual([]);
    fs.write(DROP_IN, '[Unit]\nDescription=Edited\n');
    expect(dropInPaths(fs, 'demo.service')).toEqual([DROP_IN]);
    expect(description(fs)).toBe('Edited');
    fs.write(DROP_IN, '[Unit]\nDescription=Again\n');
    expect(description(fs)).toBe('Again');
    expect(unitFilesText(fs, 'demo.service')).toContain('Description=Again');
    fs.remove(DROP_IN);
    expect(description(fs)).toBe('Demo');
  });

  it('finds a unit in /etc over /usr/lib once it is written there', () => {
    const fs = fsWithUnit();
    expect(unitFilePath(fs, 'demo.service')).toBe(UNIT);
    fs.write('/etc/systemd/system/demo.service', '[Unit]\nDescription=Local\n');
    expect(unitFilePath(fs, 'demo.service')).toBe('/etc/systemd/system/demo.service');
    expect(description(fs)).toBe('Local');
    expect(unitSettings(fs, 'missing.service')).toBeUndefined();
  });

  it('hands out copies of the drop-in list', () => {
    const fs = fsWithUnit();
    fs.write(DROP_IN, '[Service]\nEnvironment=A=1\n');
    dropInPaths(fs, 'demo.service').push('/elsewhere.conf');
    expect(dropInPaths(fs, 'demo.service')).toEqual([DROP_IN]);
  });
});

describe("etcd2.service's configuration", () => {
  it('is read again when the drop-in or the host name changes, and kept otherwise', () => {
    const world = new World({ seed: 1, traceCapacity: 0 });
    const host = new Host(world, 'core-01', '172.17.8.101');
    for (const [name, text] of Object.entries(COREOS_UNITS)) host.fs.write(`/usr/lib/systemd/system/${name}`, text);
    const unit = new EtcdUnit(host, 'etcd2.service', () => {
      throw new Error('not started here');
    });
    const dropIn = '/run/systemd/system/etcd2.service.d/20-cloudinit.conf';
    host.fs.write(dropIn, '[Service]\nEnvironment="ETCD_NAME=%H"\n');
    const first = unit.config();
    expect('name' in first && first.name).toBe('core-01');
    expect(unit.config()).toBe(first);
    host.fs.write(dropIn, '[Service]\nEnvironment="ETCD_NAME=%H"\n');
    expect(unit.config()).toBe(first);
    host.hostname = 'renamed';
    const renamed = unit.config();
    expect('name' in renamed && renamed.name).toBe('renamed');
    host.fs.write(dropIn, '[Service]\nEnvironment="ETCD_NAME=fixed"\nEnvironment="ETCD_PROXY=bogus"\n');
    expect(unit.config()).toEqual({ error: expect.stringContaining('invalid value "bogus" for ETCD_PROXY') });
  });
});
