import { clean, isCleanRooted } from '../../sim/go-path.ts';

export { clean, join, split } from '../../sim/go-path.ts';

/** What every store operation does to its key first: `path.Clean(path.Join("/", p))`. */
export function cleanKey(p: string): string {
  return isCleanRooted(p) ? p : clean('/' + p);
}
