import type { SimClusterApi } from '../../cluster-api.ts';

export interface SimOptions {
  machines: number;
  seed: number;
  /** Use the stand-in simulation even when the real one exists. */
  mock: boolean;
  speed: number;
}

/** Options from the page URL: `?machines=5&seed=42&speed=0.1&mock=1`. */
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
    mock: q.get('mock') === '1',
    speed: Number.isFinite(speed) ? speed : 1,
  };
}

// The real simulation is picked up when src/cluster.ts exists; a glob keeps the build working before then.
const real = import.meta.glob('../../cluster.ts');

/** Builds the cluster the screen drives; resolves once etcd has a leader. */
export async function loadSim(o: SimOptions): Promise<{ sim: SimClusterApi; mock: boolean }> {
  const load = real['../../cluster.ts'];
  if (load && !o.mock) {
    const mod = (await load()) as { createSimCluster?: (x: { machines: number; seed: number }) => Promise<SimClusterApi> };
    if (typeof mod.createSimCluster === 'function') return { sim: await mod.createSimCluster({ machines: o.machines, seed: o.seed }), mock: false };
  }
  const { createMockCluster } = await import('../mock/mock-cluster.ts');
  return { sim: await createMockCluster({ machines: o.machines, seed: o.seed }), mock: true };
}
