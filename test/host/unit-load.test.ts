/** systemd 229 loading a unit's files: conf-parser.c's diagnostics, load-fragment.c, service_verify. */
import { describe, it, expect } from 'vitest';
import { FileSystem } from '../../src/host/filesystem.ts';
import { loadUnit } from '../../src/host/unit-load.ts';
import { PRIORITY } from '../../src/host/journal.ts';

const PATH = '/etc/systemd/system/broken.service';

function load(text: string, dropIn?: string) {
  const fs = new FileSystem();
  fs.write(PATH, text);
  if (dropIn !== undefined) fs.write('/etc/systemd/system/broken.service.d/10-x.conf', dropIn);
  return loadUnit(fs, 'broken.service')!;
}

describe('loadUnit', () => {
  it('a clean unit loads without a word', () => {
    const u = load('[Unit]\nDescription=Fine\nX-Fleet=ignored\n\n# comment\n; comment\n[Service]\nExecStart=/usr/bin/sleep 1000\nRestart=always\n\n[Install]\nWantedBy=multi-user.target\n');
    expect(u.diagnostics).toEqual([]);
    expect(u.error).toBeUndefined();
    expect(u.settings.map((e) => `${e.section}.${e.key}`)).toEqual(['Unit.Description', 'Service.ExecStart', 'Service.Restart', 'Install.WantedBy']);
  });

  it('unknown lvalues and sections are warned about at their line and ignored; the unit still loads', () => {
    const u = load('[Unit]\nDescription=Broken\nFoo=bar\n[Service]\nExecStart=/usr/bin/sleep 1\nDescription=wrong section\n[Instal]\nWantedBy=multi-user.target\n');
    expect(u.diagnostics).toEqual([
      { message: `[${PATH}:3] Unknown lvalue 'Foo' in section 'Unit'`, priority: PRIORITY.warning },
      { message: `[${PATH}:6] Unknown lvalue 'Description' in section 'Service'`, priority: PRIORITY.warning },
      { message: `[${PATH}:7] Unknown section 'Instal'. Ignoring.`, priority: PRIORITY.warning },
    ]);
    expect(u.error).toBeUndefined();
    expect(u.settings.some((e) => e.key === 'WantedBy' || e.key === 'Foo')).toBe(false);
  });

  it("a line without '=' fails the load there: later lines are not read", () => {
    const u = load('[Unit]\nDescription=Broken\nFoo=bar\nthis is not a line\nBar=baz\n[Service]\nExecStart=/usr/bin/sleep 1\n');
    expect(u.diagnostics.map((d) => d.message)).toEqual([`[${PATH}:3] Unknown lvalue 'Foo' in section 'Unit'`, `[${PATH}:4] Missing '='.`]);
    expect(u.error).toBe('Invalid argument');
    expect(u.settings.find((e) => e.key === 'Description')?.value).toBe('Broken');
  });

  it('an assignment before any section, a bad section header', () => {
    expect(load('Description=x\n[Service]\nExecStart=/bin/true\n').diagnostics.map((d) => d.message)).toEqual([`[${PATH}:1] Assignment outside of section. Ignoring.`]);
    const bad = load('[Unit\nDescription=x\n');
    expect(bad.diagnostics).toEqual([{ message: `[${PATH}:1] Invalid section header '[Unit'`, priority: PRIORITY.err }]);
    expect(bad.error).toBe('Bad message');
  });

  it('a relative ExecStart is ignored, and a service without ExecStart/ExecStop is refused', () => {
    const u = load('[Unit]\nDescription=Relative\n\n[Service]\nExecStart=docker run busybox\n');
    expect(u.diagnostics).toEqual([
      { message: `[${PATH}:5] Executable path is not absolute, ignoring: docker run busybox`, priority: PRIORITY.err },
      { message: 'broken.service: Service lacks both ExecStart= and ExecStop= setting. Refusing.', priority: PRIORITY.err },
    ]);
    expect(u.error).toBe('Invalid argument');
    expect(u.settings.some((e) => e.key === 'ExecStart')).toBe(false);
  });

  it('two ExecStart= need Type=oneshot; an empty ExecStart= in a drop-in resets the list', () => {
    const twice = load('[Service]\nExecStart=/usr/bin/a\n', '[Service]\nExecStart=/usr/bin/b\n');
    expect(twice.diagnostics.map((d) => d.message)).toEqual(['broken.service: Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services. Refusing.']);
    expect(twice.error).toBe('Invalid argument');
    expect(load('[Service]\nExecStart=/usr/bin/a\n', '[Service]\nExecStart=\nExecStart=/usr/bin/b\n').error).toBeUndefined();
    expect(load('[Service]\nType=oneshot\nExecStart=/usr/bin/a\nExecStart=/usr/bin/b\n').error).toBeUndefined();
    expect(load('[Service]\nExecStop=/usr/bin/a\n').diagnostics.map((d) => d.message)).toEqual([
      'broken.service: Service has no ExecStart= setting, which is only allowed for Type=oneshot services. Refusing.',
    ]);
  });

  it('bad Type= and Restart= values are logged and ignored; drop-ins are diagnosed under their own path', () => {
    const u = load('[Service]\nExecStart=/usr/bin/a\nType=simpel\n', '[Service]\nRestart=sometimes\n');
    expect(u.diagnostics.map((d) => d.message)).toEqual([
      `[${PATH}:3] Failed to parse service type, ignoring: simpel`,
      '[/etc/systemd/system/broken.service.d/10-x.conf:2] Failed to parse service restart specifier, ignoring: sometimes',
    ]);
    expect(u.error).toBeUndefined();
    expect(u.settings.some((e) => e.key === 'Type' || e.key === 'Restart')).toBe(false);
  });

  it('a continued line counts as one line; sockets and targets know their own sections', () => {
    expect(load('[Service]\nExecStart=/usr/bin/a \\\n  --flag\nFoo=1\n').diagnostics.map((d) => d.message)).toEqual([`[${PATH}:3] Unknown lvalue 'Foo' in section 'Service'`]);
    const fs = new FileSystem();
    fs.write('/etc/systemd/system/x.socket', '[Socket]\nListenStream=80\n[Service]\nExecStart=/bin/x\n');
    fs.write('/etc/systemd/system/x.target', '[Unit]\nDescription=T\n[Install]\nWantedBy=multi-user.target\n');
    expect(loadUnit(fs, 'x.socket')!.diagnostics.map((d) => d.message)).toEqual(["[/etc/systemd/system/x.socket:3] Unknown section 'Service'. Ignoring."]);
    expect(loadUnit(fs, 'x.target')!.diagnostics).toEqual([]);
    expect(loadUnit(fs, 'nosuch.service')).toBeUndefined();
  });
});
