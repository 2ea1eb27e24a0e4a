import type { DiscoveryView } from '../../snapshot.ts';

export interface RegistrySlot {
  /** Machine name (found by its address in the peer URLs), or the etcd name; undefined for a free slot. */
  name?: string;
  /** The etcd member name as registered (on CoreOS, the machine ID). */
  etcdName?: string;
  id?: string;
  peerURLs?: string;
}

/**
 * The token to show: the one the cluster booted from (its user-data's discovery URL) if the
 * service knows it; otherwise the newest token anyone registered on; otherwise the newest.
 */
export function pickToken(views: readonly DiscoveryView[], url: string | undefined): DiscoveryView | undefined {
  if (url) {
    const v = views.find((d) => d.url === url || url.endsWith(`/${d.token}`));
    if (v) return v;
  }
  return [...views].reverse().find((d) => d.registered.length > 0) ?? views[views.length - 1];
}

/** The machine whose address a registration's peer URLs name. */
function machineOf(peerURLs: string, machines: readonly { name: string; ip: string }[]): string | undefined {
  return machines.find((m) => m.ip && new RegExp(`//${m.ip.replace(/\./g, '\\.')}(:|/|$)`).test(peerURLs))?.name;
}

/**
 * The registry as slots: the registrations in order (the first `size` form the cluster), then
 * free slots up to the size. CoreOS names members by machine ID, so a slot shows the machine.
 */
export function slotsOf(v: DiscoveryView, machines: readonly { name: string; ip: string }[] = []): RegistrySlot[] {
  const slots: RegistrySlot[] = v.registered.map((r) => ({ name: machineOf(r.peerURLs, machines) ?? r.name, etcdName: r.name, id: r.id, peerURLs: r.peerURLs }));
  for (let i = slots.length; i < (v.size ?? 0); i++) slots.push({});
  return slots;
}

/** `6a28…f3c1`: the token short enough for a card (the whole URL is in the tooltip). */
export function shortToken(v: DiscoveryView): string {
  const t = v.token;
  return t.length > 10 ? `${t.slice(0, 4)}…${t.slice(-4)}` : t;
}

/** "2 of 3 registered: core-01, core-02", for the accessible name and the tooltip. */
export function registrySummary(v: DiscoveryView, machines: readonly { name: string; ip: string }[] = []): string {
  const names = slotsOf(v, machines)
    .filter((s) => s.name)
    .map((s) => s.name)
    .join(', ');
  const of = v.size === undefined ? '' : ` of ${v.size}`;
  return `${v.registered.length}${of} registered${names ? `: ${names}` : ''}`;
}
