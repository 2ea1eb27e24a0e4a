import { goDuration, goJsonFloat } from '../sim/go-format.ts';
import { rfc3339Nano } from '../sim/time.ts';

/** Latency and counts the leader keeps per follower (`/v2/stats/leader`). */
export class FollowerStats {
  private samples = 0;
  private mean = 0;
  private m2 = 0;
  current = 0;
  minimum = Number.MAX_VALUE;
  maximum = 0;
  success = 0;
  fail = 0;

  /** A reply came back `ms` after the request went out. */
  succeed(ms: number): void {
    this.success++;
    this.current = ms;
    this.samples++;
    const d = ms - this.mean;
    this.mean += d / this.samples;
    this.m2 += d * (ms - this.mean);
    this.minimum = Math.min(this.minimum, ms);
    this.maximum = Math.max(this.maximum, ms);
  }

  json(): string {
    const sd = this.samples > 1 ? Math.sqrt(this.m2 / this.samples) : 0;
    const f = goJsonFloat;
    return (
      `{"latency":{"current":${f(this.current)},"average":${f(this.mean)},"standardDeviation":${f(sd)},` +
      `"minimum":${f(this.samples ? this.minimum : 0)},"maximum":${f(this.maximum)}},` +
      `"counts":{"fail":${this.fail},"success":${this.success}}}`
    );
  }
}

/** What a member counts about itself (`/v2/stats/self`). */
export class SelfStats {
  recvAppendRequestCnt = 0;
  sendAppendRequestCnt = 0;
  private recvTimes = new RecentTimes();
  private sendTimes = new RecentTimes();
  leaderId = '';
  leaderSince = 0;

  constructor(
    readonly name: string,
    readonly id: string,
    readonly startedAt: number,
  ) {}

  recvAppend(now: number): void {
    this.recvAppendRequestCnt++;
    this.recvTimes.push(now);
  }

  sendAppend(now: number): void {
    this.sendAppendRequestCnt++;
    this.sendTimes.push(now);
  }

  becameFollowerOf(leader: string, now: number): void {
    if (leader !== this.leaderId) {
      this.leaderId = leader;
      this.leaderSince = now;
    }
  }

  /** Appends per second over the last second, sent and received (etcd 0.4 prints them too). */
  rates(now: number): { send: number; recv: number } {
    return { send: this.sendTimes.ratePerSecond(now), recv: this.recvTimes.ratePerSecond(now) };
  }

  json(now: number, isLeader: boolean, hasFollowers: boolean): string {
    const parts = [
      `"name":${JSON.stringify(this.name)}`,
      `"id":"${this.id}"`,
      `"state":"${isLeader ? 'StateLeader' : 'StateFollower'}"`,
      `"startTime":"${rfc3339Nano(this.startedAt)}"`,
      `"leaderInfo":{"leader":"${this.leaderId}","uptime":"${goDuration(now - this.leaderSince)}","startTime":"${rfc3339Nano(this.leaderSince)}"}`,
      `"recvAppendRequestCnt":${this.recvAppendRequestCnt}`,
    ];
    if (!isLeader) {
      const rate = this.recvTimes.ratePerSecond(now);
      parts.push(`"recvPkgRate":${goJsonFloat(rate)}`, `"recvBandwidthRate":${goJsonFloat(rate * 90)}`);
    }
    parts.push(`"sendAppendRequestCnt":${this.sendAppendRequestCnt}`);
    if (isLeader && hasFollowers) {
      const rate = this.sendTimes.ratePerSecond(now);
      parts.push(`"sendPkgRate":${goJsonFloat(rate)}`, `"sendBandwidthRate":${goJsonFloat(rate * 90)}`);
    }
    return `{${parts.join(',')}}`;
  }
}

/** etcd keeps the last 200 sends/receives to compute rates over the last second (a ring). */
class RecentTimes {
  private times = new Float64Array(200);
  private n = 0;

  push(now: number): void {
    this.times[this.n++ % 200] = now;
  }

  ratePerSecond(now: number): number {
    let count = 0;
    for (let i = 0; i < Math.min(this.n, 200); i++) if (this.times[i]! > now - 1000) count++;
    return count;
  }
}
