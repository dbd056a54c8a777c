/** What Yinyom asks of a Trusted Types policy. */
export interface TrustedTypesPolicy {
  createScript(text: string): string;
  createScriptURL(url: string): string;
}

let policy: TrustedTypesPolicy | undefined;

/*
 * Under `require-trusted-types-for 'script'`, script text and src need a policy. The one
 * policy, named "yinyom", is created when first needed (the script tag's own modules on a
 * first visit, or a gated script's activation), and only ever passes through Yinyom's own file
 * URLs and the text and src the page itself wrote in its markup. Where the page's CSP does not
 * list "yinyom", createPolicy throws and the browser's message says so. A page can create a
 * policy of a given name only once, so every caller shares this one.
 */
export function trustedTypesPolicy(): TrustedTypesPolicy | undefined {
  const factory = (window as { trustedTypes?: { createPolicy(name: string, rules: object): TrustedTypesPolicy } }).trustedTypes;
  return (policy ??= factory?.createPolicy('yinyom', { createScript: (s: string) => s, createScriptURL: (s: string) => s }));
}
