import type { World } from '../../sim/world.ts';
import type { OutputStream } from '../../shell/process.ts';
import type { MockEntry, MockMember } from './mock-member.ts';

/** A few commands (etcdctl set/get/ls/rm/watch, echo, hostname) for the mock cluster. */

const COMMANDS = ['cat', 'clear', 'echo', 'etcdctl', 'hostname', 'ls'];
const ETCDCTL = ['backup', 'cluster-health', 'exec-watch', 'get', 'import', 'ls', 'member', 'mk', 'mkdir', 'rm', 'rmdir', 'set', 'setdir', 'update', 'updatedir', 'user', 'role', 'watch'];

export function completeMock(line: string): string[] {
  const words = line.split(/\s+/);
  const last = words[words.length - 1] ?? '';
  if (words.length <= 1) return COMMANDS.filter((c) => c.startsWith(last));
  if (words[0] === 'etcdctl' && words.length === 2) return ETCDCTL.filter((c) => c.startsWith(last));
  return [];
}

interface Ctx {
  world: World;
  machine: string;
  line: string;
  io: { stdout: OutputStream; stderr: OutputStream };
  member: MockMember;
  files: Map<string, string>;
  onInterrupt(f: () => void): void;
}

let reqSeq = 0;

export async function runMockCommand(ctx: Ctx): Promise<number> {
  const argv = ctx.line.trim().split(/\s+/).filter(Boolean);
  const { stdout, stderr } = ctx.io;
  // Commands start after the event loop turns, as a real process would.
  await ctx.world.sleep(1);
  switch (argv[0]) {
    case 'echo':
      stdout.write(argv.slice(1).join(' ') + '\n');
      return 0;
    case 'hostname':
      stdout.write(ctx.machine + '\n');
      return 0;
    case 'clear':
      stdout.write('\x1b[H\x1b[2J');
      return 0;
    case 'etcdctl':
      return etcdctl(ctx, argv.slice(1));
    default:
      stderr.write(`bash: ${argv[0]}: command not found\n`);
      return 127;
  }
}

async function etcdctl(ctx: Ctx, args: string[]): Promise<number> {
  const { stdout, stderr } = ctx.io;
  const [cmd, key, value] = args;
  const m = ctx.member;
  const unavailable = () => {
    stderr.write('Error:  client: etcd cluster is unavailable or misconfigured\n');
    return 2;
  };
  switch (cmd) {
    case 'get': {
      if (!key) return usage(stderr, 'key required');
      const node = m.store.get(key);
      if (!node) {
        stderr.write(`Error:  100: Key not found (${key}) [${m.etcdIndex}]\n`);
        return 4;
      }
      stdout.write(node.value + '\n');
      return 0;
    }
    case 'ls': {
      const prefix = key && key !== '/' ? key + '/' : '/';
      const keys = [...m.store.keys()].filter((k) => k.startsWith(prefix)).sort();
      for (const k of keys) stdout.write(k + '\n');
      return 0;
    }
    case 'set':
    case 'rm': {
      if (!key) return usage(stderr, 'key required');
      if (cmd === 'set' && value === undefined) return usage(stderr, 'value required');
      const prev = m.store.get(key);
      if (cmd === 'rm' && !prev) {
        stderr.write(`Error:  100: Key not found (${key}) [${m.etcdIndex}]\n`);
        return 4;
      }
      const op: NonNullable<MockEntry['op']> = { reqId: `${ctx.machine}-${++reqSeq}`, action: cmd === 'set' ? 'set' : 'delete', key, value };
      const applied = await waitApplied(ctx, op);
      if (!applied) return unavailable();
      stdout.write(cmd === 'set' ? `${value}\n` : `PrevNode.Value: ${prev?.value ?? ''}\n`);
      return 0;
    }
    case 'watch': {
      if (!key) return usage(stderr, 'key required');
      return new Promise<number>((resolve) => {
        const l = (e: MockEntry) => {
          if (e.op?.key !== key) return;
          m.applyListeners.delete(l);
          stdout.write(e.op.action === 'set' ? `${e.op.value}\n` : `PrevNode.Value: \n`);
          ctx.world.wake(() => resolve(0));
        };
        m.applyListeners.add(l);
        ctx.onInterrupt(() => {
          m.applyListeners.delete(l);
          ctx.world.wake(() => resolve(0));
        });
      });
    }
    case 'member':
      if (args[1] === 'list') {
        stdout.write(`${m.id}: name=${ctx.machine} (mock)\n`);
        return 0;
      }
      return usage(stderr, 'member subcommand required');
    case undefined:
      stdout.write('NAME:\n   etcdctl - A simple command line client for etcd.\n');
      return 0;
    default:
      stdout.write(`No help topic for '${cmd}'\n`);
      return 0;
  }
}

function usage(stderr: OutputStream, msg: string): number {
  stderr.write(`Error:  ${msg}\n`);
  return 1;
}

/** Proposes `op` and waits (up to 5 s virtual, retrying while there is no leader) until it is applied here. */
function waitApplied(ctx: Ctx, op: NonNullable<MockEntry['op']>): Promise<boolean> {
  const { world, member } = ctx;
  return new Promise((resolve) => {
    let done = false;
    const finish = (ok: boolean) => {
      if (done) return;
      done = true;
      member.applyListeners.delete(l);
      world.clock.clearTimeout(retry);
      world.clock.clearTimeout(deadline);
      world.wake(() => resolve(ok));
    };
    const l = (e: MockEntry) => {
      if (e.op?.reqId === op.reqId) finish(true);
    };
    member.applyListeners.add(l);
    let retry: number | undefined;
    const attempt = () => {
      if (!member.propose(op)) retry = world.clock.setTimeout(attempt, 100);
    };
    attempt();
    const deadline = world.clock.setTimeout(() => finish(false), 5000);
    ctx.onInterrupt(() => finish(false));
  });
}
