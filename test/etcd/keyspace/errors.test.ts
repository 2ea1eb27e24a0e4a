import { describe, it, expect } from 'vitest';
import { EtcdError } from '../../../src/etcd/keyspace/errors.ts';

// Reference A.6: code, message, HTTP status.
const TABLE: [number, string, number][] = [
  [100, 'Key not found', 404],
  [101, 'Compare failed', 412],
  [102, 'Not a file', 403],
  [103, 'Reached the max number of peers in the cluster', 400],
  [104, 'Not a directory', 400],
  [105, 'Key already exists', 412],
  [106, 'The prefix of given key is a keyword in etcd', 400],
  [107, 'Root is read only', 400],
  [108, 'Directory not empty', 403],
  [109, 'Peer address has existed', 400],
  [110, 'The request requires user authentication', 401],
  [200, 'Value is Required in POST form', 400],
  [201, 'PrevValue is Required in POST form', 400],
  [202, 'The given TTL in POST form is not a number', 400],
  [203, 'The given index in POST form is not a number', 400],
  [204, 'Value or TTL is required in POST form', 400],
  [205, 'The given timeout in POST form is not a number', 400],
  [206, 'Name is required in POST form', 400],
  [207, 'Index or value is required', 400],
  [208, 'Index and value cannot both be specified', 400],
  [209, 'Invalid field', 400],
  [210, 'Invalid POST form', 400],
  [211, 'Value provided on refresh', 400],
  [212, 'A TTL must be provided on refresh', 400],
  [300, 'Raft Internal Error', 500],
  [301, 'During Leader Election', 500],
  [400, 'watcher is cleared due to etcd recovery', 400],
  [401, 'The event in requested index is outdated and cleared', 400],
  [500, 'Client Internal Error', 400],
];

describe('EtcdError', () => {
  it.each(TABLE)('%i: %s (HTTP %i)', (code, message, status) => {
    const e = new EtcdError(code, 'c', 7);
    expect(e.message).toBe(message);
    expect(e.status).toBe(status);
    expect(e.toJson()).toBe(`{"errorCode":${code},"message":"${message}","cause":"c","index":7}`);
  });

  it('omits an empty cause', () => {
    expect(new EtcdError(102, '', 3).toJson()).toBe('{"errorCode":102,"message":"Not a file","index":3}');
  });

  it("Error() is 'message (cause)'", () => {
    expect(new EtcdError(100, '/foo', 5).toString()).toBe('Key not found (/foo)');
  });
});
