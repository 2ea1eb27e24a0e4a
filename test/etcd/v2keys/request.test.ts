import { describe, it, expect } from 'vitest';
import { EtcdError } from '../../../src/etcd/keyspace/errors.ts';
import { parseKeyRequest, type EtcdRequest } from '../../../src/etcd/v2keys/request.ts';
import { FORM } from './fake-keys-server.ts';

// parseKeyRequest (reference A.3 parameters, A.6 request-error causes).
const parse = (method: string, key: string, query: string, body = '', ct: string | undefined = body ? FORM : undefined) =>
  parseKeyRequest(method, key, query, body, ct, 1000);
const ok = (r: EtcdRequest | EtcdError): EtcdRequest => {
  if (r instanceof EtcdError) throw new Error(r.toJson());
  return r;
};
const fail = (r: EtcdRequest | EtcdError): string => {
  if (!(r instanceof EtcdError)) throw new Error('expected an error');
  return r.toJson();
};

describe('parseKeyRequest', () => {
  it('maps the key into the /1 namespace and reads the form', () => {
    const r = ok(parse('PUT', '/message', '', 'value=Hello+world%21'));
    expect(r).toMatchObject({ Method: 'PUT', Path: '/1/message', Val: 'Hello world!', Dir: false, Expiration: 0 });
    expect(r.PrevExist).toBeUndefined();
    expect(r.Refresh).toBeUndefined();
    expect(ok(parse('GET', '', '')).Path).toBe('/1');
    expect(ok(parse('GET', '/', '')).Path).toBe('/1');
    expect(ok(parse('GET', '/a/b/', '')).Path).toBe('/1/a/b');
  });

  it('ttl gives Expiration = now + ttl s; an empty ttl is no TTL', () => {
    expect(ok(parse('PUT', '/k', 'value=v&ttl=5')).Expiration).toBe(6000);
    expect(ok(parse('PUT', '/k', 'value=v&ttl=')).Expiration).toBe(0);
  });

  it('the urlencoded body comes before the query string; the first value counts', () => {
    expect(ok(parse('PUT', '/k', 'value=query', 'value=body')).Val).toBe('body');
    expect(ok(parse('PUT', '/k', 'value=a&value=b')).Val).toBe('a');
    // Bodies of other methods, or without the form Content-Type, are ignored.
    expect(ok(parse('DELETE', '/k', '', 'prevValue=x', FORM)).PrevValue).toBe('');
    expect(ok(parse('PUT', '/k', '', 'value=x', 'text/plain')).Val).toBe('');
  });

  it('booleans follow strconv.ParseBool', () => {
    for (const t of ['1', 't', 'T', 'TRUE', 'true', 'True']) expect(ok(parse('GET', '/k', `recursive=${t}`)).Recursive).toBe(true);
    for (const f of ['0', 'f', 'F', 'FALSE', 'false', 'False']) expect(ok(parse('GET', '/k', `sorted=${f}`)).Sorted).toBe(false);
    expect(fail(parse('GET', '/k', 'recursive=yes'))).toBe(
      '{"errorCode":209,"message":"Invalid field","cause":"invalid value for \\"recursive\\"","index":0}',
    );
    // A bare flag is an empty value: invalid.
    expect(fail(parse('GET', '/k', 'recursive'))).toContain('invalid value for \\"recursive\\"');
  });

  it('prevExist and refresh are tri-state', () => {
    expect(ok(parse('PUT', '/k', 'prevExist=false')).PrevExist).toBe(false);
    expect(ok(parse('PUT', '/k', 'prevExist=true')).PrevExist).toBe(true);
    expect(fail(parse('PUT', '/k', 'prevExist=maybe'))).toBe(
      '{"errorCode":209,"message":"Invalid field","cause":"invalid value for prevExist","index":0}',
    );
    expect(ok(parse('PUT', '/k', 'refresh=false')).Refresh).toBe(false);
  });

  it('request errors carry index 0 and etcd causes', () => {
    expect(fail(parse('PUT', '/k', 'value=v&ttl=abc'))).toBe(
      '{"errorCode":202,"message":"The given TTL in POST form is not a number","cause":"invalid value for \\"ttl\\"","index":0}',
    );
    expect(fail(parse('PUT', '/k', 'ttl=-1'))).toContain('"errorCode":202');
    expect(fail(parse('PUT', '/k', 'prevIndex=x'))).toBe(
      '{"errorCode":203,"message":"The given index in POST form is not a number","cause":"invalid value for \\"prevIndex\\"","index":0}',
    );
    expect(fail(parse('GET', '/k', 'wait=true&waitIndex=-3'))).toContain('invalid value for \\"waitIndex\\"');
    expect(fail(parse('PUT', '/k', 'value=v&prevValue='))).toBe(
      '{"errorCode":201,"message":"PrevValue is Required in POST form","cause":"\\"prevValue\\" cannot be empty","index":0}',
    );
    expect(fail(parse('PUT', '/k', 'wait=true'))).toBe(
      '{"errorCode":209,"message":"Invalid field","cause":"\\"wait\\" can only be used with GET requests","index":0}',
    );
    expect(fail(parse('HEAD', '/k', 'wait=true'))).toContain('can only be used with GET');
    expect(fail(parse('PUT', '/k', 'refresh=true&ttl=5&value=x'))).toBe(
      '{"errorCode":211,"message":"Value provided on refresh","cause":"A value was provided on a refresh","index":0}',
    );
    expect(fail(parse('PUT', '/k', 'refresh=true'))).toBe(
      '{"errorCode":212,"message":"A TTL must be provided on refresh","cause":"No TTL value set","index":0}',
    );
    expect(fail(parse('PUT', '/k', 'value=%zz'))).toBe(
      '{"errorCode":210,"message":"Invalid POST form","cause":"invalid URL escape \\"%zz\\"","index":0}',
    );
  });

  it('checks in etcd order: prevIndex before the booleans before ttl', () => {
    expect(fail(parse('PUT', '/k', 'ttl=x&recursive=x&prevIndex=x'))).toContain('"errorCode":203');
    expect(fail(parse('PUT', '/k', 'ttl=x&recursive=x'))).toContain('"errorCode":209');
  });

  it('refresh with an empty value and a ttl is fine', () => {
    const r = ok(parse('PUT', '/k', 'refresh=true&ttl=5&value=&prevExist=true'));
    expect(r).toMatchObject({ Refresh: true, PrevExist: true, Val: '', Expiration: 6000 });
  });

  it('Go 1.6 also splits the query on semicolons', () => {
    expect(ok(parse('GET', '/k', 'recursive=true;sorted=true'))).toMatchObject({ Recursive: true, Sorted: true });
  });

  it('a TTL too large for Go int64 nanoseconds wraps to a past time (no TTL)', () => {
    expect(ok(parse('PUT', '/k', 'value=v&ttl=100000000000')).Expiration).toBeLessThan(0);
  });
});
