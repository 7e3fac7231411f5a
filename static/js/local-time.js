/* An event's times in the reader's own time zone, beside the event's (which the page shows
   without JavaScript). Shown only when the two zones differ; formatted in the page's language. */
(function () {
  "use strict";
  var reader = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var lang = document.documentElement.lang || undefined;
  document.querySelectorAll(".local-time[data-start]").forEach(function (el) {
    if (!reader || reader === el.dataset.zone) return;
    var start = new Date(el.dataset.start), end = new Date(el.dataset.end);
    if (isNaN(start) || isNaN(end)) return;
    // Explicit parts: dateStyle/timeStyle may not be combined with timeZoneName.
    var time = { hour: "2-digit", minute: "2-digit", timeZone: reader };
    var full = Object.assign({ year: "numeric", month: "long", day: "numeric" }, time);
    var day = function (d) { return new Intl.DateTimeFormat("en-CA", { timeZone: reader }).format(d); };
    var endFormat = Object.assign({ timeZoneName: "short" }, day(start) === day(end) ? time : full);
    var text = new Intl.DateTimeFormat(lang, full).format(start) + " – " +
      new Intl.DateTimeFormat(lang, endFormat).format(end);
    el.textContent = el.dataset.label + " " + text + " (" + reader.replace(/_/g, " ") + ")";
    el.hidden = false;
  });
})();
