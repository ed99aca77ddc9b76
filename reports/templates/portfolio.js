// The portfolio's column sort. Allowed by the page's Content-Security-Policy through this file's
// sha256 hash (reports/portfolio.py): no other script, inline handler or javascript: link can run.
(function () {
  var table = document.getElementById("portfolio");
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, index) {
    th.addEventListener("click", function () {
      var asc = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var numeric = th.dataset.type === "num";
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      rows.sort(function (a, b) {
        var x = a.cells[index].dataset.v, y = b.cells[index].dataset.v;
        if (numeric) {
          if (x === "" && y === "") return 0;
          if (x === "") return 1;  // not measured sorts last either way
          if (y === "") return -1;
          return asc ? x - y : y - x;
        }
        return asc ? x.localeCompare(y) : y.localeCompare(x);
      });
      rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
    });
  });
})();
