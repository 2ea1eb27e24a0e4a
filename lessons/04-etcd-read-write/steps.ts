import type { LessonSteps } from '../../src/learn/types.ts';
import type { LessonState } from '../../src/learn/state.ts';
import { lastCurlOnKey, lastEtcdctl, notYet, pass } from '../../src/learn/checks.ts';

const DB = '/services/database';
const CACHE = '/services/cache';
const ALIVE = '/alive/core-01';

/** "x" is at `key`, or why not. */
function hasValue(s: LessonState, key: string, want: string): string | undefined {
  const k = s.key(key);
  if (!k) return `There is no key ${key} yet.`;
  if (k.dir) return `${key} is a directory, not a key with a value.`;
  if (k.value !== want) return `${key} holds "${k.value}", not "${want}".`;
  return undefined;
}

const lesson: LessonSteps = {
  scenario: { machines: 3, seed: 42, terminal: 'core-01' },
  steps: [
    {
      id: 'set-get',
      check: (s) => {
        const why = hasValue(s, '/message', 'hello');
        return why ? notYet(why + ' Run etcdctl set /message hello.') : pass();
      },
      hints: ['Type `etcdctl set /message hello` in the terminal below and press Enter.', 'The command prints the value it stored: `hello`.'],
      solution: [
        { machine: 'core-01', line: 'etcdctl set /message hello' },
        { machine: 'core-01', line: 'etcdctl get /message' },
      ],
    },
    {
      id: 'replicated',
      check: (s) => {
        const writer = lastEtcdctl(s, ['set', 'mk', 'update'], '/message')?.machine;
        const read = [...s.commands].reverse().find((c) => c.machine !== writer && lastEtcdctl(s, ['get'], '/message', c.machine) === c);
        if (!read) return notYet(`Read /message with etcdctl get on a machine other than ${writer ?? 'the one you wrote it on'}: open its terminal tab first.`);
        if (s.value('/message', read.machine) !== 'hello') return notYet(`${read.machine}'s etcd member does not hold /message = hello.`);
        return pass();
      },
      hints: ['Click the core-02 tab above the terminal to open a shell on core-02.', 'On core-02, run `etcdctl get /message`.'],
      solution: [{ machine: 'core-02', line: 'etcdctl get /message' }],
    },
    {
      id: 'directories',
      check: (s) => {
        const dir = s.key('/services');
        if (!dir) return notYet('There is no directory /services yet: etcdctl mkdir /services.');
        if (!dir.dir) return notYet('/services is a key with a value, not a directory: remove it (etcdctl rm /services) and make it with etcdctl mkdir /services.');
        const k = s.key(DB);
        if (!k) return notYet(`/services has no key "database" yet: etcdctl mk ${DB} 172.17.8.101:5432.`);
        if (s.events(DB)[0]?.action !== 'create' && !lastEtcdctl(s, ['mk'], DB)) return notYet(`Create ${DB} with etcdctl mk (it only creates keys that do not exist yet).`);
        return pass();
      },
      hints: ['Run `etcdctl mkdir /services`, then `etcdctl mk /services/database 172.17.8.101:5432`.', 'Look at the tree with `etcdctl ls --recursive /`.'],
      solution: [
        { machine: 'core-01', line: 'etcdctl mkdir /services' },
        { machine: 'core-01', line: `etcdctl mk ${DB} 172.17.8.101:5432` },
        { machine: 'core-01', line: `etcdctl mk ${DB} 172.17.8.101:5432` },
        { machine: 'core-01', line: 'etcdctl ls --recursive /' },
      ],
    },
    {
      id: 'update',
      check: (s) => {
        const why = hasValue(s, DB, '172.17.8.102:5432');
        if (why) return notYet(why + ` Change it with etcdctl update ${DB} 172.17.8.102:5432.`);
        return pass();
      },
      hints: [`Run \`etcdctl update ${DB} 172.17.8.102:5432\`.`, 'update fails with "Key not found" when the key does not exist: then do the previous step first.'],
      solution: [{ machine: 'core-01', line: `etcdctl update ${DB} 172.17.8.102:5432` }],
    },
    {
      id: 'http-api',
      check: (s) => {
        const why = hasValue(s, CACHE, '172.17.8.103:6379');
        if (why) return notYet(why + ' Write it with curl -X PUT (see the text).');
        if (!lastCurlOnKey(s, CACHE, 'PUT')) return notYet(`${CACHE} has the right value, but write it through the HTTP API with curl -X PUT.`);
        return pass();
      },
      hints: [
        'Read first: `curl -L http://127.0.0.1:2379/v2/keys/services/database`.',
        'Write: `curl -L -X PUT http://127.0.0.1:2379/v2/keys/services/cache -d value=172.17.8.103:6379`.',
      ],
      solution: [
        { machine: 'core-01', line: 'curl -L http://127.0.0.1:2379/v2/keys/services/database' },
        { machine: 'core-01', line: 'curl -L -X PUT http://127.0.0.1:2379/v2/keys/services/cache -d value=172.17.8.103:6379' },
      ],
    },
    {
      id: 'ttl',
      check: (s) => {
        const events = s.events(ALIVE);
        if (events.some((e) => e.action === 'expire')) return pass();
        const k = s.key(ALIVE);
        if (k && k.expireTime !== undefined) return notYet(`${ALIVE} is still there: it expires in ${Math.max(0, Math.ceil((k.expireTime - s.now) / 1000))} s. Wait for it.`);
        if (k) return notYet(`${ALIVE} has no TTL, so it never expires: set it again with --ttl 10.`);
        return notYet(`Set ${ALIVE} with a time to live: etcdctl set ${ALIVE} yes --ttl 10, then wait.`);
      },
      hints: [`Run \`etcdctl set ${ALIVE} yes --ttl 10\`.`, `Wait ten seconds (watch the clock at the top), then \`etcdctl get ${ALIVE}\` says "Key not found".`],
      solution: [
        { machine: 'core-01', line: `etcdctl set ${ALIVE} yes --ttl 10` },
        { machine: 'core-01', line: `etcdctl get ${ALIVE}` },
        { action: 'advance', ms: 11_000 },
        { machine: 'core-01', line: `etcdctl get ${ALIVE}` },
      ],
      settleMs: 15_000,
    },
    {
      id: 'watch',
      check: (s) => {
        const w = lastEtcdctl(s, ['watch'], DB);
        if (!w) return notYet(`Start a watch on ${DB}: etcdctl watch ${DB}.`);
        if (w.interrupted) return notYet('That watch was stopped (Ctrl-C) before anything changed: start it again.');
        const changed = w.etcdIndex !== undefined && s.events(DB).some((e) => e.node.modifiedIndex > w.etcdIndex!);
        if (s.watchers() === 0 && !changed) return notYet('No watch is waiting in etcd: start it again.');
        return pass();
      },
      hints: [`In core-01's terminal run \`etcdctl watch ${DB}\`. It prints nothing yet: it waits.`],
      solution: [{ machine: 'core-01', line: `etcdctl watch ${DB}`, wait: false }],
    },
    {
      id: 'watch-fires',
      check: (s) => {
        const w = lastEtcdctl(s, ['watch', 'exec-watch'], DB);
        if (!w) return notYet(`First start a watch on ${DB} (previous step).`);
        const why = hasValue(s, DB, '172.17.8.103:5432');
        if (why) return notYet(why + ` While the watch waits, run etcdctl set ${DB} 172.17.8.103:5432 on core-02.`);
        const after = w.etcdIndex !== undefined && s.events(DB).some((e) => e.node.modifiedIndex > w.etcdIndex!);
        if (!after) return notYet(`${DB} was not changed after the watch began: change it while the watch waits.`);
        return pass();
      },
      hints: ['Open the core-02 tab: core-01 is busy with the watch.', `On core-02, run \`etcdctl set ${DB} 172.17.8.103:5432\`, then look at core-01's terminal.`],
      solution: [{ machine: 'core-02', line: `etcdctl set ${DB} 172.17.8.103:5432` }],
    },
    {
      id: 'compare-and-swap',
      check: (s) => {
        const why = hasValue(s, DB, '172.17.8.104:5432');
        if (why) return notYet(why + ' Swap it with --swap-with-value.');
        const last = s.events(DB).at(-1);
        if (last?.action !== 'compareAndSwap') return notYet(`${DB} has the new value, but it was written with a plain ${last?.action ?? 'write'}: write it again with --swap-with-value.`);
        return pass();
      },
      hints: [`Run \`etcdctl set ${DB} 172.17.8.104:5432 --swap-with-value 172.17.8.103:5432\`.`, 'If it says "Compare failed", the current value is not the one you gave: `etcdctl get` it and use that.'],
      solution: [
        { machine: 'core-02', line: `etcdctl set ${DB} 172.17.8.104:5432 --swap-with-value 172.17.8.101:5432` },
        { machine: 'core-02', line: `etcdctl set ${DB} 172.17.8.104:5432 --swap-with-value 172.17.8.103:5432` },
      ],
    },
    {
      id: 'remove',
      check: (s) => {
        if (s.key('/message')) return notYet('/message is still there: etcdctl rm /message.');
        if (!s.events('/message').some((e) => e.action === 'delete')) return notYet('Create /message and remove it with etcdctl rm /message.');
        const alive = s.key('/alive');
        if (alive) return notYet(alive.children.length ? `/alive is not empty (${alive.children.join(', ')}): rmdir only removes empty directories.` : '/alive is still there: etcdctl rmdir /alive.');
        if (!s.events('/alive').some((e) => e.action === 'delete')) return notYet('There is no /alive directory to remove: make one with etcdctl mkdir /alive, then rmdir it.');
        return pass();
      },
      hints: ['Run `etcdctl rm /message`.', 'Then `etcdctl rmdir /alive` (it is empty since its key expired).'],
      solution: [
        { machine: 'core-01', line: 'etcdctl rm /message' },
        { machine: 'core-01', line: 'etcdctl rmdir /alive' },
        { machine: 'core-01', line: 'etcdctl ls --recursive /' },
      ],
    },
  ],
};

export default lesson;
