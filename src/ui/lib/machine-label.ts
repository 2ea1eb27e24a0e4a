import type { EtcdRole, MachineSnapshot } from '../../snapshot.ts';

/** The etcd role a machine shows: a powered-off or crashed machine is offline whatever its member says. */
export function roleOf(m: MachineSnapshot): EtcdRole {
  if (m.power !== 'running' || !m.etcd) return 'offline';
  return m.etcd.role;
}

/** Accessible name of a machine, e.g. `core-02, etcd leader, term 3` (browser tests rely on it). */
export function machineLabel(m: MachineSnapshot): string {
  return `${m.name}, etcd ${roleOf(m)}, term ${m.etcd?.term ?? 0}`;
}

/** Longer description for assistive technology: address, power, election state. */
export function machineDescription(m: MachineSnapshot): string {
  const parts = [`address ${m.ip}`, `power ${m.power}`];
  const e = m.etcd;
  if (e && m.power === 'running') {
    if (e.role === 'candidate' && e.votes !== undefined) parts.push(`${e.votes} votes`);
    parts.push(`commit index ${e.commitIndex}`);
    if (e.leader && e.role !== 'leader') parts.push(`leader ${e.leader}`);
  }
  return parts.join(', ');
}
