// Small behaviours of our own; htmx does the fetching and swapping.
(function () {
  "use strict";

  // A request that fails (server error, network down) says so instead of doing nothing.
  function showRequestError(text) {
    var toast = document.getElementById("request-error");
    if (!toast) return;
    toast.textContent = text;
    toast.hidden = false;
    window.clearTimeout(showRequestError.timer);
    showRequestError.timer = window.setTimeout(function () { toast.hidden = true; }, 8000);
  }

  // A change the desk refused for this person (403 with X-Desk-Refusal: "you can't
  // change this mention: it is submitted…") carries its reason: show it where they
  // are, in place, as a 409 or 422 is. Other 403s (no role at all) get the toast.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    if (xhr.status === 403 && xhr.getResponseHeader("X-Desk-Refusal")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    var text = status === 403
      ? "You are not allowed to do that with this account."
      : "The desk could not finish that (error " + status + "). Check whether your change went through, then try again.";
    showRequestError(text);
  });
  document.addEventListener("htmx:sendError", function () {
    showRequestError("Could not reach the desk. Check your connection and try again.");
  });
})();
