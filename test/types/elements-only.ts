// An app that imports only the elements still gets the core's document events typed.
import 'yinyom/elements';

document.addEventListener('yinyom-sync', (event) => {
  const sent: number = event.detail.sent;
  void sent;
});
