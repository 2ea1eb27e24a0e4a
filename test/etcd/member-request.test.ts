import { describe, it, expect } from 'vitest';
import { memberIdFromPath, parseMemberURLs } from '../../src/etcd/member-request.ts';

const JSON_TYPE = 'application/json';
const STRUCT = 'struct { PeerURLs []string "json:\\"peerURLs\\"" }';

describe("etcdhttp's member requests (client.go unmarshalRequest, getID; types.NewURLs)", () => {
  it('a good body gives the peer URLs, trimmed and sorted', () => {
    expect(parseMemberURLs(JSON_TYPE, '{"peerURLs":[" http://10.0.0.9:2380","HTTP://10.0.0.8:2380"]}')).toEqual({ peerURLs: ['http://10.0.0.8:2380', 'http://10.0.0.9:2380'] });
    expect(parseMemberURLs(JSON_TYPE, '{"PEERURLS":["http://h:1"]}')).toEqual({ peerURLs: ['http://h:1'] });
  });

  it('415 for another Content-Type', () => {
    expect(parseMemberURLs('', '{}')).toEqual({ status: 415, message: 'Bad Content-Type , accept application/json' });
  });

  it('400 with the Go error text', () => {
    const bad = (body: string) => parseMemberURLs(JSON_TYPE, body);
    expect(bad('garbage')).toEqual({ status: 400, message: "invalid character 'g' looking for beginning of value" });
    expect(bad('')).toEqual({ status: 400, message: 'unexpected end of JSON input' });
    expect(bad('{}')).toEqual({ status: 400, message: 'no valid URLs given' });
    expect(bad('{"peerURLs":null}')).toEqual({ status: 400, message: 'no valid URLs given' });
    expect(bad('[]')).toEqual({ status: 400, message: `json: cannot unmarshal array into Go value of type ${STRUCT}` });
    expect(bad('{"peerURLs":"http://h:1"}')).toEqual({ status: 400, message: 'json: cannot unmarshal string into Go value of type []string' });
    expect(bad('{"peerURLs":["http://h:1",2]}')).toEqual({ status: 400, message: 'json: cannot unmarshal number into Go value of type string' });
    expect(bad('{"peerURLs":["foo"]}')).toEqual({ status: 400, message: 'URL scheme must be http or https: foo' });
    expect(bad('{"peerURLs":["http://10.0.0.9"]}')).toEqual({ status: 400, message: 'URL address does not have the form "host:port": http://10.0.0.9' });
    expect(bad('{"peerURLs":["http://10.0.0.9:2380/x"]}')).toEqual({ status: 400, message: 'URL must not contain a path: http://10.0.0.9:2380/x' });
  });

  it("getID: no ID is http.Error's 405, a non-hex one 404, a hex one as types.ID prints it", () => {
    expect(memberIdFromPath('')).toEqual({ status: 405 });
    expect(memberIdFromPath('xyz')).toEqual({ status: 404, message: 'No such member: xyz' });
    expect(memberIdFromPath('00ABc')).toEqual({ id: 'abc' });
    expect(memberIdFromPath('1'.repeat(17))).toEqual({ status: 404, message: 'No such member: ' + '1'.repeat(17) });
  });
});
