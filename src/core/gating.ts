import { trustedTypesPolicy } from './trusted-types.js';

/** What the gate asks the decision state. */
export type Grants = (ids: string[]) => boolean;

const GATED = 'script[type="text/plain"][data-yinyom],iframe[data-yinyom][data-src]';
/** What the document observer reports: gated elements, and custom elements not yet defined. */
const WATCHED = `${GATED},:not(:defined)`;

/** Makes a runnable copy of a gated script: same attributes and nonce, real type. */
function activeCopy(gated: HTMLScriptElement): HTMLScriptElement {
  const script = document.createElement('script');
  for (const { name, value } of gated.attributes) {
    if (name !== 'type' && name !== 'src' && name !== 'data-type') script.setAttribute(name, value);
  }
  const type = gated.getAttribute('data-type');
  if (type) script.type = type;
  // A CSP header hides the nonce attribute; the property still holds it.
  script.nonce = gated.nonce;
  const tt = trustedTypesPolicy();
  const src = gated.getAttribute('src');
  if (src) script.src = (tt ? tt.createScriptURL(src) : src) as string;
  else script.text = (tt ? tt.createScript(gated.text) : gated.text) as string;
  return script;
}

/**
 * Runs `<script type="text/plain" data-yinyom="a b">` and loads `<iframe data-yinyom data-src>`
 * once all their categories are granted. Scripts run once each, in document order: a script
 * with `src` is awaited (load or error) before the next one starts, so a library and the
 * inline code that uses it keep their order. A script that throws affects nothing else.
 *
 * `nonce`: the nonce Yinyom itself runs with. Under `'strict-dynamic'` a script that a
 * trusted script inserts runs whatever its nonce, so activating any gated script would let
 * markup injected into the page (no nonce) run: with a nonce, only gated scripts that carry
 * the same one are activated, and the `yinyom` Trusted Types policy is used for no other.
 */
export function createGate(grants: Grants, nonce?: string): (candidates?: Iterable<Element>) => void {
  let queue = Promise.resolve();
  const done = new WeakSet<Element>();

  const run = (element: Element) => {
    done.add(element);
    if (element instanceof HTMLIFrameElement) {
      element.src = element.getAttribute('data-src')!;
      return;
    }
    queue = queue.then(
      () =>
        new Promise<void>((resolve) => {
          if (!element.isConnected) return resolve();
          const script = activeCopy(element as HTMLScriptElement);
          if (script.src) script.onload = script.onerror = () => resolve();
          element.replaceWith(script);
          if (!script.src) resolve();
        }).catch((error) => console.error('[yinyom] gating:', error)),
    );
  };

  // The property, not the attribute: a CSP header hides the attribute's value.
  const trustedElement = (element: Element) => !nonce || element instanceof HTMLIFrameElement || (element as HTMLScriptElement).nonce === nonce;
  return (candidates = document.querySelectorAll(GATED)) => {
    for (const element of candidates) {
      if (element.matches(GATED) && !done.has(element) && trustedElement(element) && grants(element.getAttribute('data-yinyom')!.split(/\s+/).filter(Boolean))) {
        run(element);
      }
    }
  };
}

/** The watched elements in `root`, `root` included. */
function watched(root: ParentNode): Element[] {
  const found = root.firstElementChild ? [...root.querySelectorAll(WATCHED)] : [];
  if (root instanceof Element && root.matches(WATCHED)) found.unshift(root);
  return found;
}

/**
 * Calls `fn` with the gated elements and undefined custom elements in the document now, then
 * with those in each batch of elements added later (SPAs, late markup). Only the added
 * subtrees are searched, one query each, so a busy page pays little.
 */
export function observeDocument(fn: (found: Element[]) => void): MutationObserver {
  fn(watched(document));
  const observer = new MutationObserver((records) => {
    const found: Element[] = [];
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) found.push(...watched(node));
    if (found.length) fn(found);
  });
  observer.observe(document, { childList: true, subtree: true });
  return observer;
}
