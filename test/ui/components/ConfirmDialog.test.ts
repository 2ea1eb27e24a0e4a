// @vitest-environment jsdom
import { describe, it, expect, afterEach, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/dom';
import { render } from './mount.ts';
import ConfirmDialog from '../../../src/ui/components/ConfirmDialog.svelte';
import type { UiState } from '../../../src/ui/lib/ui-state.svelte.ts';

let destroy: (() => void) | undefined;
afterEach(() => destroy?.());

// jsdom has no modal dialogs: open/close just toggle the attribute.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
  this.open = false;
};

describe('ConfirmDialog', () => {
  it('asks, and acts only on yes', () => {
    const onyes = vi.fn();
    const ui = { confirm: { title: 'Destroy core-02?', text: 'gone for good', yes: 'Destroy core-02', danger: true, onyes } } as unknown as UiState;
    ({ destroy } = render(ConfirmDialog, { ui }));
    const dialog = screen.getByRole('dialog', { name: 'Destroy core-02?' });
    expect(dialog.textContent).toContain('gone for good');
    fireEvent.click(screen.getByRole('button', { name: 'Destroy core-02' }));
    expect(onyes).toHaveBeenCalledOnce();
    expect(ui.confirm).toBeUndefined();
  });

  it('Cancel does nothing', () => {
    const onyes = vi.fn();
    const ui = { confirm: { title: 'Boot a new cluster of 3?', text: 't', yes: 'Destroy and boot', onyes } } as unknown as UiState;
    ({ destroy } = render(ConfirmDialog, { ui }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onyes).not.toHaveBeenCalled();
    expect(ui.confirm).toBeUndefined();
  });
});
