// Type-checked with tsc --strict (test/server/types.test.mjs): the JSX types of yinyom/react.
import { createConsent } from 'yinyom';
import { useConsent } from 'yinyom/react';

const consent = createConsent({});

export function Registration() {
  const photo: boolean | undefined = useConsent(consent, 'photo-publicity');
  return (
    <form>
      <yinyom-consent
        name="consent"
        purposes="photo-publicity dietary"
        guardian
        age-band="10-19"
        onyinyom-input={(event) => void event.detail.choices.dietary}
        onyinyom-decision={(event) => void event.detail.receipt.id}
      />
      <yinyom-notice src="/notice.json" numerals="thai" />
      <yinyom-manage consents-href="/my-consents" floating />
      {/* @ts-expect-error: purposes is a text of ids */}
      <yinyom-consent purposes={1} />
      {/* @ts-expect-error: no such age band */}
      <yinyom-consent purposes="dietary" age-band="teen" />
      <output>{String(photo)}</output>
    </form>
  );
}
