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
  const ring = Array.from({ length: n }, (_, i) => {
    const a = start + (i * 2 * Math.PI) / n;
    return { x: cx + rx * Math.cos(a), y: cy + ry * Math.sin(a) };
  });
  if (!overlaps(ring, card)) return ring;
  const zz = zigzag(n, width, height, card, pad);
  return overlaps(zz, card) ? grid(n, width, height, card, pad) : zz;
}

/** Last resort (many cards on a small stage): rows and columns, as few rows as the width allows. */
function grid(n: number, width: number, height: number, card: CardSize, pad: number, gap = 8): Point[] {
  const fit = Math.max(1, Math.floor((width - 2 * pad + gap) / (card.w + gap)));
  const rows = Math.ceil(n / fit);
  const cols = Math.ceil(n / rows);
  const stepX = cols === 1 ? 0 : Math.min(card.w + gap * 3, (width - 2 * pad - card.w) / (cols - 1));
  const stepY = rows === 1 ? 0 : Math.min(card.h + gap * 3, Math.max(0, height - 2 * pad - card.h) / (rows - 1));
  const x0 = width / 2 - ((cols - 1) * stepX) / 2;
  const y0 = height / 2 - ((rows - 1) * stepY) / 2;
  return Array.from({ length: n }, (_, i) => ({ x: x0 + (i % cols) * stepX, y: y0 + Math.floor(i / cols) * stepY }));
}

function overlaps(ps: Point[], card: CardSize, gap = 6): boolean {
  for (let i = 0; i < ps.length; i++)
    for (let j = i + 1; j < ps.length; j++)
      if (Math.abs(ps[i]!.x - ps[j]!.x) < card.w + gap && Math.abs(ps[i]!.y - ps[j]!.y) < card.h + gap) return true;
  return false;
}

/**
 * A stage too low for a ring (the editor open below it): the cards go left to right,
 * alternately high and low, so neighbours never overlap and no three sit on one line.
 */
function zigzag(n: number, width: number, height: number, card: CardSize, pad: number): Point[] {
  const top = pad + card.h / 2;
  const bottom = Math.max(top, height - pad - card.h / 2);
  const left = pad + card.w / 2;
  const step = n === 1 ? 0 : Math.max(0, width - 2 * pad - card.w) / (n - 1);
  return Array.from({ length: n }, (_, i) => ({ x: left + i * step, y: i % 2 === 0 ? top : bottom }));
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
