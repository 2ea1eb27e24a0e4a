import type { OutputStream } from '../../process.ts';

/** lib/progress.c max5data: a size in at most five characters. */
export function max5(bytes: number): string {
  const K = 1024;
  const M = K * K;
  if (bytes < 100000) return String(bytes).padStart(5);
  if (bytes < 10000 * K) return String(Math.floor(bytes / K)).padStart(4) + 'k';
  if (bytes < 100 * M) return String(Math.floor(bytes / M)).padStart(2) + '.' + Math.floor((bytes % M) / (M / 10)) + 'M';
  if (bytes < 10000 * M) return String(Math.floor(bytes / M)).padStart(4) + 'M';
  return String(Math.floor(bytes / (K * M))).padStart(4) + 'G';
}

/** lib/progress.c time2str: `--:--:--` for nothing, else ` H:MM:SS`. */
export function time2str(seconds: number): string {
  if (seconds <= 0) return '--:--:--';
  const h = Math.floor(seconds / 3600);
  if (h <= 99) {
    const m = Math.floor((seconds - h * 3600) / 60);
    const s = seconds - h * 3600 - m * 60;
    return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  }
  const d = Math.floor(seconds / 86400);
  return d <= 999 ? `${String(d).padStart(3)}d ${String(h - d * 24).padStart(2, '0')}h` : `${String(d).padStart(7)}d`;
}

const pct = (done: number, total: number) => (total > 10000 ? Math.floor(done / Math.floor(total / 100)) : total > 0 ? Math.floor((done * 100) / total) : 0);

/**
 * curl's default progress meter on stderr (shown when the body does not go to a terminal and
 * -s is not given): a header, then a `\r`-led line at most once per wall-clock second and at the
 * end. curl 7.4x's arithmetic (lib/progress.c Curl_pgrsUpdate) on the world's virtual time.
 */
export class ProgressMeter {
  private headerShown = false;
  private lastShow = -1;
  private speeder: { bytes: number; at: number }[] = [];
  private currentSpeed = 0;
  downloaded = 0;
  uploaded = 0;
  sizeDl?: number;
  sizeUl?: number;

  constructor(
    private err: OutputStream,
    private start: number,
    /** Wall-clock ms of a virtual instant (the meter ticks on wall seconds). */
    private wall: (t: number) => number,
  ) {}

  update(now: number, force = false): void {
    const spentMs = now - this.start;
    const spent = spentMs / 1000;
    const dlspeed = Math.floor(this.downloaded / (spent > 0 ? spent : 1));
    const ulspeed = Math.floor(this.uploaded / (spent > 0 ? spent : 1));
    const sec = Math.floor(this.wall(now) / 1000);
    if (sec === this.lastShow && !force) return;
    this.lastShow = sec;
    this.speeder.push({ bytes: this.downloaded + this.uploaded, at: now });
    if (this.speeder.length > 6) this.speeder.shift();
    if (this.speeder.length > 1) {
      const first = this.speeder[0]!;
      const last = this.speeder[this.speeder.length - 1]!;
      const span = Math.max(1, Math.floor(last.at - first.at));
      this.currentSpeed = Math.floor(((last.bytes - first.bytes) * 1000) / span);
    } else this.currentSpeed = dlspeed + ulspeed;
    if (!this.headerShown) {
      this.err.write(
        '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
          '                                 Dload  Upload   Total   Spent    Left  Speed\n',
      );
      this.headerShown = true;
    }
    const ulEst = this.sizeUl !== undefined && ulspeed > 0 ? Math.floor(this.sizeUl / ulspeed) : 0;
    const dlEst = this.sizeDl !== undefined && dlspeed > 0 ? Math.floor(this.sizeDl / dlspeed) : 0;
    const ulPct = this.sizeUl !== undefined && ulspeed > 0 ? pct(this.uploaded, this.sizeUl) : 0;
    const dlPct = this.sizeDl !== undefined && dlspeed > 0 ? pct(this.downloaded, this.sizeDl) : 0;
    const est = Math.max(ulEst, dlEst);
    const spentSec = Math.floor(spent);
    const expected = (this.sizeUl ?? this.uploaded) + (this.sizeDl ?? this.downloaded);
    const transferred = this.downloaded + this.uploaded;
    this.err.write(
      '\r' +
        `${String(pct(transferred, expected)).padStart(3)} ${max5(expected)}  ` +
        `${String(dlPct).padStart(3)} ${max5(this.downloaded)}  ` +
        `${String(ulPct).padStart(3)} ${max5(this.uploaded)}  ` +
        `${max5(dlspeed)}  ${max5(ulspeed)} ` +
        `${time2str(est)} ${time2str(spentSec)} ${time2str(est > 0 ? est - spentSec : 0)} ${max5(this.currentSpeed)}`,
    );
  }

  /** The final line and its newline (Curl_pgrsDone); not called when the transfer failed. */
  done(now: number): void {
    this.update(now, true);
    this.err.write('\n');
  }
}
