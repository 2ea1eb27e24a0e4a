import { describe, it, expect } from 'vitest';
import { createActor, setup } from 'xstate';
import { WorldClock } from '../../src/sim/clock.ts';

describe('WorldClock', () => {
  it('runs timers in time order, ties in scheduling order', () => {
    const c = new WorldClock();
    const seen: string[] = [];
    c.schedule(() => seen.push('b'), 20);
    c.schedule(() => seen.push('a'), 10);
    c.schedule(() => seen.push('c'), 20);
    while (c.step());
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(c.now()).toBe(20);
  });

  it('never runs a cleared timer', () => {
    const c = new WorldClock();
    let ran = false;
    const id = c.schedule(() => (ran = true), 5);
    c.cancel(id);
    expect(c.step()).toBe(false);
    expect(ran).toBe(false);
    expect(c.nextAt()).toBeUndefined();
  });

  it('stops at the limit and does not run later timers', () => {
    const c = new WorldClock();
    c.schedule(() => undefined, 50);
    expect(c.step(40)).toBe(false);
    c.jumpTo(40);
    expect(c.now()).toBe(40);
    expect(c.step(60)).toBe(true);
    expect(c.now()).toBe(50);
  });

  it('drives XState `after` delays in virtual time', () => {
    const c = new WorldClock();
    const m = setup({}).createMachine({ initial: 'a', states: { a: { after: { 1000: 'b' } }, b: {} } });
    const actor = createActor(m, { clock: c }).start();
    c.step(999);
    expect(actor.getSnapshot().value).toBe('a');
    while (c.step());
    expect(actor.getSnapshot().value).toBe('b');
    expect(c.now()).toBe(1000);
  });
});
