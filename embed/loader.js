// The one script a host page includes, served as dist/ticket-widget.js:
//   <script type="module" src="ticket-widget.js"></script>
// scripts/trunk-post-build writes it from this template after every Trunk
// build, filling in the hashed names of the wasm-bindgen glue, the wasm and
// the three language packs (each language's texts, written by build.rs).
// It is an external module (deferred, never blocks the page) so that a host
// page needs no inline script under a strict Content-Security-Policy.
//
// Paths resolve against this file's own URL: the widget can be served from
// any directory or CDN path without rebuilding.
const url = (name) => new URL(name, import.meta.url);

// Fetching the wasm while the glue loads saves a round trip. A failed fetch
// is reported once, by init below.
const wasm = fetch(url('@WASM@'));
wasm.catch(() => {});

// The wasm holds no text: each language's is a pack file. `load` fetches
// one, trying three times (after 0.3 s and 0.9 s again) before it gives up.
const packs = { en: '@PACK_EN@', 'zh-Hant': '@PACK_ZH_HANT@', 'zh-Hans': '@PACK_ZH_HANS@' };
const load = async (tag) => {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url(packs[tag]));
      if (response.ok) return await response.text();
      throw response.status;
    } catch (error) {
      if (attempt > 1) throw error;
      await new Promise((wake) => setTimeout(wake, 300 * 3 ** attempt));
    }
  }
};

// The language the first widget will most likely start in, by the rules of
// src/i18n/detect.rs: the host's data-lang, else the customer's remembered
// choice, else the language of a prerendered first step in the host, else
// the browser's languages, else English. Chinese: a script
// subtag decides (zh-Hans*, zh-Hant*), else the region (TW, HK, MO are
// zh-Hant); a bare zh and any other region are zh-Hans.
// Its pack is fetched now, with the wasm. Only a guess: the wasm decides,
// and fetches another pack if it needs one.
const lang = (() => {
  const tag = (t) => {
    const [first, ...rest] = t.trim().toLowerCase().replace(/_/g, '-').split('-');
    if (first == 'en') return 'en';
    if (first != 'zh') return null;
    if (rest.includes('hans')) return 'zh-Hans';
    return rest.some((s) => ['hant', 'tw', 'hk', 'mo'].includes(s)) ? 'zh-Hant' : 'zh-Hans';
  };
  const host = document.querySelector('[data-ticket-widget]');
  const fromPage = host?.dataset.lang && tag(host.dataset.lang);
  if (fromPage) return fromPage;
  try {
    const kept = (localStorage.getItem('ticket-widget.lang') || '').toLowerCase();
    const known = Object.keys(packs).find((t) => t.toLowerCase() == kept);
    if (known) return known;
  } catch {
    // Storage refused (private browsing): no remembered choice.
  }
  // A prerendered first step's language (src/prerender.rs).
  const first = host?.firstElementChild;
  if (first?.hasAttribute('data-ltw-stamp') && first.lang in packs) return first.lang;
  return [...(navigator.languages || [])].map((t) => t && tag(t)).find(Boolean) || 'en';
})();
const text = load(lang);
text.catch(() => {});

let api;
try {
  const glue = await import(url('@GLUE@').href);
  await glue.default({ module_or_path: wasm });
  // Defines window.TicketWidget and mounts every [data-ticket-widget]
  // element once its language's texts are in; then calls `done`.
  await new Promise((done) => glue.start(load, lang, text, done));
  api = globalThis.TicketWidget;
} catch (error) {
  // Without WebAssembly (or with a CSP lacking 'wasm-unsafe-eval') the host
  // elements keep whatever fallback content the page put in them.
  console.error('ticket-widget: the widget could not start', error);
  for (const host of document.querySelectorAll('[data-ticket-widget]')) {
    host.dispatchEvent(new CustomEvent('ticket-widget:error', {
      bubbles: true,
      detail: { kind: 'load', status: null },
    }));
  }
}

// `import TicketWidget from '…/ticket-widget.js'` in a host module waits for
// the widget to start; undefined if it could not.
export default api;
