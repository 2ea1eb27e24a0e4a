import type { DiscoveryView } from '../../snapshot.ts';
import { slotsOf } from './discovery-view.ts';

/** The discovery URL a cloud-config names (coreos.etcd2.discovery or coreos.etcd.discovery), read from the text. */
export function discoveryUrlIn(userData: string): string | undefined {
  const m = /^\s+discovery:\s*["']?(https?:\/\/[^\s"']+)["']?\s*(#.*)?$/m.exec(userData);
  return m?.[1];
}

/**
 * Why booting a new cluster from this user-data would go wrong because of its token, if it
 * would: a token is good for one cluster only (machines registered on it already make the new
 * ones proxies or duplicates).
 */
export function tokenProblem(userData: string, views: readonly DiscoveryView[], machines: readonly { name: string; ip: string }[] = []): string | undefined {
  const url = discoveryUrlIn(userData);
  if (!url) return undefined;
  const v = views.find((d) => d.url === url || url.endsWith(`/${d.token}`));
  if (!v || v.registered.length === 0) return undefined;
  const size = v.size === undefined ? '' : ` of ${v.size}`;
  return `This discovery token is already used: ${v.registered.length}${size} members registered (${slotsOf(v, machines).filter((r) => r.name).map((r) => r.name).join(', ')}). A new cluster needs a new token.`;
}
