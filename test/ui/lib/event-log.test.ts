import { describe, it, expect } from 'vitest';
import { EventLog } from '../../../src/ui/lib/event-log.ts';

describe('EventLog', () => {
  it('describes elections and announces new leaders', () => {
    const log = new EventLog();
    expect(log.describe({ t: 1, type: 'raft.role', host: 'core-02', member: 'x', role: 'candidate', term: 3 })?.text).toBe('core-02 starts an election, term 3');
    const won = log.describe({ t: 2, type: 'raft.role', host: 'core-02', member: 'x', role: 'leader', term: 3 });
    expect(won?.announce).toBe('core-02 is the new etcd leader, term 3');
    expect(log.describe({ t: 3, type: 'raft.role', host: 'core-01', member: 'y', role: 'follower', term: 3 })).toBeUndefined();
    expect(log.describe({ t: 4, type: 'raft.role', host: 'core-02', member: 'x', role: 'follower', term: 4 })?.text).toBe('core-02 steps down, term 4');
  });
  it('describes power, network and typed commands', () => {
    const log = new EventLog();
    expect(log.describe({ t: 1, type: 'host.power', host: 'core-01', state: 'crashed' })?.text).toBe('core-01 crashed (power cut)');
    expect(log.describe({ t: 1, type: 'net.partition', groups: [['core-01'], ['core-02', 'core-03']] })?.text).toBe('network split: {core-01} | {core-02, core-03}');
    expect(log.describe({ t: 1, type: 'input', input: { kind: 'exec', machine: 'core-02', line: 'etcdctl ls', pid: 1 } })?.text).toBe('core-02 $ etcdctl ls');
    expect(log.describe({ t: 1, type: 'msg.deliver', id: 1, from: 'a', to: 'b', kind: 'MsgApp' })).toBeUndefined();
  });
  it('describes machines added, destroyed and a new cluster (inputs), and forgets their roles', () => {
    const log = new EventLog();
    expect(log.describe({ t: 1, type: 'input', input: { kind: 'addMachine', machine: 'core-04' } })?.text).toBe('core-04 added (vagrant up)');
    log.describe({ t: 2, type: 'raft.role', host: 'core-02', member: 'x', role: 'leader', term: 3 });
    expect(log.describe({ t: 3, type: 'input', input: { kind: 'destroyMachine', machine: 'core-02' } })?.announce).toBe('core-02 destroyed');
    // A new core-02 that starts as a follower did not "step down".
    expect(log.describe({ t: 4, type: 'raft.role', host: 'core-02', member: 'z', role: 'follower', term: 1 })).toBeUndefined();
    expect(log.describe({ t: 5, type: 'input', input: { kind: 'recreate', machines: 3, userData: '' } })?.text).toBe('all machines destroyed; 3 new ones boot from the edited user-data');
  });
});
