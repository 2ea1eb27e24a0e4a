import type { World } from '../sim/world.ts';
import type { HostContext } from '../shell/process.ts';

/** The part of a host's context that is the world's: clock, timers, network, wake-ups. */
export type WorldServices = Pick<HostContext, 'now' | 'http' | 'setTimer' | 'wake'>;

/** What a program on host `name` reaches the world through (hosts and test hosts alike). */
export function worldServices(world: World, name: string): WorldServices {
  return {
    now: () => world.now(),
    http: (target, out, handlers) => world.http.request(name, target, out, handlers),
    setTimer: (fn, ms) => {
      const id = world.clock.schedule(fn, ms);
      return () => world.clock.cancel(id);
    },
    wake: (settle) => world.wake(settle),
  };
}
