/**
 * exit_status_to_string of systemd 229 (src/basic/exit-status.c). The level decides which
 * names exist: `full` (the journal's "Main process exited" line) adds the LSB names 2-7;
 * `systemd` (what systemctl status prints) knows 0, 1 and systemd's own 200-2xx codes only.
 */
const SYSTEMD_NAMES: Record<number, string> = {
  0: 'SUCCESS',
  1: 'FAILURE',
  200: 'CHDIR', 201: 'NICE', 202: 'FDS', 203: 'EXEC', 204: 'MEMORY', 205: 'LIMITS', 206: 'OOM_ADJUST',
  207: 'SIGNAL_MASK', 208: 'STDIN', 209: 'STDOUT', 210: 'CHROOT', 211: 'IOPRIO', 212: 'TIMERSLACK',
  213: 'SECUREBITS', 214: 'SETSCHEDULER', 215: 'CPUAFFINITY', 216: 'GROUP', 217: 'USER', 218: 'CAPABILITIES',
  219: 'CGROUP', 220: 'SETSID', 221: 'CONFIRM', 222: 'STDERR', 224: 'PAM', 225: 'NETWORK', 226: 'NAMESPACE',
  227: 'NO_NEW_PRIVILEGES', 228: 'SECCOMP', 229: 'SELINUX_CONTEXT', 230: 'PERSONALITY', 231: 'APPARMOR_PROFILE',
  232: 'ADDRESS_FAMILIES', 233: 'RUNTIME_DIRECTORY', 235: 'CHOWN',
};

const LSB_NAMES: Record<number, string> = {
  2: 'INVALIDARGUMENT',
  3: 'NOTIMPLEMENTED',
  4: 'NOPERMISSION',
  5: 'NOTINSTALLED',
  6: 'NOTCONFIGURED',
  7: 'NOTRUNNING',
};

export function exitStatusString(code: number, level: 'systemd' | 'full'): string | undefined {
  return SYSTEMD_NAMES[code] ?? (level === 'full' ? LSB_NAMES[code] : undefined);
}

/** The journal's `status=2/INVALIDARGUMENT` (strna: `n/a` for a code without a name). */
export function exitStatusName(code: number): string {
  return `${code}/${exitStatusString(code, 'full') ?? 'n/a'}`;
}

/** systemctl status' `status=2` or `status=1/FAILURE` (print_status_info). */
export function exitStatusShort(code: number): string {
  const name = exitStatusString(code, 'systemd');
  return name === undefined ? String(code) : `${code}/${name}`;
}
