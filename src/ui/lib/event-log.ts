import type { TraceEvent } from '../../sim/trace.ts';

export type EventCategory = 'election' | 'down' | 'up' | 'net' | 'cmd';

export interface LogItem {
  id: number;
  t: number;
  category: EventCategory;
  text: string;
  /** Also read out in the polite live region. */
  announce?: string;
}

/**
 * Turns the trace into the on-screen event log: elections, step-downs, power, partitions,
 * network settings and typed commands. Remembers roles so it can tell a step-down from a restart.
 */
export class EventLog {
  private roles = new Map<string, string>();
  private seq = 0;

  describe(e: TraceEvent): LogItem | undefined {
    const item = (category: EventCategory, text: string, announce?: string): LogItem => ({ id: ++this.seq, t: e.t, category, text, announce });
    switch (e.type) {
      case 'raft.role': {
        const prev = this.roles.get(e.host);
        this.roles.set(e.host, e.role);
        if (e.role === 'leader') return item('election', `${e.host} elected leader, term ${e.term}`, `${e.host} is the new etcd leader, term ${e.term}`);
        if (e.role === 'candidate') return item('election', `${e.host} starts an election, term ${e.term}`);
        if (e.role === 'follower' && prev === 'leader') return item('election', `${e.host} steps down, term ${e.term}`, `${e.host} is no longer leader`);
        return undefined;
      }
      case 'host.power': {
        if (e.state === 'crashed' || e.state === 'off') {
          if (this.roles.get(e.host) === 'leader') this.roles.set(e.host, 'offline');
          return item('down', e.state === 'crashed' ? `${e.host} crashed (power cut)` : `${e.host} powered off`, `${e.host} is down`);
        }
        if (e.state === 'booting') return item('up', `${e.host} booting`);
        if (e.state === 'running') return item('up', `${e.host} is up`, `${e.host} is up`);
        return item('up', `${e.host} ${e.state}`);
      }
      case 'net.partition': {
        const text = `network split: ${e.groups.map((g) => `{${g.join(', ')}}`).join(' | ')}`;
        return item('net', text, text);
      }
      case 'net.heal':
        return item('net', 'network healed', 'network healed');
      case 'net.config':
        return item('net', `network: loss ${Math.round(e.loss * 100)}%, latency ${Math.round(e.latencyMs)} ms`);
      case 'input':
        switch (e.input.kind) {
          case 'exec':
            return item('cmd', `${e.input.machine} $ ${e.input.line}`);
          case 'addMachine':
            return item('up', `${e.input.machine} added (vagrant up)`, `${e.input.machine} added`);
          case 'destroyMachine':
            this.roles.delete(e.input.machine);
            return item('down', `${e.input.machine} destroyed (vagrant destroy)`, `${e.input.machine} destroyed`);
          case 'recreate': {
            this.roles.clear();
            const text = `all machines destroyed; ${e.input.machines} new ones boot from the edited user-data`;
            return item('down', text, `new cluster of ${e.input.machines} booting`);
          }
          case 'writeFile':
            return item('cmd', `${e.input.machine}: saved ${e.input.path}`);
          default:
            return undefined;
        }
      default:
        return undefined;
    }
  }
}
