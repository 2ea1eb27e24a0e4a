import type { Entry, EntryLevel } from '../../cloudconfig/index.ts';

/** A diagnostic in the editor: Monaco's IMarkerData, with its severity as a word. */
export interface Finding {
  line: number;
  level: EntryLevel;
  message: string;
  /** `line 3: error: ...`, as coreos-cloudinit -validate prints it. */
  text: string;
}

/** Monaco's MarkerSeverity values (kept here so this file does not pull Monaco in). */
export const SEVERITY: Record<EntryLevel, number> = { error: 8, warning: 4, info: 2 };

/** The validator's entries as findings, the line clamped into the text (a finding past the end sits on the last line). */
export function findingsOf(entries: readonly Entry[], lineCount: number, format: (e: Entry) => string): Finding[] {
  return entries.map((e) => ({ line: Math.min(Math.max(1, e.line), Math.max(1, lineCount)), level: e.level, message: e.message, text: format(e) }));
}

export interface MarkerData {
  severity: number;
  message: string;
  source: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/**
 * Markers for Monaco: each finding underlines its whole line (the validator reports lines, not
 * columns), from the first non-blank character so the squiggle sits under the text.
 */
export function markersOf(findings: readonly Finding[], lineText: (line: number) => string): MarkerData[] {
  return findings.map((f) => {
    const text = lineText(f.line);
    const first = text.search(/\S/);
    return {
      severity: SEVERITY[f.level],
      message: f.message,
      source: 'coreos-cloudinit -validate',
      startLineNumber: f.line,
      startColumn: first < 0 ? 1 : first + 1,
      endLineNumber: f.line,
      endColumn: Math.max(text.length + 1, (first < 0 ? 1 : first + 1) + 1),
    };
  });
}

/** "2 errors, 1 warning" (or "no problems"), for the findings' heading. */
export function summaryOf(findings: readonly Finding[]): string {
  if (!findings.length) return 'no problems';
  const n = (level: EntryLevel, word: string) => {
    const k = findings.filter((f) => f.level === level).length;
    return k ? `${k} ${word}${k === 1 ? '' : 's'}` : '';
  };
  return [n('error', 'error'), n('warning', 'warning'), n('info', 'info')].filter(Boolean).join(', ');
}
