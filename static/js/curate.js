// The curation page from the keyboard; htmx does the requests.
//   j / k   next / previous event
//   m       merge the event with its top suggestion
//   n       "not the same" to its top suggestion
//   c       make the event an entry of its own
//   ?       the list of keys
// Keys do nothing while the focus is in a field where one types. What an action did is
// said in the status line (an aria-live region) by the server's answer.
(function () {
  "use strict";

  var page = document.getElementById("curate");
  if (!page) return;
  var help = document.getElementById("curate-help");

  function cards() {
    return Array.prototype.slice.call(page.querySelectorAll(".curate-card[id]"));
  }

  function currentCard() {
    var active = document.activeElement;
    return active && active.closest ? active.closest(".curate-card[id]") : null;
  }

  function say(text) {
    var status = document.getElementById("curate-status");
    if (!status) return;
    status.classList.remove("is-error");
    status.textContent = text;
  }

  function focusCard(card) {
    if (!card) return;
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    var all = cards();
    if (!all.length) {
      say("Nothing to move to: no event waits on this page.");
      return;
    }
    var at = all.indexOf(currentCard());
    var next = at === -1 ? (step > 0 ? 0 : all.length - 1) : Math.min(Math.max(at + step, 0), all.length - 1);
    focusCard(all[next]);
  }

  function typing(target) {
    return target.closest && target.closest(
      "input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]), textarea, select, [contenteditable=true], [contenteditable='']"
    );
  }

  function act(card, selector, otherwise) {
    var control = card.querySelector(selector);
    if (control) control.click();
    else say(otherwise);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (help && help.open) return;
    if (typing(event.target)) return;
    var card = currentCard();
    var handled = true;
    if (event.key === "j") move(1);
    else if (event.key === "k") move(-1);
    else if (event.key === "?") {
      if (help) help.showModal();
    } else if ("mnc".indexOf(event.key) !== -1 && !card) {
      say("Press j to go to the first event.");
    } else if (event.key === "m") {
      act(card, ".suggestion [data-action=merge]", "Nothing to merge with: this event has no suggestion. Press c to make it an entry of its own.");
    } else if (event.key === "n") {
      act(card, ".suggestion [data-action=not-same]", "This event has no suggestion to set aside.");
    } else if (event.key === "c") {
      act(card, "[data-action=create]", "This event can't be made an entry here.");
    } else handled = false;
    if (handled) event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-action=help]") && help) help.showModal();
  });

  // Keep the curator's place: the card that acted, or the one that takes its place when
  // it leaves the list (its suggestions may be redrawn, which takes the focus away).
  var place = null;
  page.addEventListener("htmx:beforeRequest", function (event) {
    var card = event.target.closest && event.target.closest(".curate-card[id]");
    place = card ? { id: card.id, index: cards().indexOf(card) } : null;
  });
  page.addEventListener("htmx:afterRequest", function () {
    var was = place;
    place = null;
    if (!was) return;
    var all = cards();
    if (!all.length) {
      reloadList();
      return;
    }
    var same = document.getElementById(was.id);
    var focusLost = !document.activeElement || document.activeElement === document.body;
    if (same && !focusLost && same.contains(document.activeElement)) return;
    focusCard(same || all[Math.min(was.index, all.length - 1)]);
  });

  // The last card of the page left: fetch the page again (the next events, or "none").
  function reloadList() {
    var list = document.getElementById("curate-list");
    if (!list || !window.htmx) return;
    window.htmx.ajax("GET", window.location.pathname + window.location.search, {
      target: list, swap: "outerHTML", select: "#curate-list",
    });
  }
})();
