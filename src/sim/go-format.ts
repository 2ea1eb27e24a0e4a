/**
 * Go's formatting of durations and floats, which the simulated tools print
 * (`time.Duration.String()`, `encoding/json` float64).
 */

/** Go's time.Duration.String() for a duration given in (possibly fractional) milliseconds. */
export function goDuration(ms: number): string {
  let ns = Math.round(ms * 1e6);
  if (ns === 0) return '0s';
  const neg = ns < 0;
  if (neg) ns = -ns;
  let out: string;
  if (ns < 1e3) out = `${ns}ns`;
  else if (ns < 1e6) out = `${trimFrac(ns / 1e3)}µs`;
  else if (ns < 1e9) out = `${trimFrac(ns / 1e6)}ms`;
  else {
    const h = Math.floor(ns / 3.6e12);
    const m = Math.floor((ns % 3.6e12) / 6e10);
    const s = (ns % 6e10) / 1e9;
    out = (h ? `${h}h` : '') + (h || m ? `${m}m` : '') + `${trimFrac(s)}s`;
  }
  return (neg ? '-' : '') + out;
}

function trimFrac(x: number): string {
  return x.toFixed(9).replace(/\.?0+$/, '');
}

/** Go's encoding/json float64: shortest repr, exponent form below 1e-6 or from 1e21 (`1e-07`). */
export function goJsonFloat(x: number): string {
  if (!Number.isFinite(x)) return 'null';
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    return x.toExponential().replace(/e([+-])(\d)$/, 'e$10$2').replace('e+', 'e+');
  }
  return String(x);
}
