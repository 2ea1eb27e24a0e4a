import { describe, it, expect } from 'vitest';
import { FlightTracker, GLOW_DELIVERED_MS } from '../../../src/ui/lib/flights.ts';

const hosts = new Set(['core-01', 'core-02']);
const send = (id: number, t: number, recvAt: number, kind = 'MsgHeartbeat') =>
  ({ t, type: 'msg.send', id, from: 'core-01', to: 'core-02', kind, payload: { term: 1 }, recvAt }) as const;

describe('FlightTracker', () => {
  it('follows a message from send to delivery, interpolating its position', () => {
    const ft = new FlightTracker(hosts);
    ft.onEvent(send(1, 100, 110));
    const [f] = ft.visible(105);
    expect(f!.outcome).toBe('flying');
    expect(ft.progress(f!, 105)).toBeCloseTo(0.5);
    ft.onEvent({ t: 110, type: 'msg.deliver', id: 1, from: 'core-01', to: 'core-02', kind: 'MsgHeartbeat' });
    const [g] = ft.visible(110);
    expect(g!.outcome).toBe('delivered');
    expect(ft.progress(g!, 110)).toBe(1);
  });

  it('fades arrived messages against the display clock, not virtual time', () => {
    const ft = new FlightTracker(hosts);
    ft.onEvent(send(1, 0, 10));
    ft.onEvent({ t: 10, type: 'msg.deliver', id: 1, from: 'core-01', to: 'core-02', kind: 'MsgHeartbeat' });
    expect(ft.visible(1_000_000)).toHaveLength(1);
    ft.displayClock += GLOW_DELIVERED_MS + 1;
    expect(ft.visible(10)).toHaveLength(0);
  });

  it('shows a lost message half-way, and keeps only the newest afterglow per link and kind', () => {
    const ft = new FlightTracker(hosts);
    for (let i = 1; i <= 5; i++) {
      ft.onEvent(send(i, i * 10, i * 10 + 10));
      ft.onEvent({ t: i * 10 + 5, type: 'msg.drop', id: i, from: 'core-01', to: 'core-02', kind: 'MsgHeartbeat', reason: 'loss' });
    }
    const v = ft.visible(60);
    expect(v).toHaveLength(1);
    expect(v[0]!.id).toBe(5);
    expect(ft.progress(v[0]!, 60)).toBe(0.5);
  });

  it('ignores loopback and unknown hosts', () => {
    const ft = new FlightTracker(hosts);
    ft.onEvent({ ...send(1, 0, 1), to: 'core-01' });
    ft.onEvent({ ...send(2, 0, 1), to: 'discovery.etcd.io' });
    expect(ft.visible(0)).toHaveLength(0);
  });
});
