import { describe, it, expect } from 'vitest';
import { findingsOf, markersOf, summaryOf, SEVERITY } from '../../../src/ui/lib/cloudconfig-markers.ts';
import { formatEntry, validate } from '../../../src/cloudconfig/index.ts';

describe('cloud-config findings as editor markers', () => {
  it('puts a finding of coreos-cloudinit -validate at its line with its severity', () => {
    // Reference F: an unknown key is a warning `unrecognized key "bogus_key"`, at its line (#cloud-config is line 1).
    const text = '#cloud-config\nhostname: core-01\nbogus_key: 1\n';
    const lines = text.split('\n');
    const f = findingsOf(validate(text).entries, lines.length, formatEntry);
    expect(f.map((x) => x.text)).toEqual(['line 3: warning: unrecognized key "bogus_key"']);
    const [m] = markersOf(f, (n) => lines[n - 1]!);
    expect(m).toMatchObject({ severity: SEVERITY.warning, startLineNumber: 3, endLineNumber: 3, startColumn: 1, endColumn: 13, message: 'unrecognized key "bogus_key"' });
  });

  it('marks an error as an error (Monaco MarkerSeverity.Error = 8) and starts under the text, not the indent', () => {
    const f = findingsOf([{ line: 2, level: 'error', message: 'invalid value sometimes' }], 3, formatEntry);
    const [m] = markersOf(f, () => '    reboot-strategy: sometimes');
    expect(m!.severity).toBe(8);
    expect(m!.startColumn).toBe(5);
    expect(m!.endColumn).toBe(31); // one past the last character
    expect(f[0]!.text).toBe('line 2: error: invalid value sometimes');
  });

  it('keeps a finding inside the text and summarises the findings', () => {
    const f = findingsOf([{ line: 40, level: 'info', message: 'x' }, { line: 0, level: 'error', message: 'y' }], 5, formatEntry);
    expect(f.map((x) => x.line)).toEqual([5, 1]);
    expect(summaryOf(f)).toBe('1 error, 1 info');
    expect(summaryOf([])).toBe('no problems');
  });
});
