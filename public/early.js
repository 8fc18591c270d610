// Runs in <head> before the body is parsed (index.html), so before the first paint, and puts on
// <html> what the app will choose, so the prerendered page is not first drawn otherwise:
// - the language, as src/i18n/locale.ts's chooseLocale picks it (?lang=, then the choice stored by
//   the header switch, then the browser's languages); for Chinese CSS then shows the Chinese copy;
// - the theme a link asks for (?theme=dark, as boot.ts reads it): no white flash on a dark projector.
// A classic script of the page's own origin (CSP script-src 'self'); early.test.ts holds it to the app.
(function () {
  function match(tag) {
    if (!tag) return null;
    var t = String(tag).trim().toLowerCase().replace(/_/g, '-');
    if (t === 'en' || t.indexOf('en-') === 0) return 'en';
    if (t === 'zh' || t === 'zh-cn' || t === 'zh-sg' || t.indexOf('zh-hans') === 0) return 'zh-CN';
    return null;
  }
  var lang;
  try {
    lang = match(new URLSearchParams(location.search).get('lang'));
  } catch {
    lang = null;
  }
  if (!lang) {
    try {
      lang = match(localStorage.getItem('docker-network-lab.lang'));
    } catch {
      lang = null; // storage disabled: as the app, fall through to the browser's languages
    }
  }
  if (!lang) {
    var tags =
      navigator.languages && navigator.languages.length
        ? navigator.languages
        : [navigator.language];
    for (var i = 0; i < tags.length && !lang; i++) lang = match(tags[i]);
  }
  try {
    if (new URLSearchParams(location.search).get('theme') === 'dark') {
      document.documentElement.setAttribute('data-theme', 'dark');
    }
  } catch {
    // no URLSearchParams: the app sets the theme when it starts
  }
  if (lang === 'zh-CN') {
    document.documentElement.lang = 'zh-CN';
    document.documentElement.setAttribute('data-lang', 'zh-CN');
  }
})();
