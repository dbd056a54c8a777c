import type { ConsentApi, View } from '../../core/types.js';
import { defineElements } from '../define.js';

interface Openable extends HTMLElement {
  consent?: ConsentApi;
  show(): Promise<void>;
}

/**
 * Opens a view, creating its element when the page has none: the banner first in `<body>`
 * (first in the Tab order and the reading order; it is fixed, so no layout moves), the
 * dialogs at the end. The notice opens in a dialog, never in an inline `<yinyom-notice>` the
 * page placed itself.
 */
export async function open(view: View, api?: ConsentApi): Promise<void> {
  const tag = `yinyom-${view}`;
  // The notice is a page element in a chunk of its own; banner and dialog are registered already.
  await defineElements([tag]);
  let element = document.querySelector<Openable>(view === 'notice' ? `${tag}[modal]` : tag);
  if (!element) {
    element = document.createElement(tag) as Openable;
    if (view === 'notice') element.setAttribute('modal', '');
    document.body[view === 'banner' ? 'prepend' : 'append'](element);
  }
  if (api) element.consent = api;
  await element.show();
}

/** The focused element, looking inside shadow roots: where focus returns after a dialog. */
export function focusedElement(): HTMLElement | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element as HTMLElement | null;
}

/**
 * Gives focus back after a dialog closed: to `opener` if it is still in the page, else (the
 * banner that opened it has closed) to the manage button if there is one. Waits a task, so
 * that elements reacting to the decision have re-rendered first.
 */
export async function returnFocus(opener: HTMLElement | null): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  (opener?.isConnected && opener !== document.body ? opener : document.querySelector('yinyom-manage'))?.focus();
}
