// What a host page may do with the widget's events and API; see README.md,
// "Embedding". External (not inline) so the page works under a strict CSP.
const log = document.getElementById('event-log');

for (const name of ['ticket-widget:ready', 'ticket-widget:submitted', 'ticket-widget:error']) {
  // The events bubble, so one listener on the document sees every widget.
  document.addEventListener(name, (event) => {
    const item = document.createElement('li');
    item.textContent = `${event.target.id || 'widget'} ${name} ${JSON.stringify(event.detail)}`;
    log.append(item);
  });
}

// Buttons of the host page open a widget at one category's form.
for (const button of document.querySelectorAll('[data-open-category]')) {
  button.addEventListener('click', () => {
    const host = document.getElementById('account-widget');
    window.TicketWidget?.open(host, button.dataset.openCategory);
  });
}
