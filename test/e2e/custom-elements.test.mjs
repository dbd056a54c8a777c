// dist/custom-elements.json, which package.json names for editors and Storybook: the six
// elements with their attributes, events, parts and CSS properties, and no internal state.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const manifest = JSON.parse(readFileSync(new URL(`../../${pkg.customElements}`, import.meta.url), 'utf8'));
const elements = Object.fromEntries(manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName, d]));
const names = (list = []) => list.map((entry) => entry.name);

test('describes the six elements: attributes, events, parts, CSS properties', () => {
  assert.deepEqual(Object.keys(elements).sort(), ['yinyom-banner', 'yinyom-consent', 'yinyom-manage', 'yinyom-notice', 'yinyom-preferences', 'yinyom-receipts']);
  assert.deepEqual(names(elements['yinyom-consent'].attributes).sort(), ['age-band', 'disabled', 'guardian', 'guardian-name', 'name', 'purposes', 'required']);
  assert.deepEqual(names(elements['yinyom-consent'].events), ['yinyom-input', 'yinyom-decision', 'yinyom-error']);
  assert.deepEqual(names(elements['yinyom-notice'].attributes), ['src', 'numerals', 'modal', 'open']);
  assert.deepEqual(names(elements['yinyom-manage'].attributes), ['floating', 'consents-href']);
  assert.deepEqual(names(elements['yinyom-receipts'].attributes), ['no-heading']);
  assert.ok(names(elements['yinyom-banner'].cssParts).includes('button'));
  assert.ok(names(elements['yinyom-banner'].cssProperties).includes('--yinyom-accent'));
  for (const element of Object.values(elements)) {
    assert.deepEqual(names(element.attributes).filter((name) => ['busy', 'error', 'checked', 'answers', 'entries', 'status'].includes(name)), [], `${element.tagName}: no internal state as an attribute`);
  }
});
