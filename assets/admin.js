// The edition form: the minimum index and level fields only matter for their rule, the fixed date for its validity.
(function () {
  const form = document.getElementById('edition-form');
  if (!form) return;
  const toggle = (radioName, value, fieldId) => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    const wrapper = field.closest('.web-admin-field');
    const update = () => {
      const chosen = form.querySelector(`input[name="${radioName}"]:checked`);
      wrapper.hidden = !chosen || chosen.value !== value;
    };
    form.querySelectorAll(`input[name="${radioName}"]`).forEach((r) => r.addEventListener('change', update));
    update();
  };
  toggle('certificationRule.kind', 'minimum-index', 'certificationRule-minimumIndex');
  toggle('certificationRule.kind', 'minimum-levels', 'certificationRule-minimumLevel');
  toggle('sealValidity.kind', 'fixed', 'sealValidity-until');
})();
