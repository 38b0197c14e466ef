// Highlighting only: the page reads fully without this script. A finding's button (or a word in
// the framing table, or a dot on the timeline) marks its evidence passages, the mark elements
// whose data-findings list holds its id, in every article at once.
(function () {
  "use strict";
  var controls = Array.prototype.slice.call(
    document.querySelectorAll("button[data-finding], svg [data-finding]"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark[data-findings]"));
  var status = document.getElementById("highlight-status");
  var active = null;

  function holds(mark, id) {
    return (" " + mark.getAttribute("data-findings") + " ").indexOf(" " + id + " ") >= 0;
  }

  function select(id, label) {
    active = active === id ? null : id;
    controls.forEach(function (c) {
      var on = c.getAttribute("data-finding") === active;
      if (c.tagName.toLowerCase() === "button") { c.setAttribute("aria-pressed", String(on)); }
      c.classList.toggle("is-active", on);
    });
    var cards = [];
    var count = 0;
    marks.forEach(function (m) {
      var on = active !== null && holds(m, active);
      m.classList.toggle("is-active", on);
      if (!on) { return; }
      count += 1;
      var card = m.closest(".article-card");
      if (card && cards.indexOf(card) < 0) {
        cards.push(card);
        var box = m.closest(".article-text");
        if (box) { box.scrollTop = Math.max(0, m.offsetTop - box.offsetTop - 24); }
      }
    });
    if (cards.length) {
      var grid = cards[0].parentElement;
      if (grid) { grid.scrollLeft = Math.max(0, cards[0].offsetLeft - 8); }
    }
    if (!status) { return; }
    status.textContent = active === null ? "" :
      "Evidence for " + label + ": " + count + (count === 1 ? " passage" : " passages") +
      " highlighted in " + cards.length + (cards.length === 1 ? " article" : " articles") +
      ". Press Escape to clear.";
  }

  controls.forEach(function (c) {
    if (c.tagName.toLowerCase() === "button") { c.hidden = false; }
    c.addEventListener("click", function () {
      select(c.getAttribute("data-finding"), c.getAttribute("data-label") || "this finding");
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && active !== null) { select(active, ""); }
  });
}());
