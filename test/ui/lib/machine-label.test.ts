import { describe, it, expect } from 'vitest';
import { machineLabel, roleOf } from '../../../src/ui/lib/machine-label.ts';
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
});
