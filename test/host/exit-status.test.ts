/** exit_status_to_string: which names the journal and systemctl status print. */
import { describe, it, expect } from 'vitest';
import { exitStatusName, exitStatusShort } from '../../src/host/exit-status.ts';

describe('exit status names', () => {
  it('the journal line knows the LSB names; status only systemd own ones', () => {
    expect([0, 1, 2, 7, 9, 203].map(exitStatusName)).toEqual(['0/SUCCESS', '1/FAILURE', '2/INVALIDARGUMENT', '7/NOTRUNNING', '9/n/a', '203/EXEC']);
    expect([0, 1, 2, 7, 9, 203].map(exitStatusShort)).toEqual(['0/SUCCESS', '1/FAILURE', '2', '7', '9', '203/EXEC']);
  });
});
