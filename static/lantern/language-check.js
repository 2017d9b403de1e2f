// The practice-language check while writing (finding AP4). Every <textarea data-language-check>
// gets a polite live region under it listing the minimising phrases in what has been typed,
// each with why it is a concern. The saved text is checked again on the server, which is what
// records the check; this only tells the writer early. No library: fetch and the DOM.
const CHECK_URL = "/language/check/";
const DELAY_MS = 700;

function csrfToken(textarea) {
  const field = textarea.form && textarea.form.querySelector("input[name=csrfmiddlewaretoken]");
  if (field) return field.value;
  const match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : "";
}

function render(region, matches) {
  region.replaceChildren();
  if (!matches.length) return;
  const box = document.createElement("div");
  box.className = "govuk-warning-text govuk-!-margin-bottom-2";
  const icon = document.createElement("span");
  icon.className = "govuk-warning-text__icon";
  icon.setAttribute("aria-hidden", "true");
  icon.textContent = "!";
  const text = document.createElement("div");
  text.className = "govuk-warning-text__text";
  const lead = document.createElement("span");
  lead.className = "govuk-visually-hidden";
  lead.textContent = "Practice language: ";
  text.append(lead);
  const seen = new Set();
  for (const m of matches) {
    if (seen.has(m.phrase)) continue;
    seen.add(m.phrase);
    const p = document.createElement("p");
    p.className = "govuk-body govuk-!-margin-bottom-1";
    const strong = document.createElement("strong");
    strong.textContent = `“${m.phrase}”`;
    p.append(strong, ` — ${m.reason}`);
    if (m.suggestion) p.append(` ${m.suggestion}`);
    text.append(p);
  }
  box.append(icon, text);
  region.append(box);
}

function attach(textarea) {
  const region = document.createElement("div");
  region.setAttribute("aria-live", "polite");
  region.className = "lantern-language-check";
  region.id = `${textarea.id || textarea.name}-language`;
  textarea.insertAdjacentElement("afterend", region);
  let timer = null;
  let last = null;
  const run = async () => {
    const text = textarea.value;
    if (text === last) return;
    last = text;
    try {
      const response = await fetch(CHECK_URL, {
        method: "POST",
        headers: { "X-CSRFToken": csrfToken(textarea) },
        body: new URLSearchParams({ text }),
        credentials: "same-origin",
      });
      if (!response.ok) return;
      const data = await response.json();
      render(region, data.matches || []);
    } catch (error) {
      // Offline or signed out: the server checks the text again when it is saved.
    }
  };
  textarea.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, DELAY_MS);
  });
  // Leaving the page: no hint is needed any more (the server checks what was saved).
  if (textarea.form) textarea.form.addEventListener("submit", () => clearTimeout(timer));
  if (textarea.value) run();
}

document.querySelectorAll("textarea[data-language-check]").forEach(attach);
