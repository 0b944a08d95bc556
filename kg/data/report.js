// The HTML report's filters (kg/report.py inlines it): by actor and date, by toggling `hidden`.
// The page is complete without it, and it reads no data but the DOM's. `#actor=…&from=…&to=…` presets them.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var actor = $("f-actor"), from = $("f-from"), to = $("f-to"), undated = $("f-undated");
  var all = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var names = function (el) { return JSON.parse(el.getAttribute("data-actors") || "[]"); };
  function dateOk(d) {
    if (!d) { return undated.checked; }
    return (!from.value || d >= from.value) && (!to.value || d <= to.value);
  }
  function actorOk(el) { return !actor.value || names(el).indexOf(actor.value) >= 0; }
  function apply() {
    var shown = 0, total = 0;
    all("#contested .claim").forEach(function (card) {
      var items = all(".stmt", card), any = false;
      items.forEach(function (li) { li.hidden = !dateOk(li.getAttribute("data-date")); any = any || !li.hidden; });
      card.hidden = !(actorOk(card) && (any || items.length === 0));
    });
    all("#statements tr.stmt").forEach(function (tr) {
      tr.hidden = !(actorOk(tr) && dateOk(tr.getAttribute("data-date")));
      total += 1; shown += tr.hidden ? 0 : 1;
    });
    var visible = {};
    all("#matrix th.col").forEach(function (th) {
      var dates = JSON.parse(th.getAttribute("data-dates") || "[]");
      var ok = actorOk(th) && dates.some(dateOk);
      visible[th.getAttribute("data-col")] = ok;
      th.hidden = !ok;
    });
    all("#matrix [data-col]").forEach(function (el) { el.hidden = !visible[el.getAttribute("data-col")]; });
    all("#matrix tbody tr").forEach(function (tr) {
      tr.hidden = !all("td", tr).some(function (td) { return !td.hidden && td.textContent !== ""; });
    });
    var a = actor.value;
    all("#network .edge").forEach(function (g) {
      var hit = !a || g.getAttribute("data-from") === a || g.getAttribute("data-to") === a;
      g.classList.toggle("dim", !hit);
    });
    var near = {};
    all("#network .edge:not(.dim)").forEach(function (g) {
      near[g.getAttribute("data-from")] = true; near[g.getAttribute("data-to")] = true;
    });
    all("#network .node").forEach(function (g) { g.classList.toggle("dim", !!a && !near[g.getAttribute("data-actor")]); });
    $("f-shown").textContent = "Showing " + shown + " of " + total + " statements";
    var hash = new URLSearchParams();
    if (a) { hash.set("actor", a); }
    if (from.value) { hash.set("from", from.value); }
    if (to.value) { hash.set("to", to.value); }
    if (!undated.checked) { hash.set("undated", "no"); }
    try { history.replaceState(null, "", hash.toString() ? "#" + hash.toString() : location.pathname); }
    catch (e) { /* some browsers refuse history changes on file: pages; the filters still work */ }
  }
  var preset = new URLSearchParams(location.hash.slice(1));
  if (preset.has("actor")) { actor.value = preset.get("actor"); }
  from.value = preset.get("from") || "";
  to.value = preset.get("to") || "";
  undated.checked = preset.get("undated") !== "no";
  [actor, from, to, undated].forEach(function (el) { el.addEventListener("change", apply); });
  $("filters").addEventListener("submit", function (event) { event.preventDefault(); });
  $("f-reset").addEventListener("click", function () {
    actor.value = ""; from.value = ""; to.value = ""; undated.checked = true; apply();
  });
  apply();
})();
