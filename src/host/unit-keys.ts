/**
 * The settings systemd 229 knows, per section (load-fragment-gperf.gperf.m4 of v229): what the
 * fragment parser looks up as `Section.Key`. A key not here is "Unknown lvalue" (unless it
 * starts with `X-`, as fleet's `[X-Fleet]` keys do). The sections a unit type reads are in
 * `SECTIONS` (each type's `.sections` nulstr).
 */

const UNIT = [
  'Description', 'Documentation', 'SourcePath', 'Requires', 'RequiresOverridable', 'Requisite', 'RequisiteOverridable',
  'Wants', 'BindsTo', 'BindTo', 'Conflicts', 'Before', 'After', 'OnFailure', 'PropagatesReloadTo', 'PropagateReloadTo',
  'ReloadPropagatedFrom', 'PropagateReloadFrom', 'PartOf', 'JoinsNamespaceOf', 'RequiresMountsFor', 'StopWhenUnneeded',
  'RefuseManualStart', 'RefuseManualStop', 'AllowIsolate', 'DefaultDependencies', 'OnFailureJobMode', 'OnFailureIsolate',
  'IgnoreOnIsolate', 'IgnoreOnSnapshot', 'JobTimeoutSec', 'JobTimeoutAction', 'JobTimeoutRebootArgument', 'Names',
  ...['PathExists', 'PathExistsGlob', 'PathIsDirectory', 'PathIsSymbolicLink', 'PathIsMountPoint', 'PathIsReadWrite',
    'DirectoryNotEmpty', 'FileNotEmpty', 'FileIsExecutable', 'NeedsUpdate', 'FirstBoot', 'KernelCommandLine',
    'Virtualization', 'Security', 'Capability', 'Host', 'ACPower', 'Architecture', 'Null'].flatMap((c) => [`Condition${c}`, `Assert${c}`]),
];

/** ExecContext, KillContext and CGroupContext: every unit type that runs processes has them. */
const EXEC = [
  'WorkingDirectory', 'RootDirectory', 'User', 'Group', 'SupplementaryGroups', 'Nice', 'OOMScoreAdjust',
  'IOSchedulingClass', 'IOSchedulingPriority', 'CPUSchedulingPolicy', 'CPUSchedulingPriority', 'CPUSchedulingResetOnFork',
  'CPUAffinity', 'UMask', 'Environment', 'EnvironmentFile', 'PassEnvironment', 'StandardInput', 'StandardOutput',
  'StandardError', 'TTYPath', 'TTYReset', 'TTYVHangup', 'TTYVTDisallocate', 'SyslogIdentifier', 'SyslogFacility',
  'SyslogLevel', 'SyslogLevelPrefix', 'Capabilities', 'SecureBits', 'CapabilityBoundingSet', 'AmbientCapabilities',
  'TimerSlackNSec', 'NoNewPrivileges', 'SystemCallFilter', 'SystemCallArchitectures', 'SystemCallErrorNumber',
  'RestrictAddressFamilies', 'Personality', 'ReadWriteDirectories', 'ReadOnlyDirectories', 'InaccessibleDirectories',
  'PrivateTmp', 'PrivateDevices', 'PrivateNetwork', 'ProtectSystem', 'ProtectHome', 'MountFlags', 'RuntimeDirectory',
  'RuntimeDirectoryMode', 'TCPWrapName', 'PAMName', 'IgnoreSIGPIPE', 'UtmpIdentifier', 'UtmpMode', 'SELinuxContext',
  'AppArmorProfile', 'SmackProcessLabel',
  ...['CPU', 'FSIZE', 'DATA', 'STACK', 'CORE', 'RSS', 'NOFILE', 'AS', 'NPROC', 'MEMLOCK', 'LOCKS', 'SIGPENDING', 'MSGQUEUE', 'NICE', 'RTPRIO', 'RTTIME'].map((l) => `Limit${l}`),
  'SendSIGKILL', 'SendSIGHUP', 'KillMode', 'KillSignal',
  'Slice', 'CPUAccounting', 'CPUShares', 'StartupCPUShares', 'CPUQuota', 'MemoryAccounting', 'MemoryLimit', 'DeviceAllow',
  'DevicePolicy', 'BlockIOAccounting', 'BlockIOWeight', 'StartupBlockIOWeight', 'BlockIODeviceWeight',
  'BlockIOReadBandwidth', 'BlockIOWriteBandwidth', 'TasksAccounting', 'TasksMax', 'Delegate', 'NetClass',
];

