(function () {
  "use strict";
  // Page table: sort, filter, search and a per-page drill-down. Crawled text is only ever set
  // through textContent, never parsed as HTML. Allowed by the CSP through this file's sha256 hash.
  var table = document.getElementById("page-table");
  if (!table) { return; }
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var search = document.getElementById("page-search");
  var filter = document.getElementById("page-filter");
  var count = document.getElementById("page-count");
  var countTemplate = count ? count.getAttribute("data-template") : "{n}";
  var windowTemplate = count ? count.getAttribute("data-window") : "{n}";
  var showAll = document.getElementById("page-all");
  var dataNode = document.getElementById("drill-data");
  // Only the first `limit` matching rows are displayed: hidden rows cost no layout, so sorting and
  // filtering stay fast on 3,000-page audits. "Show all" lifts the limit.
  var limit = Number(dataNode.getAttribute("data-window")) || Infinity;
  var data = null;
  var openRow = null;
  var sortKey = null;
  var sortDir = 1;
  var texts = rows.map(function (row) {
    return (row.getAttribute("data-url") + " " + row.getAttribute("data-title")).toLowerCase();
  });

  function apply() {
    var query = search ? search.value.trim().toLowerCase() : "";
    var mode = filter ? filter.value : "all";
    var shown = 0;
    closeDrill();
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var ok = !query || texts[i].indexOf(query) !== -1;
      if (ok && mode === "failed") { ok = row.getAttribute("data-failed") !== ""; }
      if (ok && mode === "errors") { ok = Number(row.getAttribute("data-status") || 0) >= 400 || row.hasAttribute("data-error"); }
      if (ok && mode.indexOf("check:") === 0) {
        ok = (" " + row.getAttribute("data-failed") + " ").indexOf(" " + mode.slice(6) + " ") !== -1;
      }
      if (ok) { shown++; }
      row.hidden = !ok || shown > limit;
    }
    var capped = shown > limit;
    if (count) {
      count.textContent = capped
        ? windowTemplate.replace("{n}", String(limit)).replace("{total}", String(shown))
        : countTemplate.replace("{n}", String(shown));
    }
    if (showAll) { showAll.hidden = !capped; }
  }

  function value(row, key) {
    var raw = row.getAttribute("data-" + key);
    if (key === "url") { return raw; }
    return raw === "" ? null : Number(raw);
  }

  function sortBy(key, button) {
    sortDir = sortKey === key ? -sortDir : 1;
    sortKey = key;
    closeDrill();
    var keyed = rows.map(function (row, i) { return [value(row, key), i, row]; });
    keyed.sort(function (a, b) {
      if (a[0] === b[0]) { return a[1] - b[1]; }
      if (a[0] === null) { return 1; }  // not measured always last
      if (b[0] === null) { return -1; }
      return (a[0] < b[0] ? -1 : 1) * sortDir;
    });
    var fragment = document.createDocumentFragment();
    rows = keyed.map(function (k) { fragment.appendChild(k[2]); return k[2]; });
    texts = rows.map(function (row) {
      return (row.getAttribute("data-url") + " " + row.getAttribute("data-title")).toLowerCase();
    });
    tbody.appendChild(fragment);
    apply();
    var headers = table.querySelectorAll("th[aria-sort]");
    for (var h = 0; h < headers.length; h++) { headers[h].setAttribute("aria-sort", "none"); }
    button.parentNode.setAttribute("aria-sort", sortDir === 1 ? "ascending" : "descending");
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function closeDrill() {
    if (openRow) {
      var button = openRow.previousSibling && openRow.previousSibling.querySelector("button.drill");
      if (button) { button.setAttribute("aria-expanded", "false"); }
      openRow.parentNode.removeChild(openRow);
      openRow = null;
    }
  }

  function drill(row, button) {
    var wasOpen = openRow && openRow.previousSibling === row;
    closeDrill();
    if (wasOpen) { return; }
    if (data === null) { data = JSON.parse(dataNode.textContent); }
    var labels = data.labels;
    var findings = data.pages[Number(row.getAttribute("data-i"))] || [];
    var tr = el("tr", "drill-row");
    var td = el("td");
    td.colSpan = row.cells.length;
    var box = el("div", "drill");
    box.setAttribute("role", "region");
    box.appendChild(el("h4", null, labels.page_findings));
    if (!findings.length) { box.appendChild(el("p", "muted", labels.no_findings)); }
    var list = el("ul", "drill-list");
    findings.forEach(function (f) {
      var check = data.checks[f[0]];
      var state = f[1];
      var li = el("li", "state-" + state);
      var badge = el("span", "badge state-" + state, labels["state_" + state] || state);
      li.appendChild(badge);
      li.appendChild(document.createTextNode(" "));
      var link = el("a", null, state === "fail" || state === "warn" ? check[2] : check[1]);
      link.setAttribute("href", "#" + check[3]);
      li.appendChild(link);
      li.appendChild(el("span", "check-id", " " + check[0]));
      if (f[2] !== null) { li.appendChild(el("span", "muted", " · " + labels.score + " " + f[2])); }
      if (f[3]) {
        var reason = el("div", "drill-reason", f[3]);
        if (f[5]) { reason.setAttribute("lang", "en"); }  // no translation: the checks' own English
        li.appendChild(reason);
      }
      if (f[4].length) {
        var ev = el("ul", "evidence");
        f[4].forEach(function (e) {
          var item = el("li");
          if (e[1]) { item.appendChild(el("span", "el", e[1])); item.appendChild(document.createTextNode(" ")); }
          if (e[2]) { item.appendChild(el("q", "excerpt", e[2])); }
          if (e[3]) {
            var note = el("span", "muted", " — " + e[3]);
            if (e[4]) { note.setAttribute("lang", "en"); }
            item.appendChild(note);
          }
          ev.appendChild(item);
        });
        li.appendChild(ev);
      }
      list.appendChild(li);
    });
    box.appendChild(list);
    var close = el("button", "close", labels.close);
    close.type = "button";
    close.addEventListener("click", function () { closeDrill(); button.focus(); });
    box.appendChild(close);
    td.appendChild(box);
    tr.appendChild(td);
    row.parentNode.insertBefore(tr, row.nextSibling);
    openRow = tr;
    button.setAttribute("aria-expanded", "true");
  }

  tbody.addEventListener("click", function (event) {
    var button = event.target.closest("button.drill");
    if (button) { drill(button.closest("tr"), button); }
  });
  var sorters = table.querySelectorAll("thead button[data-sort]");
  for (var s = 0; s < sorters.length; s++) {
    sorters[s].addEventListener("click", function (event) {
      sortBy(event.currentTarget.getAttribute("data-sort"), event.currentTarget);
    });
  }
  if (search) { search.addEventListener("input", apply); }
  if (filter) { filter.addEventListener("change", apply); }
  if (showAll) { showAll.addEventListener("click", function () { limit = Infinity; apply(); }); }
  var controls = document.getElementById("page-controls");
  if (controls) { controls.hidden = false; }  // without script the table is simply static
  apply();
})();
