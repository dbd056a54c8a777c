// A React 19 app as a vendor would write it, under StrictMode: the consent instance made in an
// effect and stopped in its cleanup, <yinyom-consent name> in a form, and useConsent.
import { StrictMode, useEffect, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { createConsent, type ConsentApi } from 'yinyom';
import { useConsent } from 'yinyom/react';
import 'yinyom/elements/consent';

const config = {
  controller: { name: 'สถาบันตัวอย่าง' },
  notice: { id: 'notice', version: '1', sections: [{ kind: 'other', title: 'ประกาศ', body: [] }] },
  categories: [{ id: 'necessary', required: true, title: 'คุกกี้ที่จำเป็น' }],
  purposes: [{ id: 'photo-publicity', title: 'ภาพถ่ายในสื่อประชาสัมพันธ์' }],
};

declare global {
  interface Window {
    submitted?: unknown;
    inputs: unknown[];
    instances: number;
  }
}
window.inputs = [];
window.instances = 0;

function Status({ consent }: { consent: ConsentApi | undefined }) {
  const photo = useConsent(consent, 'photo-publicity');
  return <output id="photo">{String(photo)}</output>;
}

function App() {
  const [consent, setConsent] = useState<ConsentApi>();
  useEffect(() => {
    const stop = new AbortController();
    window.instances++;
    setConsent(createConsent(config, { ui: false, signal: stop.signal }));
    return () => stop.abort();
  }, []);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    window.submitted = JSON.parse(String(new FormData(event.currentTarget).get('consent')));
  };
  return (
    <form onSubmit={submit}>
      <yinyom-consent name="consent" purposes="photo-publicity" onyinyom-input={(event) => window.inputs.push(event.detail.choices)} />
      <button>ส่ง</button>
      <Status consent={consent} />
    </form>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
