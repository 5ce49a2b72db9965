// MigraCidades pages: small enhancements; every page works without this script.
(function () {
  'use strict';
  var body = document.body;
  var root = document.documentElement;

  // eMAG shortcuts: Alt+1..4 (accesskey already does it in most browsers; this makes it the same everywhere).
  document.addEventListener('keydown', function (event) {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    var link = document.querySelector('[data-shortcut="' + event.key + '"]');
    if (!link) return;
    var target = document.getElementById(link.getAttribute('href').slice(1));
    if (!target) return;
    event.preventDefault();
    focusOn(target);
  });

  function focusOn(target) {
    if (!target.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) {
      target.setAttribute('tabindex', '-1');
    }
    target.focus();
  }

  // High contrast, remembered in this browser.
  var toggle = document.getElementById('contrast-toggle');
  function setContrast(on) {
    root.classList.toggle('web-contrast', on);
    if (toggle) toggle.setAttribute('aria-pressed', on ? 'true' : 'false');
  }
  try {
    setContrast(localStorage.getItem('mc-contrast') === '1');
  } catch (e) {
    setContrast(false);
  }
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener('click', function () {
      var on = !root.classList.contains('web-contrast');
      setContrast(on);
      try {
        localStorage.setItem('mc-contrast', on ? '1' : '0');
      } catch (e) {
        /* private mode: the choice lasts for this page */
      }
    });
  }

  // After a refused submit, the error summary takes the focus (eMAG 6.6).
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();

  // VLibras, when the deployment turns it on: its plugin (loaded from its own host) starts here.
  var vlibras = body.getAttribute('data-vlibras');
  if (vlibras) {
    window.addEventListener('load', function () {
      if (window.VLibras) new window.VLibras.Widget(vlibras);
    });
  }

  // Session: warn a few minutes before it ends, offer to extend it (eMAG 2.5).
  var seconds = Number(body.getAttribute('data-session-seconds'));
  var warning = document.getElementById('session-warning');
  if (!seconds || !warning) return;
  var WARN_BEFORE = 5 * 60;
  var text = warning.querySelector('[data-text]');
  var messages = document.getElementById('session-messages');
  var endsAt;
  var timers = [];
  function schedule(lifetime) {
    timers.forEach(clearTimeout);
    endsAt = Date.now() + lifetime * 1000;
    warning.hidden = true;
    timers = [setTimeout(warn, Math.max(0, (lifetime - WARN_BEFORE) * 1000)), setTimeout(ended, lifetime * 1000)];
  }
  function warn() {
    var minutes = Math.max(1, Math.round((endsAt - Date.now()) / 60000));
    text.textContent = text.getAttribute('data-text').replace('{minutes}', String(minutes));
    warning.hidden = false;
    document.getElementById('session-extend').focus();
  }
  function ended() {
    text.textContent = messages.getAttribute('data-ended');
    document.getElementById('session-extend').hidden = true;
    warning.hidden = false;
  }
  document.getElementById('session-extend').addEventListener('click', function () {
    fetch('/sessao/renovar', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'x-csrf-token': body.getAttribute('data-csrf') },
    })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (result) {
        schedule(result.expiresIn);
        text.textContent = messages.getAttribute('data-extended');
      })
      .catch(ended);
  });
  schedule(seconds);
})();
