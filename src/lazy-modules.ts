/**
 * Parts of the simulation the browser loads as chunks of their own (bundle budget): the shell
 * (terminals) and the cloud-config code (parsing, validation, applying at boot). Headless callers
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
