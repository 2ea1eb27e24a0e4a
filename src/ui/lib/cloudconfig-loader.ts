export type CloudconfigModule = typeof import('../../cloudconfig/index.ts');

let loading: Promise<CloudconfigModule> | undefined;

/** The cloud-config parser and validator (with its YAML parser): its own chunk, fetched once. */
export function loadCloudconfig(): Promise<CloudconfigModule> {
  loading ??= import('../../cloudconfig/index.ts');
  loading.catch(() => (loading = undefined));
  return loading;
}
