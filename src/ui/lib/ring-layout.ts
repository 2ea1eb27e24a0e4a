/** Where machine cards sit: on an ellipse filling the stage, the first at the top, clockwise. */

export interface Point {
  x: number;
  y: number;
}

export interface CardSize {
  w: number;
  h: number;
}

/** Card size for `n` machines on a stage of `width` x `height` px. */
export function cardSizeFor(n: number, width: number, height: number): CardSize {
  if (width < 520 || n > 7 || height < 360 || (n >= 5 && height < 470)) return { w: 148, h: 92 };
  return { w: 200, h: 106 };
}

export function ringPositions(n: number, width: number, height: number, card: CardSize, pad = 14): Point[] {
  const cx = width / 2;
  const cy = height / 2;
  const rx = Math.max(0, width / 2 - card.w / 2 - pad);
  const ry = Math.max(0, height / 2 - card.h / 2 - pad);
  if (n === 1) return [{ x: cx, y: cy }];
  // With two machines, side by side reads better than top and bottom.
  const start = n === 2 ? Math.PI : -Math.PI / 2;
  return Array.from({ length: n }, (_, i) => {
    const a = start + (i * 2 * Math.PI) / n;
    return { x: cx + rx * Math.cos(a), y: cy + ry * Math.sin(a) };
  });
}

/**
 * Where the segment from the centre of card `a` toward the centre of card `b` leaves card `a`'s
 * rectangle (half sizes hw, hh), pushed out by `gap`: messages fly from edge to edge, never
 * hidden under a card.
 */
export function exitPoint(a: Point, b: Point, hw: number, hh: number, gap = 4): Point {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  if (dx === 0 && dy === 0) return { ...a };
  const tx = dx === 0 ? Infinity : (hw + gap) / Math.abs(dx);
  const ty = dy === 0 ? Infinity : (hh + gap) / Math.abs(dy);
  const t = Math.min(tx, ty, 0.5);
  return { x: a.x + dx * t, y: a.y + dy * t };
}

/** Linear interpolation between two points. */
export function lerp(a: Point, b: Point, p: number): Point {
  return { x: a.x + (b.x - a.x) * p, y: a.y + (b.y - a.y) * p };
}
