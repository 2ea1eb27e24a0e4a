import type { EtcdDisk } from './disk.ts';
import type { EtcdLog } from './log.ts';

/** raft's `newRaft ...` line: the peers are the voters of the applied configuration. */
export function newRaftLine(disk: EtcdDisk, restart: boolean): string {
  const log = disk.raft.log;
  const last = log.length > 0 ? log[log.length - 1]! : { index: 0, term: 0 };
  if (!restart) return `newRaft ${disk.memberId} [peers: [], term: 0, commit: 0, applied: 0, lastindex: 0, lastterm: 0]`;
  const peers = disk.membership.list().map((m) => m.id);
  return `newRaft ${disk.memberId} [peers: [${peers.join(',')}], term: ${disk.raft.term}, commit: ${disk.raft.commit}, applied: ${disk.applied}, lastindex: ${last.index}, lastterm: ${last.term}]`;
}

/** What etcd 2.3 logs as NewServer hands over to raft (EtcdServer start / restart). */
export function logMemberStart(log: EtcdLog, disk: EtcdDisk, restart: boolean, serverVersion: string): void {
  if (restart) log.info(`restarting member ${disk.memberId} in cluster ${disk.membership.clusterId} at commit index ${disk.raft.commit}`);
  else log.info(`starting member ${disk.memberId} in cluster ${disk.membership.clusterId}`);
  log.info(`${disk.memberId} became follower at term ${restart ? disk.raft.term : 0}`);
  log.info(newRaftLine(disk, restart));
  if (!restart) log.info(`${disk.memberId} became follower at term 1`);
  const v = disk.membership.version;
  log.info(`starting server... [version: ${serverVersion}, cluster version: ${v ? v.split('.').slice(0, 2).join('.') : 'to_be_decided'}]`);
}

/**
 * The raft lines etcd 2.3 logs as a member's role, term and leader change (raft/raft.go and
 * raft/node.go wording). Only what the role callbacks can tell: vote tallies are not logged.
 */
export class RoleLogger {
  private role: 'follower' | 'candidate' | 'leader' = 'follower';
  private term: number;
  private lead: string | undefined;

  constructor(
    private readonly log: EtcdLog,
    private readonly disk: EtcdDisk,
  ) {
    this.term = Math.max(1, disk.raft.term);
  }

  changed(role: 'follower' | 'candidate' | 'leader', term: number, leader: string | undefined, peers: string[]): void {
    const id = this.disk.memberId;
    const log = this.log;
    if (role === 'candidate' && (this.role !== 'candidate' || term !== this.term)) {
      log.info(`${id} is starting a new election at term ${term - 1}`);
      log.info(`${id} became candidate at term ${term}`);
      log.info(`${id} received vote from ${id} at term ${term}`);
      const entries = this.disk.raft.log;
      const last = entries.length > 0 ? entries[entries.length - 1]! : { index: 0, term: 0 };
      for (const p of peers) if (p !== id) log.info(`${id} [logterm: ${last.term}, index: ${last.index}] sent vote request to ${p} at term ${term}`);
    } else if (role === 'leader' && this.role !== 'leader') {
      log.info(`${id} became leader at term ${term}`);
    } else if (role === 'follower' && (this.role !== 'follower' || term !== this.term)) {
      log.info(`${id} became follower at term ${term}`);
    }
    if (leader !== this.lead) {
      if (leader === undefined) log.info(`raft.node: ${id} lost leader ${this.lead} at term ${term}`);
      else if (this.lead === undefined) log.info(`raft.node: ${id} elected leader ${leader} at term ${term}`);
      else log.info(`raft.node: ${id} changed leader from ${this.lead} to ${leader} at term ${term}`);
    }
    this.role = role;
    this.term = term;
    this.lead = leader;
  }
}
