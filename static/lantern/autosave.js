// Autosave for long forms (child and family assessments): nothing typed is lost.
//
// A <form data-autosave-url="…" data-autosave-key="…"> with a hidden input name="version":
// - posts the whole form to the autosave URL every 20 seconds when something has changed, and
//   when the writer leaves a field; the JSON answer {version, saved_at} updates the hidden
//   version and the status region ([data-autosave-status]: "Saved at 14:32", with any
//   minimising phrases the server recorded as a practice-language check);
// - when the page's own Save button is pressed while an autosave is on its way (leaving the
//   field starts one), the form is sent once that has finished, on the version it made;
// - keeps a copy of what has not been saved yet in localStorage, keyed by the form's key and
//   the version it was typed on top of;
// - when the session has timed out (the answer is a redirect to sign in, a 401/403 or not
//   JSON), it stops posting, says so in a notification banner with a link to sign in again, and
//   keeps the copy up to date as the writer carries on;
// - when the page next loads and the browser holds a copy typed on top of the version the
//   server has, it puts that copy back into the form, says so, and saves it;
// - a copy typed on top of an older version (someone else saved since: a 409 answer) is not
//   put back over their work: it is shown so the writer can copy what they need.
// No library: fetch, FormData, localStorage and the DOM.

const INTERVAL_MS = 20_000;
const STORE_PREFIX = "lantern-autosave:";

function storageKey(base, version) {
  return `${STORE_PREFIX}${base}:v${version}`;
}

