import type { EtcdRole, MachineSnapshot } from '../../snapshot.ts';

/** What a card shows of etcd: a member's Raft role, a proxy, or no etcd at all (not configured to run). */
export type CardRole = EtcdRole | 'none';

/** The etcd role a machine shows: a powered-off or crashed machine is offline whatever its member says. */
export function roleOf(m: MachineSnapshot): CardRole {
  if (m.power !== 'running') return 'offline';
  if (m.etcdMode === 'none') return 'none';
  if (m.etcdMode === 'proxy' || m.etcd?.role === 'proxy') return 'proxy';
  if (!m.etcd) return 'offline';
  return m.etcd.role;
}

/** Whether the machine takes part in Raft (a proxy or a machine without etcd does not). */
export const isMember = (m: MachineSnapshot): boolean => m.etcdMode !== 'proxy' && m.etcdMode !== 'none' && m.etcd?.role !== 'proxy';

/**
 * Accessible name of a machine, e.g. `core-02, etcd leader, term 3`, `core-04, etcd proxy`,
 * `core-05, etcd not running` (browser tests rely on it).
 */
export function machineLabel(m: MachineSnapshot): string {
  const role = roleOf(m);
  if (role === 'proxy') return `${m.name}, etcd proxy`;
  if (role === 'none') return `${m.name}, etcd not running`;
  return `${m.name}, etcd ${role}, term ${m.etcd?.term ?? 0}`;
}

/** Longer description for assistive technology: address, power, election state. */
export function machineDescription(m: MachineSnapshot): string {
  const parts = [`address ${m.ip}`, `power ${m.power}`];
  const e = m.etcd;
  const role = roleOf(m);
  if (role === 'proxy') parts.push('forwards client requests to the etcd members');
  else if (role === 'none') parts.push('etcd is not started by its cloud-config');
  else if (e && m.power === 'running') {
    if (e.role === 'candidate' && e.votes !== undefined) parts.push(`${e.votes} votes`);
    parts.push(`commit index ${e.commitIndex}`);
    if (e.leader && e.role !== 'leader') parts.push(`leader ${e.leader}`);
  }
  return parts.join(', ');
}

/** The role as a short word for badges and chips. */
export const roleWord = (r: CardRole): string => (r === 'none' ? 'no etcd' : r);
