import { it } from 'vitest';
import { createCluster } from '../../../src/headless.ts';
it('x', async () => {
  const ud = `#cloud-config
coreos:
  etcd:
    name: $NAME
    addr: $private_ipv4:4001
    peer-addr: $private_ipv4:7001
  units:
    - name: etcd.service
      command: start
`;
  const c = await createCluster({ machines: 1, seed: 3, userData: ud });
  for (const cmd of ['curl -s localhost:4001/version', 'curl -s -XPUT localhost:4001/v2/keys/message -d value=hi', 'curl -s localhost:4001/v2/keys/message', 'curl -s localhost:4001/v2/machines', 'curl -s localhost:4001/v2/leader', 'curl -s localhost:4001/v2/members', 'curl -s localhost:4001/v2/stats/self', 'curl -s localhost:4001/v2/stats/leader','curl -s localhost:4001/v2/keys/_etcd/machines?recursive=true', 'etcdctl set /a 1', 'etcdctl get /a', 'etcdctl member list', 'etcdctl cluster-health', 'journalctl -u etcd --no-pager']) {
    const r = await c.exec('core-01', cmd);
    console.log('$ ' + cmd + '\n' + JSON.stringify(r));
  }
});
