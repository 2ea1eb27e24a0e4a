/**
 * The shape of config.CloudConfig (coreos-cloudinit v1.9.3) as the validator sees it through
 * reflection: struct fields by yaml tag, their Go kind, and their `valid` / `deprecated` tags.
 */
export type SchemaType =
  | { kind: 'struct'; fields: Map<string, SchemaField> }
  | { kind: 'slice'; elem: SchemaType }
  | { kind: 'string' | 'int' | 'float64' | 'bool' };

export interface SchemaField {
  type: SchemaType;
  /** Go regexp the value's %v must match (zero values are always valid). */
  valid?: RegExp;
  deprecated?: string;
}

const S: SchemaType = { kind: 'string' };
const I: SchemaType = { kind: 'int' };
const F: SchemaType = { kind: 'float64' };
const B: SchemaType = { kind: 'bool' };

type FieldSpec = SchemaType | [SchemaType, { valid?: RegExp; deprecated?: string }];

function struct(spec: Record<string, FieldSpec>): SchemaType {
  const fields = new Map<string, SchemaField>();
  for (const [name, s] of Object.entries(spec)) {
    fields.set(name, Array.isArray(s) ? { type: s[0], ...s[1] } : { type: s });
  }
  return { kind: 'struct', fields };
}

const slice = (elem: SchemaType): SchemaType => ({ kind: 'slice', elem });

const ETCD2_ONLY = 'etcd2 options no longer work for etcd';
const REMOTE_KEYS = 'trying to fetch from a remote endpoint introduces too many intermittent errors';

/** config/etcd.go (etcd 0.4). */
export const ETCD = struct({
  addr: S,
  advertise_client_urls: [S, { deprecated: ETCD2_ONLY }],
  bind_addr: S,
  ca_file: S,
  cert_file: S,
  cluster_active_size: I,
  cluster_remove_delay: F,
  cluster_sync_interval: F,
  cors: S,
  data_dir: S,
  discovery: S,
  discovery_fallback: [S, { deprecated: ETCD2_ONLY }],
  discovery_srv: [S, { deprecated: ETCD2_ONLY }],
  discovery_proxy: [S, { deprecated: ETCD2_ONLY }],
  election_timeout: [I, { deprecated: ETCD2_ONLY }],
  force_new_cluster: [B, { deprecated: ETCD2_ONLY }],
  graphite_host: S,
  heartbeat_interval: [I, { deprecated: ETCD2_ONLY }],
  http_read_timeout: F,
  http_write_timeout: F,
  initial_advertise_peer_urls: [S, { deprecated: ETCD2_ONLY }],
  initial_cluster: [S, { deprecated: ETCD2_ONLY }],
  initial_cluster_state: [S, { deprecated: ETCD2_ONLY }],
  initial_cluster_token: [S, { deprecated: ETCD2_ONLY }],
  key_file: S,
  listen_client_urls: [S, { deprecated: ETCD2_ONLY }],
  listen_peer_urls: [S, { deprecated: ETCD2_ONLY }],
  max_result_buffer: I,
  max_retry_attempts: I,
  max_snapshots: [I, { deprecated: ETCD2_ONLY }],
  max_wals: [I, { deprecated: ETCD2_ONLY }],
  name: S,
  peer_addr: S,
  peer_bind_addr: S,
  peer_ca_file: S,
  peer_cert_file: S,
  peer_election_timeout: I,
  peer_heartbeat_interval: I,
  peer_key_file: S,
  peers: S,
  peers_file: S,
  proxy: [S, { deprecated: ETCD2_ONLY }],
  retry_interval: F,
  snapshot: B,
  snapshot_count: I,
  trace: S,
  verbose: B,
  very_verbose: B,
  very_very_verbose: B,
});

/** config/etcd2.go. */
export const ETCD2 = struct({
  advertise_client_urls: S,
  ca_file: [S, { deprecated: 'ca_file obsoleted by trusted_ca_file and client_cert_auth' }],
  cert_file: S,
  client_cert_auth: B,
  cors: S,
  data_dir: S,
  debug: B,
  discovery: S,
  discovery_fallback: S,
  discovery_srv: S,
  discovery_proxy: S,
  election_timeout: I,
  force_new_cluster: B,
  heartbeat_interval: I,
  initial_advertise_peer_urls: S,
  initial_cluster: S,
  initial_cluster_state: S,
  initial_cluster_token: S,
  key_file: S,
  listen_client_urls: S,
  listen_peer_urls: S,
  log_package_levels: S,
  max_snapshots: I,
  max_wals: I,
  name: S,
  peer_ca_file: [S, { deprecated: 'peer_ca_file obsoleted peer_trusted_ca_file and peer_client_cert_auth' }],
  peer_cert_file: S,
  peer_key_file: S,
  peer_client_cert_auth: B,
  peer_trusted_ca_file: S,
  proxy: [S, { valid: /^(on|off|readonly)$/ }],
  proxy_dial_timeout: I,
  proxy_failure_wait: I,
  proxy_read_timeout: I,
  proxy_refresh_interval: I,
  proxy_write_timeout: I,
  snapshot_count: I,
  trusted_ca_file: S,
  wal_dir: S,
});

