// Page glue for the demo, through the public API only (DESIGN.md section 7): buttons that
// open the consent UI, the notice language switch, the video placeholder, and the course
// chosen on the home page. Controls that need the SDK stay hidden until it has booted, so
// a page whose SDK failed to load shows no dead buttons.
(() => {
  const course = new URLSearchParams(location.search).get('course');
  const select = document.getElementById('course');
  if (course && select && [...select.options].some((o) => o.value === course)) select.value = course;

  (window.yinyom = window.yinyom || []).push((api) => {
    // The allergy field means something only with the s.26 consent ticked: it opens then
    // (a disabled field is not submitted, so no health data leaves without consent).
    const allergies = document.getElementById('dietary');
    if (allergies) {
      allergies.disabled = true;
      document.addEventListener('yinyom-input', (event) => {
        if (event.target.getAttribute('purposes') === 'dietary') allergies.disabled = event.detail.choices.dietary !== true;
      });
    }

    for (const button of document.querySelectorAll('[data-yinyom-show]')) {
      button.hidden = false;
      button.addEventListener('click', () => api.show(button.dataset.yinyomShow));
    }

    const langButtons = document.querySelectorAll('[data-yinyom-lang]');
    const showLanguage = () => {
      for (const b of langButtons) b.setAttribute('aria-pressed', String(b.dataset.yinyomLang === api.language()));
    };
    for (const b of langButtons) {
      b.closest('.lang-switch').hidden = false;
      b.addEventListener('click', () => {
        api.setLanguage(b.dataset.yinyomLang);
        showLanguage();
      });
    }
    showLanguage();

    // The gated iframe stays empty until its category is granted: say why meanwhile.
    const placeholders = document.querySelectorAll('[data-yinyom-placeholder]');
    const showPlaceholders = () => {
      for (const p of placeholders) p.hidden = api.get(p.dataset.yinyomPlaceholder) === true;
    };
    showPlaceholders();
    api.on('change', showPlaceholders);
  });
})();
