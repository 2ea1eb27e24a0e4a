import { extrasLoader } from './sim-loader.ts';

export type CloudconfigModule = typeof import('../../cloudconfig/index.ts');

let loading: Promise<CloudconfigModule> | undefined;

/** The cloud-config parser and validator (with its YAML parser): its own chunk, fetched once. */
export function loadCloudconfig(): Promise<CloudconfigModule> {
  // What the editor lets a learner write may start etcd 0.4: its chunk comes along.
  loading ??= Promise.all([import('../../cloudconfig/index.ts'), extrasLoader()]).then(([m]) => m);
  loading.catch(() => (loading = undefined));
  return loading;
}
