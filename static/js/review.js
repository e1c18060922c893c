// The review queue and "My work" from the keyboard; htmx does the requests.
//   j / k   next / previous row        a   approve the row
//   r       reject: focus in the reason (Enter sends, Esc cancels)
//   e       edit in place, then approve  o   open in the workspace
//   x       select the row               ?   the list of keys
// Keys do nothing while the focus is in a field where one types.
(function () {
  "use strict";

  var page = document.querySelector(".review[data-page]");
  if (!page) return;
  var isQueue = page.dataset.page === "queue";
  var help = document.getElementById("review-help");
  var status = document.getElementById(isQueue ? "review-status" : "mine-status");

  function rows() {
    return Array.prototype.slice.call(page.querySelectorAll("tr.queue-row[id]"));
  }

  function currentRow() {
    var active = document.activeElement;
    return active && active.closest ? active.closest("tr.queue-row[id]") : null;
  }

  function say(text) {
    if (status) status.textContent = text;
  }

  function focusRow(row) {
    if (!row) return;
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    var all = rows();
    if (!all.length) {
      say("Nothing to move to: the list is empty.");
      return;
    }
    var at = all.indexOf(currentRow());
    var next = at === -1 ? (step > 0 ? 0 : all.length - 1) : Math.min(Math.max(at + step, 0), all.length - 1);
    focusRow(all[next]);
  }

  function typing(target) {
    return target.closest && target.closest(
      "input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]), textarea, select, [contenteditable=true], [contenteditable='']"
    );
  }

  // A row's reject form: the one in it (sent back open after a refusal), else a copy
  // of the page's template with this row's ids, address and version put in.
  function rejectForm(row, toggle) {
    var form = row.querySelector(".reject-form");
    var template = document.getElementById("reject-form-template");
    if (form || !toggle || !template) return form;
    var key = row.id.replace(/^row-/, "");
    form = template.content.querySelector("form").cloneNode(true);
    form.id = "reject-" + key;
    form.setAttribute("hx-post", toggle.dataset.rejectUrl);
    form.querySelector("input[name=version]").value = row.dataset.version;
    var reason = form.querySelector("input[name=reason]");
    reason.id = "reason-" + key;
    form.querySelector("label").htmlFor = reason.id;
    toggle.closest(".row-actions").after(form);
    toggle.setAttribute("aria-controls", form.id);
    window.htmx.process(form);
    return form;
  }

  function openReject(row) {
    var toggle = row.querySelector("[data-action=reject]");
    var form = rejectForm(row, toggle);
    if (!form) {
      say("This row can't be rejected here.");
      return;
    }
    form.hidden = false;
    if (toggle) toggle.setAttribute("aria-expanded", "true");
    form.querySelector("input[name=reason]").focus();
  }

  function closeReject(form) {
    var row = form.closest("tr");
    form.hidden = true;
    var toggle = row.querySelector("[data-action=reject]");
    if (toggle) toggle.setAttribute("aria-expanded", "false");
    focusRow(row);
  }

  function act(row, selector, otherwise) {
    var control = row.querySelector(selector);
    if (control) control.click();
    else say(row.dataset.notYours || otherwise);
  }

  function selectedCount() {
    var counter = page.querySelector(".selected-count");
    if (!counter) return;
    var n = page.querySelectorAll("input.row-select:checked").length;
    counter.textContent = n ? "(" + n + ")" : "";
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (help && help.open) return;
    if (event.key === "Escape") {
      var form = event.target.closest && event.target.closest(".row-form");
      if (!form) return;
      event.preventDefault();
      if (form.classList.contains("reject-form")) closeReject(form);
      else {
        var cancel = form.querySelector("[data-action=cancel-edit]");
        if (cancel) cancel.click();
      }
      return;
    }
    if (typing(event.target)) return;
    var row = currentRow();
    var handled = true;
    if (event.key === "j") move(1);
    else if (event.key === "k") move(-1);
    else if (event.key === "?") {
      if (help) help.showModal();
    } else if (!row) {
      handled = "jkaerxo".indexOf(event.key) !== -1;
      if (handled) {
        say("Press j to go to the first row.");
      }
    } else if (event.key === "o") window.location.assign(row.dataset.open);
    else if (isQueue && event.key === "a") act(row, "[data-action=approve]", "This row can't be approved here.");
    else if (isQueue && event.key === "r") openReject(row);
    else if (isQueue && event.key === "e") act(row, "[data-action=edit]", "This row can't be edited and approved here.");
    else if (isQueue && event.key === "x") {
      var box = row.querySelector("input.row-select");
      if (box) {
        box.checked = !box.checked;
        selectedCount();
      }
    } else handled = false;
    if (handled) event.preventDefault();
  });

  page.addEventListener("click", function (event) {
    var action = event.target.closest("[data-action]");
    if (!action) return;
    var row = action.closest("tr");
    if (action.dataset.action === "reject") openReject(row);
    else if (action.dataset.action === "cancel") closeReject(action.closest("form"));
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-action=help]") && help) help.showModal();
  });

  page.addEventListener("change", function (event) {
    if (event.target.matches("[data-action=select-page]")) {
      page.querySelectorAll("input.row-select").forEach(function (box) {
        box.checked = event.target.checked;
      });
    }
    if (event.target.matches("input.row-select, [data-action=select-page]")) selectedCount();
  });

  // A row answers a refused action (403) or a deleted item (404) with itself redrawn,
  // its message inside: show it there rather than as an error toast.
  var focusAfter = null;
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    var detail = event.detail;
    var fromRow = detail.elt && detail.elt.closest && detail.elt.closest("tr.queue-row");
    if (fromRow && (detail.xhr.status === 403 || detail.xhr.status === 404)) {
      detail.shouldSwap = true;
      detail.isError = false;
    }
    // Keep the reviewer's place: the row that acted, or the one that takes its place.
    var target = detail.target;
    if (target && target.matches && target.matches("tr.queue-row[id]")) {
      focusAfter = { id: target.id, index: rows().indexOf(target) };
    }
  });
  var rowsBefore = 0;
  document.body.addEventListener("htmx:beforeRequest", function () {
    rowsBefore = rows().length;
  });
  document.body.addEventListener("htmx:afterRequest", function () {
    var place = focusAfter;
    focusAfter = null;
    var all = rows();
    // The last row of a page left: fetch the page again, unless a row says why it went
    // (an item deleted meanwhile), which would vanish with the reload.
    if (rowsBefore && !all.length && !page.querySelector("tr.queue-row.gone")) {
      reloadTable();
      return;
    }
    // A row redrawn in place keeps the focus (htmx restores it by id, or autofocus).
    if (!place || document.getElementById(place.id)) return;
    if (all.length) focusRow(all[Math.min(place.index, all.length - 1)]);
  });

  // The last row of a page left: fetch the page again (the next rows, or "Nothing waits").
  function reloadTable() {
    var container = page.querySelector(".table-container");
    if (!container || !window.htmx) return;
    window.htmx.ajax("GET", window.location.pathname + window.location.search, {
      target: container, swap: "outerHTML",
    });
  }

  document.body.addEventListener("htmx:afterSettle", selectedCount);
})();
