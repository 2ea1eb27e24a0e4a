import type { Terminal as XTerm } from '@xterm/xterm';
import type { FitAddon as XFit } from '@xterm/addon-fit';

export interface XtermModules {
  Terminal: typeof XTerm;
  FitAddon: typeof XFit;
}

let loading: Promise<XtermModules> | undefined;

/** xterm.js and its stylesheet, fetched on first use (they stay out of the first chunk). */
export function loadXterm(): Promise<XtermModules> {
  loading ??= Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit'), import('@xterm/xterm/css/xterm.css')]).then(([x, f]) => ({
    Terminal: x.Terminal,
    FitAddon: f.FitAddon,
  }));
  return loading;
}
