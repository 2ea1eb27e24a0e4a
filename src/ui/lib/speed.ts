/** Simulation speed: 1/100x to 10x on a log scale (the slider holds log10 of the speed). */
export const MIN_SPEED = 0.01;
export const MAX_SPEED = 10;
const LADDER = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10];

export function clampSpeed(s: number): number {
  if (!Number.isFinite(s)) return 1;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, s));
}

export function speedFromSlider(v: number): number {
  const s = Math.pow(10, v);
  // Snap near the ladder so the slider lands on round values.
  for (const l of LADDER) if (Math.abs(s - l) / l < 0.03) return l;
  return clampSpeed(Number(s.toPrecision(2)));
}

export function sliderFromSpeed(s: number): number {
  return Math.log10(clampSpeed(s));
}

/** The next ladder value up (dir 1) or down (dir -1). */
export function stepSpeed(s: number, dir: 1 | -1): number {
  if (dir > 0) return LADDER.find((l) => l > s * 1.001) ?? MAX_SPEED;
  return [...LADDER].reverse().find((l) => l < s * 0.999) ?? MIN_SPEED;
}

export function formatSpeed(s: number): string {
  if (s >= 1) return `${Number(s.toFixed(s < 10 ? 1 : 0))}x`;
  const inv = 1 / s;
  if (Math.abs(inv - Math.round(inv)) < 0.05) return `1/${Math.round(inv)}x`;
  return `${Number(s.toPrecision(2))}x`;
}
