// Sort a ranking table by any column: each column head becomes a button. Without this script
// the tables are still complete, ranked by realisation.
(function () {
  "use strict";
  document.querySelectorAll("table.urut").forEach(function (table) {
    var heads = table.tHead.rows[0].cells;
    var body = table.tBodies[0];
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "urut-tombol";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var turun = th.getAttribute("aria-sort") !== "descending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", turun ? "descending" : "ascending");
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) {
          var cell = row.cells[col];
          var v = cell.getAttribute("data-urut");
          if (v === null) return cell.textContent.trim();
          // an empty value (no figure) sorts below every number
          var f = parseFloat(v);
          return isNaN(f) ? -Infinity : f;
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "id");
          return turun ? -c : c;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
