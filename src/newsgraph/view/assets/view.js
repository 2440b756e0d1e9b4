// newsgraph view: choose an actor to highlight its mentions and quotes. No network, no globals.
(function () {
  "use strict";
  var body = document.getElementById("body-text");
  var status = document.getElementById("selection-status");
  var tools = document.querySelector(".selection-tools");
  if (!body || !status) { return; }
  var selected = null;
  var cursor = -1;

  function marksOf(key) {
    // Mentions of the actor, quotes it spoke, the words it was named by as a speaker.
    var sel = '[data-actor="' + key + '"], q[data-speaker="' + key + '"], [data-actor-ref="' + key + '"]';
    return Array.prototype.slice.call(document.querySelectorAll(sel))
      .filter(function (el) { return !el.hasAttribute("data-actor-button") && !el.closest(".legend"); });
  }

  function inText(el) { return body.contains(el); }

  function clear() {
    document.querySelectorAll(".selected, .current").forEach(function (el) {
      el.classList.remove("selected", "current");
    });
    document.querySelectorAll("[data-actor-button]").forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
    selected = null;
    cursor = -1;
    status.textContent = "";
    if (tools) { tools.hidden = true; }
  }

  function select(key) {
    var was = selected;
    clear();
    if (was === key) { status.textContent = "Highlight cleared."; return; }
    var button = document.querySelector('[data-actor-button="' + key + '"]');
    if (!button) { return; }
    selected = key;
    button.setAttribute("aria-pressed", "true");
    var marks = marksOf(key);
    marks.forEach(function (el) { el.classList.add("selected"); });
    var mentions = marks.filter(function (el) { return inText(el) && el.matches(".m.actor"); }).length;
    var quotes = body.querySelectorAll('.quote-label[data-actor-ref="' + key + '"]').length;
    var name = button.querySelector(".name").textContent;
    status.textContent = name + ": " + mentions + " mention" + (mentions === 1 ? "" : "s") + " and " +
      quotes + " quote" + (quotes === 1 ? "" : "s") + " highlighted.";
    if (tools) { tools.hidden = false; }
  }

  function next() {
    if (!selected) { return; }
    var stops = marksOf(selected).filter(function (el) { 
      // Outermost highlights only: a mention inside a highlighted quote is one stop.
      return inText(el) && !(el.parentElement && el.parentElement.closest("#body-text .selected")); });
    if (!stops.length) { return; }
    document.querySelectorAll(".current").forEach(function (el) { el.classList.remove("current"); });
    cursor = (cursor + 1) % stops.length;
    var el = stops[cursor];
    el.classList.add("current");
    el.setAttribute("tabindex", "-1");
    el.focus();
    el.scrollIntoView({ block: "center" });
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-actor-button], [data-select], #body-text .m.actor, #next-mention, #clear-selection");
    if (!target) { return; }
    if (target.id === "next-mention") { next(); return; }
    if (target.id === "clear-selection") { clear(); status.textContent = "Highlight cleared."; return; }
    var key = target.getAttribute("data-actor-button") || target.getAttribute("data-select") ||
      target.getAttribute("data-actor");
    if (target.hasAttribute("data-select") && selected === key) { return; }
    select(key);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && selected) { clear(); status.textContent = "Highlight cleared."; }
  });
}());
