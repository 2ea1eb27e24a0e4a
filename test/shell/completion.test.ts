import { describe, it, expect } from 'vitest';
import { ShellHarness } from './harness.ts';
import { defaultRegistry } from '../../src/shell/commands/index.ts';

describe('tab completion', () => {
  it('command names where a command starts', () => {
    const h = new ShellHarness();
    expect(h.shell.completions('ec')).toEqual(['echo']);
    expect(h.shell.completions('etcd')).toEqual(['etcdctl']);
    expect(h.shell.completions('echo a | gr')).toEqual(['grep']);
    expect(h.shell.completions('true && cur')).toEqual(['curl']);
    expect(h.shell.completions('sudo ho')).toEqual(['hostname']);
    expect(h.shell.completions('for x in a; do ec')).toEqual(['echo']);
  });

  it('file names elsewhere, directories with a slash', () => {
    const h = new ShellHarness();
    h.host.fs.write('/home/core/notes.txt', '');
    h.host.fs.mkdir('/home/core/units');
    expect(h.shell.completions('cat /etc/host')).toEqual(['/etc/hostname']);
    expect(h.shell.completions('cat /et')).toEqual(['/etc/']);
    expect(h.shell.completions('cat n')).toEqual(['notes.txt']);
    expect(h.shell.completions('ls u')).toEqual(['units/']);
    expect(h.shell.completions('cat ~/no')).toEqual(['~/notes.txt']);
  });

  it('variables after $', () => {
    const h = new ShellHarness();
    expect(h.shell.completions('echo $COREOS_PU')).toEqual(['$COREOS_PUBLIC_IPV4']);
  });

  it('words a command registers for its arguments', () => {
    const registry = defaultRegistry.clone();
    registry.registerCompletion('etcdctl', ['set', 'get', 'ls', 'mk', 'mkdir']);
    const h = new ShellHarness({ shell: { registry } });
    expect(h.shell.completions('etcdctl m').sort()).toEqual(['mk', 'mkdir']);
    // Only the first argument gets a fixed list; later ones fall back to file names.
    expect(h.shell.completions('etcdctl get /etc/host')).toEqual(['/etc/hostname']);
    registry.registerCompletion('etcdctl', (args, cur) => (args[0] === 'member' ? ['list', 'add', 'remove'].filter((w) => w.startsWith(cur)) : []));
    expect(h.shell.completions('etcdctl member l')).toEqual(['list']);
  });
});
