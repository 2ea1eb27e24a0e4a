/**
 * Parts of the simulation the browser loads as chunks of their own (bundle budget): the shell
 * (terminals), the cloud-config code (parsing, validation, applying at boot), etcd 0.4, and what
 * etcd needs only for requests typed commands make. Headless callers provide them up front; the
 * page loads each before anything can need it, so no real-time wait ever sits between two
 * virtual moments.
 */

/** One lazily loaded module: handed over (`provide`), fetched once (`load`), or read if there. */
function lazyPart<M>(importer: () => Promise<M>) {
  let m: M | undefined;
  return {
    provide: (mod: M): void => {
      m = mod;
    },
    load: async (): Promise<M> => (m ??= await importer()),
    get: (): M | undefined => m,
  };
}

export type ShellModule = typeof import('./shell/shell.ts');
export type CloudconfigBootModule = typeof import('./cloudconfig/apply.ts');
export type Etcd04Module = typeof import('./etcd/v04/index.ts');
export type EtcdHttpExtrasModule = typeof import('./etcd/http-extras.ts');

const shell = lazyPart<ShellModule>(() => import('./shell/shell.ts'));
const cloudconfig = lazyPart<CloudconfigBootModule>(() => import('./cloudconfig/apply.ts'));
const etcd04 = lazyPart<Etcd04Module>(() => import('./etcd/v04/index.ts'));
const httpExtras = lazyPart<EtcdHttpExtrasModule>(() => import('./etcd/http-extras.ts'));

export const provideShell = shell.provide;
export const loadShell = shell.load;
/** The shell module if loaded (a terminal cannot run commands before). */
export const shellModule = shell.get;

export const provideCloudconfig = cloudconfig.provide;
export const loadCloudconfig = cloudconfig.load;
export const cloudconfigModule = cloudconfig.get;

export const provideEtcd04 = etcd04.provide;
export const loadEtcd04 = etcd04.load;
/** etcd 0.4 if loaded (the page loads it with the shell, the editor, a lesson, or a user-data that asks for it). */
export const etcd04Module = etcd04.get;

export const provideEtcdHttpExtras = httpExtras.provide;
export const loadEtcdHttpExtras = httpExtras.load;

/** The members API's checks and the proxy's relay: loaded with the shell, which every such request comes from. */
export function etcdHttpExtras(): EtcdHttpExtrasModule {
  const m = httpExtras.get();
  if (!m) throw new Error('etcd: the HTTP extras are not loaded (they come with the shell)');
  return m;
}
