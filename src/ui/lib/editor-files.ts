/** The files the editor offers on each machine, and how each is highlighted and checked. */

/** The editable copy of the user-data (coreos-vagrant's: the machine boots from its own copy). */
export const USER_DATA = '/home/core/user-data';

export type FileLanguage = 'yaml' | 'ini' | 'plaintext';

const UNIT_SUFFIX = /\.(service|socket|timer|target|mount|automount|path|slice|scope|swap|device|network|netdev|link|conf)$/;

/** Monaco language of a file: YAML for cloud-config, INI for systemd units and drop-ins. */
export function languageOf(path: string): FileLanguage {
  if (path === USER_DATA || /user-data$|\.ya?ml$/.test(path)) return 'yaml';
  if (UNIT_SUFFIX.test(path)) return 'ini';
  return 'plaintext';
}

/** Whether the file is user-data that `coreos-cloudinit -validate` checks. */
export const isUserData = (path: string): boolean => languageOf(path) === 'yaml' && /user-data$/.test(path);

/** The last part of a path, for the tree. */
export const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/**
 * Unit files and drop-ins the cloud-config mentions, where coreos-cloudinit writes them (under
 * /etc, or /run for runtime units), plus the drop-ins it generates for etcd2, fleet and
 * locksmithd from their sections. Read from the text, not parsed, so a half-typed file still
 * lists what it can. Only the paths that exist on the machine are shown.
 */
export function unitPathsIn(userData: string): string[] {
  const out: string[] = [];
  const dirs = ['/etc/systemd/system', '/run/systemd/system'];
  let unit: string | undefined;
  for (const m of userData.matchAll(/^\s*-\s*name:\s*["']?([\w@.:-]+\.[a-z]+)["']?\s*$/gm)) {
    const name = m[1]!;
    if (name.endsWith('.conf')) {
      if (unit) for (const d of dirs) out.push(`${d}/${unit}.d/${name}`);
    } else if (UNIT_SUFFIX.test(name)) {
      unit = name;
      for (const d of dirs) out.push(`${d}/${name}`);
    }
  }
  for (const u of ['etcd2.service', 'etcd.service', 'fleet.service', 'locksmithd.service']) out.push(`/run/systemd/system/${u}.d/20-cloudinit.conf`);
  return [...new Set(out)];
}

/**
 * The editable files of a machine, in tree order: the user-data first, then the unit files that
 * exist on it. `read` is the machine's file system (undefined for a missing file).
 */
export function editableFiles(read: (path: string) => string | undefined): string[] {
  const userData = read(USER_DATA);
  const files = userData === undefined ? [] : [USER_DATA];
  for (const p of unitPathsIn(userData ?? '')) if (read(p) !== undefined) files.push(p);
  return files;
}

/** For a drop-in (`…/etcd2.service.d/20-cloudinit.conf`), its unit (`etcd2.service`). */
export function dropInUnit(path: string): string | undefined {
  return /\/([^/]+)\.d\/[^/]+$/.exec(path)?.[1];
}
