// The copy buttons of the domain page's name servers (views/partials/domain-nameservers.ejs). The buttons come
// hidden and are shown only here, so a page where scripts do not run shows none. A click puts the button's
// `data-copy` text on the clipboard and says so in the list's status line (texts from the page, in its language).
// It never inserts HTML. Loaded with the response's CSP nonce.
(() => {
  const list = document.querySelector(".wedos-nameservers");
  const status = document.querySelector(".wedos-copy-status");
  if (!list || !status) return;
  const say = (text) => {
    status.textContent = text;
  };
  const fallback = (text) => {
    // Without the asynchronous clipboard (a page not served over HTTPS): copy from a selected, off-screen field.
    const field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "wedos-sr-only";
    document.body.appendChild(field);
    field.select();
    const copied = document.execCommand("copy");
    field.remove();
    return copied;
  };
  const copy = async (text) => {
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        return fallback(text);
      }
    }
    return fallback(text);
  };
  for (const button of document.querySelectorAll("button.wedos-copy[data-copy]")) {
    button.hidden = false;
    button.addEventListener("click", async () => {
      const copied = await copy(button.getAttribute("data-copy") || "");
      say(list.getAttribute(copied ? "data-copied" : "data-copy-failed") || "");
    });
  }
})();
