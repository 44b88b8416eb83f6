/*
 * Tidings website tracker. Embed on the shop's pages:
 *
 *   <script>window.tidings=window.tidings||function(){(tidings.q=tidings.q||[]).push(arguments)};</script>
 *   <script src="PUBLIC_URL/t.js" async></script>     (PUBLIC_URL: this Tidings, http.public_url)
 *
 * then, once the visitor agreed in the site's consent banner: tidings('consent', true);
 * tidings('page'); tidings('event', 'product_viewed', {sku: 'A1'});
 * tidings('order', {id: '1001', amount: '49.90', currency: 'EUR', items: [...]}).
 *
 * Until consent it stores nothing and sends nothing. With Do Not Track or Global Privacy
 * Control on, it never sends anything at all. No cookies, ever: the random visitor id lives in
 * this site's localStorage after consent and is removed by tidings('consent', false).
 */
(function (w, d) {
  'use strict';
  var KEY = 'tidings_visitor';
  var PARAM = '_tdg';
  var script = d.currentScript;
  var base = script && script.src ? new URL(script.src).origin : '';
  var nav = w.navigator || {};
  var optedOut = nav.doNotTrack === '1' || w.doNotTrack === '1' || nav.globalPrivacyControl === true;
  var consent = false;
  var visitor = null;
  var link = null;

  // A tracked email click lands with a short-lived token naming the reader; it leaves the
  // address bar at once (so it is not bookmarked or shared) and is kept in memory only, to go
  // with the next hit if the visitor consents on this page.
  try {
    var here = new URL(w.location.href);
    if (here.searchParams.has(PARAM)) {
      link = here.searchParams.get(PARAM);
      here.searchParams.delete(PARAM);
      w.history.replaceState(w.history.state, '', here.pathname + here.search + here.hash);
    }
  } catch (e) { /* an old browser: no link */ }

  function randomId() {
    var b = new Uint8Array(16);
    w.crypto.getRandomValues(b);
    var s = '';
    for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? '0' : '') + b[i].toString(16);
    return s;
  }

  function visitorId() {
    if (visitor) return visitor;
    try { visitor = w.localStorage.getItem(KEY); } catch (e) { visitor = null; }
    if (!/^[0-9a-f]{32}$/.test(visitor || '')) {
      visitor = randomId();
      try { w.localStorage.setItem(KEY, visitor); } catch (e) { /* private mode: this page only */ }
    }
    return visitor;
  }

  function active() {
    return consent && !optedOut && base;
  }

  function send(hit) {
    if (!active()) return;
    hit.visitor = visitorId();
    if (link) { hit.link = link; link = null; }
    var body = JSON.stringify(hit);
    var url = base + '/t/collect';
    // text/plain keeps it a simple request (no preflight); no credentials, ever.
    if (w.fetch) {
      w.fetch(url, { method: 'POST', body: body, keepalive: true, mode: 'cors', credentials: 'omit',
        headers: { 'Content-Type': 'text/plain' } }).catch(function () {});
    } else if (nav.sendBeacon) {
      nav.sendBeacon(url, body);
    }
  }

  function page() {
    return { url: w.location.href, referrer: d.referrer || undefined };
  }

  // Subscribe forms of this Tidings on the page carry the visitor id, so the visit is linked
  // to the contact once the sign-up is confirmed. Never the other way: nothing is filled in.
  d.addEventListener('submit', function (ev) {
    var f = ev.target;
    if (!active() || !f || !f.action || f.action.indexOf(base + '/f/') !== 0) return;
    var input = f.querySelector('input[name="tidings_visitor"]');
    if (!input) {
      input = d.createElement('input');
      input.type = 'hidden';
      input.name = 'tidings_visitor';
      f.appendChild(input);
    }
    input.value = visitorId();
  }, true);

  var api = {
    consent: function (yes) {
      if (yes === true) {
        consent = true;
        return;
      }
      consent = false;
      visitor = null;
      link = null;
      try { w.localStorage.removeItem(KEY); } catch (e) { /* nothing stored */ }
    },
    page: function (properties) {
      var h = page();
      h.type = 'page_view';
      h.properties = properties;
      send(h);
    },
    event: function (name, properties) {
      var h = page();
      h.type = 'custom';
      h.name = name;
      h.properties = properties;
      delete h.referrer;
      send(h);
    },
    order: function (o) {
      o = o || {};
      send({ type: 'order', id: o.id == null ? undefined : String(o.id), amount: o.amount, currency: o.currency,
        items: o.items, properties: o.properties, url: w.location.href });
    }
  };

  function tidings(command) {
    var f = api[command];
    if (f) f.apply(null, Array.prototype.slice.call(arguments, 1));
  }

  var queued = (w.tidings && w.tidings.q) || [];
  w.tidings = tidings;
  for (var i = 0; i < queued.length; i++) tidings.apply(null, queued[i]);
})(window, document);
