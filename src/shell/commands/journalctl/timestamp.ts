/**
 * parse_timestamp of systemd 229 (src/basic/time-util.c) for `journalctl --since/--until`, in
 * UTC as CoreOS machines run: `now`, `today`, `yesterday`, `tomorrow`, `@SECONDS`, `+SPAN`,
 * `-SPAN`, `SPAN ago`, `YYYY-MM-DD [HH:MM[:SS]]`, `HH:MM[:SS]` (today). Wall ms, or undefined.
 */
export function parseTimestamp(text: string, nowWall: number): number | undefined {
  const t = text.trim().replace(/ UTC$/, '');
  const day = Math.floor(nowWall / 86_400_000) * 86_400_000;
  const named: Record<string, number> = { now: nowWall, today: day, yesterday: day - 86_400_000, tomorrow: day + 86_400_000 };
  if (named[t] !== undefined) return named[t];
  if (/^@\d+(\.\d+)?$/.test(t)) return Number(t.slice(1)) * 1000;
  if (t.startsWith('+') || t.startsWith('-')) {
    const span = parseSpan(t.slice(1));
    return span === undefined ? undefined : nowWall + (t[0] === '+' ? span : -span);
  }
  if (t.endsWith(' ago')) {
    const span = parseSpan(t.slice(0, -4));
    return span === undefined ? undefined : nowWall - span;
  }
  // An optional weekday in front is accepted (and not checked here).
  const body = t.replace(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]* /, '');
  const full = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(body);
  if (full) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = full;
    return valid(Number(mo), Number(d), Number(h), Number(mi), Number(s)) ? Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) : undefined;
  }
  const time = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(body);
  if (time) {
    const [, h, mi, s = '0'] = time;
    return valid(1, 1, Number(h), Number(mi), Number(s)) ? day + ((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 1000 : undefined;
  }
  return undefined;
}

function valid(mo: number, d: number, h: number, mi: number, s: number): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && s <= 60;
}

const SPAN_UNITS: Record<string, number> = {
  us: 0.001, usec: 0.001, ms: 1, msec: 1, '': 1000, s: 1000, sec: 1000, second: 1000, seconds: 1000,
  m: 60_000, min: 60_000, minute: 60_000, minutes: 60_000, h: 3_600_000, hr: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000, w: 604_800_000, week: 604_800_000, weeks: 604_800_000,
};

/** parse_sec: `5min`, `1h 30min`, `2 days`; a bare number is seconds. */
function parseSpan(text: string): number | undefined {
  const t = text.trim();
  const parts = [...t.matchAll(/(\d+(?:\.\d+)?)\s*([a-z]*)\s*/g)];
  // The words must cover the whole text, one after the other.
  if (t === '' || parts.map((m) => m[0]).join('') !== t) return undefined;
  let total = 0;
  for (const m of parts) {
    const unit = SPAN_UNITS[m[2]!];
    if (unit === undefined) return undefined;
    total += Number(m[1]) * unit;
  }
  return total;
}
