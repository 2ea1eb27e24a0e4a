/**
 * The syntax check Go's json.Unmarshal runs before decoding (encoding/json scanner.go, Go 1.6):
 * undefined for valid JSON, else the error text etcd hands back, e.g. `invalid character 'g'
 * looking for beginning of value` or `unexpected end of JSON input`.
 */
export function goJsonSyntaxError(text: string): string | undefined {
  const s = new Scanner(text);
  try {
    s.value();
    s.space();
    if (s.i < text.length) s.fail('after top-level value');
    return undefined;
  } catch (e) {
    if (e instanceof SyntaxFailure) return e.message;
    throw e;
  }
}

class SyntaxFailure extends Error {}

const END = 'unexpected end of JSON input';

/** scanner.go quoteChar. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return `'"'`;
  const q = JSON.stringify(c);
  return "'" + q.slice(1, -1) + "'";
}

class Scanner {
  i = 0;
  constructor(private readonly t: string) {}

  fail(context: string): never {
    if (this.i >= this.t.length) throw new SyntaxFailure(END);
    throw new SyntaxFailure(`invalid character ${quoteChar(this.t[this.i]!)} ${context}`);
  }
  space(): void {
    while (this.i < this.t.length && ' \t\r\n'.includes(this.t[this.i]!)) this.i++;
  }
  private peek(): string | undefined {
    return this.t[this.i];
  }
  private digits(): number {
    const start = this.i;
    while (/[0-9]/.test(this.peek() ?? '')) this.i++;
    return this.i - start;
  }

  value(): void {
    this.space();
    const c = this.peek();
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    if (c === 't') return this.literal('true');
    if (c === 'f') return this.literal('false');
    if (c === 'n') return this.literal('null');
    this.fail('looking for beginning of value');
  }

  private object(): void {
    this.i++;
    this.space();
    if (this.peek() === '}') return void this.i++;
    for (;;) {
      this.space();
      if (this.peek() !== '"') this.fail('looking for beginning of object key string');
      this.string();
      this.space();
      if (this.peek() !== ':') this.fail('after object key');
      this.i++;
      this.value();
      this.space();
      if (this.peek() === '}') return void this.i++;
      if (this.peek() !== ',') this.fail('after object key:value pair');
      this.i++;
    }
  }

  private array(): void {
    this.i++;
    this.space();
    if (this.peek() === ']') return void this.i++;
    for (;;) {
      this.value();
      this.space();
      if (this.peek() === ']') return void this.i++;
      if (this.peek() !== ',') this.fail('after array element');
      this.i++;
    }
  }

  private string(): void {
    this.i++;
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail('');
      if (c === '"') return void this.i++;
      if (c === '\\') {
        this.i++;
        const e = this.peek();
        if (e === 'u') {
          for (let k = 0; k < 4; k++) {
            this.i++;
            if (!/[0-9a-fA-F]/.test(this.peek() ?? '')) this.fail('in \\u hexadecimal character escape');
          }
        } else if (e === undefined || !'bfnrt\\/"'.includes(e)) this.fail('in string escape code');
      } else if (c < ' ') this.fail('in string literal');
      this.i++;
    }
  }

  private number(): void {
    if (this.peek() === '-') {
      this.i++;
      if (!/[0-9]/.test(this.peek() ?? '')) this.fail('in numeric literal');
    }
    // A leading 0 takes no more digits (`01` ends the value at `0`).
    if (this.peek() === '0') this.i++;
    else this.digits();
    if (this.peek() === '.') {
      this.i++;
      if (this.digits() === 0) this.fail('after decimal point in numeric literal');
    }
    if (this.peek() === 'e' || this.peek() === 'E') {
      this.i++;
      if (this.peek() === '+' || this.peek() === '-') this.i++;
      if (this.digits() === 0) this.fail('in exponent of numeric literal');
    }
  }

  private literal(word: string): void {
    for (let k = 0; k < word.length; k++, this.i++) {
      if (this.peek() !== word[k]) this.fail(`in literal ${word} (expecting '${word[k]}')`);
    }
  }
}