const SERVICE = [
  'PIDFile', 'ExecStartPre', 'ExecStart', 'ExecStartPost', 'ExecReload', 'ExecStop', 'ExecStopPost', 'RestartSec',
  'TimeoutSec', 'TimeoutStartSec', 'TimeoutStopSec', 'RuntimeMaxSec', 'WatchdogSec', 'StartLimitInterval',
  'StartLimitBurst', 'StartLimitAction', 'RebootArgument', 'FailureAction', 'Type', 'Restart', 'PermissionsStartOnly',
  'RootDirectoryStartOnly', 'RemainAfterExit', 'GuessMainPID', 'RestartPreventExitStatus', 'RestartForceExitStatus',
  'SuccessExitStatus', 'SysVStartPriority', 'NonBlocking', 'BusName', 'FileDescriptorStoreMax', 'NotifyAccess', 'Sockets',
  'BusPolicy', 'USBFunctionDescriptors', 'USBFunctionStrings', ...EXEC,
];

const SOCKET = [
  'ListenStream', 'ListenDatagram', 'ListenSequentialPacket', 'ListenFIFO', 'ListenNetlink', 'ListenSpecial',
  'ListenMessageQueue', 'ListenUSBFunction', 'SocketProtocol', 'BindIPv6Only', 'Backlog', 'BindToDevice', 'ExecStartPre',
  'ExecStartPost', 'ExecStopPre', 'ExecStopPost', 'TimeoutSec', 'SocketUser', 'SocketGroup', 'SocketMode',
  'DirectoryMode', 'Accept', 'MaxConnections', 'KeepAlive', 'KeepAliveTimeSec', 'KeepAliveIntervalSec',
  'KeepAliveProbes', 'NoDelay', 'Priority', 'ReceiveBuffer', 'SendBuffer', 'IPTOS', 'IPTTL', 'Mark', 'PipeSize',
  'FreeBind', 'Transparent', 'Broadcast', 'PassCredentials', 'PassSecurity', 'TCPCongestion', 'ReusePort',
  'MessageQueueMaxMessages', 'MessageQueueMessageSize', 'RemoveOnStop', 'Symlinks', 'FileDescriptorName', 'Service',
  'SmackLabel', 'SmackLabelIPIn', 'SmackLabelIPOut', 'SELinuxContextFromNet', ...EXEC,
];

const TIMER = ['OnCalendar', 'OnActiveSec', 'OnBootSec', 'OnStartupSec', 'OnUnitActiveSec', 'OnUnitInactiveSec', 'Persistent', 'WakeSystem', 'RemainAfterElapse', 'AccuracySec', 'RandomizedDelaySec', 'Unit'];
const PATH = ['PathExists', 'PathExistsGlob', 'PathChanged', 'PathModified', 'DirectoryNotEmpty', 'Unit', 'MakeDirectory', 'DirectoryMode'];
const MOUNT = ['What', 'Where', 'Options', 'Type', 'TimeoutSec', 'DirectoryMode', 'SloppyOptions', ...EXEC];
const INSTALL = ['Alias', 'WantedBy', 'RequiredBy', 'Also', 'DefaultInstance'];

const KEYS: Record<string, ReadonlySet<string>> = {
  Unit: new Set(UNIT),
  Service: new Set(SERVICE),
  Socket: new Set(SOCKET),
  Timer: new Set(TIMER),
  Path: new Set(PATH),
  Mount: new Set(MOUNT),
  Install: new Set(INSTALL),
};

/** The sections each unit type reads (service_vtable.sections and friends). */
export const SECTIONS: Record<string, readonly string[]> = {
  service: ['Unit', 'Service', 'Install'],
  socket: ['Unit', 'Socket', 'Install'],
  target: ['Unit', 'Install'],
  timer: ['Unit', 'Timer', 'Install'],
  path: ['Unit', 'Path', 'Install'],
  mount: ['Unit', 'Mount', 'Install'],
};

export function knownKey(section: string, key: string): boolean {
  return KEYS[section]?.has(key) ?? false;
}
