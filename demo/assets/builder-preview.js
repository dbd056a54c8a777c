// The builder's preview page: opens the view the builder asks for, whatever this browser has
// decided before (the preview shows what a first visitor sees).
(window.yinyom = window.yinyom || []).push((yinyom) => {
  const { view } = document.body.dataset;
  if (view === 'banner' || view === 'preferences') yinyom.show(view);
});
