// EcgXai concept atlas: search/filter over concept cards and an expert's notes, kept in the browser and exported to /
// imported from a JSON file (schema "ecgxai-atlas-notes/1"). No network, no server.
(function () {
  "use strict";
  var model = document.body.getAttribute("data-model");
  var storageKey = "ecgxai-atlas-notes:" + model;
  var notes = {};
  function key(layer, channel) { return layer + "|" + channel; }
  function merge(list) {
    list.forEach(function (n) {
      if (n.model_sha256 !== model) { return; }
      var k = key(n.layer, n.channel);
      if (!notes[k] || (n.updated || "") >= (notes[k].updated || "")) { notes[k] = n; }
    });
  }
  function load() {
    var embedded = JSON.parse(document.getElementById("atlas-notes").textContent);
    merge(embedded.notes || []);
    try {
      var saved = window.localStorage.getItem(storageKey);
      if (saved) { merge(JSON.parse(saved)); }
    } catch (e) { /* storage unavailable (private mode): notes live until the page closes */ }
  }
  function save() {
    try { window.localStorage.setItem(storageKey, JSON.stringify(Object.values(notes))); } catch (e) { /* see load */ }
  }
  function cards() { return Array.prototype.slice.call(document.querySelectorAll("article.concept")); }
  function show() {
    cards().forEach(function (card) {
      var n = notes[key(card.dataset.layer, card.dataset.channel)];
      card.querySelector("textarea").value = n ? n.note : "";
      card.querySelector("select").value = n ? n.verdict : "";
    });
    filter();
  }
  function edited(card) {
    var layer = card.dataset.layer, channel = parseInt(card.dataset.channel, 10);
    notes[key(layer, channel)] = {
      model_sha256: model, layer: layer, channel: channel,
      verdict: card.querySelector("select").value, note: card.querySelector("textarea").value,
      updated: new Date().toISOString()
    };
    save();
    filter();
  }
  function filter() {
    var terms = document.getElementById("search").value.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
    var verdict = document.getElementById("verdict-filter").value;
    var shown = 0, all = cards();
    all.forEach(function (card) {
      var n = notes[key(card.dataset.layer, card.dataset.channel)];
      var text = (card.dataset.search + " " + (n ? n.note + " " + n.verdict : "")).toLowerCase();
      var ok = terms.every(function (t) { return text.indexOf(t) >= 0; });
      if (verdict === "none") { ok = ok && !(n && n.verdict); } else if (verdict) { ok = ok && !!n && n.verdict === verdict; }
      card.classList.toggle("hidden", !ok);
      if (ok) { shown++; }
    });
    if (terms.length > 0 || verdict) {
      // a search or verdict filter looks into the collapsed concepts too
      Array.prototype.forEach.call(document.querySelectorAll("details.more"), function (d) { d.open = true; });
    }
    document.getElementById("concept-count").textContent = shown + " of " + all.length + " concepts";
  }
  function exportNotes() {
    var list = Object.values(notes).filter(function (n) { return n.note || n.verdict; });
    list.sort(function (a, b) { return a.layer < b.layer ? -1 : a.layer > b.layer ? 1 : a.channel - b.channel; });
    var blob = new Blob([JSON.stringify({ schema: "ecgxai-atlas-notes/1", notes: list }, null, 2) + "\n"], { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "ecgxai-notes-" + model.substring(0, 12) + ".json";
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  function importNotes(file) {
    var reader = new FileReader();
    reader.onload = function () {
      var parsed = JSON.parse(reader.result);
      if (parsed.schema !== "ecgxai-atlas-notes/1") { document.getElementById("import-status").textContent = "not an atlas notes file"; return; }
      merge(parsed.notes || []);
      save();
      show();
      document.getElementById("import-status").textContent = "imported " + (parsed.notes || []).length + " notes";
    };
    reader.readAsText(file);
  }
  document.addEventListener("DOMContentLoaded", function () {
    load();
    cards().forEach(function (card) {
      card.querySelector("textarea").addEventListener("input", function () { edited(card); });
      card.querySelector("select").addEventListener("change", function () { edited(card); });
    });
    document.getElementById("search").addEventListener("input", filter);
    document.getElementById("verdict-filter").addEventListener("change", filter);
    document.getElementById("export-notes").addEventListener("click", exportNotes);
    document.getElementById("import-notes").addEventListener("change", function (e) { if (e.target.files.length) { importNotes(e.target.files[0]); } });
    show();
  });
})();
