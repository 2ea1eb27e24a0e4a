import { afterAll, beforeAll } from 'vitest';
import { startSite, stopSite, type Site } from './site.ts';

/** A browser test file's site: started before its tests, stopped after. Read it inside tests. */
export function useSite(): Site {
  const site = {} as Site;
  beforeAll(async () => {
    Object.assign(site, await startSite());
  }, 180_000);
  afterAll(() => stopSite(site));
  return site;
}
