// @vitest-environment jsdom
import { describe, it, expect, vi, afterEach } from 'vitest';
import { screen, fireEvent } from '@testing-library/dom';
import { render } from './mount.ts';
import MachineCard from '../../../src/ui/components/MachineCard.svelte';
import type { MachineSnapshot } from '../../../src/snapshot.ts';

const machine = (power: MachineSnapshot['power'], role: 'leader' | 'follower'): MachineSnapshot => ({
  name: 'core-02',
  ip: '172.17.8.102',
  power,
  etcd: { id: 'ab', name: 'core-02', role, term: 3, commitIndex: 5, appliedIndex: 5, lastIndex: 5, etcdIndex: 2, log: [], electionDeadline: 1500, electionTimeoutMs: 1000 },
});

function props(m: MachineSnapshot) {
  return {
    machine: m,
    now: 1000,
    x: 100,
    y: 100,
    w: 200,
    h: 106,
    compact: false,
    selected: false,
    isolated: false,
    clusterSize: 3,
    onselect: vi.fn(),
    onkill: vi.fn(),
    onboot: vi.fn(),
    onisolate: vi.fn(),
    ondestroy: vi.fn(),
  };
}

let destroy: (() => void) | undefined;
afterEach(() => destroy?.());

describe('MachineCard', () => {
  it('is a focusable element named with the machine, its role in words and its term', () => {
    ({ destroy } = render(MachineCard, props(machine('running', 'leader'))));
    const card = screen.getByRole('button', { name: 'core-02, etcd leader, term 3' });
    expect(card.getAttribute('tabindex')).toBe('0');
  });

  it('has real Kill, Boot and Isolate buttons; Kill works on a running machine, Boot on a dead one', async () => {
    const p = props(machine('running', 'follower'));
    ({ destroy } = render(MachineCard, p));
    const kill = screen.getByRole('button', { name: 'Kill core-02' });
    const boot = screen.getByRole('button', { name: 'Boot core-02' });
    expect((boot as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(kill);
    expect(p.onkill).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Isolate core-02' }));
    expect(p.onisolate).toHaveBeenCalledOnce();
  });

  it('shows a crashed machine as offline with Boot enabled', () => {
    ({ destroy } = render(MachineCard, props(machine('crashed', 'leader'))));
    expect(screen.getByRole('button', { name: 'core-02, etcd offline, term 3' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Boot core-02' }) as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getByRole('button', { name: 'Kill core-02' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('drains the election timer arc: half the timeout left is half an arc', () => {
    const r = render(MachineCard, props(machine('running', 'follower')));
    destroy = r.destroy;
    const container = r.container;
    const arc = container.querySelector('.arc')!;
    const c = Number(arc.getAttribute('stroke-dasharray'));
    expect(Number(arc.getAttribute('stroke-dashoffset'))).toBeCloseTo(c / 2);
  });

  it('has a Destroy button', () => {
    const p = props(machine('running', 'follower'));
    ({ destroy } = render(MachineCard, p));
    fireEvent.click(screen.getByRole('button', { name: 'Destroy core-02' }));
    expect(p.ondestroy).toHaveBeenCalledOnce();
  });

  it('draws a proxy as a diamond with no election timer and no term', () => {
    const m: MachineSnapshot = { name: 'core-04', ip: '172.17.8.104', power: 'running', etcdMode: 'proxy' };
    const r = render(MachineCard, props(m));
    destroy = r.destroy;
    expect(screen.getByRole('button', { name: 'core-04, etcd proxy' })).toBeTruthy();
    expect(r.container.querySelector('.proxy-shape')).not.toBeNull();
    expect(r.container.querySelector('.arc')).toBeNull();
    expect(r.container.querySelector('.term')).toBeNull();
    expect(r.container.querySelector('.badge')!.textContent).toBe('proxy');
  });
});
