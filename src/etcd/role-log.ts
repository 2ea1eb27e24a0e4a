import type { EtcdDisk } from './disk.ts';
import type { EtcdLog } from './log.ts';
import { majorMinor } from './membership.ts';

/**
 * raft's `newRaft ...` line. A restart without a snapshot (the sim takes none) knows no peers
 * and has applied nothing yet: etcd replays the committed log into an empty store.
 */
export function newRaftLine(disk: EtcdDisk, restart: boolean): string {
  const log = disk.raft.log;
  const last = log.length > 0 ? log[log.length - 1]! : { index: 0, term: 0 };
  if (!restart) return `newRaft ${disk.memberId} [peers: [], term: 0, commit: 0, applied: 0, lastindex: 0, lastterm: 0]`;
  return `newRaft ${disk.memberId} [peers: [], term: ${disk.raft.term}, commit: ${disk.raft.commit}, applied: 0, lastindex: ${last.index}, lastterm: ${last.term}]`;
}

/**
 * What etcd 2.3 logs as NewServer hands over to raft (EtcdServer start / restart). A restart
 * knows no cluster version until the replay sets it, and the replay of what was applied before
 * (raft's first Ready) logs its membership and version changes again.
 */
export function logMemberStart(log: EtcdLog, disk: EtcdDisk, restart: boolean, serverVersion: string): void {
  if (restart) log.info(`restarting member ${disk.memberId} in cluster ${disk.membership.clusterId} at commit index ${disk.raft.commit}`);
  else log.info(`starting member ${disk.memberId} in cluster ${disk.membership.clusterId}`);
  log.info(`${disk.memberId} became follower at term ${restart ? disk.raft.term : 0}`);
  log.info(newRaftLine(disk, restart));
  if (!restart) log.info(`${disk.memberId} became follower at term 1`);
  const v = restart ? undefined : disk.membership.version;
  log.info(`starting server... [version: ${serverVersion}, cluster version: ${v ? majorMinor(v) : 'to_be_decided'}]`);
  if (restart) logReplay(log, disk);
}

/** The apply lines of the entries applied before the crash, as their replay prints them again. */
function logReplay(log: EtcdLog, disk: EtcdDisk): void {
  for (const a of disk.applyLines ?? []) {
    if (a.index > disk.applied) break;
    if (a.notice) log.notice(a.line);
    else log.info(a.line);
  }
}

/**
 * The lines etcd 2.3's raft/node.go logs as the leader a member knows changes (the Ready's soft
 * state, after the step that changed it). raft.go's own lines (roles, votes, terms) come from
 * the rules through the node's logger.
 */
export class RoleLogger {
  private lead: string | undefined;

  constructor(
    private readonly log: EtcdLog,
    private readonly disk: EtcdDisk,
  ) {}

  changed(_role: 'follower' | 'candidate' | 'leader', term: number, leader: string | undefined, _voters?: string[]): void {
    if (leader === this.lead) return;
    const id = this.disk.memberId;
    if (leader === undefined) this.log.info(`raft.node: ${id} lost leader ${this.lead} at term ${term}`);
    else if (this.lead === undefined) this.log.info(`raft.node: ${id} elected leader ${leader} at term ${term}`);
    else this.log.info(`raft.node: ${id} changed leader from ${this.lead} to ${leader} at term ${term}`);
    this.lead = leader;
  }
}
