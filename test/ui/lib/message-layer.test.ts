// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { drawMessageLayer } from '../../../src/ui/lib/message-layer.ts';
import type { MessageMark } from '../../../src/ui/lib/message-marks.ts';
import type { Flight } from '../../../src/ui/lib/flights.ts';

const flight = (id: number, outcome: Flight['outcome'] = 'flying'): Flight => ({
  id, from: 'core-01', to: 'core-02', kind: 'MsgHeartbeat', payload: {}, sentAt: 0, recvAt: 10, outcome,
  ...(outcome === 'dropped' ? { reason: 'loss' as const } : {}),
});
const mark = (f: Flight, x = 1): MessageMark => ({ flight: f, from: { x: 0, y: 0 }, at: { x, y: 2 }, trail: 0.5, opacity: 1, scale: 1 });

function layer(): SVGGElement {
  return document.createElementNS('http://www.w3.org/2000/svg', 'g');
}
const ids = (g: SVGGElement) => [...g.children].map((c) => c.getAttribute('data-id'));

describe('the message layer (a keyed data join)', () => {
  it('one g.msg per message, in the marks order, each with its trail, shape and title', () => {
    const g = layer();
    drawMessageLayer(g, [mark(flight(1)), mark(flight(2))], undefined);
    expect(ids(g)).toEqual(['1', '2']);
    const m = g.children[0]!;
    expect(m.getAttribute('class')).toBe('msg');
    expect([...m.children].map((c) => c.tagName)).toEqual(['line', 'path', 'title']);
    expect(m.querySelector('title')!.textContent).toContain('core-01 → core-02');
  });

  it('reuses the node of a message that stays, follows a new order, removes what left, marks the selected', () => {
    const g = layer();
    drawMessageLayer(g, [mark(flight(1)), mark(flight(2)), mark(flight(3))], undefined);
    const two = g.children[1];
    drawMessageLayer(g, [mark(flight(3)), mark(flight(2), 7)], 2);
    expect(ids(g)).toEqual(['3', '2']);
    expect(g.children[1]).toBe(two);
    expect(two!.classList.contains('selected')).toBe(true);
    expect(g.children[0]!.classList.contains('selected')).toBe(false);
    expect(two!.querySelector('line')!.getAttribute('x2')).toBe('7.0');
  });

  it('a message that is lost re-enters as a new node, drawn as a cross', () => {
    const g = layer();
    drawMessageLayer(g, [mark(flight(1))], undefined);
    const flying = g.children[0];
    drawMessageLayer(g, [mark(flight(1, 'dropped'))], undefined);
    expect(g.children.length).toBe(1);
    expect(g.children[0]).not.toBe(flying);
    expect(g.children[0]!.getAttribute('class')).toBe('msg dropped');
    expect(g.children[0]!.querySelector('path')!.getAttribute('d')).toBe('M-4.5,-4.5L4.5,4.5M4.5,-4.5L-4.5,4.5');
  });
});
