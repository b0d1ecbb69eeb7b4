// The progress box of a raw or cPanel page (views/partials/progress.ejs): polls the job's JSON status
// (GET /jobs/<id>: {text, state, finished}) after 1 s, then 1.5 times longer each time up to 10 s, for at most
// 10 minutes, and rewrites the box's text. Once the job is finished the page is shown again (its refresh link, which
// the finished page no longer has): what the job changed — a domain's state, its records — is then on the page too,
// as on an embedded page's last self-refresh. It never inserts HTML. Loaded with the response's CSP nonce.
(() => {
  const box = document.querySelector("[data-job-status]");
  const line = box && box.querySelector("[data-job-text]");
  if (!box || !line) return;
  const url = box.getAttribute("data-job-status");
  let delay = 1000;
  let waited = 0;
  const poll = async () => {
    let status;
    try {
      const answer = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (!answer.ok) return;
      status = await answer.json();
    } catch {
      return;
    }
    if (typeof status.text === "string" && line.textContent !== status.text) line.textContent = status.text;
    if (typeof status.state === "string")
      line.className =
        "wedos-status wedos-status-" +
        (status.state === "done" ? "active" : status.state === "dead" ? "error" : "pending");
    if (status.finished === true) {
      const refresh = box.querySelector("[data-job-refresh]");
      const again = refresh && refresh.querySelector("a");
      if (refresh) refresh.remove();
      if (again) window.location.replace(again.href);
      return;
    }
    waited += delay;
    delay = Math.min(delay * 1.5, 10000);
    if (waited < 600000) setTimeout(poll, delay);
  };
  setTimeout(poll, delay);
})();
