/** What curl's warnf prints (tool_msgs.c voutf): `Warning: ` lines wrapped at 79 columns. */
const PREFIX = 'Warning: ';
const WIDTH = 79 - PREFIX.length;

/** `msg` ends with its newline, as curl's format strings do. */
export function warningText(msg: string): string {
  let out = '';
  let ptr = 0;
  // voutf counts down by `cut`, not `cut + 1`: kept, since it decides when a last line wraps.
  let len = msg.length;
  while (len > 0) {
    out += PREFIX;
    if (len > WIDTH) {
      let cut = WIDTH - 1;
      while (cut > 0 && !/\s/.test(msg[ptr + cut] ?? '')) cut--;
      if (cut === 0) cut = WIDTH - 1;
      out += msg.slice(ptr, ptr + cut + 1) + '\n';
      ptr += cut + 1;
      len -= cut;
    } else {
      out += msg.slice(ptr);
      len = 0;
    }
  }
  return out;
}
