/** What both digests (bench/digest.ts, bench/serial-digest.ts) hash with, and the commands they mix in. */

export function fnv(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Commands besides the bench's `etcdctl set`, one every 7 ticks. */
export const EXTRA_COMMANDS = [
  'etcdctl get /bench/k1',
  'etcdctl -o json get /bench/k2',
  'etcdctl ls --recursive /bench',
  'etcdctl mk /bench/once x',
  'etcdctl set --ttl 3 /bench/t y',
  'etcdctl watch /bench/k3',
  'curl -s -L http://127.0.0.1:2379/v2/keys/bench/k4',
  'curl -s http://127.0.0.1:2379/v2/stats/self',
  'etcdctl cluster-health',
  'etcdctl member list',
  'etcdctl rm /bench/k5',
  'etcdctl update /bench/k6 z',
];

/** Shell syntax on top (loops, pipes, variables, `||`), for the serial digest. */
export const SHELL_COMMANDS = [
  'for i in 1 2 3; do etcdctl set /loop/$i "v $i" && echo ok $i; done',
  'echo $HOSTNAME | cat; X=1 env | grep X',
  'etcdctl ls / | while read k; do echo "[$k]"; done',
  'etcdctl get /nope || echo missing $?',
  'sleep 1; etcdctl --no-sync get /bench/k7',
];