/** config/flannel.go. */
export const FLANNEL = struct({
  etcd_endpoints: S,
  etcd_cafile: S,
  etcd_certfile: S,
  etcd_keyfile: S,
  etcd_prefix: S,
  ip_masq: S,
  subnet_file: S,
  interface: S,
  public_ip: S,
});

/** config/fleet.go. */
export const FLEET = struct({
  agent_ttl: S,
  engine_reconcile_interval: F,
  etcd_cafile: S,
  etcd_certfile: S,
  etcd_keyfile: S,
  etcd_key_prefix: S,
  etcd_request_timeout: F,
  etcd_servers: S,
  metadata: S,
  public_ip: S,
  verbosity: I,
});

// Go's `(?i:sun|mon|...)` spelled out: JS has no inline case-insensitive group.
const DAY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [...d].map((c) => `[${c}${c.toUpperCase()}]`).join('')).join('|');

/** config/locksmith.go. */
export const LOCKSMITH = struct({
  endpoint: S,
  etcd_cafile: S,
  etcd_certfile: S,
  etcd_keyfile: S,
  etcd_username: S,
  etcd_password: S,
  group: S,
  window_start: [S, { valid: new RegExp(`^((${DAY}) )?0*([0-9]|1[0-9]|2[0-3]):0*([0-9]|[1-5][0-9])$`) }],
  window_length: [S, { valid: /^[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+$/ }],
});

/** config/oem.go. */
export const OEM = struct({ id: S, name: S, version_id: S, home_url: S, bug_report_url: S });

/** config/update.go. */
export const UPDATE = struct({
  reboot_strategy: [S, { valid: /^(best-effort|etcd-lock|reboot|off)$/ }],
  group: S,
  server: S,
});

/** config/unit.go. */
export const UNIT = struct({
  name: S,
  mask: B,
  enable: B,
  runtime: B,
  content: S,
  command: [S, { valid: /^(start|stop|restart|reload|try-restart|reload-or-restart|reload-or-try-restart)$/ }],
  drop_ins: slice(struct({ name: S, content: S })),
});

/** config/file.go. */
export const FILE = struct({
  encoding: [S, { valid: /^(base64|b64|gz|gzip|gz\+base64|gzip\+base64|gz\+b64|gzip\+b64)$/ }],
  content: S,
  owner: S,
  path: S,
  permissions: [S, { valid: /^0?[0-7]{3,4}$/ }],
});

/** config/user.go. */
export const USER = struct({
  name: S,
  passwd: S,
  ssh_authorized_keys: slice(S),
  coreos_ssh_import_github: [S, { deprecated: REMOTE_KEYS }],
  coreos_ssh_import_github_users: [slice(S), { deprecated: REMOTE_KEYS }],
  coreos_ssh_import_url: [S, { deprecated: REMOTE_KEYS }],
  gecos: S,
  homedir: S,
  no_create_home: B,
  primary_group: S,
  groups: slice(S),
  no_user_group: B,
  system: B,
  no_log_init: B,
  shell: S,
});

export const COREOS = struct({
  etcd: ETCD,
  etcd2: ETCD2,
  flannel: FLANNEL,
  fleet: FLEET,
  locksmith: LOCKSMITH,
  oem: OEM,
  update: UPDATE,
  units: slice(UNIT),
});

/** config.CloudConfig. */
export const CLOUD_CONFIG = struct({
  ssh_authorized_keys: slice(S),
  coreos: COREOS,
  write_files: slice(FILE),
  hostname: S,
  users: slice(USER),
  manage_etc_hosts: [S, { valid: /^localhost$/ }],
});

/** node.HumanType: `struct`, `string`, `[]struct`... */
export function humanType(t: SchemaType): string {
  return t.kind === 'slice' ? `[]${humanType(t.elem)}` : t.kind;
}
