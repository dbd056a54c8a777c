import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../src/elements.js';
import { freshConsent, resetPage } from './helpers.js';

type Declarations = Map<PropertyKey, { attribute?: string | boolean; state?: boolean; reflect?: boolean; type?: unknown }>;

// React 19 sets a property, not an attribute, for every prop of a custom element whose name is
// a property of it: each attribute of the six elements must be settable as a property.
describe('every attribute is also a settable property (React 19)', () => {
  beforeEach(() => freshConsent());
  afterEach(resetPage);

  for (const tag of ['yinyom-banner', 'yinyom-preferences', 'yinyom-notice', 'yinyom-consent', 'yinyom-manage', 'yinyom-receipts']) {
    it(tag, async () => {
      const element = document.createElement(tag) as LitElement & Record<string, unknown>;
      document.body.append(element);
      // A Lit element declares its properties; the banner, a plain element, its observed attributes (reflected properties).
      const constructor = customElements.get(tag) as unknown as { elementProperties?: Declarations; observedAttributes: string[] };
      const declared: Declarations =
        constructor.elementProperties ??
        new Map(
          constructor.observedAttributes.map((attribute) => {
            const property = attribute.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
            return [property, { attribute, reflect: true, type: typeof element[property] === 'boolean' ? Boolean : String }];
          }),
        );
      const attributes = [...declared].filter(([, options]) => !options.state && options.attribute !== false);
      // Form-associated: the name the form data is keyed by.
      const settable: Array<[string, unknown, string | null]> = tag === 'yinyom-consent' ? [['name', 'consent', 'consent']] : [];
      for (const [property, options] of attributes) {
        const attribute = typeof options.attribute === 'string' ? options.attribute : String(property).toLowerCase();
        const value = options.type === Boolean ? true : property === 'ageBand' ? '10-19' : 'x';
        settable.push([String(property), value, options.reflect ? (value === true ? '' : String(value)) : null]);
        expect(element.constructor as unknown as { observedAttributes: string[] }).to.have.property('observedAttributes').that.includes(attribute);
      }
      expect(settable.length, 'the element has attributes').to.be.above(0);
      for (const [property, value] of settable) {
        expect(() => (element[property] = value), `${tag}.${property} =`).not.to.throw();
        expect(element[property], `${tag}.${property}`).to.equal(value);
      }
      await element.updateComplete;
      for (const [property, , reflected] of settable) {
        if (reflected === null) continue;
        const attribute = property === 'name' ? 'name' : String(property).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
        expect(element.getAttribute(attribute), `${tag}.${property} reflects to [${attribute}]`).to.equal(reflected);
      }
    });
  }
});
