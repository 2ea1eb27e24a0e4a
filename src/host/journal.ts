/** syslog priorities as journald keeps them (capnslog maps its levels onto these). */
export const PRIORITY = { crit: 2, err: 3, warning: 4, notice: 5, info: 6, debug: 7 } as const;

/** One journal record: what `journalctl` shows, plus what it filters on. */
export interface JournalEntry {
  /** Virtual ms. */
  t: number;
  /** Which boot of the host wrote it (1 = first), for `-b` and the `-- Reboot --` marks. */
  boot: number;
  /** `_SYSTEMD_UNIT` (e.g. `etcd2.service`), or undefined for the kernel and early boot. */
  unit?: string;
  /** `SYSLOG_IDENTIFIER`: `etcd2`, `systemd`... */
  identifier: string;
  pid: number;
  message: string;
  priority: number;
  /** MESSAGE_ID, for `journalctl -x`'s catalog text (systemd's unit job lines carry one). */
  messageId?: string;
  /** RESULT= of a job line (`done`, `failed`), which the catalog text names. */
  result?: string;
}

export type JournalListener = (e: JournalEntry) => void;

/**
 * A host's systemd journal: records in time order, surviving reboots (CoreOS keeps a
 * persistent journal under /var/log/journal). Programs write through `append`; journalctl
 * reads `entries()` and follows with `subscribe`.
 */
export class Journal {
  private records: JournalEntry[] = [];
  private listeners = new Set<JournalListener>();
  private bootNo = 0;

  constructor(private readonly now: () => number) {}

  /** The host started a new boot; later records belong to it. */
  newBoot(): void {
    this.bootNo++;
  }

  get boot(): number {
    return this.bootNo;
  }

  append(e: { unit?: string; identifier: string; pid: number; message: string; priority?: number; messageId?: string; result?: string }): void {
    const rec: JournalEntry = {
      t: this.now(),
      boot: this.bootNo,
      unit: e.unit,
      identifier: e.identifier,
      pid: e.pid,
      // journald keeps a trailing newline out of MESSAGE when printing; drop it here.
      message: e.message.endsWith('\n') ? e.message.replace(/\n+$/, '') : e.message,
      priority: e.priority ?? PRIORITY.info,
    };
    if (e.messageId !== undefined) rec.messageId = e.messageId;
    if (e.result !== undefined) rec.result = e.result;
    this.records.push(rec);
    // Copied: a listener may unsubscribe while it hears the record (nobody follows, mostly).
    if (this.listeners.size > 0) for (const l of [...this.listeners]) l(rec);
  }

  entries(): readonly JournalEntry[] {
    return this.records;
  }

  subscribe(l: JournalListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}
