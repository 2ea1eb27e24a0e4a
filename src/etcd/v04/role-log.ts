import type { EtcdLog } from '../log.ts';

type Role = 'follower' | 'candidate' | 'leader';

/**
 * The lines etcd 0.4's raftEventLogger (server/peer_server.go) writes for goraft's state,
 * leader and term events: `<name>: state changed from 'follower' to 'candidate'.`,
 * `<name>: leader changed from '<old>' to '<new>'.`, `<name>: term #N started.`. Names, not IDs.
 */
export class RoleLogger04 {
  private role: Role | 'initialized' = 'initialized';
  private leader = '';
  private term: number;

  constructor(
    private readonly log: EtcdLog,
    private readonly self: string,
    term: number,
    /** The etcd name of a member ID. */
    private readonly nameOf: (id: string) => string,
  ) {
    this.term = term;
    // goraft's Start: setState(Follower) from Initialized.
    this.state('follower');
  }

  private state(to: Role): void {
    if (to === this.role) return;
    this.log.info(`${this.self}: state changed from '${this.role}' to '${to}'.`);
    this.role = to;
  }

  changed(role: Role, term: number, leaderId: string | undefined, voters: string[]): void {
    // A lone member's self-join makes it leader at once (goraft's followerLoop): no candidate step.
    if (role === 'candidate' && voters.length <= 1) return;
    const leader = leaderId === undefined ? '' : this.nameOf(leaderId);
    if (role === 'candidate') {
      this.state('candidate');
      this.setLeader('');
    } else if (role === 'follower') {
      // updateCurrentTerm: a higher term seen steps down and starts that term.
      this.state('follower');
      if (term > this.term && leader !== '') this.log.info(`${this.self}: term #${term} started.`);
      this.setLeader(leader);
    } else {
      this.state('leader');
      this.setLeader(this.self);
    }
    this.term = term;
  }

  private setLeader(name: string): void {
    if (name === this.leader) return;
    this.log.info(`${this.self}: leader changed from '${this.leader}' to '${name}'.`);
    this.leader = name;
  }
}
