import type { Flight, FlightTracker } from './flights.ts';
import { exitPoint, lerp, type Point } from './ring-layout.ts';

/** Where and how one message is drawn at an instant. */
export interface MessageMark {
  flight: Flight;
  /** Start of its path (the sender card's edge) and its position now. */
  from: Point;
  at: Point;
  /** Opacity of the trail behind it and of the shape itself; scale of the shape. */
  trail: number;
  opacity: number;
  scale: number;
}

const LANE = 4;

/**
 * Positions of the visible messages at virtual time `t`: along the line between the two cards,
 * edge to edge, requests and replies on two parallel lanes so they pass instead of overlapping.
 */
export function messageMarks(flights: FlightTracker, t: number, pos: ReadonlyMap<string, Point>, halfW: number, halfH: number): MessageMark[] {
  const marks: MessageMark[] = [];
  for (const f of flights.visible(t)) {
    const a = pos.get(f.from);
    const b = pos.get(f.to);
    if (!a || !b) continue;
    const s0 = exitPoint(a, b, halfW, halfH);
    const e0 = exitPoint(b, a, halfW, halfH);
    const len = Math.hypot(e0.x - s0.x, e0.y - s0.y) || 1;
    // The normal turns with the direction of travel, so each direction keeps to its own side.
    const nx = (-(e0.y - s0.y) / len) * LANE;
    const ny = ((e0.x - s0.x) / len) * LANE;
    const s = { x: s0.x + nx, y: s0.y + ny };
    const e = { x: e0.x + nx, y: e0.y + ny };
    const glow = flights.glowLeft(f);
    const flying = f.outcome === 'flying';
    const dropped = f.outcome === 'dropped';
    marks.push({
      flight: f,
      from: s,
      at: lerp(s, e, flights.progress(f, t)),
      trail: dropped ? 0 : flying ? 0.45 : 0.55 * glow,
      opacity: flying ? 1 : glow,
      scale: flying || dropped ? 1 : 0.6 + 0.4 * glow,
    });
  }
  return marks;
}
