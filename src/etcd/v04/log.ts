import type { World } from '../../sim/world.ts';
import { wallMs } from '../../sim/time.ts';
import { PRIORITY } from '../../host/journal.ts';
import { EtcdLog, type EtcdProcessHost } from '../log.ts';

/** etcd 0.4's release (CoreOS shipped 0.4.9 as etcd.service until etcd2 replaced it). */
export const ETCD04_VERSION = '0.4.9';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.StampMilli ("Jan _2 15:04:05.000") in UTC, as CoreOS's clock runs. */
export function stampMilli(virtualMs: number): string {
  const d = new Date(Math.floor(wallMs(virtualMs)));
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const day = String(d.getUTCDate()).padStart(2, ' ');
  return `${MONTHS[d.getUTCMonth()]} ${day} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
}

/** go-log's priority names, padded by the `%-9s` of etcd's sink. */
function priorityName(p: number): string {
  switch (p) {
    case PRIORITY.crit:
      return 'CRITICAL';
    case PRIORITY.err:
      return 'ERROR';
    case PRIORITY.warning:
      return 'WARNING';
    case PRIORITY.notice:
      return 'NOTICE';
    case PRIORITY.debug:
      return 'DEBUG';
    default:
      return 'INFO';
  }
}

/** One line as etcd 0.4's go-log sink prints it: `[etcd] Jun  1 09:00:03.123 INFO      | msg`. */
export function goLogLine(virtualMs: number, priority: number, message: string): string {
  return `[etcd] ${stampMilli(virtualMs)} ${priorityName(priority).padEnd(9)} | ${message}`;
}

/**
 * etcd 0.4's logger (etcd/log over coreos/go-log's CombinedSink): formatted lines on stdout,
 * which journald records for etcd.service at priority info whatever their level (systemd's
 * default SyslogLevel). UNSURE: CombinedSink also sends to the journal socket when it exists;
 * real CoreOS transcripts (coreos/bugs#755, #381) show only the stdout lines, so only those here.
 */
export function etcd04Log(world: World, host: EtcdProcessHost | undefined): EtcdLog {
  return new EtcdLog(host, 'etcd', 'etcd.service', (priority, message) => ({
    priority: PRIORITY.info,
    message: goLogLine(world.now(), priority, message),
  }));
}
