import { describe, it, expect } from 'vitest';
import { validate } from '../../src/cloudconfig/validate.ts';
import { formatEntry } from '../../src/cloudconfig/report.ts';
import { VAGRANT_USER_DATA } from './fixtures.ts';

const lines = (text: string) => validate(text).entries.map(formatEntry);

describe('header', () => {
  it('accepts #cloud-config with trailing whitespace or CRLF', () => {
    expect(lines('#cloud-config\nhostname: a\n')).toEqual([]);
    expect(lines('#cloud-config  \nhostname: a\n')).toEqual([]);
    expect(lines('#cloud-config\r\nhostname: a\r\n')).toEqual([]);
  });
  it('Ignition configs are not validated (config.IsIgnitionConfig: JSON with an integer ignitionVersion)', () => {
    expect(lines('{"ignitionVersion": 1}')).toEqual([]);
    expect(lines('{"ignitionVersion": "1"}')).toEqual(['line 1: error: must be "#cloud-config" or begin with "#!"']);
    expect(lines('{"ignition": {"version": "2.0.0"}}')).toEqual(['line 1: error: must be "#cloud-config" or begin with "#!"']);
  });
  it('scripts and empty user-data are not validated', () => {
    expect(lines('#!/bin/bash\necho hi\n')).toEqual([]);
    expect(lines('')).toEqual([]);
  });
  it('anything else is an error on line 1', () => {
    expect(lines('hostname: a\n')).toEqual(['line 1: error: must be "#cloud-config" or begin with "#!"']);
    expect(lines('# cloud-config\n')).toEqual(['line 1: error: must be "#cloud-config" or begin with "#!"']);
  });
});

describe('structure', () => {
  it('reports unrecognized keys with underscores', () => {
    expect(lines('#cloud-config\nbogus-key: 1\n')).toEqual(['line 2: warning: unrecognized key "bogus_key"']);
    expect(lines('#cloud-config\ncoreos:\n  etcd2:\n    nmae: x\n')).toEqual(['line 4: warning: unrecognized key "nmae"']);
  });
  it('reports incorrect types', () => {
    const text = '#cloud-config\ncoreos:\n  units:\n    - name: a.service\n      enable: "yes"\n';
    expect(lines(text)).toEqual(['line 5: warning: incorrect type for "enable" (want bool)']);
    expect(lines('#cloud-config\nusers:\n  - core\n')).toEqual(['line 3: warning: incorrect type for "users[0]" (want struct)']);
    expect(lines('#cloud-config\nssh_authorized_keys: ssh-rsa AAA\n')).toEqual([
      'line 2: warning: incorrect type for "ssh_authorized_keys" (want []string)',
    ]);
  });
  it('accepts YAML 1.1 booleans and numbers where they fit', () => {
    expect(lines('#cloud-config\ncoreos:\n  units:\n    - name: a.service\n      enable: yes\n      runtime: off\n')).toEqual([]);
    expect(lines('#cloud-config\ncoreos:\n  etcd2:\n    heartbeat-interval: 100\n    proxy: off\n')).toEqual([]);
  });
  it('reports deprecated keys', () => {
    expect(lines('#cloud-config\ncoreos:\n  etcd2:\n    ca-file: /x\n')).toEqual([
      'line 4: warning: deprecated key "ca_file" (ca_file obsoleted by trusted_ca_file and client_cert_auth)',
    ]);
  });
  it('treats dashes and underscores alike', () => {
    expect(lines('#cloud-config\ncoreos:\n  update:\n    reboot_strategy: etcd-lock\n  fleet:\n    public_ip: 1.2.3.4\n')).toEqual([]);
    expect(lines('#cloud-config\ncoreos:\n  update:\n    reboot-strategy: etcd-lock\n  fleet:\n    public-ip: 1.2.3.4\n')).toEqual([]);
  });
});

describe('validity', () => {
  it('reboot-strategy must be one of the strategies', () => {
    expect(lines('#cloud-config\ncoreos:\n  update:\n    reboot-strategy: sometimes\n')).toEqual(['line 4: error: invalid value sometimes']);
  });
  it('etcd2 proxy, unit command, permissions, encoding', () => {
    expect(lines('#cloud-config\ncoreos:\n  etcd2:\n    proxy: maybe\n')).toEqual(['line 4: error: invalid value maybe']);
    expect(lines('#cloud-config\ncoreos:\n  units:\n    - name: a.service\n      command: go\n')).toEqual(['line 5: error: invalid value go']);
    expect(lines('#cloud-config\nwrite_files:\n  - path: /etc/x\n    permissions: 0644\n')).toEqual([]);
    expect(lines("#cloud-config\nwrite_files:\n  - path: /etc/x\n    permissions: '0999'\n")).toEqual(['line 4: error: invalid value 0999']);
  });
  it('manage_etc_hosts only knows localhost', () => {
    expect(lines('#cloud-config\nmanage_etc_hosts: localhost\n')).toEqual([]);
    expect(lines('#cloud-config\nmanage_etc_hosts: yes\n')).toEqual(['line 2: error: invalid value yes']);
  });
});

