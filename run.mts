import { createCluster } from '/work/wt-http/src/headless.ts';
import * as fs from 'fs';
const c = await createCluster({ machines: Number(process.env.MACHINES ?? 1), seed: 1 });
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
for (const l of lines) {
  const i = l.indexOf('|');
  const m = i > 0 && i < 10 ? l.slice(0, i) : 'core-01';
  const cmd = i > 0 && i < 10 ? l.slice(i + 1) : l;
  const r = await c.exec(m, cmd, { timeoutMs: 5000 });
  console.log('$ ' + cmd);
  console.log(JSON.stringify(r));
}
process.exit(0);
