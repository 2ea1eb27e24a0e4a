// @vitest-environment jsdom
import { describe, it, expect, afterEach } from 'vitest';
import { screen } from '@testing-library/dom';
import { render } from './mount.ts';
import DiscoveryRegistry from '../../../src/ui/components/DiscoveryRegistry.svelte';
import type { DiscoveryView } from '../../../src/snapshot.ts';

let destroy: (() => void) | undefined;
afterEach(() => destroy?.());

const machines = [
  { name: 'core-01', ip: '172.17.8.101' },
  { name: 'core-02', ip: '172.17.8.102' },
  { name: 'core-03', ip: '172.17.8.103' },
];

describe('DiscoveryRegistry', () => {
  it('shows the token, i/N registered and the machines that registered (CoreOS names members by machine ID)', () => {
    const view: DiscoveryView = {
      token: 'dcafe0000000000000000000000028e1',
      url: 'https://discovery.etcd.io/dcafe0000000000000000000000028e1',
      size: 3,
      registered: [
        { id: '1c6ea751bd444b83', name: 'c4a0566f646cde9fc03bb8f7b67166b0', peerURLs: 'http://172.17.8.102:2380' },
        { id: '7d275c486add105e', name: '366eef52c1c7ebaab0fad5a6f5f638ca', peerURLs: 'http://172.17.8.103:2380' },
      ],
    };
    const r = render(DiscoveryRegistry, { view, machines });
    destroy = r.destroy;
    expect(screen.getByRole('region', { name: 'Discovery registry' }).textContent).toContain('dcaf…28e1');
    const list = screen.getByRole('list', { name: '2 of 3 registered: core-02, core-03' });
    expect([...list.querySelectorAll('li')].map((li) => li.textContent?.trim())).toEqual(['core-02', 'core-03', '—']);
    expect(r.container.textContent).toContain('2/3');
  });
});
