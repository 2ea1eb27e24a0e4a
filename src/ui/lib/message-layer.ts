import { select } from 'd3';
import type { MessageMark } from './message-marks.ts';
import { shapePath, styleOf } from './message-style.ts';

const CROSS = 'M-4.5,-4.5L4.5,4.5M4.5,-4.5L-4.5,4.5';
const key = (m: MessageMark) => `${m.flight.id}${m.flight.outcome === 'dropped' ? 'x' : ''}`;

/**
 * Draws the messages into an SVG group with a d3 data join, keyed by message (a lost one
 * re-enters as a cross). Runs every frame: only attributes change, nodes are reused.
 */
export function drawMessageLayer(layer: SVGGElement, marks: MessageMark[], selectedId: number | undefined): void {
  select(layer)
    .selectAll<SVGGElement, MessageMark>('g.msg')
    .data(marks, key)
    .join((enter) => {
      const g = enter
        .append('g')
        .attr('class', (m) => `msg${styleOf(m.flight.kind).response ? ' resp' : ''}${m.flight.outcome === 'dropped' ? ' dropped' : ''}`)
        .attr('data-id', (m) => m.flight.id)
        .style('--c', (m) => (m.flight.outcome === 'dropped' ? 'var(--drop)' : styleOf(m.flight.kind).color));
      g.append('line').attr('class', 'trail');
      g.append('path')
        .attr('class', 'shape')
        .attr('d', (m) => {
          const st = styleOf(m.flight.kind);
          return m.flight.outcome === 'dropped' ? CROSS : shapePath(st.shape, st.size);
        });
      g.append('title').text((m) => {
        const f = m.flight;
        return `${styleOf(f.kind).label}: ${f.from} → ${f.to}${f.outcome === 'dropped' ? ` (lost: ${f.reason})` : ''}`;
      });
      return g;
    })
    .classed('selected', (m) => m.flight.id === selectedId)
    .call((g) =>
      g
        .select('line')
        .attr('x1', (m) => m.from.x.toFixed(1))
        .attr('y1', (m) => m.from.y.toFixed(1))
        .attr('x2', (m) => m.at.x.toFixed(1))
        .attr('y2', (m) => m.at.y.toFixed(1))
        .style('opacity', (m) => m.trail.toFixed(3)),
    )
    .call((g) =>
      g
        .select('path')
        .attr('transform', (m) => `translate(${m.at.x.toFixed(1)},${m.at.y.toFixed(1)}) scale(${m.scale.toFixed(2)})`)
        .style('opacity', (m) => m.opacity.toFixed(3)),
    );
}
