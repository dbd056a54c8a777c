// The floor of the returning visit: what any consent manager must do on it, and nothing else.
// It reads its decision from a cookie and, once the page is parsed, runs the one script that
// decision allows, as the bench's gated script is run by every subject. A first visit only
// sets the cookie. No subject can spend less script time on a returning visit than this, so
// the bench prints it beside target 3's 10 ms.
if (/(?:^|; )floor=1(?:;|$)/.test(document.cookie)) {
  document.addEventListener('DOMContentLoaded', () => {
    const script = document.createElement('script');
    script.src = '/bench/gated.js';
    document.body.append(script);
  });
} else {
  document.cookie = 'floor=1; path=/; max-age=3600; SameSite=Lax';
}
