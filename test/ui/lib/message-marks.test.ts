import { describe, it, expect } from 'vitest';
import { FlightTracker } from '../../../src/ui/lib/flights.ts';
import { messageMarks } from '../../../src/ui/lib/message-marks.ts';

const pos = new Map([
  ['core-01', { x: 0, y: 0 }],
  ['core-02', { x: 400, y: 0 }],
]);

describe('messageMarks', () => {
  it('moves a message from the sender card edge toward the receiver on its own lane', () => {
    const ft = new FlightTracker(new Set(pos.keys()));
    ft.onEvent({ t: 0, type: 'msg.send', id: 1, from: 'core-01', to: 'core-02', kind: 'MsgApp', payload: {}, recvAt: 10 });
    ft.onEvent({ t: 0, type: 'msg.send', id: 2, from: 'core-02', to: 'core-01', kind: 'MsgAppResp', payload: {}, recvAt: 10 });
    const [a, b] = messageMarks(ft, 5, pos, 50, 40);
    // Card edges at x = 54 and x = 346 (4 px gap); half-way is x = 200.
    expect(a!.from.x).toBeCloseTo(54);
    expect(a!.at.x).toBeCloseTo(200);
    expect(b!.at.x).toBeCloseTo(200);
    expect(a!.at.y).not.toBeCloseTo(b!.at.y);
    expect(a!.opacity).toBe(1);
  });

  it('skips messages of machines not on screen', () => {
    const ft = new FlightTracker(new Set(['core-01', 'core-03']));
    ft.onEvent({ t: 0, type: 'msg.send', id: 1, from: 'core-01', to: 'core-03', kind: 'MsgApp', payload: {}, recvAt: 10 });
    expect(messageMarks(ft, 5, pos, 50, 40)).toEqual([]);
  });
});
