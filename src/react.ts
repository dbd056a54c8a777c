/**
 * `yinyom/react`: `useConsent` and the JSX types of the six elements for React 18 and 19
 * (`react` is an optional peer dependency). The elements themselves come from
 * `yinyom/elements` or `yinyom/elements/<name>`; React 19 sets their attributes as properties
 * and listens to `on<event>` props, e.g. `onyinyom-decision`.
 *
 * @example
 * ```tsx
 * import { createConsent } from 'yinyom';
 * import { useConsent } from 'yinyom/react';
 * import 'yinyom/elements/consent';
 *
 * const consent = createConsent(config);
 * function Video() {
 *   return useConsent(consent, 'marketing') ? <iframe src="https://www.youtube-nocookie.com/embed/…" /> : <p>…</p>;
 * }
 * ```
 */
import { useCallback, useSyncExternalStore, type DetailedHTMLProps, type HTMLAttributes } from 'react';
import type { ConsentApi } from './core/types.js';
import type { YinyomDecisionEvent, YinyomErrorEvent, YinyomToggleEvent } from './ui/events.js';
import type { YinyomInputEvent } from './ui/consent/yinyom-input-event.js';

/**
 * `true` granted, `false` denied, `undefined` not decided (or unknown, or during server-side
 * rendering) for `id`, re-rendering the component on every change: a decision here, in
 * another tab, or a withdrawal. Safe under StrictMode: it only subscribes to `consent`.
 */
export function useConsent(consent: ConsentApi | undefined, id: string): boolean | undefined {
  const subscribe = useCallback((onChange: () => void) => consent?.on('change', onChange) ?? (() => undefined), [consent]);
  return useSyncExternalStore(
    subscribe,
    () => consent?.get(id),
    () => undefined,
  );
}

/** What every Yinyom element takes in JSX: React's HTML props, the shared events, and `consent`. */
type ElementProps<T> = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> &
  T & {
    /** The consent API the element uses; default: the page's instance. */
    consent?: ConsentApi;
    'onyinyom-decision'?: (event: YinyomDecisionEvent) => void;
    'onyinyom-error'?: (event: YinyomErrorEvent) => void;
  };
type Toggles = { 'onyinyom-toggle'?: (event: YinyomToggleEvent) => void };

/** The six elements' attributes and events, for `<yinyom-consent …>` in TSX. */
export interface YinyomIntrinsicElements {
  'yinyom-banner': ElementProps<Toggles & { open?: boolean }>;
  'yinyom-preferences': ElementProps<Toggles & { open?: boolean }>;
  'yinyom-notice': ElementProps<Toggles & { src?: string; numerals?: 'thai' | 'arabic'; modal?: boolean; open?: boolean }>;
  'yinyom-consent': ElementProps<{
    name?: string;
    purposes: string;
    required?: boolean;
    guardian?: boolean;
    'guardian-name'?: boolean;
    'age-band'?: 'adult' | '10-19' | 'under-10';
    disabled?: boolean;
    'onyinyom-input'?: (event: YinyomInputEvent) => void;
  }>;
  'yinyom-manage': ElementProps<{ floating?: boolean; 'consents-href'?: string }>;
  'yinyom-receipts': ElementProps<{ 'no-heading'?: boolean }>;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends YinyomIntrinsicElements {}
  }
}