describe('write_files', () => {
  it('cannot write under /usr', () => {
    expect(lines('#cloud-config\nwrite_files:\n  - path: /usr/bin/x\n    content: hi\n')).toEqual([
      'line 3: error: file cannot be written to a read-only filesystem',
    ]);
  });
  it('content must decode under its encoding', () => {
    expect(lines('#cloud-config\nwrite_files:\n  - path: /etc/x\n    encoding: base64\n    content: aGVsbG8K\n')).toEqual([]);
    expect(lines('#cloud-config\nwrite_files:\n  - path: /etc/x\n    encoding: base64\n    content: "!!!"\n')).toEqual([
      'line 5: error: content cannot be decoded as "base64"',
    ]);
  });
  it("write_files under coreos is an unknown key and an info", () => {
    expect(lines('#cloud-config\ncoreos:\n  write_files:\n    - path: /etc/x\n')).toEqual([
      'line 3: warning: unrecognized key "write_files"',
      "line 3: info: write_files doesn't belong under coreos",
    ]);
  });
  it('line numbers come from a text scan from the parent (approximate, as in the real tool)', () => {
    // The top-level write_files is looked up from line 1, so the one under coreos (line 3) is found.
    const text = '#cloud-config\ncoreos:\n  write_files:\n    - path: /etc/a\nwrite_files:\n  - path: /usr/b\n';
    expect(lines(text)).toContain('line 4: error: file cannot be written to a read-only filesystem');
  });
});

describe('discovery', () => {
  it('checks coreos.etcd.discovery only', () => {
    expect(lines('#cloud-config\ncoreos:\n  etcd:\n    discovery: not a url\n')).toEqual(['line 4: warning: discovery URL is not valid']);
    expect(lines('#cloud-config\ncoreos:\n  etcd:\n    discovery: https://discovery.etcd.io/abc\n')).toEqual([]);
    expect(lines('#cloud-config\ncoreos:\n  etcd2:\n    discovery: not a url\n')).toEqual([]);
  });
});

describe('YAML syntax errors (go-yaml reports the 0-based line of the problem)', () => {
  it('the rules still run, on the empty node parseCloudConfig returns: the root is not a struct', () => {
    // validate.go: parseCloudConfig reports the YAML error and returns node{}, nil; checkNodeStructure
    // then finds an Invalid kind where the CloudConfig struct belongs, at line 0.
    expect(lines('#cloud-config\nhostname: "abc\n')).toEqual([
      'line 2: error: found unexpected end of stream',
      'line 0: warning: incorrect type for "" (want struct)',
    ]);
  });
  it('bad indentation', () => {
    expect(lines('#cloud-config\ncoreos:\n  etcd2:\n    name: x\n   bad: y\n')).toEqual([
      'line 4: error: did not find expected key',
      'line 0: warning: incorrect type for "" (want struct)',
    ]);
  });
  it("missing ':'", () => {
    expect(lines('#cloud-config\ncoreos:\n  etcd2:\n    name: x\n    bogus\n    other: y\n')).toEqual([
      "line 5: error: could not find expected ':'",
      'line 0: warning: incorrect type for "" (want struct)',
    ]);
  });
  it('tab indentation', () => {
    expect(lines('#cloud-config\ncoreos:\n\tunits: []\n')).toEqual([
      'line 2: error: found character that cannot start any token',
      'line 0: warning: incorrect type for "" (want struct)',
    ]);
  });
  it('over-indented key', () => {
    expect(lines('#cloud-config\ncoreos:\n  etcd2:\n    name: x\n      bad: y\n')).toEqual([
      'line 4: error: mapping values are not allowed in this context',
      'line 0: warning: incorrect type for "" (want struct)',
    ]);
  });
  it('misaligned sequence entry', () => {
    expect(lines('#cloud-config\nusers:\n  - name: a\n   - name: b\n')).toEqual([
      "line 3: error: did not find expected '-' indicator",
      'line 0: warning: incorrect type for "" (want struct)',
    ]);
  });
  it('mapping in a compact value', () => {
    expect(lines('#cloud-config\nhostname: a\nfoo: a: b\n')).toEqual([
      'line 2: error: mapping values are not allowed in this context',
      'line 0: warning: incorrect type for "" (want struct)',
    ]);
  });
});

describe('order and robustness', () => {
  it('follows the rule order: discovery, encoding, structure, validity, write_files, info', () => {
    const text = [
      '#cloud-config',
      'coreos:',
      '  etcd:',
      '    discovery: "foo bar"',
      '  update:',
      '    reboot-strategy: sometimes',
      'bogus: 1',
      'write_files:',
      '  - path: /usr/x',
      '    encoding: b64',
      '    content: "!"',
      '',
    ].join('\n');
    expect(lines(text)).toEqual([
      'line 4: warning: discovery URL is not valid',
      'line 11: error: content cannot be decoded as "b64"',
      'line 7: warning: unrecognized key "bogus"',
      'line 6: error: invalid value sometimes',
      'line 9: error: file cannot be written to a read-only filesystem',
    ]);
  });
  it('a map where a validated string belongs is a validator failure, not an entry', () => {
    const r = validate('#cloud-config\ncoreos:\n  update:\n    reboot-strategy:\n      a: b\n');
    expect(r.failure).toBe('runtime error: comparing uncomparable type map[interface {}]interface {}');
  });
  it('never throws', () => {
    for (const t of ['#cloud-config\n: : :\n', '#cloud-config\n- a\n- b\n', '#cloud-config\n"\n', '#cloud-config\n*x\n', '#cloud-config\n[\n']) {
      expect(() => validate(t)).not.toThrow();
    }
  });
  it('the coreos-vagrant user-data validates clean', () => {
    expect(lines(VAGRANT_USER_DATA)).toEqual([]);
  });
});
