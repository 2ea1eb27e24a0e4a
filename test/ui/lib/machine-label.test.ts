import { describe, it, expect } from 'vitest';
import { isMember, machineLabel, roleOf } from '../../../src/ui/lib/machine-label.ts';
import type { MachineSnapshot } from '../../../src/snapshot.ts';

const m = (power: MachineSnapshot['power'], role: 'leader' | 'follower' | 'candidate', term: number): MachineSnapshot => ({
  name: 'core-02',
  ip: '172.17.8.102',
  power,
  etcd: { id: '1', name: 'core-02', role, term, commitIndex: 0, appliedIndex: 0, lastIndex: 0, etcdIndex: 0, log: [] },
});

describe('machine label', () => {
  it('starts with the name and says the role in words with the term', () => {
    expect(machineLabel(m('running', 'leader', 3))).toBe('core-02, etcd leader, term 3');
    expect(machineLabel(m('running', 'candidate', 4))).toBe('core-02, etcd candidate, term 4');
  });
  it('calls a machine that is not running offline', () => {
    expect(roleOf(m('crashed', 'leader', 3))).toBe('offline');
    expect(machineLabel(m('off', 'follower', 2))).toBe('core-02, etcd offline, term 2');
    expect(machineLabel({ name: 'core-01', ip: 'x', power: 'booting' })).toBe('core-01, etcd offline, term 0');
  });
  it('names a proxy and a machine without etcd by what they are, with no term', () => {
    const proxy: MachineSnapshot = { ...m('running', 'follower', 0), name: 'core-04', etcdMode: 'proxy', etcd: undefined };
    expect(roleOf(proxy)).toBe('proxy');
    expect(machineLabel(proxy)).toBe('core-04, etcd proxy');
    expect(isMember(proxy)).toBe(false);
    const none: MachineSnapshot = { name: 'core-05', ip: '172.17.8.105', power: 'running', etcdMode: 'none' };
    expect(machineLabel(none)).toBe('core-05, etcd not running');
    expect(isMember(none)).toBe(false);
    expect(isMember(m('running', 'leader', 1))).toBe(true);
  });
  it('a proxy that is down is offline like any machine', () => {
    const proxy: MachineSnapshot = { ...m('crashed', 'follower', 0), etcdMode: 'proxy' };
    expect(roleOf(proxy)).toBe('offline');
  });
});
