// "Try it out" on /docs signs each merchant API request in the browser with a test key pair the
// reader enters here. The pair stays in this tab's sessionStorage; it is never sent anywhere
// except as the signature and the publishable key of the reader's own requests.
(function () {
  const STORE = 'influencemart.docs.keys';
  const load = () => JSON.parse(window.sessionStorage.getItem(STORE) || '{}');

  const hex = (buffer) => Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');

  async function hmacHex(secret, message) {
    const encoder = new TextEncoder();
    const key = await window.crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return hex(await window.crypto.subtle.sign('HMAC', key, encoder.encode(message)));
  }

  // Called by Swagger UI's requestInterceptor for every request it sends.
  window.influencemartSign = async function (request) {
    const url = new URL(request.url, window.location.href);
    const { publishableKey, signingSecret } = load();
    if (!url.pathname.startsWith('/api/v1/') || url.pathname === '/api/v1/openapi.json' || !publishableKey || !signingSecret) return request;
    if (!window.crypto || !window.crypto.subtle) throw new Error('Signing in the browser needs https (or localhost).');
    const method = (request.method || 'GET').toUpperCase();
    const body = typeof request.body === 'string' ? request.body : request.body == null ? '' : JSON.stringify(request.body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    request.headers = request.headers || {};
    request.headers.Authorization = `Bearer ${publishableKey}`;
    request.headers['X-Timestamp'] = timestamp;
    request.headers['X-Signature'] = await hmacHex(signingSecret, `${timestamp}.${method}.${url.pathname}${url.search}.${body}`);
    if ((method === 'POST' || method === 'PATCH') && !request.headers['X-Idempotency-Key']) request.headers['X-Idempotency-Key'] = window.crypto.randomUUID();
    return request;
  };

  function keyPanel() {
    const saved = load();
    const panel = document.createElement('form');
    panel.className = 'influencemart-keys';
    panel.setAttribute('aria-label', 'Sign requests');
    panel.innerHTML = `
      <h2>Try it with your test keys</h2>
      <p>Requests sent with "Try it out" are signed here, in your browser, with the key pair below
      (use a test pair: <code>pk_test_…</code> and <code>sk_test_…</code>). The pair is kept only in
      this tab and forgotten when it closes.</p>
      <label>Publishable key <input name="publishableKey" autocomplete="off" spellcheck="false" placeholder="pk_test_…"></label>
      <label>Signing secret <input name="signingSecret" type="password" autocomplete="off" placeholder="sk_test_…"></label>
      <button type="submit">Use these keys</button>
      <button type="button" name="forget">Forget</button>
      <p role="status" aria-live="polite"></p>`;
    const status = panel.querySelector('[role=status]');
    const show = () => {
      const { publishableKey } = load();
      status.textContent = publishableKey ? `Signing with ${publishableKey}.` : 'Not signing: enter a key pair.';
    };
    panel.elements.publishableKey.value = saved.publishableKey || '';
    panel.addEventListener('submit', (event) => {
      event.preventDefault();
      const publishableKey = panel.elements.publishableKey.value.trim();
      const signingSecret = panel.elements.signingSecret.value.trim();
      window.sessionStorage.setItem(STORE, JSON.stringify({ publishableKey, signingSecret }));
      panel.elements.signingSecret.value = '';
      show();
    });
    panel.elements.forget.addEventListener('click', () => {
      window.sessionStorage.removeItem(STORE);
      panel.reset();
      show();
    });
    show();
    return panel;
  }

  window.addEventListener('load', () => {
    const root = document.getElementById('swagger-ui');
    if (root && root.parentNode) root.parentNode.insertBefore(keyPanel(), root);
  });
})();
