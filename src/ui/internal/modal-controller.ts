import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { View } from '../../core/types.js';
import { YinyomToggleEvent } from '../events.js';

/** An element that renders a native `<dialog>` while its `open` is true. */
export interface ModalHost extends ReactiveControllerHost, HTMLElement {
  open: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** The focused element, looking inside shadow roots: where focus returns after a dialog. */
function focusedElement(): HTMLElement | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element as HTMLElement | null;
}

/**
 * Opens and closes a host's modal `<dialog>` the one way every Yinyom dialog does: `showModal()`,
 * focus on the heading (no choice is suggested, and screen readers start at the top), a
 * `yinyom-toggle` event each way, and focus back where it came from. Bind `closed` to the
 * dialog's `close` event so that Escape closes it the same way.
 */
export class ModalController implements ReactiveController {
  #opener: HTMLElement | null = null;

  constructor(
    private readonly host: ModalHost,
    private readonly view: View,
  ) {
    host.addController(this);
  }

  /** A dialog removed from the page while open has left the top layer: it opens again on the next `show()`. */
  hostDisconnected(): void {
    this.host.open = false;
    this.#opener = null;
  }

  /** Opens the dialog; resolves once its heading has focus. Does nothing when it is open. */
  async show(): Promise<void> {
    if (this.host.open) return;
    this.#opener = focusedElement();
    this.host.open = true;
    await this.host.updateComplete;
    this.#dialog()!.showModal();
    this.host.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    this.host.dispatchEvent(new YinyomToggleEvent({ view: this.view, open: true }));
  }

  /**
   * Closes the dialog; focus returns to the opener if it is still in the page, else (the banner
   * that opened it has closed) to the manage button if there is one. Waits a task first, so
   * that elements reacting to a decision have re-rendered.
   */
  async hide(): Promise<void> {
    if (!this.host.open) return;
    this.#dialog()?.close();
    this.host.open = false;
    this.host.dispatchEvent(new YinyomToggleEvent({ view: this.view, open: false }));
    await new Promise((resolve) => setTimeout(resolve));
    const opener = this.#opener;
    (opener?.isConnected && opener !== document.body ? opener : document.querySelector<HTMLElement>('yinyom-manage'))?.focus();
  }

  /** Escape, or a `close()` from outside. A dialog closed before a reopen fires late: ignore it. */
  readonly closed = (event: Event): void => {
    if (event.target === this.#dialog()) void this.hide();
  };

  #dialog() {
    return this.host.renderRoot.querySelector('dialog');
  }
}
