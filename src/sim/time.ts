/**
 * Virtual time 0 is this wall-clock instant (UTC). Tools that print dates (etcd expirations,
 * `date`, docker's "ago") derive them from it, so every run prints the same dates.
 */
export const WORLD_EPOCH_MS = Date.UTC(2016, 5, 1, 9, 0, 0); // 2016-06-01T09:00:00Z

/** Wall-clock milliseconds (Unix epoch) of a virtual instant. */
export function wallMs(virtualMs: number): number {
  return WORLD_EPOCH_MS + virtualMs;
}

/**
 * Go's time.RFC3339Nano in UTC: fractional seconds with trailing zeros trimmed
 * (and no fraction at all on a whole second), e.g. `2016-06-01T09:00:05.25Z`.
 * `virtualMs` may carry sub-millisecond digits; they are kept to the nanosecond.
 */
export function rfc3339Nano(virtualMs: number): string {
  // Split before scaling: wall time in ns exceeds 2^53.
  const wall = wallMs(virtualMs);
  const sec = Math.floor(wall / 1000);
  const ns = Math.round((wall - sec * 1000) * 1e6);
  const base = new Date(sec * 1000).toISOString().slice(0, 19);
  if (ns === 0) return `${base}Z`;
  return `${base}.${String(ns).padStart(9, '0').replace(/0+$/, '')}Z`;
}
