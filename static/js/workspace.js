// The annotation workspace: turn a text selection into body offsets, open the popover,
// and drive everything from the keyboard. htmx does the requests and the swaps.
//
// Offsets: every run of text in #workspace-text is a <span class="seg" data-s="N">,
// where N is the code-point offset of its first character in Article.body. The DOM
// counts UTF-16 units, so positions inside a segment are converted to code points here;
// the server receives code points only (see docs/design.md, "Text offsets").
(function () {
  "use strict";

  const workspace = document.querySelector(".workspace");
  if (!workspace) return;
  const popover = document.getElementById("popover");
  const announce = () => document.getElementById("announce");
  const helpDialog = document.getElementById("help");
  const textRoot = () => document.getElementById("workspace-text");
  const mentionBase = workspace.dataset.mentionBase;
  const csrfToken = JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"];

  // --- offsets -----------------------------------------------------------------------

  function codePointLength(text) {
    let count = 0;
    for (const _ of text) count += 1; // iterates by code point, not UTF-16 unit
    return count;
  }

  // The body offset of a DOM position (a node and an offset in it), or null.
  function bodyOffset(node, offset) {
    let segment;
    if (node.nodeType === Node.TEXT_NODE) {
      segment = node.parentElement.closest(".seg");
      if (!segment) return null;
      return Number(segment.dataset.s) + codePointLength(node.data.slice(0, offset));
    }
    // An element position: before its child at `offset`, or after its last child.
    const children = node.childNodes;
    if (offset < children.length) {
      segment = firstSegmentIn(children[offset]);
      return segment ? Number(segment.dataset.s) : null;
    }
    segment = lastSegmentIn(node);
    return segment ? Number(segment.dataset.s) + codePointLength(segment.textContent) : null;
  }

  // The first segment at or after `node` (a boundary can sit on the text between
  // paragraphs, which belongs to no segment).
  function firstSegmentIn(node) {
    for (let current = node; current; current = current.nextSibling) {
      if (current.nodeType !== Node.ELEMENT_NODE) continue;
      if (current.classList.contains("seg")) return current;
      const inside = current.querySelector(".seg");
      if (inside) return inside;
    }
    return null;
  }

  function lastSegmentIn(node) {
    const all = node.querySelectorAll ? node.querySelectorAll(".seg") : [];
    return all.length ? all[all.length - 1] : node.closest && node.closest(".seg");
  }

  // The current selection inside the article text as {start, end, quote}, or null.
  function selectedSpan() {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    const root = textRoot();
    if (!root || !root.contains(range.commonAncestorContainer)) return null;
    const start = bodyOffset(range.startContainer, range.startOffset);
    const end = bodyOffset(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return null;
    const rects = range.getClientRects();
    return {
      start, end, quote: selection.toString(), rect: range.getBoundingClientRect(),
      endRect: rects.length ? rects[rects.length - 1] : range.getBoundingClientRect(),
    };
  }

  // --- the adder: a selection offers Entity (e) and Event (v); nothing opens before ----

  const adder = document.getElementById("adder");
  let pointerDown = false;

  function showAdder(span) {
    adder.hidden = false;
    const margin = 8;
    const viewportWidth = document.documentElement.clientWidth;
    const left = Math.max(margin, Math.min(span.endRect.right - adder.offsetWidth / 2,
                                           viewportWidth - adder.offsetWidth - margin));
    adder.style.top = (window.scrollY + span.endRect.bottom + 6) + "px";
    adder.style.left = (window.scrollX + left) + "px";
  }

  function hideAdder() {
    adder.hidden = true;
  }

  adder.addEventListener("mousedown", (event) => event.preventDefault()); // keep the selection
  adder.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (!button) return;
    if (button.dataset.action === "mark") openForSelection({ orLast: true });
    if (button.dataset.action === "event") openEventForm({ orLast: true });
    hideAdder();
  });

  // Segments are made focusable when they are focused (j/k, returning from the popover),
  // not in the markup: a long article has thousands of them.
  function focusElement(element) {
    if (element.classList.contains("seg")) element.tabIndex = -1;
    element.focus();
  }

  // --- the popover -------------------------------------------------------------------

  let returnFocusTo = null;

  function placePopover(rect) {
    const top = window.scrollY + rect.bottom + 8;
    const left = Math.max(8, Math.min(window.scrollX + rect.left,
                                      window.scrollX + document.documentElement.clientWidth - 360));
    popover.style.top = top + "px";
    popover.style.left = left + "px";
  }

  function openPopover(url, rect) {
    deleteWhenOpen = false;
    hideAdder();
    returnFocusTo = document.activeElement;
    placePopover(rect);
    popover.replaceChildren();
    popover.hidden = false;
    htmx.ajax("GET", url, { target: "#popover", swap: "innerHTML" });
  }

  // Closing only hides the popover. Its content stays until the next one replaces it:
  // a request sent from inside may still be in flight, and htmx finds the out-of-band
  // targets of its answer (paragraphs, panel) only while the sender is in the page.
  function closePopover() {
    if (popover.hidden) return;
    popover.hidden = true;
    if (returnFocusTo && document.contains(returnFocusTo)) focusElement(returnFocusTo);
  }

  function suggesting() {
    const root = textRoot();
    return root && root.dataset.suggest === "1";
  }

  // Touch screens often clear the selection when a button is tapped, and the popover's
  // search box takes it when it opens, so the buttons and keys fall back to the last
  // selection made in the text.
  let lastSpan = null;
  document.addEventListener("selectionchange", () => {
    const span = selectedSpan();
    if (span) {
      lastSpan = span;
      // A selection made with the keyboard offers the adder at once; one made with the
      // mouse, when the button is released.
      if (!pointerDown) offerFor(span);
    } else {
      hideAdder();
    }
  });

  // --- orphans: work whose words a correction removed, put on new words ---------------
  // Re-attach (or r on an orphan in the Orphans panel) waits for a selection in the
  // text; while it waits, a selection shows the words in a small confirm popover
  // instead of the adder. Enter confirms, Esc cancels. The popover is not focused, so
  // Shift with the arrow keys goes on extending the selection.

  const reattachHint = document.getElementById("reattach-hint");
  let reattaching = null; // {url, version, what} while waiting for the new words

  function offerFor(span) {
    if (reattaching) showReattachConfirm(span);
    else showAdder(span);
  }

  function startReattach(button) {
    if (button.disabled) {
      announce().textContent = "You can't re-attach this orphan: only its author or a reviewer can.";
      return;
    }
    reattaching = {
      url: button.dataset.reattach, version: button.dataset.version, what: button.dataset.what,
    };
    hideAdder();
    closePopover();
    workspace.classList.add("reattaching");
    reattachHint.textContent = `Select the new words for ${reattaching.what} in the text, ` +
      "then press Enter to re-attach it. Esc cancels.";
    reattachHint.hidden = false;
    announce().textContent = reattachHint.textContent;
  }

  function stopReattach() {
    reattaching = null;
    workspace.classList.remove("reattaching");
    reattachHint.hidden = true;
  }

  function cancelReattach() {
    stopReattach();
    closePopover();
    announce().textContent = "Re-attaching cancelled.";
  }

  function showReattachConfirm(span) {
    hideAdder();
    const template = document.getElementById("reattach-popover");
    popover.replaceChildren(template.content.cloneNode(true));
    popover.querySelector(".reattach-what").textContent = reattaching.what;
    popover.querySelector(".reattach-words").textContent = span.quote;
    const form = popover.querySelector("form.reattach-form");
    form.setAttribute("hx-post", reattaching.url);
    const values = {
      start: span.start, end: span.end, quote: span.quote, version: reattaching.version,
      suggest: suggesting() ? "1" : "",
    };
    for (const [name, value] of Object.entries(values)) {
      form.querySelector(`[name="${name}"]`).value = value;
    }
    returnFocusTo = null;
    placePopover(span.endRect);
    popover.hidden = false;
    htmx.process(popover);
  }

  function reattachConfirmForm() {
    return reattaching && !popover.hidden && popover.querySelector("form.reattach-form");
  }

  function openForSelection({ orLast = false } = {}) {
    const span = selectedSpan() || (orLast ? lastSpan : null);
    if (!span) return false;
    const params = new URLSearchParams({ start: span.start, end: span.end, quote: span.quote });
    if (suggesting()) params.set("suggest", "1");
    openPopover(workspace.dataset.mentionNew + "?" + params, span.rect);
    return true;
  }

  // The event form opens in the side panel, for the selected passage.
  const eventSlot = () => document.getElementById("event-slot");
  // Where deleting an orphan answers (outside the Orphans panel, which the answer swaps).
  const orphanSlot = () => document.getElementById("orphan-slot");

  function openEventForm({ orLast = false } = {}) {
    const span = selectedSpan() || (orLast ? lastSpan : null);
    if (!span) return false;
    hideAdder();
    const params = new URLSearchParams({ start: span.start, end: span.end, quote: span.quote });
    if (suggesting()) params.set("suggest", "1");
    htmx.ajax("GET", workspace.dataset.eventNew + "?" + params,
              { target: "#event-slot", swap: "innerHTML" });
    return true;
  }

  const eventBase = () => mentionBase.replace(/mentions\/$/, "events/");

  function editEvent(id) {
    htmx.ajax("GET", eventBase() + id + "/", { target: "#event-slot", swap: "innerHTML" });
  }

  // The events list carries each event's version (data-version), so that a delete is
  // checked against the event as this page shows it.
  function deleteEvent(id) {
    if (!window.confirm("Delete this event?")) return;
    const listed = document.querySelector(`#events-panel .event-jump[data-event="${id}"]`);
    const values = listed ? { version: listed.dataset.version } : {};
    htmx.ajax("POST", eventBase() + id + "/delete/", {
      target: "#event-slot", swap: "innerHTML", values, headers: { "X-CSRFToken": csrfToken },
    });
  }

  function closeEventForm() {
    eventSlot().innerHTML = "";
  }

  // Which mention a segment stands for: the one j/k landed on (overlapping mentions can
  // start at the same segment), else the innermost of those covering it.
  function mentionIdOf(segment) {
    if (segment.dataset.current) return segment.dataset.current;
    const ids = (segment.dataset.m || "").split(" ").filter(Boolean);
    return ids.length ? ids[ids.length - 1] : null;
  }

  // Set while Del waits for a mention's popover: its delete button is pressed once the
  // popover is in (it asks first).
  let deleteWhenOpen = false;

  function openForMention(segment, { thenDelete = false } = {}) {
    const id = mentionIdOf(segment);
    if (!id) return;
    const url = mentionBase + id + "/" + (suggesting() ? "?suggest=1" : "");
    openPopover(url, segment.getBoundingClientRect());
    deleteWhenOpen = thenDelete;
  }

  // Keyboard actions post without opening the popover first: show it, so that an
  // error has somewhere to appear; a success closes it again.
  function post(url, values, segment) {
    if (segment) {
      returnFocusTo = segment;
      placePopover(segment.getBoundingClientRect());
      popover.replaceChildren();
      popover.hidden = false;
    }
    return htmx.ajax("POST", url, {
      target: "#popover", swap: "innerHTML", values, headers: { "X-CSRFToken": csrfToken },
    });
  }

  // Del opens the mention's popover, fresh from the server, and presses its Remove
  // button, which asks first: the delete then names the version the popover shows, and
  // a mention this person may not remove shows why instead (the popover offers no
  // Remove). The segments carry no version: a long article has thousands of them.
  function deleteMention(segment) {
    openForMention(segment, { thenDelete: true });
  }

  function pressDeleteIfAsked() {
    if (!deleteWhenOpen) return;
    deleteWhenOpen = false;
    const remove = popover.querySelector("form.mention-delete");
    if (remove) remove.requestSubmit();
    else announce().textContent = "You can't remove this mention.";
  }

  // A suggestion's data-sug is "start-end-entity"; a text that names several entities
  // has "start-end-id.id…" and data-sug-choices, [[id, label], …]: the editor chooses.
  // Its text is every segment with that key (an event's edge may cut it in two).
  function suggestionValues(segment) {
    const key = segment.dataset.sug;
    const [start, end, ids] = key.split("-");
    const parts = document.querySelectorAll(`#workspace-text .seg[data-sug="${key}"]`);
    const quote = Array.from(parts, (part) => part.textContent).join("") || segment.textContent;
    const choices = segment.dataset.sugChoices ? JSON.parse(segment.dataset.sugChoices)
      : [[ids, segment.dataset.sugLabel || ""]];
    return { start, end, quote, choices };
  }

  function acceptSuggestion(segment) {
    const { start, end, quote, choices } = suggestionValues(segment);
    if (choices.length !== 1) {
      openForSuggestion(segment); // ambiguous: nothing is accepted without a choice
      return;
    }
    post(workspace.dataset.mentionBase.replace(/mentions\/$/, "") + "suggestions/accept/",
         { start, end, quote, entity: choices[0][0] }, segment);
  }

  function openForSuggestion(segment) {
    returnFocusTo = segment;
    placePopover(segment.getBoundingClientRect());
    const template = document.getElementById("suggestion-popover");
    popover.replaceChildren(template.content.cloneNode(true));
    const { start, end, quote, choices } = suggestionValues(segment);
    popover.querySelector(".sug-label").textContent = segment.dataset.sugLabel || "";
    popover.querySelectorAll("form").forEach((form) => {
      for (const [name, value] of Object.entries({ start, end, quote })) {
        form.querySelector(`[name="${name}"]`).value = value;
      }
    });
    const accept = popover.querySelector(".sug-accept button[name=entity]");
    const dismiss = popover.querySelector(".sug-dismiss");
    choices.forEach(([id, label], index) => {
      const button = index === 0 ? accept : accept.parentElement.appendChild(accept.cloneNode());
      button.value = id;
      if (choices.length > 1) button.textContent = label;
      const entity = document.createElement("input");
      Object.assign(entity, { type: "hidden", name: "entity", value: id });
      dismiss.prepend(entity);
    });
    popover.querySelector(".sug-choose").hidden = choices.length === 1;
    popover.hidden = false;
    htmx.process(popover);
    popover.querySelector("button").focus();
  }

  // A tagger's suggestion (data-tagged: its id): the server's popover says what and by
  // whom, with Accept and Dismiss.
  function openForTagged(segment) {
    openPopover(workspace.dataset.taggedBase + "mentions/" + segment.dataset.tagged + "/",
                segment.getBoundingClientRect());
  }

  // After a change, the popover holds a one-line confirmation: read it out and close.
  // After settling, not just swapping: htmx gives the new forms their behaviour only
  // then, and a key pressed in a focused form before that would submit it natively.
  document.body.addEventListener("htmx:afterSettle", (event) => {
    if (event.detail.target === eventSlot()) {
      const done = eventSlot().querySelector(".popover-done");
      if (done) {
        announce().textContent = done.textContent;
        closeEventForm();
      } else {
        // After a failed save, the first field with an error; on a new form, the headline.
        const invalid = eventSlot().querySelector(
          ".has-error input:not([type=hidden]), .has-error textarea, .has-error select");
        const first = eventSlot().querySelector("input[name=headline]");
        if (invalid) invalid.focus();
        else if (first && !first.value) first.focus();
        eventSlot().scrollIntoView({ block: "nearest" });
      }
      return;
    }
    if (event.detail.target === orphanSlot()) {
      const deleted = orphanSlot().querySelector(".popover-done");
      if (deleted) announce().textContent = deleted.textContent;
      return;
    }
    if (event.detail.target !== popover) return;
    const done = popover.querySelector(".popover-done");
    if (done) {
      if (reattaching) stopReattach();
      announce().textContent = done.textContent;
      returnFocusTo = null;
      closePopover();
      window.getSelection().removeAllRanges();
    } else {
      const field = popover.querySelector("[autofocus]") || popover.querySelector("button");
      if (field && document.activeElement !== field) field.focus();
      pressDeleteIfAsked();
    }
  });

  // A prefilled search box is selected as it takes focus, so typing replaces the text
  // rather than landing in front of it.
  popover.addEventListener("focusin", (event) => {
    const field = event.target;
    if (field.matches("input[type=search]") && field.value && !field.dataset.selectedOnce) {
      field.dataset.selectedOnce = "1";
      field.select();
    }
  });

  // A popover form whose answer goes outside the popover (dismissing a suggestion swaps
  // the text) closes it. Requests that fill a part of the popover (the entity search's
  // matches) leave it open.
  document.body.addEventListener("htmx:afterRequest", (event) => {
    if (popover.contains(event.detail.elt) && !popover.contains(event.detail.target) &&
        event.detail.successful) {
      closePopover();
    }
  });

  // A new event's item goes in before the event it precedes. A page loaded before that
  // one was recorded (by someone else) doesn't list it: the events panel is read again.
  document.body.addEventListener("htmx:oobErrorNoTarget", (event) => {
    const panel = event.detail.content && event.detail.content.dataset.eventsPanel;
    if (panel) htmx.ajax("GET", panel, { target: "#events-panel", swap: "outerHTML" });
  });

  // --- the side panel's rows ---------------------------------------------------------

  // A page lists the most mentioned entities first. Once it lists them all ("Show the
  // other … entities"), its changes ask the server to update the rows past those too.
  document.body.addEventListener("htmx:configRequest", (event) => {
    if (document.querySelector("#entity-counts[data-all]")) {
      event.detail.headers["X-Entity-Rows"] = "all";
    }
  });

  // When the rows that were left out arrive, the first of them takes the focus: the
  // button that asked for them is gone. (If others' changes left fewer, the last row.)
  document.body.addEventListener("htmx:load", (event) => {
    const list = event.detail.elt;
    if (list.id !== "entity-counts" || !list.dataset.from) return;
    const row = list.children[Number(list.dataset.from)] || list.lastElementChild;
    const chip = row && row.querySelector(".entity-chip");
    if (chip) chip.focus();
  });

  // --- pointer -----------------------------------------------------------------------

  // Releasing the mouse over a selection shows the adder; a click on a mention or a
  // suggestion (no selection) opens it.
  document.addEventListener("mouseup", (event) => {
    pointerDown = false;
    if (popover.contains(event.target) || adder.contains(event.target)) return;
    if (event.target.closest("button, a, input, select, textarea, summary, dialog")) return;
    window.setTimeout(() => {
      const span = selectedSpan();
      if (span) {
        offerFor(span);
        return;
      }
      const segment = event.target.closest && event.target.closest("#workspace-text .seg");
      if (segment && segment.dataset.m) openForMention(segment);
      else if (segment && segment.dataset.sug) openForSuggestion(segment);
      else if (segment && segment.dataset.tagged) openForTagged(segment);
    }, 0);
  });

  document.addEventListener("mousedown", (event) => {
    if (adder.contains(event.target)) return;
    pointerDown = true;
    hideAdder();
    if (!popover.hidden && !popover.contains(event.target)) closePopover();
  });

  workspace.addEventListener("click", (event) => {
    const chip = event.target.closest(".entity-chip");
    if (chip) highlightEntity(chip);
    const action = event.target.closest("[data-action]");
    if (action && action.dataset.action === "mark" && !openForSelection({ orLast: true })) {
      announce().textContent = "Select some text in the article first.";
    }
    if (action && action.dataset.action === "help") helpDialog.showModal();
    if (action && action.dataset.action === "event" && !openEventForm({ orLast: true })) {
      announce().textContent = "Select the passage that reports the event first.";
    }
    if (action && action.dataset.action === "close-event") closeEventForm();
    const jump = event.target.closest(".event-jump");
    if (jump) showEvent(jump.dataset.event);
    const tagged = event.target.closest("[data-tagged-url]");
    if (tagged) openPopover(tagged.dataset.taggedUrl, tagged.getBoundingClientRect());
    const reattach = event.target.closest("[data-reattach]");
    if (reattach) startReattach(reattach);
    if (action && action.dataset.action.startsWith("close") && orphanSlot().contains(action)) {
      orphanSlot().replaceChildren();
    }
  });
  popover.addEventListener("click", (event) => {
    if (event.target.closest("[data-action=close]")) closePopover();
    if (event.target.closest("[data-action=reattach-cancel]")) cancelReattach();
  });

  function showEvent(id) {
    const segments = document.querySelectorAll(`#workspace-text .seg[data-ev~="${id}"]`);
    document.querySelectorAll("#workspace-text .focus-event").forEach((segment) => {
      segment.classList.remove("focus-event");
    });
    segments.forEach((segment) => segment.classList.add("focus-event"));
    if (segments.length) segments[0].scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function highlightEntity(chip) {
    const on = chip.getAttribute("aria-pressed") !== "true";
    document.querySelectorAll(".entity-chip[aria-pressed=true]").forEach((other) => {
      other.setAttribute("aria-pressed", "false");
    });
    document.querySelectorAll("#workspace-text .focus-entity").forEach((segment) => {
      segment.classList.remove("focus-entity");
    });
    if (!on) return;
    chip.setAttribute("aria-pressed", "true");
    const id = chip.dataset.entity;
    const segments = document.querySelectorAll(`#workspace-text .seg[data-e~="${id}"]`);
    segments.forEach((segment) => segment.classList.add("focus-entity"));
    if (segments.length) segments[0].scrollIntoView({ block: "center", behavior: "smooth" });
  }

  // --- keyboard ----------------------------------------------------------------------

  // Every mention (several may start at one segment) and every suggestion, in order.
  // Every mention (several may start at one segment), every event (at the first segment
  // of its evidence) and every suggestion, in reading order.
  function targets() {
    const list = [];
    const seenEvents = new Set();
    const selector = "#workspace-text .seg[data-starts], #workspace-text .seg[data-sug], " +
      "#workspace-text .seg[data-ev], #workspace-text .seg[data-tagged]";
    document.querySelectorAll(selector).forEach((segment) => {
      (segment.dataset.ev || "").split(" ").filter(Boolean).forEach((id) => {
        if (!seenEvents.has(id)) {
          seenEvents.add(id);
          list.push({ segment, id, kind: "event" });
        }
      });
      if (segment.dataset.sug) list.push({ segment, id: null, kind: "suggestion" });
      if (segment.dataset.tagged) list.push({ segment, id: null, kind: "tagged" });
      (segment.dataset.starts || "").split(" ").filter(Boolean).forEach((id) => {
        list.push({ segment, id, kind: "mention" });
      });
    });
    return list;
  }

  function focusTarget(target) {
    document.querySelectorAll("#workspace-text .seg[data-current]").forEach((segment) => {
      delete segment.dataset.current;
      delete segment.dataset.currentKind;
    });
    if (target.id) {
      target.segment.dataset.current = target.id;
      target.segment.dataset.currentKind = target.kind;
    }
    focusElement(target.segment);
    target.segment.scrollIntoView({ block: "nearest" });
    if (target.kind === "mention") announce().textContent = "Mention: " + target.segment.textContent;
    if (target.kind === "event") announce().textContent = "Event: Enter edits it, Del deletes it.";
  }

  function move(step) {
    const all = targets();
    if (!all.length) return;
    const focused = document.activeElement;
    const current = all.findIndex((target) => target.segment === focused &&
      (target.id === null || (target.id === focused.dataset.current &&
                              target.kind === focused.dataset.currentKind)));
    const next = current === -1 ? (step > 0 ? 0 : all.length - 1)
      : (current + step + all.length) % all.length;
    focusTarget(all[next]);
  }

  // A link to #m-12 (from an entity's page) lands on that mention, even when it shares
  // its first segment with another.
  // ...and a link to #ev-7 (from the review queue) on that event's passage.
  function focusFromHash() {
    const mention = /^#m-(\d+)$/.exec(window.location.hash);
    const event = /^#ev-(\d+)$/.exec(window.location.hash);
    if (mention) {
      const segment = document.querySelector(`#workspace-text .seg[data-starts~="${mention[1]}"]`);
      if (segment) focusTarget({ segment, id: mention[1], kind: "mention" });
    } else if (event) {
      const segment = document.querySelector(`#workspace-text .seg[data-ev~="${event[1]}"]`);
      if (segment) {
        focusTarget({ segment, id: event[1], kind: "event" });
        showEvent(event[1]);
      }
    }
  }
  focusFromHash();
  window.addEventListener("hashchange", focusFromHash);

  function typing(target) {
    return target.closest("input, textarea, select, [contenteditable=true]");
  }

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") {
      if (reattaching) cancelReattach();
      else if (!adder.hidden) hideAdder();
      else if (!popover.hidden) closePopover();
      else if (eventSlot() && eventSlot().contains(document.activeElement)) closeEventForm();
      return;
    }
    if (typing(event.target) || helpDialog.open) return;
    const confirmReattach = reattachConfirmForm();
    if (event.key === "Enter" && confirmReattach && !popover.contains(event.target)) {
      event.preventDefault();
      confirmReattach.requestSubmit();
      return;
    }
    const focused = document.activeElement;
    const orphan = focused && focused.closest && focused.closest("#orphans-panel li.orphan");
    const onEvent = focused && focused.dataset && focused.dataset.currentKind === "event";
    const onMention = !onEvent && focused && focused.matches &&
      focused.matches("#workspace-text .seg[data-m]");
    const onSuggestion = focused && focused.matches && focused.matches("#workspace-text .seg[data-sug]");
    const onTagged = focused && focused.matches && focused.matches("#workspace-text .seg[data-tagged]");
    const taggedAccept = !popover.hidden && popover.querySelector(".tagged-popover .actions .primary");
    let handled = true;
    if (event.key === "e") handled = openForSelection({ orLast: true });
    else if (event.key === "v") handled = openEventForm({ orLast: true });
    else if (event.key === "j") move(1);
    else if (event.key === "k") move(-1);
    else if (event.key === "?") helpDialog.showModal();
    else if (event.key === "Enter" && onEvent) editEvent(focused.dataset.current);
    else if ((event.key === "Delete" || event.key === "Backspace") && onEvent) {
      deleteEvent(focused.dataset.current);
    } else if (event.key === "Enter" && onMention) openForMention(focused);
    else if (event.key === "Enter" && onSuggestion) openForSuggestion(focused);
    else if ((event.key === "Delete" || event.key === "Backspace") && onMention) deleteMention(focused);
    else if (event.key === "a" && onSuggestion) acceptSuggestion(focused);
    else if ((event.key === "Enter" || event.key === "a") && onTagged) openForTagged(focused);
    else if (event.key === "a" && taggedAccept) taggedAccept.click();
    else if (event.key === "r" && orphan) startReattach(orphan.querySelector("[data-reattach]"));
    else handled = false;
    if (handled) event.preventDefault();
  });
})();
