/**
 * Parts of the simulation the browser loads as chunks of their own (bundle budget): the shell
 * (terminals), the cloud-config code (parsing, validation, applying at boot), etcd 0.4, and what
 * etcd needs only for requests typed commands make. Headless callers
 * provide them up front; the page loads them with `loadShell()` / `loadCloudconfig()` before
 * they are needed, so no real-time wait ever sits between two virtual moments.
 */

export type ShellModule = typeof import('./shell/shell.ts');
export type CloudconfigBootModule = typeof import('./cloudconfig/apply.ts');

let shell: ShellModule | undefined;
let cloudconfig: CloudconfigBootModule | undefined;

export function provideShell(m: ShellModule): void {
  shell = m;
}

export async function loadShell(): Promise<ShellModule> {
  return (shell ??= await import('./shell/shell.ts'));
}

/** The shell module if loaded (a terminal cannot run commands before). */
export function shellModule(): ShellModule | undefined {
  return shell;
}

export function provideCloudconfig(m: CloudconfigBootModule): void {
  cloudconfig = m;
}

export async function loadCloudconfig(): Promise<CloudconfigBootModule> {
  return (cloudconfig ??= await import('./cloudconfig/apply.ts'));
}

export function cloudconfigModule(): CloudconfigBootModule | undefined {
  return cloudconfig;
}

export type Etcd04Module = typeof import('./etcd/v04/index.ts');
export type EtcdHttpExtrasModule = typeof import('./etcd/http-extras.ts');

let etcd04: Etcd04Module | undefined;
let httpExtras: EtcdHttpExtrasModule | undefined;

export function provideEtcd04(m: Etcd04Module): void {
  etcd04 = m;
}

export async function loadEtcd04(): Promise<Etcd04Module> {
  return (etcd04 ??= await import('./etcd/v04/index.ts'));
}

/** etcd 0.4 if loaded (the page loads it with the shell, the editor, or a user-data that asks for it). */
export function etcd04Module(): Etcd04Module | undefined {
  return etcd04;
}

export function provideEtcdHttpExtras(m: EtcdHttpExtrasModule): void {
  httpExtras = m;
}

export async function loadEtcdHttpExtras(): Promise<EtcdHttpExtrasModule> {
  return (httpExtras ??= await import('./etcd/http-extras.ts'));
}

/** The members API's and the proxy's request handling, if loaded (it comes with the shell). */
export function etcdHttpExtras(): EtcdHttpExtrasModule | undefined {
  return httpExtras;
}
