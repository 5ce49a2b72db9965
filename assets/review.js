/* The review page's enhancements: each decision saved as it is made, and keyboard shortcuts (j/k/a/d). */
(function () {
  'use strict';
  var form = document.getElementById('review-items');
  if (!form) return;
  var assessment = form.getAttribute('data-assessment');
  var texts = form.dataset;
  var status = document.getElementById('review-save-status');
  var shortcuts = document.getElementById('review-shortcuts');
  if (shortcuts) shortcuts.hidden = false;
  var items = Array.prototype.slice.call(form.querySelectorAll('.rv-item'));
  var current = -1;

  function say(el, text) {
    if (el) el.textContent = text;
  }

  function decisionOf(item) {
    var chosen = item.querySelector('[data-decision]:checked');
    return chosen ? chosen.value : '';
  }

  function save(item) {
    var decision = decisionOf(item);
    if (!decision) return;
    var note = item.querySelector('[data-note]');
    var rating = item.querySelector('[data-rating]');
    var body = { group: item.getAttribute('data-group'), itemKey: item.getAttribute('data-key'), decision: decision };
    if (note && note.value.trim()) body.note = note.value.trim();
    if (decision === 'adjust' && rating && rating.value) body.rating = rating.value;
    // A verdict that needs words waits for them: the service would refuse it anyway.
    if (decision !== 'accept' && !body.note) return;
    if (decision === 'adjust' && !body.rating) return;
    var itemStatus = item.querySelector('[data-item-status]');
    say(itemStatus, texts.saving);
    fetch('/api/assessments/' + encodeURIComponent(assessment) + '/review/items', {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': document.body.getAttribute('data-csrf') },
      body: JSON.stringify({ decisions: [body] }),
    })
      .then(function (res) {
        return res
          .json()
          .catch(function () {
            return {};
          })
          .then(function (json) {
            if (res.ok) {
              say(itemStatus, texts.saved);
              say(status, texts.saved);
              var label = item.querySelector('[data-decision]:checked + label');
              say(item.querySelector('[data-verdict-text]'), label ? label.textContent : '');
              item.className = item.className.replace(
                /rv-(pending|accepted|adjusted|sent-back)/,
                'rv-' + statusOf(decision),
              );
              return;
            }
            var english = document.documentElement.lang === 'en';
            var problem = json.errors && json.errors[0];
            var reason = problem
              ? english
                ? problem.messageEn
                : problem.message
              : english
                ? json.messageEn
                : json.message;
            var text = (texts.error || '').replace('{reason}', reason || String(res.status));
            say(itemStatus, text);
            say(status, text);
          });
      })
      .catch(function () {
        say(itemStatus, (texts.error || '').replace('{reason}', '—'));
      });
  }

  function statusOf(decision) {
    return decision === 'accept' ? 'accepted' : decision === 'adjust' ? 'adjusted' : 'sent-back';
  }

  form.addEventListener('change', function (event) {
    var item = event.target.closest('.rv-item');
    if (item) save(item);
  });

  function focusItem(index) {
    if (items.length === 0) return;
    current = Math.max(0, Math.min(items.length - 1, index));
    items[current].focus();
  }

  function choose(item, value) {
    var radio = item.querySelector('[data-decision][value="' + value + '"]');
    if (!radio) return;
    radio.checked = true;
    save(item);
  }

  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var t = event.target;
    // Never take a key typed into a field.
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) {
      if (!(t.tagName === 'INPUT' && t.type === 'radio')) return;
    }
    var inItem = t && t.closest ? t.closest('.rv-item') : null;
    if (inItem) current = items.indexOf(inItem);
    if (event.key === 'j') focusItem(current + 1);
    else if (event.key === 'k') focusItem(current - 1);
    else if (event.key === 'a' && current >= 0) choose(items[current], 'accept');
    else if (event.key === 'd' && current >= 0) {
      choose(items[current], 'send-back');
      var note = items[current].querySelector('[data-note]');
      if (note) note.focus();
    } else return;
    event.preventDefault();
  });
})();
