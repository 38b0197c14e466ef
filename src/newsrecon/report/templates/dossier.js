// Highlighting only: the page reads fully without this script. A finding's button marks its
// evidence passages (mark elements with the same data-finding id) in every article.
(function () {
  "use strict";
  var buttons = Array.prototype.slice.call(document.querySelectorAll("button[data-finding]"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark[data-finding]"));
  var status = document.getElementById("highlight-status");
  var active = null;

  function select(id, label) {
    active = active === id ? null : id;
    buttons.forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-finding") === active));
    });
    var cards = [];
    marks.forEach(function (m) {
      var on = active !== null && m.getAttribute("data-finding") === active;
      m.classList.toggle("is-active", on);
      if (!on) { return; }
      var card = m.closest(".article-card");
      if (card && cards.indexOf(card) < 0) {
        cards.push(card);
        var box = m.closest(".article-text");
        if (box) { box.scrollTop = Math.max(0, m.offsetTop - 24); }
      }
    });
    if (cards.length) {
      var grid = cards[0].parentElement;
      if (grid) { grid.scrollLeft = Math.max(0, cards[0].offsetLeft - 8); }
    }
    if (!status) { return; }
    status.textContent = active === null ? "" :
      "Evidence for " + label + " is highlighted in " + cards.length +
      (cards.length === 1 ? " article" : " articles") + ". Press Escape to clear.";
  }

  buttons.forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () {
      select(b.getAttribute("data-finding"), b.getAttribute("data-label") || "this finding");
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && active !== null) { select(active, ""); }
  });
}());
