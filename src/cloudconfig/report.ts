/** One finding of the validator, as coreos-cloudinit's config/validate Entry. */
export type EntryLevel = 'error' | 'warning' | 'info';

export interface Entry {
  line: number;
  level: EntryLevel;
  message: string;
}

/** Findings in the order the rules produced them (and, optionally, the validator's own failure). */
export interface Report {
  entries: Entry[];
  /**
   * Set when the real validator itself failed (a recovered Go panic); coreos-cloudinit then logs
   * `Failed while validating user_data (%q)` instead of the entries.
   */
  failure?: string;
}

/** `line N: <level>: <message>` — Entry.String() in report.go. */
export function formatEntry(e: Entry): string {
  return `line ${e.line}: ${e.level}: ${e.message}`;
}

/** Collects entries in order (Report.Error/Warning/Info). */
export class ReportBuilder {
  readonly entries: Entry[] = [];
  error(line: number, message: string): void {
    this.entries.push({ line, level: 'error', message });
  }
  warning(line: number, message: string): void {
    this.entries.push({ line, level: 'warning', message });
  }
  info(line: number, message: string): void {
    this.entries.push({ line, level: 'info', message });
  }
}
