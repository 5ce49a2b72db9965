// The diagnosis page: autosave that never loses an answer. Every change is kept in localStorage at once
// (it survives a reload or a closed tab) and sent about a second later with the version it was based on;
// offline or on a failed request it waits and is retried; a conflict shows the other value and lets the
// official choose. The page works without this script (one form per group); all texts come from data-msg-*.
(function () {
  'use strict';
  var root = document.getElementById('diagnosis');
  if (!root || !window.fetch || !window.JSON) return;

  var assessment = root.getAttribute('data-assessment');
  var lang = root.getAttribute('data-lang');
  var locale = lang === 'en' ? 'en-GB' : 'pt-BR';
  var PREFIX = 'mc-diagnosis:' + assessment + ':';
  var DEBOUNCE_MS = 800;
  var RETRY_MS = 5000;
  var statusEl = document.getElementById('dg-status');
  var alertEl = document.getElementById('dg-alert');

  var items = {};
  var pending = {};
  var conflicts = {};
  var timer = null;
  var inFlight = false;
  var halted = false;
  var sessionEnded = false;

  Array.prototype.forEach.call(root.querySelectorAll('.dg-item'), function (el) {
    items[keyOf(el)] = el;
  });

  function keyOf(item) {
    return item.getAttribute('data-group') + '/' + item.getAttribute('data-key');
  }

  function msg(name, params) {
    var text = root.getAttribute('data-msg-' + name) || '';
    return text.replace(/\{([a-zA-Z0-9]+)\}/g, function (whole, p) {
      return params && params[p] !== undefined ? String(params[p]) : whole;
    });
  }

  function timeNow() {
    return new Date().toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', hour12: false });
  }

  // --- storage: one entry per item, { group, itemKey, value, evidence?, baseVersion } ---
  function store(key, entry) {
    try {
      localStorage.setItem(PREFIX + key, JSON.stringify(entry));
    } catch (e) {
      /* storage full or disabled: the change still goes out from memory */
    }
  }
  function unstore(key) {
    try {
      localStorage.removeItem(PREFIX + key);
    } catch (e) {
      /* nothing kept */
    }
  }
  function stored() {
    var out = [];
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var k = localStorage.key(i);
        if (k && k.indexOf(PREFIX) === 0)
          out.push({ key: k.slice(PREFIX.length), entry: JSON.parse(localStorage.getItem(k)) });
      }
    } catch (e) {
      return out;
    }
    return out;
  }

  // --- reading and writing the controls ---
  function answers(item) {
    return item.querySelectorAll('[data-answer]');
  }
  function readValue(item) {
    var type = item.getAttribute('data-type');
    var controls = answers(item);
    var i;
    if (type === 'yes-partial-no' || type === 'single-choice') {
      for (i = 0; i < controls.length; i++) {
        var c = controls[i];
        if (c.tagName === 'SELECT') return c.value === '' ? null : c.value;
        if (c.checked) return c.value;
      }
      return undefined;
    }
    if (type === 'multiple-choice') {
      var chosen = [];
      for (i = 0; i < controls.length; i++) if (controls[i].checked) chosen.push(controls[i].value);
      return chosen.length ? chosen : null;
    }
    var raw = controls[0] ? controls[0].value.trim() : '';
    if (raw === '') return null;
    if (type === 'number') return /^-?\d+([.,]\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) : NaN;
    if (type === 'evidence') return { url: raw };
    return raw;
  }
  function writeValue(item, value) {
    var type = item.getAttribute('data-type');
    var controls = answers(item);
    var list = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
    for (var i = 0; i < controls.length; i++) {
      var c = controls[i];
      if (c.type === 'radio' || c.type === 'checkbox') c.checked = list.indexOf(c.value) >= 0;
      else if (c.tagName === 'SELECT') c.value = list.length ? String(list[0]) : '';
      else if (type === 'evidence') c.value = value && value.url ? value.url : '';
      else if (type === 'number' && typeof value === 'number')
        c.value = lang === 'en' ? String(value) : String(value).replace('.', ',');
      else c.value = value === null || value === undefined ? '' : String(value);
    }
  }
  function savedValue(item) {
    return JSON.parse(item.getAttribute('data-value') || 'null');
  }
  function files(item) {
    return JSON.parse(item.getAttribute('data-files') || '[]');
  }
  function evidenceList(item) {
    var url = item.querySelector('[data-evidence-url]');
    var list = files(item).slice();
    if (url && url.value.trim()) list.push({ url: url.value.trim() });
    return list;
  }
  function labelFor(item, value) {
    if (value === null || value === undefined) return msg('none');
    var type = item.getAttribute('data-type');
    var list = Array.isArray(value) ? value : [value];
    if (type === 'yes-partial-no' || type === 'single-choice' || type === 'multiple-choice') {
      return list
        .map(function (v) {
          var input = item.querySelector('[data-answer][value="' + String(v).replace(/"/g, '') + '"]');
          if (input && input.tagName === 'OPTION') return input.textContent;
          var option = item.querySelector('option[value="' + String(v).replace(/"/g, '') + '"]');
          if (option) return option.textContent;
          var label = input && item.querySelector('label[for="' + input.id + '"]');
          return label ? label.textContent : String(v);
        })
        .join(', ');
    }
    if (type === 'evidence') return value.url || msg('none');
    if (type === 'number') return lang === 'en' ? String(value) : String(value).replace('.', ',');
    return String(value);
  }

  // --- what the page says ---
  function itemStatus(item, text, kind) {
    var el = item.querySelector('[data-item-status]');
    if (!el) return;
    el.textContent = text;
    el.className = 'dg-item-status' + (kind ? ' dg-' + kind : '');
  }
  function pageStatus(text, kind) {
    statusEl.textContent = text;
    statusEl.className = 'dg-status' + (kind ? ' dg-' + kind : '');
  }
  function setVersion(item, version) {
    item.setAttribute('data-version', String(version));
    var field = item.querySelector('[data-version-field]');
    if (field) field.value = String(version);
    var upload = document.querySelector('.dg-upload-form[data-item="' + item.id + '"] [data-upload-version]');
    if (upload) upload.value = String(version);
  }

  // --- conditions: an item shows when the item it depends on is shown and holds one of the values ---
  function updateVisibility(group) {
    var shown = {};
    Array.prototype.forEach.call(group.querySelectorAll('.dg-item'), function (item) {
      var on = true;
      var depends = item.getAttribute('data-condition-item');
      if (depends) {
        var parent = items[item.getAttribute('data-group') + '/' + depends];
        var values = JSON.parse(item.getAttribute('data-condition-values') || '[]');
        var current = parent ? readValue(parent) : undefined;
        var given = Array.isArray(current) ? current : [current];
        on =
          !!parent &&
          shown[depends] === true &&
          given.some(function (v) {
            return values.indexOf(v) >= 0;
          });
      }
      shown[item.getAttribute('data-key')] = on;
      item.hidden = !on;
      var enabled = on && item.hasAttribute('data-editable');
      item.querySelector('.dg-fieldset').disabled = !enabled;
      var field = item.querySelector('[data-version-field]');
      if (field) field.disabled = !enabled;
    });
  }

  // --- queueing a change ---
  function queue(item, evidenceChanged) {
    var key = keyOf(item);
    var value = readValue(item);
    if (typeof value === 'number' && isNaN(value)) {
      itemStatus(item, msg('number', { item: item.getAttribute('data-number') }), 'error');
      return;
    }
    if (value === undefined) value = savedValue(item);
    var before = pending[key];
    var entry = {
      group: item.getAttribute('data-group'),
      itemKey: item.getAttribute('data-key'),
      value: value,
      baseVersion: before ? before.baseVersion : Number(item.getAttribute('data-version')),
    };
    if (evidenceChanged) entry.evidence = evidenceList(item);
    else if (before && before.evidence) entry.evidence = before.evidence;
    if (value === null && entry.evidence && entry.evidence.length) {
      itemStatus(item, msg('answer-first'), 'error');
      return;
    }
    pending[key] = entry;
    store(key, entry);
    halted = false;
    itemStatus(item, '', null);
    schedule(DEBOUNCE_MS);
  }
  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(flush, delay);
  }

  // --- sending ---
  function flush() {
    if (inFlight || sessionEnded) return;
    var keys = Object.keys(pending).filter(function (k) {
      return !conflicts[k] && items[k];
    });
    if (!keys.length) return;
    var sent = keys.map(function (k) {
      return { key: k, entry: pending[k] };
    });
    inFlight = true;
    pageStatus(msg('saving'), null);
    fetch('/api/assessments/' + encodeURIComponent(assessment) + '/answers', {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': document.body.getAttribute('data-csrf') },
      body: JSON.stringify({
        answers: sent.map(function (s) {
          var a = {
            group: s.entry.group,
            itemKey: s.entry.itemKey,
            value: s.entry.value,
            expectedVersion: s.entry.baseVersion,
          };
          if (s.entry.evidence) a.evidence = s.entry.evidence;
          return a;
        }),
      }),
    })
      .then(function (res) {
        return res
          .json()
          .catch(function () {
            return {};
          })
          .then(function (body) {
            answered(res.status, body, sent);
          });
      })
      .catch(function () {
        waiting(sent);
      })
      .then(function () {
        inFlight = false;
        var left = Object.keys(pending).some(function (k) {
          return !conflicts[k];
        });
        if (
          left &&
          !halted &&
          !sessionEnded &&
          window.navigator.onLine !== false &&
          statusEl.className.indexOf('dg-waiting') < 0
        )
          schedule(DEBOUNCE_MS);
      });
  }

  function answered(status, body, sent) {
    if (status >= 200 && status < 300) return saved(body, sent);
    if (status === 401) return ended();
    if (status === 409 && body.code === 'STALE_ANSWER') return conflicted(body, sent);
    if (status >= 500 || status === 0 || status === 408 || status === 429) return waiting(sent);
    refused(body, sent);
  }

  function saved(body, sent) {
    var at = timeNow();
    (body.saved || []).forEach(function (s) {
      var key = s.group + '/' + s.itemKey;
      var item = items[key];
      var mine = sent.filter(function (x) {
        return x.key === key;
      })[0];
      if (!item || !mine) return;
      setVersion(item, s.version);
      item.setAttribute('data-value', JSON.stringify(mine.entry.value));
      if (mine.entry.evidence) {
        item.setAttribute(
          'data-files',
          JSON.stringify(
            mine.entry.evidence.filter(function (e) {
              return e.file;
            }),
          ),
        );
      }
      if (pending[key] === mine.entry) {
        delete pending[key];
        unstore(key);
      } else if (pending[key]) {
        pending[key].baseVersion = s.version;
        store(key, pending[key]);
      }
      var carried = item.querySelector('.dg-carried');
      if (carried) carried.hidden = true;
      itemStatus(item, msg('saved', { time: at }), 'saved');
    });
    pageStatus(msg('saved', { time: at }), null);
  }

  function ended() {
    sessionEnded = true;
    alertEl.querySelector('[data-text]').textContent = msg('session');
    alertEl.hidden = false;
    pageStatus('', null);
  }

  function waiting(sent) {
    sent.forEach(function (s) {
      if (items[s.key]) itemStatus(items[s.key], msg('item-waiting'), 'waiting');
    });
    pageStatus(msg('waiting'), 'waiting');
  }

  function refused(body, sent) {
    halted = true;
    var reason = (lang === 'en' ? body.messageEn : body.message) || '';
    var marked = false;
    (body.errors || []).forEach(function (e) {
      var i = /^answers\.(\d+)\./.exec(e.field || '');
      var s = i && sent[Number(i[1])];
      if (!s || !items[s.key]) return;
      marked = true;
      itemStatus(items[s.key], msg('error', { reason: lang === 'en' ? e.messageEn : e.message }), 'error');
      // An answer the engine refuses is not sent again until it changes; the control keeps it.
      if (body.code === 'INVALID_ANSWERS' && pending[s.key] === s.entry) {
        delete pending[s.key];
        unstore(s.key);
      }
    });
    if (body.code === 'INVALID_ANSWERS' && marked) halted = false;
    pageStatus(msg('error', { reason: reason }), 'error');
  }

  function conflicted(body, sent) {
    var list = (body.details && body.details.conflicts) || [];
    list.forEach(function (c) {
      var key = c.group + '/' + c.itemKey;
      if (items[key]) {
        conflicts[key] = c;
        showConflict(items[key], c);
      }
    });
    pageStatus(msg('conflict-page'), 'error');
    // The others in the batch were refused with it (all or nothing): they go again on their own.
    if (
      sent.some(function (s) {
        return !conflicts[s.key];
      })
    )
      schedule(0);
  }

  function whenText(iso) {
    var d = iso ? new Date(iso) : new Date();
    var date =
      lang === 'en'
        ? d.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' })
        : d.toLocaleDateString(locale, { day: '2-digit', month: '2-digit', year: 'numeric' });
    return { date: date, time: d.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', hour12: false }) };
  }

  function showConflict(item, c) {
    var old = item.querySelector('.dg-conflict');
    if (old) old.parentNode.removeChild(old);
    var when = whenText(c.changedAt);
    var params = {
      value: labelFor(item, c.currentValue),
      date: when.date,
      time: when.time,
      name: (c.changedBy && c.changedBy.name) || msg('conflict-someone'),
    };
    var box = document.createElement('div');
    box.className = 'br-message danger dg-conflict';
    box.setAttribute('role', 'alert');
    var content = document.createElement('div');
    content.className = 'content';
    [
      [msg('conflict-title'), 'message-title'],
      [msg(c.byYou ? 'conflict-you' : 'conflict-other', params), 'dg-conflict-text'],
      [msg('conflict-mine'), ''],
    ].forEach(function (p) {
      var el = document.createElement('p');
      el.textContent = p[0];
      if (p[1]) el.className = p[1];
      content.appendChild(el);
    });
    content.appendChild(
      button(msg('keep'), 'primary', 'keep', function () {
        keepMine(item, c, box);
      }),
    );
    content.appendChild(
      button(msg('take'), 'secondary', 'take', function () {
        takeTheirs(item, c, box);
      }),
    );
    box.appendChild(content);
    item.classList.add('dg-has-conflict');
    item.querySelector('[data-item-status]').parentNode.insertBefore(box, item.querySelector('[data-item-status]'));
    itemStatus(item, '', null);
  }
  function button(text, kind, action, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'br-button small ' + kind;
    b.setAttribute('data-conflict', action);
    b.textContent = text;
    b.addEventListener('click', onClick);
    return b;
  }
  function resolved(item, c, box) {
    var key = keyOf(item);
    delete conflicts[key];
    box.parentNode.removeChild(box);
    item.classList.remove('dg-has-conflict');
    setVersion(item, c.currentVersion);
  }
  function keepMine(item, c, box) {
    var key = keyOf(item);
    resolved(item, c, box);
    if (pending[key]) {
      pending[key].baseVersion = c.currentVersion;
      store(key, pending[key]);
    }
    halted = false;
    schedule(0);
    item.querySelector('[data-answer], [data-evidence-url]').focus();
  }
  function takeTheirs(item, c, box) {
    var key = keyOf(item);
    resolved(item, c, box);
    delete pending[key];
    unstore(key);
    writeValue(item, c.currentValue);
    item.setAttribute('data-value', JSON.stringify(c.currentValue));
    var refs = c.currentEvidence || [];
    item.setAttribute(
      'data-files',
      JSON.stringify(
        refs.filter(function (e) {
          return e.file;
        }),
      ),
    );
    var url = item.querySelector('[data-evidence-url]');
    if (url)
      url.value = (
        refs.filter(function (e) {
          return e.url;
        })[0] || { url: '' }
      ).url;
    updateVisibility(item.closest('.dg-group'));
    itemStatus(item, msg('saved', { time: whenText(c.changedAt).time }), 'saved');
    var first = item.querySelector('[data-answer], [data-evidence-url]');
    if (first) first.focus();
  }

  // --- uploads with progress (without JavaScript the upload form posts the file itself) ---
  function upload(item, form) {
    var input = item.querySelector('[data-file]');
    var file = input && input.files && input.files[0];
    if (!file) return itemStatus(item, msg('no-file'), 'error');
    var type = item.getAttribute('data-type');
    var current = readValue(item);
    if (type !== 'evidence' && (current === null || current === undefined))
      return itemStatus(item, msg('answer-first'), 'error');
    var bar = item.querySelector('[data-progress-bar]');
    var data = new window.FormData();
    data.append('file', file, file.name);
    var xhr = new window.XMLHttpRequest();
    xhr.open('POST', '/api/assessments/' + encodeURIComponent(assessment) + '/evidence');
    xhr.setRequestHeader('x-csrf-token', document.body.getAttribute('data-csrf'));
    xhr.upload.onprogress = function (e) {
      if (!e.lengthComputable) return;
      var percent = Math.round((100 * e.loaded) / e.total);
      bar.hidden = false;
      bar.value = percent;
      itemStatus(item, msg('uploading', { percent: percent }), null);
    };
    xhr.onload = function () {
      bar.hidden = true;
      var body = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch (e) {
        body = {};
      }
      if (xhr.status === 401) return ended();
      if (xhr.status < 200 || xhr.status >= 300 || !body.file) {
        return itemStatus(
          item,
          msg('upload-failed', { reason: (lang === 'en' ? body.messageEn : body.message) || '' }),
          'error',
        );
      }
      var ref = { file: body.file, fileName: body.fileName || file.name };
      item.setAttribute('data-files', JSON.stringify(files(item).concat([ref])));
      addFileLink(item, ref);
      if (type === 'evidence') writeValue(item, null);
      input.value = '';
      itemStatus(item, msg('uploaded', { name: ref.fileName }), 'saved');
      var key = keyOf(item);
      var entry = {
        group: item.getAttribute('data-group'),
        itemKey: item.getAttribute('data-key'),
        value: type === 'evidence' ? { file: ref.file } : current === undefined ? savedValue(item) : current,
        baseVersion: pending[key] ? pending[key].baseVersion : Number(item.getAttribute('data-version')),
        evidence: evidenceList(item),
      };
      pending[key] = entry;
      store(key, entry);
      schedule(0);
    };
    xhr.onerror = function () {
      bar.hidden = true;
      itemStatus(item, msg('upload-failed', { reason: msg('item-waiting') }), 'error');
    };
    xhr.send(data);
    void form;
  }
  function addFileLink(item, ref) {
    var holder = item.querySelector('.dg-upload');
    var list = holder.querySelector('.dg-files');
    if (!list) {
      list = document.createElement('ul');
      list.className = 'dg-files';
      holder.insertBefore(list, holder.firstChild);
    }
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = '/api/assessments/' + encodeURIComponent(assessment) + '/files/' + ref.file;
    a.textContent = ref.fileName;
    li.appendChild(a);
    list.appendChild(li);
  }

  // --- events ---
  function onEdit(event) {
    var target = event.target;
    var item = target.closest && target.closest('.dg-item');
    if (!item || !item.hasAttribute('data-editable')) return;
    if (target.hasAttribute('data-answer')) {
      if (event.type === 'input' && (target.type === 'radio' || target.type === 'checkbox')) return;
      queue(item, false);
      updateVisibility(item.closest('.dg-group'));
    } else if (target.hasAttribute('data-evidence-url')) {
      queue(item, true);
    } else if (target.hasAttribute('data-confirm') && target.checked) {
      queue(item, false);
    }
  }
  root.addEventListener('input', onEdit);
  root.addEventListener('change', onEdit);
  root.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.classList.contains('dg-upload-form')) {
      event.preventDefault();
      upload(document.getElementById(form.getAttribute('data-item')), form);
    } else if (form.classList.contains('dg-form')) {
      // With the script on, the group's button sends what is waiting instead of posting the form.
      event.preventDefault();
      halted = false;
      schedule(0);
    }
  });
  window.addEventListener('online', function () {
    halted = false;
    schedule(0);
  });
  window.setInterval(function () {
    if (!inFlight && !halted && !sessionEnded && Object.keys(pending).length) flush();
  }, RETRY_MS);

  // --- after a reload or a closed tab: what was typed and not saved comes back, and goes out ---
  stored().forEach(function (s) {
    var item = items[s.key];
    var entry = s.entry;
    if (!item || !entry || !item.hasAttribute('data-editable')) return unstore(s.key);
    if (JSON.stringify(entry.value) === item.getAttribute('data-value') && !entry.evidence) return unstore(s.key);
    writeValue(item, entry.value);
    if (entry.evidence) {
      var url = item.querySelector('[data-evidence-url]');
      var link = entry.evidence.filter(function (e) {
        return e.url;
      })[0];
      if (url) url.value = link ? link.url : '';
    }
    pending[s.key] = entry;
    itemStatus(item, msg('item-waiting'), 'waiting');
  });
  Array.prototype.forEach.call(root.querySelectorAll('.dg-group'), updateVisibility);
  if (Object.keys(pending).length) schedule(0);
})();
