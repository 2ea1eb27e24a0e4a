import { describe, it, expect } from 'vitest';
import { warningText } from '../../../../src/shell/commands/curl/warn.ts';

describe("curl's warnings (tool_msgs.c voutf)", () => {
  it('a short warning is one line', () => {
    expect(warningText('You can only select one HTTP request!\n')).toBe('Warning: You can only select one HTTP request!\n');
  });

  it('wraps at 79 columns after a space, repeating the prefix (as real curl printed them)', () => {
    expect(warningText('Couldn\'t read data from file "/nonexistent", this makes an empty POST.\n')).toBe(
      'Warning: Couldn\'t read data from file "/nonexistent", this makes an empty \nWarning: POST.\n',
    );
    expect(warningText('You can only select one HTTP request method! You asked for both POST (-d, --data) and HEAD (-I, --head).\n')).toBe(
      'Warning: You can only select one HTTP request method! You asked for both POST \nWarning: (-d, --data) and HEAD (-I, --head).\n',
    );
  });

  it('a word longer than the line is cut at the width', () => {
    expect(warningText('x'.repeat(75) + '\n')).toBe('Warning: ' + 'x'.repeat(70) + '\nWarning: xxxxx\n');
  });
});
