/** The etcd member's client API on a real simulated cluster, through curl (reference A.1, A.4, A.5, A.7, A.9). */
import { describe, it, expect, beforeAll } from 'vitest';
import { createCluster, type Cluster } from '../../src/headless.ts';
import { staticClusterUserData } from '../../src/cluster.ts';

const api = 'http://127.0.0.1:2379';

describe('etcd member client API (3 members)', () => {
  let c: Cluster;
  beforeAll(async () => {
    // Static bootstrap: members named after their hosts.
    c = await createCluster({ machines: 3, seed: 3, userData: staticClusterUserData(3) });
  });

  it('a fresh 3-member cluster sits at etcd index 7; the first write gets 8 (A.4)', async () => {
    const miss = await c.exec('core-01', `curl -s ${api}/v2/keys/nothing`);
    expect(miss.stdout).toBe('{"errorCode":100,"message":"Key not found","cause":"/nothing","index":7}\n');
    const put = await c.exec('core-01', `curl -s -X PUT ${api}/v2/keys/message -d value=hello`);
    expect(put.stdout).toBe('{"action":"set","node":{"key":"/message","value":"hello","modifiedIndex":8,"createdIndex":8}}\n');
  });

  it('answers on the legacy port 4001 and on the machine address as on 127.0.0.1 (A.1)', async () => {
    await c.advance(200); // followers learn the commit with the next heartbeat
    const a = await c.exec('core-02', 'curl -s http://127.0.0.1:4001/v2/keys/message');
    const b = await c.exec('core-02', 'curl -s http://172.17.8.103:2379/v2/keys/message');
    expect(a.stdout).toContain('"value":"hello"');
    expect(b.stdout).toContain('"value":"hello"');
  });

  it('success headers carry cluster ID, etcd index, raft index and term; a 201 for a new key (A.5)', async () => {
    const r = await c.exec('core-01', `curl -si -X PUT ${api}/v2/keys/hdr -d value=1`);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe('HTTP/1.1 201 Created');
    expect(lines[1]).toBe('Content-Type: application/json');
    expect(lines[2]).toMatch(/^X-Etcd-Cluster-Id: [0-9a-f]+$/);
    expect(lines[3]).toMatch(/^X-Etcd-Index: \d+$/);
    expect(lines[4]).toMatch(/^X-Raft-Index: \d+$/);
    expect(lines[5]).toMatch(/^X-Raft-Term: \d+$/);
  });

  it('GET /v2/members lists members ordered by ID with name, peer and client URLs (A.9)', async () => {
    const r = await c.exec('core-01', `curl -s ${api}/v2/members`);
    const body = JSON.parse(r.stdout) as { members: { id: string; name: string; peerURLs: string[]; clientURLs: string[] }[] };
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expect(body.members.map((m) => m.name).sort()).toEqual(['core-01', 'core-02', 'core-03']);
    const ids = body.members.map((m) => BigInt('0x' + m.id));
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
    const m1 = body.members.find((m) => m.name === 'core-01')!;
    expect(m1.peerURLs).toEqual(['http://172.17.8.101:2380']);
    expect(m1.clientURLs).toEqual(['http://172.17.8.101:2379']);
    expect(Object.keys(m1)).toEqual(['id', 'name', 'peerURLs', 'clientURLs']);
  });

  it('/version is JSON without a trailing newline; /health says true with a space (A.9)', async () => {
    expect((await c.exec('core-02', `curl -s ${api}/version`)).stdout).toBe('{"etcdserver":"2.3.7","etcdcluster":"2.3.0"}');
    expect((await c.exec('core-02', `curl -s ${api}/health`)).stdout).toBe('{"health": "true"}');
  });

  it('/v2/stats/leader answers on the leader, 403 not current leader on a follower (A.9)', async () => {
    const leader = c.leader()!;
    const follower = c.machines.find((m) => m !== leader)!;
    const l = await c.exec(leader, `curl -s ${api}/v2/stats/leader`);
    expect(l.stdout).toMatch(/^\{"leader":"[0-9a-f]+","followers":\{"[0-9a-f]+":\{"latency":\{"current":[\d.e-]+,"average":[\d.e-]+,"standardDeviation":[\d.e-]+,"minimum":[\d.e-]+,"maximum":[\d.e-]+\},"counts":\{"fail":0,"success":\d+\}\}/);
    const f = await c.exec(follower, `curl -s -w '%{http_code}' ${api}/v2/stats/leader`);
    expect(f.stdout).toBe('{"message":"not current leader"}403');
  });

  it('/v2/stats/self names the state; a follower reports receive rates, the leader send rates (A.9)', async () => {
    const leader = c.leader()!;
    const follower = c.machines.find((m) => m !== leader)!;
    const f = JSON.parse((await c.exec(follower, `curl -s ${api}/v2/stats/self`)).stdout) as Record<string, unknown>;
    expect(Object.keys(f)).toEqual(['name', 'id', 'state', 'startTime', 'leaderInfo', 'recvAppendRequestCnt', 'recvPkgRate', 'recvBandwidthRate', 'sendAppendRequestCnt']);
    expect(f.state).toBe('StateFollower');
    const l = JSON.parse((await c.exec(leader, `curl -s ${api}/v2/stats/self`)).stdout) as Record<string, unknown>;
    expect(Object.keys(l)).toEqual(['name', 'id', 'state', 'startTime', 'leaderInfo', 'recvAppendRequestCnt', 'sendAppendRequestCnt', 'sendPkgRate', 'sendBandwidthRate']);
    expect(l.state).toBe('StateLeader');
  });

  it('/v2/stats/store lists the counters in etcd order (A.9)', async () => {
    const s = JSON.parse((await c.exec('core-01', `curl -s ${api}/v2/stats/store`)).stdout) as Record<string, number>;
    expect(Object.keys(s)).toEqual([
      'getsSuccess', 'getsFail', 'setsSuccess', 'setsFail', 'deleteSuccess', 'deleteFail', 'updateSuccess', 'updateFail',
      'createSuccess', 'createFail', 'compareAndSwapSuccess', 'compareAndSwapFail', 'compareAndDeleteSuccess',
      'compareAndDeleteFail', 'expireCount', 'watchers',
    ]);
  });

  it('unknown paths get Go\'s 404 page not found; /v2/machines lists client URLs (A.1, A.9)', async () => {
    expect((await c.exec('core-01', `curl -s -w '%{http_code}' ${api}/nope`)).stdout).toBe('404 page not found\n404');
    const machines = (await c.exec('core-01', `curl -s ${api}/v2/machines`)).stdout;
    expect(machines.split(', ').sort()).toEqual(['http://172.17.8.101:2379', 'http://172.17.8.102:2379', 'http://172.17.8.103:2379']);
    // The peer port's mux: http.NotFound and allowMethod, both Go's http.Error (nosniff).
    const peer404 = (await c.exec('core-01', 'curl -s -i http://127.0.0.1:2380/')).stdout;
    expect(peer404).toMatch(/^HTTP\/1\.1 404 Not Found\r\nContent-Type: text\/plain; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nDate: [^\r]+\r\nContent-Length: 19\r\n\r\n404 page not found\n$/);
    const peer405 = (await c.exec('core-01', 'curl -s -i -X PUT http://127.0.0.1:2380/members')).stdout;
    expect(peer405).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\nAllow: GET\r\nContent-Type: text\/plain; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\n/);
    // A request URI Go's readRequest cannot parse: conn.serve's bare 400, on any path and port.
    for (const url of [`${api}/v2/keys/x%zz`, `${api}/v2/members%2`, 'http://127.0.0.1:2380/members%zz']) {
      expect((await c.exec('core-01', `curl -s -i '${url}'`)).stdout).toBe('HTTP/1.1 400 Bad Request\r\n\r\n');
    }
    // HEAD: Go discards the body machinesHandler writes but sends its length; curl reads none.
    const head = (await c.exec('core-01', `curl -s -I ${api}/v2/machines`)).stdout;
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\nContent-Type: text\/plain; charset=utf-8\r\nDate: [^\r]+\r\nContent-Length: 76\r\n\r\n$/);
  });

  it('the leader expires a TTL key: watchers see expire, a later GET 100 (A.7)', async () => {
    await c.exec('core-01', `curl -s -X PUT ${api}/v2/keys/ttl -d value=bar -d ttl=2`);
    await c.advance(200);
    const watch = c.exec('core-02', `curl -s '${api}/v2/keys/ttl?wait=true'`, { timeoutMs: 10_000 });
    const r = await watch;
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^\{"action":"expire","node":\{"key":"\/ttl","modifiedIndex":\d+,"createdIndex":\d+\},"prevNode":\{"key":"\/ttl","value":"bar","expiration":"[^"]+Z","modifiedIndex":\d+,"createdIndex":\d+\}\}\n$/);
    await c.advance(200); // followers learn the commit with the next heartbeat
    expect((await c.exec('core-03', `curl -s -w '%{http_code}' ${api}/v2/keys/ttl`)).stdout).toMatch(/"errorCode":100.*404$/s);
  });

  it('a watch on one machine sees a write made on another', async () => {
    const watch = c.exec('core-03', `curl -s '${api}/v2/keys/w?wait=true'`, { timeoutMs: 10_000 });
    await c.advance(100);
    await c.exec('core-01', `curl -s -X PUT ${api}/v2/keys/w -d value=v1`);
    expect((await watch).stdout).toMatch(/^\{"action":"set","node":\{"key":"\/w","value":"v1"/);
  });

  it('members can be added and removed through the API (A.9)', async () => {
    const bad = await c.exec('core-01', `curl -s -w ' %{http_code}' -X POST ${api}/v2/members -d '{"peerURLs":["http://10.0.0.9:2380"]}'`);
    expect(bad.stdout).toBe('{"message":"Bad Content-Type application/x-www-form-urlencoded, accept application/json"} 415');
    const add = await c.exec('core-01', `curl -s -w ' %{http_code}' -X POST -H 'Content-Type: application/json' ${api}/v2/members -d '{"peerURLs":["http://10.0.0.9:2380"]}'`);
    expect(add.stdout).toMatch(/^\{"id":"([0-9a-f]+)","name":"","peerURLs":\["http:\/\/10.0.0.9:2380"\],"clientURLs":\[\]\}\n 201$/);
    const id = /"id":"([0-9a-f]+)"/.exec(add.stdout)![1]!;
    const dup = await c.exec('core-01', `curl -s -w ' %{http_code}' -X POST -H 'Content-Type: application/json' ${api}/v2/members -d '{"peerURLs":["http://10.0.0.9:2380"]}'`);
    expect(dup.stdout).toMatch(/ 409$/);
    const rm = await c.exec('core-01', `curl -s -w '%{http_code}' -X DELETE ${api}/v2/members/${id}`);
    expect(rm.stdout).toBe('204');
    expect((await c.exec('core-01', `curl -s -w ' %{http_code}' -X DELETE ${api}/v2/members/${id}`)).stdout).toBe(`{"message":"Member permanently removed: ${id}"} 410`);
    expect((await c.exec('core-01', `curl -s -w ' %{http_code}' -X DELETE ${api}/v2/members/deadbeef`)).stdout).toBe('{"message":"No such member: deadbeef"} 404');
  });

  it("members API refusals are worded as etcd 2.3.7's client.go words them", async () => {
    const post = (body: string) => c.exec('core-01', `curl -s -w ' %{http_code}' -X POST -H 'Content-Type: application/json' ${api}/v2/members -d '${body}'`);
    expect((await post('garbage')).stdout).toBe(`{"message":"invalid character 'g' looking for beginning of value"} 400`);
    expect((await post('{"peerURLs":["foo"]}')).stdout).toBe('{"message":"URL scheme must be http or https: foo"} 400');
    // getID: no ID is http.Error's 405 (no Allow), sent after X-Etcd-Cluster-ID was set.
    const del = (await c.exec('core-01', `curl -s -i -X DELETE ${api}/v2/members`)).stdout;
    expect(del).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\nContent-Type: text\/plain; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nX-Etcd-Cluster-Id: [0-9a-f]+\r\nDate: [^\r]+\r\nContent-Length: 19\r\n\r\nMethod Not Allowed\n$/);
    // PUT: the ID, then the body, then the member.
    const put = (id: string, body: string, type = 'application/json') => c.exec('core-01', `curl -s -w ' %{http_code}' -X PUT -H 'Content-Type: ${type}' ${api}/v2/members/${id} -d '${body}'`);
    expect((await put('00DEADBEEF', '{"peerURLs":["http://10.0.0.7:2380"]}')).stdout).toBe('{"message":"No such member: deadbeef"} 404');
    expect((await put('deadbeef', '{}')).stdout).toBe('{"message":"no valid URLs given"} 400');
    expect((await put('deadbeef', '{}', 'text/plain')).stdout).toBe('{"message":"Bad Content-Type text/plain, accept application/json"} 415');
  });
});

describe('etcd without a quorum', () => {
  it('a member cut off from the majority cannot commit: writes time out, reads may be stale, /health is false', async () => {
    const c = await createCluster({ machines: 3, seed: 5 });
    await c.exec('core-01', 'curl -s -X PUT http://127.0.0.1:2379/v2/keys/k -d value=old');
    c.partition(['core-01'], ['core-02', 'core-03']);
    await c.advance(3000);
    await c.exec('core-02', 'curl -s -X PUT http://127.0.0.1:2379/v2/keys/k -d value=new');
    const stale = await c.exec('core-01', 'curl -s http://127.0.0.1:2379/v2/keys/k');
    expect(stale.stdout).toContain('"value":"old"');
    const put = await c.exec('core-01', `curl -s -w ' %{http_code}' -X PUT http://127.0.0.1:2379/v2/keys/k -d value=lost`);
    expect(put.stdout).toMatch(/^\{"errorCode":300,"message":"Raft Internal Error","cause":"etcdserver: request timed out.*\n 500$/);
    const health = await c.exec('core-01', `curl -s -w ' %{http_code}' http://127.0.0.1:2379/health`);
    expect(health.stdout).toBe('{"health": "false"}\n 503');
    c.heal();
    await c.advance(5000);
    const after = await c.exec('core-01', 'curl -s http://127.0.0.1:2379/v2/keys/k?quorum=true');
    expect(after.stdout).toContain('"value":"new"');
  });

  // etcdserver/server.go apply(): s.r.index and s.r.term are stored per applied entry; the
  // raft node's own term climbs with every campaign of a member without a quorum.
  it('X-Raft-Term is the term of the last applied entry, not the term a lone member campaigns at', async () => {
    const c = await createCluster({ machines: 3, seed: 5 });
    const head = async () => {
      const r = await c.exec('core-01', 'curl -sI http://127.0.0.1:2379/v2/keys/x');
      return [/X-Raft-Index: (\d+)/.exec(r.stdout)![1], /X-Raft-Term: (\d+)/.exec(r.stdout)![1]];
    };
    await c.exec('core-01', 'curl -s -X PUT http://127.0.0.1:2379/v2/keys/x -d value=1');
    c.partition(['core-01'], ['core-02', 'core-03']);
    await c.advance(2000); // the last SYNC entries sent before the cut have been applied
    const before = await head();
    await c.advance(10_000);
    expect(await head()).toEqual(before);
    expect(before[1]).toBe('2');
  });

  // etcdserver/server.go parseProposeCtxErr: the follower forwarded the write to the dead
  // leader; the new leader came up within 2 election timeouts after the request started.
  it('a write lost with a dead leader times out "possibly due to previous leader failure"', async () => {
    const c = await createCluster({ machines: 3, seed: 3 });
    const leader = c.leader()!;
    const follower = c.machines.find((m) => m !== leader)!;
    c.kill(leader);
    const put = await c.exec(follower, `curl -s -w ' %{http_code}' -X PUT http://127.0.0.1:2379/v2/keys/a -d value=1`);
    expect(put.stdout).toBe(
      '{"errorCode":300,"message":"Raft Internal Error","cause":"etcdserver: request timed out, possibly due to previous leader failure","index":0}\n 500',
    );
  });

  it('a member persists its log and keyspace across a crash and catches up after booting', async () => {
    const c = await createCluster({ machines: 3, seed: 8 });
    await c.exec('core-01', 'etcdctl set /persist yes');
    c.kill('core-03');
    await c.exec('core-01', 'etcdctl set /later 2');
    c.boot('core-03');
    await c.advance(8000);
    expect((await c.exec('core-03', 'etcdctl get /persist')).stdout).toBe('yes\n');
    expect((await c.exec('core-03', 'etcdctl get /later')).stdout).toBe('2\n');
  });
});

describe('etcd stopped while requests are open', () => {
  it('systemctl stop closes its connections: a watch moves to another member, --no-sync fails, curl exits 18 or 52', async () => {
    const c = await createCluster({ machines: 3, seed: 1 });
    // A write without quorum stays unanswered until the member stops.
    const opts = { timeoutMs: 20_000 };
    const synced = c.exec('core-01', 'etcdctl watch /w', opts);
    const noSync = c.exec('core-01', 'etcdctl --no-sync watch /w', opts);
    const curlWatch = c.exec('core-01', `curl -s "${api}/v2/keys/w?wait=true"; echo "rc=$?"`, opts);
    await c.advance(500);
    c.partition(['core-01'], ['core-02', 'core-03']);
    const curlPut = c.exec('core-01', `curl -s -XPUT ${api}/v2/keys/x -d value=1; echo "rc=$?"`, opts);
    await c.advance(500);
    expect((await c.exec('core-01', 'sudo systemctl stop etcd2')).exitCode).toBe(0);
    c.heal();
    await c.advance(500);
    expect((await c.exec('core-02', 'etcdctl set /w v')).stdout).toBe('v\n');
    expect(await synced).toMatchObject({ stdout: 'v\n', exitCode: 0 });
    expect(await noSync).toMatchObject({
      stderr: 'Error:  client: etcd cluster is unavailable or misconfigured\nerror #0: unexpected EOF\nerror #1: dial tcp 127.0.0.1:4001: getsockopt: connection refused\n\n',
      exitCode: 4,
    });
    expect((await curlWatch).stdout).toBe('rc=18\n');
    expect((await curlPut).stdout).toBe('rc=52\n');
  });
});

describe("the journal tells an election as etcd 2.3's raft does", () => {
  /** A machine's etcd2 lines without the journal's prefix. */
  const journal = async (c: Cluster, m: string) =>
    (await c.exec(m, 'journalctl -u etcd2 --no-pager')).stdout.split('\n').map((l) => l.replace(/^.*?etcd2\[\d+\]: /, ''));
  const memberId = (lines: string[]) => lines.find((l) => / became follower at term /.test(l))!.split(' ')[0]!;

  it('a voter logs the higher term and its vote; the winner its tally, then its win', async () => {
    const c = await createCluster({ machines: 3, seed: 1 });
    const old = c.leader()!;
    c.kill(old);
    await c.advance(4000);
    const leader = c.leader()!;
    const voter = c.machines.find((m) => m !== old && m !== leader)!;
    const [lj, vj] = [await journal(c, leader), await journal(c, voter)];
    const [l, v] = [memberId(lj), memberId(vj)];
    const at = vj.indexOf(`${v} [term: 2] received a MsgVote message with higher term from ${l} [term: 3]`);
    expect(at).toBeGreaterThan(0);
    expect(vj[at + 1]).toBe(`${v} became follower at term 3`);
    expect(vj[at + 2]).toMatch(/^\w+ \[logterm: 2, index: \d+, vote: 0\] voted for \w+ \[logterm: 2, index: \d+\] at term 3$/);
    expect(vj[at + 2]).toContain(`voted for ${l} `);
    const tally = lj.indexOf(`${l} [quorum:2] has received 2 votes and 0 vote rejections`);
    expect(lj[tally - 1]).toBe(`${l} received vote from ${v} at term 3`);
    expect(lj[tally + 1]).toBe(`${l} became leader at term 3`);
  });

  it('a leader cut off from the quorum steps down, in CheckQuorum words', async () => {
    const c = await createCluster({ machines: 3, seed: 2 });
    const old = c.leader()!;
    c.partition([old], c.machines.filter((m) => m !== old));
    await c.advance(3000);
    const j = await journal(c, old);
    const id = memberId(j);
    const at = j.indexOf(`${id} stepped down to follower since quorum is not active`);
    expect(at).toBeGreaterThan(0);
    expect(j[at + 1]).toBe(`${id} became follower at term 2`);
  });
});

describe('a member restarting without a snapshot logs as etcd 2.3 does', () => {
  it('no peers and nothing applied in newRaft, no cluster version yet, then the replay of its membership and version', async () => {
    const c = await createCluster({ machines: 3, seed: 1 });
    const f = c.machines.find((m) => m !== c.leader())!;
    c.kill(f);
    await c.advance(1000);
    c.boot(f);
    await c.advance(6000);
    const lines = (await c.exec(f, 'journalctl -u etcd2 --no-pager -b')).stdout.split('\n').map((l) => l.replace(/^.*?etcd2\[\d+\]: /, ''));
    const at = lines.findIndex((l) => l.startsWith('restarting member '));
    expect(lines[at]).toMatch(/^restarting member (\w+) in cluster \w+ at commit index 8$/);
    const id = lines[at]!.split(' ')[2];
    expect(lines.slice(at + 1, at + 4)).toEqual([
      `${id} became follower at term 2`,
      `newRaft ${id} [peers: [], term: 2, commit: 8, applied: 0, lastindex: 8, lastterm: 2]`,
      'starting server... [version: 2.3.7, cluster version: to_be_decided]',
    ]);
    const replay = lines.slice(at + 4, at + 9);
    expect(replay.slice(0, 3).every((l) => /^added member \w+ \[http:\/\/172\.17\.8\.10\d:2380\] to cluster \w+$/.test(l))).toBe(true);
    expect(replay.slice(3)).toEqual(['set the initial cluster version to 2.3', 'enabled capabilities for version 2.3']);
  });
});

describe('publish (EtcdServer.Start runs it at once)', () => {
  it('a member that boots without a quorum logs a publish error each time its 7 s request timeout passes', async () => {
    const c = await createCluster({ machines: 3, seed: 1 });
    for (const m of c.machines) c.kill(m);
    c.boot('core-01');
    await c.advance(20_000);
    const j = (await c.exec('core-01', 'journalctl -u etcd2 --no-pager -b')).stdout;
    const times = [...j.matchAll(/09:00:(\d\d) core-01 etcd2\[\d+\]: publish error: etcdserver: request timed out\n/g)].map((m) => Number(m[1]));
    expect(times.length).toBe(2);
    expect(times[1]! - times[0]!).toBe(7);
    expect(j).not.toContain('published {');
  });
});
