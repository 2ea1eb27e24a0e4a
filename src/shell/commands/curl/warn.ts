/** What curl's warnf and notef print (tool_msgs.c voutf): prefixed lines wrapped at 79 columns. */
function voutf(prefix: string, msg: string): string {
  const WIDTH = 79 - prefix.length;
  let out = '';
  let ptr = 0;
  // voutf counts down by `cut`, not `cut + 1`: kept, since it decides when a last line wraps.
  let len = msg.length;
  while (len > 0) {
    out += prefix;
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

/** warnf: `msg` ends with its newline, as curl's format strings do. */
export const warningText = (msg: string) => voutf('Warning: ', msg);

/** notef (printed only with -v). */
export const noteText = (msg: string) => voutf('Note: ', msg);
