// The one script a host page includes, served as dist/ticket-widget.js:
//   <script type="module" src="ticket-widget.js"></script>
// scripts/trunk-post-build writes it from this template after every Trunk
// build, filling in the hashed names of the wasm-bindgen glue and the wasm.
// It is an external module (deferred, never blocks the page) so that a host
// page needs no inline script under a strict Content-Security-Policy.
//
// Paths resolve against this file's own URL: the widget can be served from
// any directory or CDN path without rebuilding.
const base = import.meta.url;

// Fetching the wasm while the glue loads saves a round trip. A failed fetch
// is reported once, by init below.
const wasm = fetch(new URL('@WASM@', base));
wasm.catch(() => {});

let api;
try {
  const glue = await import(new URL('@GLUE@', base).href);
  // Starting the wasm runs its `main`, which mounts every
  // [data-ticket-widget] element and defines window.TicketWidget.
  await glue.default({ module_or_path: wasm });
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
