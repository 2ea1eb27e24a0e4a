import type { Flight } from './flights.ts';

export type Theme = 'dark' | 'light';
export type NarrowTab = 'terminal' | 'inspector' | 'events';

/** A question the confirm dialog asks (destroying is not undone). */
export interface Confirm {
  title: string;
  text: string;
  yes: string;
  danger?: boolean;
  onyes: () => void;
}

const THEME_KEY = 'coreos-playground-theme';

/** What the learner has selected and opened; not part of the world. */
export class UiState {
  selected: string | undefined = $state();
  flight: Flight | undefined = $state.raw();
  theme: Theme = $state('dark');
  help = $state(false);
  split = $state(false);
  terminal = $state('core-01');
  narrowTab: NarrowTab = $state('terminal');
  /** Asks the terminal panel to focus the active terminal (bumped). */
  focusTerminal = $state(0);
  /** The editor tab is the one shown in the terminal panel. */
  editorOpen = $state(false);
  confirm: Confirm | undefined = $state.raw();

  constructor() {
    let saved: string | null = null;
    try {
      saved = localStorage.getItem(THEME_KEY);
    } catch {
      // Storage may be unavailable (privacy mode); the default applies.
    }
    this.theme = saved === 'light' || saved === 'dark' ? saved : matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
  }

  setTheme(t: Theme): void {
    this.theme = t;
    try {
      localStorage.setItem(THEME_KEY, t);
    } catch {
      // Not persisted; fine.
    }
  }

  select(m: string | undefined): void {
    this.selected = m;
    this.flight = undefined;
  }
}
