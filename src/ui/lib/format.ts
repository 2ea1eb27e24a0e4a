/** Virtual time as the header and event log print it: `00:01:23.4` (or `.456` with ms). */
export function formatClock(ms: number, digits: 1 | 3 = 1): string {
  const t = Math.max(0, ms);
  const h = Math.floor(t / 3_600_000);
  const m = Math.floor(t / 60_000) % 60;
  const s = Math.floor(t / 1000) % 60;
  const frac = digits === 1 ? String(Math.floor(t / 100) % 10) : String(Math.floor(t) % 1000).padStart(3, '0');
  return `${pad2(h)}:${pad2(m)}:${pad2(s)}.${frac}`;
}

/** A duration for people: `850 ms`, `1.25 s`. */
export function formatDuration(ms: number): string {
  if (Math.abs(ms) < 1000) return `${Number(ms.toFixed(ms < 10 ? 1 : 0))} ms`;
  return `${Number((ms / 1000).toFixed(2))} s`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
