import { describe, it, expect } from 'vitest';
import { Pump } from '../src/driver.ts';
import { World } from '../src/sim/world.ts';

describe('Pump', () => {
  it('a woken continuation runs to its next call before virtual time moves on, however many promise hops it takes', async () => {
    const world = new World({ seed: 1 });
    const pump = new Pump(world);
    // Keeps the pump running past t=100 (the world has an event at 1000 to move on to).
    const later = pump.hold(world.sleep(1000));
    const seen = await pump.hold(world.sleep(100)).then(async () => {
      for (let i = 0; i < 200; i++) await null;
      return world.now();
    });
    expect(seen).toBe(100);
    await later;
    expect(world.now()).toBe(1000);
  });

  it('a busy world still lets the event loop run now and then (timers and I/O outside it are not starved)', async () => {
    const world = new World({ seed: 1 });
    const pump = new Pump(world);
    let ranAt: number | undefined;
    const busy = pump.hold(
      (async () => {
        for (let i = 0; i < 500; i++) await world.sleep(1);
      })(),
    );
    setImmediate(() => (ranAt = world.now()));
    await busy;
    expect(world.now()).toBe(500);
    expect(ranAt).toBeDefined();
    expect(ranAt!).toBeLessThan(500);
  });
});