function storage() {
  try {
    const probe = `${STORE_PREFIX}probe`;
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch (error) {
    return null; // private browsing or storage full: autosave still works, without the copy
  }
}

function fieldsOf(form) {
  // [[name, value], …] for everything the writer types or ticks, not the tokens.
  const pairs = [];
  for (const [name, value] of new FormData(form)) {
    if (name === "csrfmiddlewaretoken" || name === "version" || name === "action") continue;
    pairs.push([name, typeof value === "string" ? value : ""]);
  }
  return pairs;
}

function sameFields(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function restoreFields(form, pairs) {
  const values = new Map();
  for (const [name, value] of pairs) {
    if (!values.has(name)) values.set(name, []);
    values.get(name).push(value);
  }
  for (const element of form.elements) {
    if (!element.name || element.name === "csrfmiddlewaretoken" || element.name === "version")
      continue;
    if (element.type === "submit" || element.type === "button") continue;
    const wanted = values.get(element.name) || [];
    if (element.type === "checkbox" || element.type === "radio") {
      element.checked = wanted.includes(element.value);
    } else {
      element.value = wanted.length ? wanted[0] : "";
    }
  }
}

function unsaved(fields, saved) {
  // The [name, value] pairs of a kept copy that the server does not have.
  const onServer = new Map(saved);
  return fields.filter(([name, value]) => value && onServer.get(name) !== value);
}

function languageNote(matches) {
  // The minimising phrases the server found in what it saved (AP4), for the status line.
  const phrases = [...new Set((matches || []).map((m) => `“${m.phrase}”`))];
  if (!phrases.length) return "";
  return `. Practice language recorded as a check: ${phrases.join(", ")}`;
}

function timeNow() {
  const now = new Date();
  return `${String(now.getHours()).padStart(2, "0")}:${String(now.getMinutes()).padStart(2, "0")}`;
}

function timeOf(milliseconds) {
  const d = new Date(milliseconds);
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

function banner({ id, title, heading, body, link, role = "region" }) {
  // A GOV.UK notification banner at the top of the page's main content.
  document.getElementById(id)?.remove();
  const box = document.createElement("div");
  box.className = "govuk-notification-banner";
  box.id = id;
  box.setAttribute("role", role);
  box.setAttribute("aria-labelledby", `${id}-title`);
  box.tabIndex = -1;
  const header = document.createElement("div");
  header.className = "govuk-notification-banner__header";
  const h2 = document.createElement("h2");
  h2.className = "govuk-notification-banner__title";
  h2.id = `${id}-title`;
  h2.textContent = title;
  header.append(h2);
  const content = document.createElement("div");
  content.className = "govuk-notification-banner__content";
  const p = document.createElement("p");
  p.className = "govuk-notification-banner__heading";
  p.textContent = heading;
  if (link) {
    p.append(" ");
    const a = document.createElement("a");
    a.className = "govuk-notification-banner__link";
    a.href = link.href;
    a.textContent = link.text;
    p.append(a);
  }
  content.append(p);
  if (body) content.append(body);
  box.append(header, content);
  const main = document.getElementById("main-content") || document.body;
  main.prepend(box);
  return box;
}

function attach(form) {
  const url = form.dataset.autosaveUrl;
  const base = form.dataset.autosaveKey || url;
  const loginUrl = form.dataset.autosaveLogin || "/accounts/login/";
  const versionInput = form.querySelector("input[name=version]");
  const status = document.querySelector("[data-autosave-status]");
  const store = storage();
  if (!versionInput) return;

  let saved = fieldsOf(form); // what the server has
  let changes = 0; // bumped on every edit, so a save knows if more came in while it ran
  let saving = false;
  let inflight = null; // the autosave on its way, if any
  let submitting = false; // the form itself is being sent: no more autosaves
  let signedOut = false;
  let stopped = false; // after a 409: someone else saved; stop overwriting their work

  const say = (text) => {
    if (status) status.textContent = text;
  };

  const keep = () => {
    // The copy of unsaved text, on top of the version the form was loaded with.
    if (!store) return;
    const fields = fieldsOf(form);
    const key = storageKey(base, versionInput.value);
    if (sameFields(fields, saved)) {
      store.removeItem(key);
      return;
    }
    try {
      store.setItem(key, JSON.stringify({ fields, at: Date.now() }));
    } catch (error) {
      // Storage full: nothing more we can keep.
    }
  };

  const forget = (version) => {
    if (store) store.removeItem(storageKey(base, version));
  };

  const showSignedOut = () => {
    signedOut = true;
    say("Not saved: you have been signed out.");
    banner({
      id: "autosave-signed-out",
      title: "Important",
      role: "alert",
      heading:
        "You have been signed out. Your latest changes are kept in this browser; sign in " +
        "again to save them.",
      link: { href: loginUrl, text: "Sign in again" },
    });
  };

  const save = () => {
    if (saving || submitting || signedOut || stopped) return inflight;
    if (sameFields(fieldsOf(form), saved)) return null;
    inflight = send().finally(() => {
      inflight = null;
    });
    return inflight;
  };

  const send = async () => {
    const fields = fieldsOf(form);
    saving = true;
    const sentAt = changes;
    const version = versionInput.value;
    keep();
    say("Saving…");
    try {
      const response = await fetch(url, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { Accept: "application/json", "X-Requested-With": "fetch" },
      });
      const type = response.headers.get("Content-Type") || "";
      if (
        response.redirected ||
        response.status === 401 ||
        response.status === 403 ||
        !type.includes("application/json")
      ) {
        // A redirect to the sign-in page, a refused token or any page that is not our answer.
        if (response.status === 403 && type.includes("application/json")) {
          const data = await response.json();
          say(data.error || "Not saved.");
          return;
        }
        showSignedOut();
        return;
      }
      const data = await response.json();
      if (response.status === 409) {
        stopped = true;
        say("Not saved: someone else has changed this assessment.");
        banner({
          id: "autosave-conflict",
          title: "Important",
          role: "alert",
          heading:
            "Someone else saved this assessment while you were writing, so your latest " +
            "changes were not saved over theirs. They are kept in this browser: reload the " +
            "page to see both.",
          link: { href: window.location.pathname, text: "Reload the page" },
        });
        return;
      }
      if (!response.ok) {
        say(data.error || "Not saved: check the form.");
        return;
      }
      forget(version);
      versionInput.value = String(data.version);
      saved = fields;
      say(`Saved at ${data.saved_at || timeNow()}${languageNote(data.language)}`);
      if (changes !== sentAt) keep(); // typed while saving: keep that on the new version
    } catch (error) {
      say("Not saved: Lantern could not be reached. Your changes are kept in this browser.");
    } finally {
      saving = false;
    }
  };

  const edited = () => {
    changes += 1;
    keep();
  };
  form.addEventListener("input", edited);
  form.addEventListener("change", edited);
  form.addEventListener("focusout", (event) => {
    if (event.target.name && event.target.name !== "version") save();
  });
  form.addEventListener("submit", (event) => {
    // A normal save: the server answers with a new page; the copy is kept until then (the
    // next page drops it once the server has the same text). Pressing Save moves the focus
    // out of the field, which starts an autosave: send the form when that has finished, on
    // the version it made, rather than alongside it on the version it replaced.
    if (submitting) return;
    if (inflight) {
      event.preventDefault();
      const submitter = event.submitter;
      inflight.finally(() => {
        submitting = true;
        form.requestSubmit(submitter || undefined);
      });
      return;
    }
    submitting = true;
  });
  window.setInterval(save, INTERVAL_MS);

  if (!store) return;
  // What this browser kept from before: on top of the server's version, put it back; on top
  // of an older one, show it without overwriting the newer version.
  const current = Number(versionInput.value);
  const older = [];
  for (let i = store.length - 1; i >= 0; i -= 1) {
    const key = store.key(i);
    const prefix = `${STORE_PREFIX}${base}:v`;
    if (!key || !key.startsWith(prefix)) continue;
    const version = Number(key.slice(prefix.length));
    let copy = null;
    try {
      copy = JSON.parse(store.getItem(key));
    } catch (error) {
      store.removeItem(key);
      continue;
    }
    if (!copy || !Array.isArray(copy.fields)) continue;
    if (version < current && unsaved(copy.fields, saved).length === 0) {
      store.removeItem(key); // saved since (the page's own Save button): nothing was lost
      continue;
    }
    if (version === current) {
      if (!sameFields(copy.fields, saved)) {
        restoreFields(form, copy.fields);
        banner({
          id: "autosave-restored",
          title: "Important",
          heading:
            `Changes you made at ${timeOf(copy.at)} had not been saved. They have been put ` +
            "back into the form and are being saved now: check them.",
        });
        changes += 1;
        save();
      } else {
        store.removeItem(key);
      }
    } else if (version < current) {
      older.push({ key, version, copy });
    } else {
      store.removeItem(key); // a version the server does not have
    }
  }
  if (older.length) {
    const { version, copy } = older.sort((a, b) => b.version - a.version)[0];
    const body = document.createElement("details");
    body.className = "govuk-details";
    const summary = document.createElement("summary");
    summary.className = "govuk-details__summary";
    const summaryText = document.createElement("span");
    summaryText.className = "govuk-details__summary-text";
    summaryText.textContent = "Show the text that was not saved";
    summary.append(summaryText);
    const text = document.createElement("div");
    text.className = "govuk-details__text";
    const labels = new Map(
      [...form.querySelectorAll("label[for]")].map((l) => [l.htmlFor, l.textContent.trim()]),
    );
    for (const [name, value] of unsaved(copy.fields, saved)) {
      const field = form.elements[name];
      const id = field && field.id;
      const h = document.createElement("h3");
      h.className = "govuk-heading-s";
      h.textContent = labels.get(id) || name;
      const p = document.createElement("p");
      p.className = "govuk-body";
      value.split("\n").forEach((line, n) => {
        if (n) p.append(document.createElement("br"));
        p.append(line);
      });
      text.append(h, p);
    }
    const discard = document.createElement("button");
    discard.type = "button";
    discard.className = "govuk-button govuk-button--secondary";
    discard.textContent = "I have copied what I need: discard it";
    discard.addEventListener("click", () => {
      for (const item of older) store.removeItem(item.key);
      document.getElementById("autosave-older")?.remove();
    });
    text.append(discard);
    body.append(summary, text);
    banner({
      id: "autosave-older",
      title: "Important",
      heading:
        `Changes you made at ${timeOf(copy.at)} on version ${version} were not saved, ` +
        "because the assessment was saved again since. They are kept in this browser so you " +
        "can copy what you need into this version.",
      body,
    });
  }
}

document.querySelectorAll("form[data-autosave-url]").forEach(attach);
