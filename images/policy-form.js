// The package-policy form (views/admin/policies.ejs): the protection settings are disabled while the form's plan
// is "off" and enabled once a plan is chosen, with the note that says why. Without this script the server renders
// the same state for the saved plan. Loaded with the response's CSP nonce; it changes attributes only.
(() => {
  for (const form of document.querySelectorAll("form.wedos-policy")) {
    const plan = form.querySelector("[data-protection-plan]");
    const fields = form.querySelector("[data-protection-fields]");
    const note = fields && fields.querySelector("[data-protection-off]");
    if (!plan || !fields) continue;
    const update = () => {
      const off = plan.value === "off";
      fields.disabled = off;
      if (note) note.hidden = !off;
    };
    plan.addEventListener("change", update);
    update();
  }
})();
