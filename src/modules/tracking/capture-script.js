/*! Influencemart click capture: keeps affiliate_click_id for checkout. */
(function (w, d) {
  var K = 'im_click_id', V = /^clk_[\w-]{22,64}$/, s = d.currentScript, ls;
  var attr = function (n) { return s && s.getAttribute('data-' + n); };
  var q = /[?&]days=(\d+)/.exec(s ? s.src : '');
  var days = +(attr('cookie-days') || (q && q[1]) || 30), dom = attr('cookie-domain');
  try { ls = w.localStorage; } catch (e) {}

  function read() {
    var c = (d.cookie.match('(?:^|; )' + K + '=([^;]*)') || [])[1];
    if (V.test(c)) return c;
    try {
      var v = JSON.parse(ls.getItem(K));
      if (v && V.test(v.id) && v.exp > Date.now()) return v.id;
    } catch (e) {}
    return null;
  }

  // days = 0: last click only, kept for this browser session and nowhere else.
  function save(id) {
    var age = days * 86400;
    d.cookie = K + '=' + id + '; path=/; SameSite=Lax' + (days ? '; max-age=' + age : '') +
      (dom ? '; domain=' + dom : '') + (location.protocol == 'https:' ? '; Secure' : '');
    try { days ? ls.setItem(K, JSON.stringify({ id: id, exp: Date.now() + age * 1e3 })) : ls.removeItem(K); } catch (e) {}
  }

  // Hidden <input name="click_id"> fields in checkout forms carry the id to the merchant's backend.
  function fill(root) {
    var id = read(), f = (root && root.querySelectorAll ? root : d).querySelectorAll('input[name="click_id"]');
    for (var i = 0; id && i < f.length; i++) f[i].value = id;
    return id;
  }

  var id = new URLSearchParams(location.search).get('affiliate_click_id');
  if (V.test(id)) save(id);
  w.influencemart = { clickId: read, fill: fill };
  d.readyState == 'loading' ? d.addEventListener('DOMContentLoaded', function () { fill(); }) : fill();
  d.addEventListener('submit', function (e) { fill(e.target); }, true);
})(window, document);
