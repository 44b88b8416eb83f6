// Proof of work for Tidings subscribe forms (no third-party CAPTCHA). On submit, fetches a
// signed challenge from the form's data-pow URL, finds a nonce whose SHA-256 of
// "challenge:nonce" starts with `difficulty` zero bits, fills the hidden fields and sends the
// form. Works on the hosted page and in the snippet on another site (the challenge URL allows
// cross-origin reads; no cookies are involved).
(function () {
  "use strict";
  var K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ];
  var W = new Int32Array(64);

  // The first 32 bits of SHA-256 of an ASCII string (all the check needs: difficulty <= 32).
  function sha256First(str) {
    var n = str.length, blocks = ((n + 8) >> 6) + 1, words = new Int32Array(blocks * 16), i;
    for (i = 0; i < n; i++) words[i >> 2] |= (str.charCodeAt(i) & 0xff) << (24 - (i & 3) * 8);
    words[n >> 2] |= 0x80 << (24 - (n & 3) * 8);
    words[blocks * 16 - 1] = n * 8;
    var h0 = 0x6a09e667, h1 = 0xbb67ae85, h2 = 0x3c6ef372, h3 = 0xa54ff53a,
        h4 = 0x510e527f, h5 = 0x9b05688c, h6 = 0x1f83d9ab, h7 = 0x5be0cd19;
    for (var b = 0; b < blocks; b++) {
      for (i = 0; i < 16; i++) W[i] = words[b * 16 + i];
      for (i = 16; i < 64; i++) {
        var x = W[i - 15], y = W[i - 2];
        var s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        var s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
      }
      var a = h0, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7, bb = h1;
      for (i = 0; i < 64; i++) {
        var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
        var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var t2 = (S0 + ((a & bb) ^ (a & c) ^ (bb & c))) | 0;
        h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = bb; bb = a; a = (t1 + t2) | 0;
      }
      h0 = (h0 + a) | 0; h1 = (h1 + bb) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
      h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
    }
    return h0 >>> 0;
  }

  function solve(challenge, difficulty, done) {
    var limit = difficulty >= 32 ? 1 : Math.pow(2, 32 - difficulty), nonce = 0, prefix = challenge + ":";
    (function chunk() {
      var end = nonce + 20000;
      for (; nonce < end; nonce++) {
        if (sha256First(prefix + nonce) < limit) return done(String(nonce));
      }
      setTimeout(chunk, 0); // let the page breathe
    })();
  }

  function wire(form) {
    var status = form.querySelector(".pow-status");
    var busy = false;
    form.addEventListener("submit", function (ev) {
      if (form.elements.pow_nonce && form.elements.pow_nonce.value) return; // solved: send
      ev.preventDefault();
      if (busy) return;
      busy = true;
      if (status) { status.hidden = false; status.textContent = "Checking your browser…"; }
      fetch(form.getAttribute("data-pow"), { credentials: "omit" })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (c) {
          solve(c.challenge, c.difficulty, function (nonce) {
            form.elements.pow_challenge.value = c.challenge;
            form.elements.pow_nonce.value = nonce;
            if (status) status.textContent = "Sending…";
            HTMLFormElement.prototype.submit.call(form);
          });
        })
        .catch(function () {
          busy = false;
          if (status) status.textContent = "The check could not start. Please try again in a moment.";
        });
    });
  }

  function init() {
    var forms = document.querySelectorAll("form[data-pow]");
    for (var i = 0; i < forms.length; i++) wire(forms[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
