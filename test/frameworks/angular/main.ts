// <yinyom-consent> in an Angular component, compiled ahead of time: CUSTOM_ELEMENTS_SCHEMA,
// (yinyom-input) for the boxes, the consent value read on submit, and a signal kept current
// by consent.on('change'), unsubscribed in ngOnDestroy. Angular 21 is zoneless by default:
// the signal drives the update.
import { Component, CUSTOM_ELEMENTS_SCHEMA, type OnDestroy, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { createConsent } from 'yinyom';
import 'yinyom/elements/consent';
import { config, readSubmitted } from '../config';

const consent = createConsent(config, { ui: false });

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <form (submit)="onSubmit($event)">
      <yinyom-consent name="consent" purposes="photo-publicity" (yinyom-input)="onInput($event)"></yinyom-consent>
      <button>ส่ง</button>
      <output id="photo">{{ photo() ?? 'undefined' }}</output>
    </form>
  `,
})
class App implements OnDestroy {
  readonly photo = signal(consent.get('photo-publicity'));
  readonly #off = consent.on('change', () => this.photo.set(consent.get('photo-publicity')));

  onInput(event: GlobalEventHandlersEventMap['yinyom-input']) {
    window.inputs.push(event.detail.choices);
  }
  onSubmit(event: SubmitEvent) {
    event.preventDefault();
    readSubmitted(event.currentTarget as HTMLFormElement);
  }
  ngOnDestroy() {
    this.#off();
  }
}

document.querySelector('#root')!.append(document.createElement('app-root'));
bootstrapApplication(App);
