import { ringPositions, type CardSize, type Point } from './ring-layout.ts';
import { fullGroups } from './partition.ts';

export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
  members: string[];
}

export interface ClusterLayout {
  pos: Map<string, Point>;
  /** One region per partition group (none while the network is whole). */
  regions: Region[];
}

const GAP = 14;

/**
 * Places the machines: one ring when the network is whole; when it is split, each group gets
 * its own column (width by size) and its own ring inside it, so the split is seen at a glance.
 */
export function clusterLayout(machines: string[], groups: string[][], width: number, height: number, card: CardSize): ClusterLayout {
  const pos = new Map<string, Point>();
  const all = fullGroups(groups, machines).filter((g) => g.some((m) => machines.includes(m)));
  if (all.length <= 1) {
    ringPositions(machines.length, width, height, card).forEach((p, i) => pos.set(machines[i]!, p));
    return { pos, regions: [] };
  }
  const ordered = all.map((g) => machines.filter((m) => g.includes(m)));
  const vertical = width < height * 0.9;
  const total = vertical ? height : width;
  const avail = total - GAP * (ordered.length + 1);
  const minShare = vertical ? card.h + 36 : card.w + 24;
  const weights = ordered.map((g) => Math.max(minShare, (avail * g.length) / machines.length));
  const scale = avail / weights.reduce((a, b) => a + b, 0);
  const regions: Region[] = [];
  let offset = GAP;
  ordered.forEach((g, i) => {
    const size = weights[i]! * scale;
    const r: Region = vertical
      ? { x: GAP, y: offset, w: width - 2 * GAP, h: size, members: g }
      : { x: offset, y: GAP, w: size, h: height - 2 * GAP, members: g };
    regions.push(r);
    offset += size + GAP;
    // Leave room for the region's label at its top.
    const top = 26;
    const inner = { x: r.x, y: r.y + top, w: r.w, h: r.h - top };
    placeInBox(g, inner, card).forEach((p, j) => pos.set(g[j]!, p));
  });
  return { pos, regions };
}

function placeInBox(g: string[], box: { x: number; y: number; w: number; h: number }, card: CardSize): Point[] {
  const n = g.length;
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  if (n === 1) return [{ x: cx, y: cy }];
  const roomX = box.w - card.w;
  const roomY = box.h - card.h;
  // A narrow box stacks its cards; a wide and low one lines them up; otherwise a ring.
  // Two or three fit one above the other when the box is tall enough: edges then fan out, not overlap.
  if (n <= 3 && roomY >= (n - 1) * (card.h + 10)) {
    const step = Math.min(card.h * 1.5, roomY / (n - 1));
    return g.map((_, i) => ({ x: cx + (n === 3 ? (i === 1 ? card.w * 0.35 : -card.w * 0.35) : 0), y: cy + (i - (n - 1) / 2) * step }));
  }
  if (roomX < card.w * 0.5) return g.map((_, i) => ({ x: cx, y: box.y + card.h / 2 + 4 + (n === 1 ? 0 : (i * (roomY - 8)) / (n - 1)) }));
  if (roomY < card.h * 0.5) return g.map((_, i) => ({ x: box.x + card.w / 2 + 4 + (i * (roomX - 8)) / (n - 1), y: cy }));
  return ringPositions(n, box.w, box.h, card, 8).map((p) => ({ x: p.x + box.x, y: p.y + box.y }));
}
