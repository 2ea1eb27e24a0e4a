import type { SimClusterApi } from '../../cluster-api.ts';

export interface SimOptions {
  machines: number;
  seed: number;
  speed: number;
  /** Cloud-config the machines boot from (default: coreos-vagrant's user-data with a fresh token). */
  userData?: string;
}

/** Options from the page URL: `?machines=5&seed=42&speed=0.1`. */
export function optionsFromUrl(search: string): SimOptions {
  const q = new URLSearchParams(search);
  const int = (k: string, d: number, lo: number, hi: number) => {
    const v = Number.parseInt(q.get(k) ?? '', 10);
    return Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : d;
  };
  const speed = Number.parseFloat(q.get('speed') ?? '');
  return {
    machines: int('machines', 3, 1, 9),
    seed: int('seed', 42, 0, 2 ** 31 - 1),
    speed: Number.isFinite(speed) ? speed : 1,
  };
}

/**
 * Builds the cluster the screen drives; resolves once etcd has a leader. The simulation is its
 * own chunk, so the page (header, skeleton) paints before it is fetched and booted; the
 * cloud-config code that boots the machines is fetched alongside it, not after it.
 */
export async function loadSim(o: SimOptions): Promise<SimClusterApi> {
  const [cluster, boot] = await Promise.all([import('../../cluster.ts'), import('../../cloudconfig/apply.ts')]);
  cluster.provideCloudconfig(boot);
  if (o.userData !== undefined && needsEtcd04(o.userData)) await cluster.loadEtcd04();
  return cluster.createSimCluster({ machines: o.machines, seed: o.seed, userData: o.userData });
}

/**
 * The shell (what runs typed commands): its own chunk, fetched with xterm when a terminal first
 * opens, and handed to the simulation before the terminal takes input.
 */
export async function shellLoader(): Promise<void> {
  const { loadShell, loadEtcd04, loadEtcdHttpExtras } = await import('../../cluster.ts');
  await Promise.all([loadShell(), loadEtcd04(), loadEtcdHttpExtras()]);
}

/**
 * etcd 0.4 and the request-only parts of etcd: their own chunks (first-load budget), loaded
 * before anything could need them: with the shell, the editor, a lesson's actions, or a
 * user-data that configures etcd 0.4 (`etcd:` or etcd.service).
 */
export async function extrasLoader(): Promise<void> {
  const { loadEtcd04, loadEtcdHttpExtras } = await import('../../cluster.ts');
  await Promise.all([loadEtcd04(), loadEtcdHttpExtras()]);
}

/** Whether a user-data may start etcd 0.4 (a `coreos.etcd` section or the etcd.service unit). */
export function needsEtcd04(userData: string): boolean {
  return /\betcd(:|\.service)/.test(userData);
}
