/**
 * The leader's view of one follower (etcd's Progress): `match` is the highest index known to be
 * replicated there, `next` the next index to send. In `probe` the leader sends one MsgApp and
 * waits (paused) for an answer or the next heartbeat, backing `next` off on each reject; once the
 * follower accepts, `replicate` streams entries optimistically, bounded by an inflight window.
 */
export interface Progress {
  match: number;
  next: number;
  state: 'probe' | 'replicate';
  paused: boolean;
  /** Heard from since the last CheckQuorum round. */
  recentActive: boolean;
  /** Last index of each MsgApp in flight (replicate state), oldest first. */
  inflights: number[];
}

export function newProgress(next: number, match = 0): Progress {
  return { match, next, state: 'probe', paused: false, recentActive: false, inflights: [] };
}

/** A success answer for index `n`: raise match (and next). True when match grew. */
export function maybeUpdate(pr: Progress, n: number): boolean {
  let updated = false;
  if (pr.match < n) {
    pr.match = n;
    updated = true;
    pr.paused = false;
  }
  if (pr.next < n + 1) pr.next = n + 1;
  return updated;
}

/** After sending entries up to `last` in replicate state: assume they will land. */
export function optimisticUpdate(pr: Progress, last: number): void {
  pr.next = last + 1;
}

/**
 * A reject of the MsgApp whose previous index was `rejected`, from a follower whose last index is
 * `hint`: back `next` off (straight to hint + 1 when that is lower). False for a stale reject.
 */
export function maybeDecrTo(pr: Progress, rejected: number, hint: number): boolean {
  if (pr.state === 'replicate') {
    // A reject at or below match is an old message arriving late.
    if (rejected <= pr.match) return false;
    pr.next = pr.match + 1;
    return true;
  }
  // In probe only the answer to the last probe counts.
  if (pr.next - 1 !== rejected) return false;
  pr.next = Math.max(Math.min(rejected, hint + 1), 1);
  pr.paused = false;
  return true;
}

export function becomeProbe(pr: Progress): void {
  pr.state = 'probe';
  pr.paused = false;
  clearInflights(pr);
  pr.next = pr.match + 1;
}

export function becomeReplicate(pr: Progress): void {
  pr.state = 'replicate';
  pr.paused = false;
  clearInflights(pr);
  pr.next = pr.match + 1;
}

export function isPaused(pr: Progress, maxInflight: number): boolean {
  return pr.state === 'probe' ? pr.paused : pr.inflights.length >= maxInflight;
}

/** Frees inflight slots for every MsgApp whose last index is at most `index`. */
export function freeTo(pr: Progress, index: number): void {
  let n = 0;
  while (n < pr.inflights.length && pr.inflights[n]! <= index) n++;
  if (n === pr.inflights.length) clearInflights(pr);
  else for (; n > 0; n--) pr.inflights.shift();
}

/** Empties the window in place: `length = 0` (and `splice`) would allocate on every answer. */
function clearInflights(pr: Progress): void {
  const f = pr.inflights;
  while (f.length > 0) f.pop();
}

export function freeFirstOne(pr: Progress): void {
  pr.inflights.shift();
}
