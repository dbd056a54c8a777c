/** What the gate asks the decision state. */
export type Grants = (ids: string[]) => boolean;

const GATED = 'script[type="text/plain"][data-yinyom],iframe[data-yinyom][data-src]';

interface TrustedTypesPolicy {
  createScript(text: string): string;
  createScriptURL(url: string): string;
}
let policy: TrustedTypesPolicy | undefined;

/*
 * Under `require-trusted-types-for 'script'`, script text and src need a policy. The one
 * policy, named "yinyom", is created when a gated script is first activated, and only ever
 * passes through the text and src the page itself wrote in its markup. Where the page's CSP
 * does not list "yinyom", createPolicy throws and the browser's message says so.
 */
function trusted(): TrustedTypesPolicy | undefined {
  const factory = (window as { trustedTypes?: { createPolicy(name: string, rules: object): TrustedTypesPolicy } }).trustedTypes;
  return (policy ??= factory?.createPolicy('yinyom', { createScript: (s: string) => s, createScriptURL: (s: string) => s }));
}

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
  const tt = trusted();
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
 */
export function createGate(grants: Grants): (root?: ParentNode) => void {
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

  return (root = document) => {
    for (const element of within(root, GATED)) {
      if (!done.has(element) && grants(element.getAttribute('data-yinyom')!.split(/\s+/).filter(Boolean))) run(element);
    }
  };
}

/** `root` itself if it matches, and its matching descendants. */
function within(root: ParentNode, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  if (root instanceof Element && root.matches(selector)) found.unshift(root);
  return found;
}

/** The `yinyom-*` custom elements in `root` that are not defined yet. */
export function undefinedTags(root: ParentNode): string[] {
  return [...new Set(within(root, ':not(:defined)').map((el) => el.localName))].filter((tag) => tag.startsWith('yinyom-'));
}

/**
 * Calls `fn(document)` now, then `fn(element)` for each element added to the document later
 * (SPAs, late markup): only the added subtrees are scanned, so a busy page pays little.
 */
export function observeDocument(fn: (root: ParentNode) => void): MutationObserver {
  fn(document);
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) fn(node);
  });
  observer.observe(document, { childList: true, subtree: true });
  return observer;
}
