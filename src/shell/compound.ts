import type { CaseNode, ForNode, IfNode, ListNode, LoopNode } from './ast.ts';
import { expandPattern, expandString, expandWords } from './expand.ts';
import { globToRegex } from './glob.ts';
import type { Ctx, Interpreter } from './interpreter.ts';
import { sleepFor } from './runtime.ts';
import { killedStatus } from './signal.ts';

/** What the compound commands need of the interpreter. */
type Runner = Pick<Interpreter, 'host' | 'runList' | 'stopped' | 'expandCtx' | 'expansionFailed'>;

/** A loop iteration that took no virtual time costs this much, so endless loops let time run. */
const LOOP_TICK_MS = 1;

/** if / while / until / for. */

/** A condition's list: its status is tested, so `set -e` leaves it alone. */
async function runCond(it: Runner, list: ListNode, ctx: Ctx): Promise<number> {
  ctx.state.condDepth++;
  try {
    return await it.runList(list, ctx);
  } finally {
    ctx.state.condDepth--;
  }
}

export async function runIf(it: Runner, node: IfNode, ctx: Ctx): Promise<number> {
  for (const c of node.clauses) {
    const cond = await runCond(it, c.cond, ctx);
    if (it.stopped(ctx)) return cond;
    if (cond === 0) return it.runList(c.body, ctx);
  }
  return node.elseBody ? it.runList(node.elseBody, ctx) : 0;
}

/**
 * The status of a list cut short. Ctrl-C between commands interrupts bash itself: 130. (A
 * command that caught the signal and exited 0 gets 130 too if more was to run: bash would go
 * on with the list; stopping is kinder in a playground.)
 */
export function interruptedStatus(ctx: Ctx, status: number): number {
  if (!ctx.signal.aborted) return status;
  const killed = killedStatus(ctx.signal.reason);
  ctx.state.status = killed;
  return killed;
}

/** After a loop body: consumes break/continue; true when the loop must end. */
function loopEnds(it: Runner, ctx: Ctx): boolean {
  const lc = ctx.state.loopCtl;
  if (!lc) return it.stopped(ctx);
  if (lc.n > 1) {
    lc.n--;
    return true;
  }
  ctx.state.loopCtl = undefined;
  return lc.kind === 'break';
}

async function tick(it: Runner, ctx: Ctx, start: number): Promise<void> {
  if (it.host.now() === start && !it.stopped(ctx)) await sleepFor(it.host, ctx.signal, LOOP_TICK_MS);
}

export async function runWhile(it: Runner, node: LoopNode, ctx: Ctx): Promise<number> {
  let status = 0;
  ctx.state.loopDepth++;
  try {
    for (;;) {
      const start = it.host.now();
      const cond = await runCond(it, node.cond, ctx);
      if (it.stopped(ctx) || (node.until ? cond === 0 : cond !== 0)) break;
      status = await it.runList(node.body, ctx);
      if (loopEnds(it, ctx)) break;
      await tick(it, ctx, start);
    }
  } finally {
    ctx.state.loopDepth--;
  }
  return interruptedStatus(ctx, status);
}

export async function runCase(it: Runner, node: CaseNode, ctx: Ctx): Promise<number> {
  const ectx = it.expandCtx(ctx);
  let status = 0;
  try {
    const subject = await expandString(node.word, ectx);
    let fall = false;
    for (const c of node.clauses) {
      if (!fall) {
        let hit = false;
        for (const p of c.patterns) {
          // Quoted parts of a pattern match themselves (expandPattern escapes them).
          if (new RegExp('^(?:' + globToRegex(await expandPattern(p, ectx)) + ')$').test(subject)) {
            hit = true;
            break;
          }
        }
        if (!hit) continue;
      }
      status = await it.runList(c.body, ctx);
      if (it.stopped(ctx) || c.term === ';;') return status;
      fall = c.term === ';&';
    }
  } catch (e) {
    return it.expansionFailed(e, ctx);
  }
  return status;
}

export async function runFor(it: Runner, node: ForNode, ctx: Ctx): Promise<number> {
  let items: string[];
  try {
    items = node.words ? await expandWords(node.words, it.expandCtx(ctx)) : [...ctx.state.positional];
  } catch (e) {
    return it.expansionFailed(e, ctx);
  }
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(node.name)) {
    ctx.io.stderr.write(`bash: \`${node.name}': not a valid identifier\n`);
    return 1;
  }
  if (ctx.state.readonly.has(node.name)) {
    ctx.io.stderr.write(`bash: ${node.name}: readonly variable\n`);
    return 1;
  }
  let status = 0;
  ctx.state.loopDepth++;
  try {
    for (const item of items) {
      if (it.stopped(ctx)) break;
      const start = it.host.now();
      ctx.state.vars.set(node.name, item);
      status = await it.runList(node.body, ctx);
      if (loopEnds(it, ctx)) break;
      await tick(it, ctx, start);
    }
  } finally {
    ctx.state.loopDepth--;
  }
  return interruptedStatus(ctx, status);
}
