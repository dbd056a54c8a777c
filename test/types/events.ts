// Type-checked by test/server/types.test.mjs with `tsc --strict`: what the README shows must compile.
import { createConsent, type ConsentState } from 'yinyom';

const consent = createConsent({});
document.addEventListener('yinyom-change', (event) => {
  const state: ConsentState = event.detail;
  const analytics: boolean | undefined = event.detail.choices.analytics;
  // @ts-expect-error: detail is typed, so a field it does not have is an error
  void event.detail.nope;
  void state, analytics;
});
document.addEventListener('yinyom-sync', (event) => {
  const waiting: number = event.detail.pending;
  void waiting;
});
void consent.get('analytics');
