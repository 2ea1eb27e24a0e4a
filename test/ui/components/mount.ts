import type { Component, mount as MountFn, unmount as UnmountFn, flushSync as FlushFn } from 'svelte';
// The client build of Svelte, by path: vitest resolves `svelte` to its server build here, and
// the shared vite config is not this folder's to change. Typed from `svelte`'s declarations.
// @ts-expect-error -- the file has no declaration of its own
import * as client from '../../../node_modules/svelte/src/index-client.js';

const { mount, unmount, flushSync } = client as { mount: typeof MountFn; unmount: typeof UnmountFn; flushSync: typeof FlushFn };

/** Mounts a component into a fresh element of the jsdom document; returns it and an unmounter. */
export function render<P extends Record<string, unknown>>(component: Component<P>, props: P): { container: HTMLElement; destroy: () => void } {
  const container = document.createElement('div');
  document.body.append(container);
  const app = mount(component, { target: container, props });
  flushSync();
  return {
    container,
    destroy: () => {
      void unmount(app);
      container.remove();
    },
  };
}
