// The configuration page's one behaviour: each "Test connection" button asks the service to call that marketplace
// and shows the answer beside the button. POSTs carry the intent header the admin session requires.
(() => {
  'use strict';
  for (const button of document.querySelectorAll('button.test-connection')) {
    button.addEventListener('click', async () => {
      const out = button.parentElement.querySelector('output.test-result');
      out.className = 'test-result';
      out.textContent = 'testing…';
      button.disabled = true;
      try {
        const response = await fetch(`/api/connections/${encodeURIComponent(button.dataset.connection)}/test`,
          { method: 'POST', headers: { 'X-Cartona-Dashboard': '1', Accept: 'application/json' }, credentials: 'same-origin' });
        const body = await response.json().catch(() => ({}));
        if (!response.ok) {
          out.textContent = `HTTP ${response.status}${body.error ? ': ' + body.error : ''}`;
          out.classList.add('failing');
        } else {
          out.textContent = `${body.ok ? 'ok' : 'failed'}${body.message ? ': ' + body.message : ''}`;
          out.classList.add(body.ok ? 'ok' : 'failing');
          out.dataset.ok = String(body.ok);
        }
      } catch (e) {
        out.textContent = `the service did not answer: ${e.message}`;
        out.classList.add('failing');
      } finally {
        button.disabled = false;
      }
    });
  }
})();
