/* Enrolment and priorities pages: small enhancements; every form works without this script. */
(function () {
  'use strict';

  // Priorities: writing a commitment chooses its item, so that what is typed is sent.
  document.querySelectorAll('[data-priority]').forEach(function (row) {
    var pick = row.querySelector('[data-priority-pick]');
    var commitment = row.querySelector('[data-priority-commitment]');
    if (!pick || !commitment) return;
    commitment.addEventListener('input', function () {
      if (commitment.value.trim() !== '') pick.checked = true;
    });
  });

  // A file over the server's limit is refused before it is sent: the server would refuse it only after the upload,
  // and the values typed would be lost with it.
  document.querySelectorAll('input[type=file][data-max-bytes]').forEach(function (input) {
    var message = document.createElement('span');
    message.className = 'feedback danger';
    message.id = input.id + '-size';
    message.setAttribute('role', 'alert');
    message.hidden = true;
    input.parentNode.appendChild(message);
    var tooLarge = function () {
      var file = input.files && input.files[0];
      return Boolean(file && file.size > Number(input.getAttribute('data-max-bytes')));
    };
    var check = function () {
      var over = tooLarge();
      message.textContent = over ? input.getAttribute('data-too-large') : '';
      message.hidden = !over;
      if (over) input.setAttribute('aria-invalid', 'true');
      return over;
    };
    input.addEventListener('change', check);
    input.form.addEventListener('submit', function (event) {
      if (check()) {
        event.preventDefault();
        input.focus();
      }
    });
  });

  // Enrolment: substitutes' rows after the first stay folded while empty, behind a button that opens the next.
  var rows = Array.prototype.slice.call(document.querySelectorAll('.web-substitute'));
  var empty = function (row) {
    return Array.prototype.every.call(row.querySelectorAll('input'), function (input) {
      return input.value.trim() === '';
    });
  };
  var folded = rows.filter(function (row, i) {
    return i > 0 && empty(row);
  });
  if (folded.length === 0) return;
  folded.forEach(function (row) {
    row.hidden = true;
  });
  var group = folded[0].parentNode;
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'br-button secondary small web-add-substitute';
  button.textContent = group.getAttribute('data-add-substitute');
  group.appendChild(button);
  button.addEventListener('click', function () {
    var next = folded.shift();
    if (!next) return;
    next.hidden = false;
    var first = next.querySelector('input');
    if (first) first.focus();
    if (folded.length === 0) button.remove();
  });
})();
