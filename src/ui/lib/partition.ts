/** Partition groups as the fault controls change them. A machine in no group is with the rest. */

/** Groups after cutting `m` off on its own. */
export function isolate(groups: string[][], machines: string[], m: string): string[][] {
  const base = groups.length ? groups.map((g) => g.filter((x) => x !== m)) : [machines.filter((x) => x !== m)];
  return [...base.filter((g) => g.length > 0), [m]];
}

/** True when `m` sits alone in its own group. */
export function isIsolated(groups: string[][], m: string): boolean {
  return groups.some((g) => g.length === 1 && g[0] === m);
}

/** Groups after `m` rejoins the largest other group; undefined means the network is whole again. */
export function rejoin(groups: string[][], m: string): string[][] | undefined {
  const rest = groups.map((g) => g.filter((x) => x !== m)).filter((g) => g.length > 0);
  if (rest.length <= 1) return undefined;
  let big = 0;
  rest.forEach((g, i) => {
    if (g.length > rest[big]!.length) big = i;
  });
  rest[big] = [...rest[big]!, m].sort();
  return rest;
}

/** The split the partition dialog proposes: the leader (or the first machine) with a minority. */
export function defaultSplit(machines: string[], leader?: string): { a: string[]; b: string[] } {
  const first = leader && machines.includes(leader) ? leader : machines[0]!;
  const minority = Math.max(1, Math.floor((machines.length - 1) / 2));
  const b = [first, ...machines.filter((m) => m !== first).slice(0, minority - 1)];
  return { a: machines.filter((m) => !b.includes(m)), b };
}

/** Group index of each machine (machines in no group share index -1). */
export function groupOf(groups: string[][], m: string): number {
  return groups.findIndex((g) => g.includes(m));
}

/** Groups including the implicit one of machines named nowhere. */
export function fullGroups(groups: string[][], machines: string[]): string[][] {
  if (groups.length === 0) return [];
  const named = new Set(groups.flat());
  const rest = machines.filter((m) => !named.has(m));
  return rest.length ? [...groups, rest] : groups.map((g) => [...g]);
}
