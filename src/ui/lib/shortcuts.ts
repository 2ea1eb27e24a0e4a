import type { Runner } from './runner.svelte.ts';
import type { Confirm, UiState } from './ui-state.svelte.ts';
import { isIsolated, isolate, rejoin } from './partition.ts';
import { stepSpeed } from './speed.ts';

/** Every shortcut, as the `?` sheet lists them. */
export const SHORTCUTS: { keys: string[]; text: string }[] = [
  { keys: ['Space'], text: 'Pause / play' },
  { keys: ['.'], text: 'Step: run the next event' },
  { keys: ['['], text: 'Slower' },
  { keys: [']'], text: 'Faster' },
  { keys: ['1', '…', '9'], text: 'Select a machine' },
  { keys: ['k'], text: 'Kill the selected machine' },
  { keys: ['b'], text: 'Boot the selected machine' },
  { keys: ['i'], text: 'Isolate / reconnect the selected machine' },
  { keys: ['a'], text: 'Add a machine' },
  { keys: ['Del'], text: 'Destroy the selected machine (asks first)' },
  { keys: ['e'], text: 'Open the editor' },
  { keys: ['p'], text: 'Split the cluster in two' },
  { keys: ['h'], text: 'Heal the network' },
  { keys: ['d', 'D'], text: 'More / less message loss' },
  { keys: ['l', 'L'], text: 'More / less latency' },
  { keys: ['t'], text: 'Go to the selected machine’s terminal' },
  { keys: ['Esc'], text: 'Leave a terminal, close, deselect' },
  { keys: ['?'], text: 'This help' },
];

const LATENCIES = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

function isTyping(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.closest('.xterm, .monaco-editor, [role="textbox"], dialog')) return true;
  if (t.tagName === 'INPUT') return (t as HTMLInputElement).type !== 'range';
  return t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable;
}

/** The question before `vagrant destroy` of one machine (card button and Del key). */
export function destroyQuestion(runner: Runner, m: string): Confirm {
  return {
    title: `Destroy ${m}?`,
    text: `vagrant destroy ${m}: the machine and its disk are gone for good. An etcd member stays in the member list until it is removed (etcdctl member remove).`,
    yes: `Destroy ${m}`,
    danger: true,
    onyes: () => runner.destroyMachine(m),
  };
}

/** Handles a key press anywhere on the page; returns true when it was a shortcut. */
export function handleShortcut(e: KeyboardEvent, runner: Runner, ui: UiState, focusMachine: (name: string) => void): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return false;
  const machines = runner.machines;
  const sel = ui.selected;
  const snap = runner.snap;
  const onControl = e.target instanceof HTMLElement && !!e.target.closest('button, [role="button"], input');
  switch (e.key) {
    case ' ':
      // Space presses a focused button; elsewhere it is play/pause.
      if (onControl) return false;
      runner.togglePlay();
      return true;
    case '.':
      void runner.step();
      return true;
    case '[':
    case ']':
      runner.setSpeed(stepSpeed(runner.speed, e.key === ']' ? 1 : -1));
      return true;
    case 'k':
      if (sel) runner.act((sim) => sim.kill(sel));
      return !!sel;
    case 'b':
      if (sel) runner.act((sim) => sim.boot(sel));
      return !!sel;
    case 'i':
      if (!sel) return false;
      if (isIsolated(snap.partitions, sel)) {
        const next = rejoin(snap.partitions, sel);
        runner.act((sim) => (next ? sim.partition(next) : sim.heal()));
      } else runner.act((sim) => sim.partition(isolate(snap.partitions, machines, sel)));
      return true;
    case 'p':
      ui.split = true;
      return true;
    case 'h':
      runner.act((sim) => sim.heal());
      return true;
    case 'd':
    case 'D': {
      const loss = Math.round((snap.net.loss + (e.key === 'd' ? 0.05 : -0.05)) * 100) / 100;
      runner.act((sim) => sim.setNetwork({ loss: Math.min(0.5, Math.max(0, loss)) }));
      return true;
    }
    case 'l':
    case 'L': {
      const cur = snap.net.latencyMs;
      const next = e.key === 'l' ? (LATENCIES.find((x) => x > cur) ?? 1000) : ([...LATENCIES].reverse().find((x) => x < cur) ?? 1);
      runner.act((sim) => sim.setNetwork({ latencyMs: next }));
      return true;
    }
    case 'a':
      runner.addMachine();
      return true;
    case 'Delete':
      if (sel) ui.confirm = destroyQuestion(runner, sel);
      return !!sel;
    case 'e':
      ui.editorOpen = true;
      ui.narrowTab = 'terminal';
      return true;
    case 't':
      ui.editorOpen = false;
      if (sel) ui.terminal = sel;
      ui.focusTerminal++;
      ui.narrowTab = 'terminal';
      return true;
    case '?':
      ui.help = !ui.help;
      return true;
    case 'Escape':
      if (ui.flight) ui.flight = undefined;
      else ui.select(undefined);
      return true;
    default:
      if (/^[1-9]$/.test(e.key)) {
        const m = machines[Number(e.key) - 1];
        if (!m) return false;
        ui.select(m);
        focusMachine(m);
        return true;
      }
      return false;
  }
}
