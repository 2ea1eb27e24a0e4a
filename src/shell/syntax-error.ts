/** A syntax error, worded as bash prints it (without the `bash: ` prefix). */
export class ShellSyntaxError extends Error {
  constructor(
    readonly lines: string[],
    /** True when more input could complete the line (an open quote, `if` without `fi`). */
    readonly atEof: boolean,
  ) {
    super(lines.join('\n'));
  }

  /** The input ended inside a construct; `matching` names an unclosed quote or bracket. */
  static eof(matching?: string): ShellSyntaxError {
    return new ShellSyntaxError(
      matching
        ? [`unexpected EOF while looking for matching \`${matching}'`, 'syntax error: unexpected end of file']
        : ['syntax error: unexpected end of file'],
      true,
    );
  }

  static unexpected(token: string): ShellSyntaxError {
    return new ShellSyntaxError([`syntax error near unexpected token \`${token}'`], false);
  }
}
