// A tiny shop that integrates with Influencemart the way a real store would: capture.js keeps the
// affiliate's click id, checkout reports the order with the SDK, and webhooks are verified and shown.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { InfluencemartClient, InfluencemartError, verifyWebhook } from '../../sdk/dist/index.js';

const PRODUCT = { sku: 'TRAIL-SHOES', name: 'Trail running shoes', price: '4500.00', currency: 'NPR' };

/**
 * Start the store. `platformUrl` is the Influencemart server; the key pair is the merchant's test
 * pair. Resolves with { url, close, registerWebhooks }.
 */
export async function startStore({ platformUrl, publishableKey, signingSecret, port = 4100, host = '127.0.0.1' }) {
  const client = new InfluencemartClient({ baseUrl: platformUrl, publishableKey, signingSecret });
  const orders = new Map();
  const events = [];
  let webhookSecret;

  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url, 'http://store');
      if (request.method === 'GET' && (url.pathname === '/' || url.pathname === '/products/trail-shoes')) return send(response, 200, productPage(platformUrl));
      if (request.method === 'POST' && url.pathname === '/checkout') return send(response, 200, await checkout(new URLSearchParams(await readBody(request))));
      if (request.method === 'POST' && url.pathname.startsWith('/orders/') && url.pathname.endsWith('/deliver')) {
        const orderId = decodeURIComponent(url.pathname.split('/')[2]);
        const updated = await client.orders.update(orderId, { status: 'delivered' });
        return send(
          response,
          200,
          page(
            'Order delivered',
            `<p>Order <code>${escape(orderId)}</code> is now <strong>${escape(updated.status)}</strong>; its commission is on hold for the return window.</p><p><a href="/webhooks">Webhooks received</a></p>`,
          ),
        );
      }
      if (request.method === 'POST' && url.pathname === '/webhooks') return receiveWebhook(request, response, await readBody(request));
      if (request.method === 'GET' && url.pathname === '/webhooks') return send(response, 200, webhooksPage(events));
      return send(response, 404, page('Not found', '<p><a href="/">Back to the shop</a></p>'));
    } catch (error) {
      const detail = error instanceof InfluencemartError ? `${error.code}: ${error.message}` : String(error);
      return send(response, 502, page('Something went wrong', `<p role="alert">${escape(detail)}</p>`));
    }
  });

  async function checkout(form) {
    const orderId = `DEMO-${randomBytes(4).toString('hex').toUpperCase()}`;
    const clickId = form.get('click_id') || undefined;
    const conversion = await client.conversions.create({
      orderId,
      ...(clickId ? { clickId } : {}),
      amount: PRODUCT.price,
      currency: PRODUCT.currency,
      status: 'confirmed',
      items: [{ sku: PRODUCT.sku, qty: 1, price: PRODUCT.price }],
    });
    orders.set(orderId, conversion);
    const earned = conversion.commission
      ? `<p>Attributed to an affiliate: commission <strong data-testid="commission">${conversion.commission.currency} ${conversion.commission.amount}</strong> (${conversion.commission.status}).</p>`
      : `<p>Not attributed (${escape(conversion.unattributedReason ?? 'no click id')}).</p>`;
    return page(
      'Thank you for your order',
      `<p>Order <code data-testid="order-id">${orderId}</code> for ${PRODUCT.name}, ${PRODUCT.currency} ${PRODUCT.price}.</p>${earned}
       <form method="post" action="/orders/${orderId}/deliver"><button>Mark as delivered</button></form>
       <p><a href="/webhooks">Webhooks received</a></p>`,
    );
  }

  function receiveWebhook(request, response, body) {
    if (!webhookSecret) return send(response, 503, 'no webhook secret yet', 'text/plain');
    try {
      events.push(verifyWebhook(webhookSecret, body, request.headers));
      return send(response, 200, 'ok', 'text/plain');
    } catch {
      return send(response, 400, 'invalid signature', 'text/plain');
    }
  }

  await new Promise((resolve) => server.listen(port, host, resolve));
  const url = `http://${host}:${server.address().port}`;
  return {
    url,
    client,
    /** Register this store's /webhooks for every event (once per address) and keep the secret. */
    async registerWebhooks(publicUrl = url) {
      const endpointUrl = `${publicUrl}/webhooks`;
      const existing = (await client.webhookEndpoints.list({ pageSize: 200 })).data.find((endpoint) => endpoint.url === endpointUrl);
      if (existing) webhookSecret = (await client.webhookEndpoints.rotateSecret(existing.id)).secret;
      else webhookSecret = (await client.webhookEndpoints.create({ url: endpointUrl, events: ['*'] })).secret;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function productPage(platformUrl) {
  return page(
    PRODUCT.name,
    `<script src="${platformUrl}/js/capture.js" async></script>
     <p>Light, grippy and made for the trails around the valley.</p>
     <p><strong>${PRODUCT.currency} ${PRODUCT.price}</strong></p>
     <form method="post" action="/checkout">
       <input type="hidden" name="click_id">
       <button>Buy now</button>
     </form>`,
  );
}

function webhooksPage(events) {
  const rows = events.map((event) => `<li><code>${escape(event.type)}</code> ${escape(event.id)}</li>`).join('');
  return page('Webhooks received', events.length ? `<ul>${rows}</ul>` : '<p>None yet.</p>');
}

const page = (title, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} · Example store</title></head>` +
  `<body><header><a href="/">Example store</a></header><main><h1>${escape(title)}</h1>${body}</main></body></html>`;

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function send(response, status, body, type = 'text/html; charset=utf-8') {
  response.writeHead(status, { 'content-type': type });
  response.end(body);
}

async function readBody(request) {
  let body = '';
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 64 * 1024) throw new Error('body too large');
  }
  return body;
}
