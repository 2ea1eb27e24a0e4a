import type { MessageMark } from './message-marks.ts';
import { shapePath, styleOf } from './message-style.ts';

const CROSS = 'M-4.5,-4.5L4.5,4.5M4.5,-4.5L-4.5,4.5';
const SVG = 'http://www.w3.org/2000/svg';
const key = (m: MessageMark) => `${m.flight.id}${m.flight.outcome === 'dropped' ? 'x' : ''}`;

/** The drawn messages of each layer, by key (a keyed data join, as d3's selection.join makes). */
const drawn = new WeakMap<SVGGElement, Map<string, SVGGElement>>();

/**
 * Draws the messages into an SVG group as a keyed data join: one `g.msg` per message (a lost
 * one re-enters as a cross), kept in the marks' order. Runs every frame: only attributes change,
 * nodes are reused. (Plain DOM: d3-selection for this one join cost a fifth of the first load's
 * UI code.)
 */
export function drawMessageLayer(layer: SVGGElement, marks: MessageMark[], selectedId: number | undefined): void {
  let nodes = drawn.get(layer);
  if (!nodes) drawn.set(layer, (nodes = new Map()));
  const keep = new Set<string>();
  let prev: Element | null = null;
  for (const m of marks) {
    const k = key(m);
    keep.add(k);
    let g = nodes.get(k);
    if (!g) nodes.set(k, (g = enter(m)));
    // In data order, as selection.join's order() leaves them.
    const next: Element | null = prev ? prev.nextElementSibling : layer.firstElementChild;
    if (next !== g) layer.insertBefore(g, next);
    prev = g;
    update(g, m, selectedId);
  }
  for (const [k, g] of nodes) {
    if (keep.has(k)) continue;
    g.remove();
    nodes.delete(k);
  }
}

function enter(m: MessageMark): SVGGElement {
  const f = m.flight;
  const st = styleOf(f.kind);
  const g = document.createElementNS(SVG, 'g');
  g.setAttribute('class', `msg${st.response ? ' resp' : ''}${f.outcome === 'dropped' ? ' dropped' : ''}`);
  g.setAttribute('data-id', String(f.id));
  g.style.setProperty('--c', f.outcome === 'dropped' ? 'var(--drop)' : st.color);
  const line = document.createElementNS(SVG, 'line');
  line.setAttribute('class', 'trail');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('class', 'shape');
  path.setAttribute('d', f.outcome === 'dropped' ? CROSS : shapePath(st.shape, st.size));
  const title = document.createElementNS(SVG, 'title');
  title.textContent = `${st.label}: ${f.from} → ${f.to}${f.outcome === 'dropped' ? ` (lost: ${f.reason})` : ''}`;
  g.append(line, path, title);
  return g;
}

function update(g: SVGGElement, m: MessageMark, selectedId: number | undefined): void {
  g.classList.toggle('selected', m.flight.id === selectedId);
  const line = g.firstElementChild as SVGLineElement;
  line.setAttribute('x1', m.from.x.toFixed(1));
  line.setAttribute('y1', m.from.y.toFixed(1));
  line.setAttribute('x2', m.at.x.toFixed(1));
  line.setAttribute('y2', m.at.y.toFixed(1));
  line.style.opacity = m.trail.toFixed(3);
  const path = line.nextElementSibling as SVGPathElement;
  path.setAttribute('transform', `translate(${m.at.x.toFixed(1)},${m.at.y.toFixed(1)}) scale(${m.scale.toFixed(2)})`);
  path.style.opacity = m.opacity.toFixed(3);
}
