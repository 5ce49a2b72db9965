/* The batch page: polls the batch's progress and moves the bar, the figures and the time left (the page reloads by itself without JavaScript). */
(function () {
  'use strict';
  var root = document.getElementById('batch');
  if (!root || root.dataset.over === '1') return;
  var started = Date.now();
  var fill = function (template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) {
      return String(values[name]);
    });
  };
  var duration = function (seconds) {
    var s = Math.max(0, Math.round(seconds));
    return s >= 60 ? Math.floor(s / 60) + ' min ' + String(s % 60).padStart(2, '0') + ' s' : s + ' s';
  };
  var set = function (id, value) {
    var el = document.getElementById(id);
    if (el) el.textContent = String(value);
  };
  var show = function (p) {
    var finished = p.done + p.failed;
    var over = p.status === 'done';
    var percent = over ? 100 : p.total === 0 ? 0 : Math.min(99, Math.floor((finished / p.total) * 100));
    var bar = document.getElementById('batch-bar');
    bar.value = percent;
    bar.textContent = percent + '%';
    set('batch-done', p.done);
    set('batch-failed', p.failed);
    set('batch-retried', p.retried);
    set('batch-total', p.total);
    var elapsed = (Date.now() - Math.min(started, Date.parse(p.startedAt))) / 1000;
    set(
      'batch-left',
      over
        ? duration(0)
        : finished === 0
          ? root.dataset.unknown
          : duration((elapsed / finished) * (p.total - finished)),
    );
    set(
      'batch-status',
      over
        ? fill(root.dataset.doneText, { done: p.done, failed: p.failed })
        : fill(root.dataset.running, { finished: finished, total: p.total, percent: percent }),
    );
    if (over) {
      root.dataset.over = '1';
      var refresh = document.getElementById('batch-refresh');
      if (refresh) refresh.hidden = true;
    }
    return over;
  };
  var poll = function () {
    fetch(root.dataset.api, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (r) {
        return r.ok ? r.json() : Promise.reject(new Error(String(r.status)));
      })
      .then(function (p) {
        if (!show(p)) setTimeout(poll, 1000);
      })
      .catch(function () {
        setTimeout(poll, 3000);
      });
  };
  setTimeout(poll, 500);
})();
