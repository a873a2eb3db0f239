// The timeline's grid, enhanced (the page works without it: each free half-hour is a link to the booking form).
// - One tab stop per resource row; the arrow keys move along the row (and up or down to the same time),
//   Home and End go to its ends.
// - Day view: Shift with an arrow, or a drag with the mouse, widens the choice over free half-hours of one row;
//   Enter (or releasing the mouse) opens the booking form with the chosen start and end. A choice is announced
//   in the page's live region.
(function () {
    "use strict";
    document.querySelectorAll("table.timeline[data-grid]").forEach(function (table) {
        var day = table.getAttribute("data-grid") === "day";
        var live = document.getElementById("grid-choice");
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        var anchor = null;
        var chosen = [];
        if (day) {
            // A grid: its cells can be chosen (aria-selected), each row a single stop in the tab order.
            table.setAttribute("role", "grid");
        }

        function cells(row) {
            return Array.prototype.slice.call(row.cells).filter(function (cell) { return cell.tagName === "TD"; });
        }
        function column(cell) {
            return day ? Number(cell.getAttribute("data-i")) : cells(cell.parentNode).indexOf(cell);
        }
        function free(cell) {
            return cell.classList.contains("free");
        }
        function link(cell) {
            return cell.querySelector("a");
        }

        rows.forEach(function (row) {
            var list = cells(row);
            var first = list.filter(free)[0] || list.filter(link)[0] || list[0];
            list.forEach(function (cell) {
                cell.tabIndex = cell === first ? 0 : -1;
                var a = link(cell);
                if (a) {
                    a.tabIndex = -1;
                }
            });
        });

        function focus(cell) {
            cells(cell.parentNode).forEach(function (other) { other.tabIndex = -1; });
            cell.tabIndex = 0;
            cell.focus();
        }
        function clear() {
            chosen.forEach(function (cell) { cell.removeAttribute("aria-selected"); });
            chosen = [];
        }
        // Chooses the free cells from the anchor to `to` in one row, stopping at the first one that is not free.
        function choose(to) {
            clear();
            if (!anchor || to.parentNode !== anchor.parentNode || !free(anchor)) {
                return;
            }
            var list = cells(anchor.parentNode);
            var a = list.indexOf(anchor);
            var b = list.indexOf(to);
            var step = b >= a ? 1 : -1;
            for (var i = a; ; i += step) {
                if (!free(list[i])) {
                    break;
                }
                chosen.push(list[i]);
                if (i === b) {
                    break;
                }
            }
            chosen.sort(function (x, y) { return column(x) - column(y); });
            chosen.forEach(function (cell) { cell.setAttribute("aria-selected", "true"); });
            if (live && chosen.length > 0) {
                var name = anchor.parentNode.querySelector("th .name");
                live.textContent = (name ? name.textContent + ", " : "") + chosen[0].getAttribute("data-time") + "–" +
                    chosen[chosen.length - 1].getAttribute("data-end");
            }
        }
        function book() {
            if (chosen.length === 0) {
                return false;
            }
            var a = link(chosen[0]);
            if (!a) {
                return false;
            }
            var url = a.getAttribute("href").split("#")[0];
            window.location.assign(url + "&to=" + encodeURIComponent(chosen[chosen.length - 1].getAttribute("data-end")) + "#book");
            return true;
        }
        function neighbour(cell, key) {
            var row = cell.parentNode;
            var list = cells(row);
            var i = list.indexOf(cell);
            if (key === "ArrowRight") {
                return list[i + 1];
            }
            if (key === "ArrowLeft") {
                return list[i - 1];
            }
            if (key === "Home") {
                return list[0];
            }
            if (key === "End") {
                return list[list.length - 1];
            }
            var other = rows[rows.indexOf(row) + (key === "ArrowDown" ? 1 : -1)];
            if (!other) {
                return null;
            }
            var at = column(cell);
            return cells(other).filter(function (c) {
                var span = day ? Number(c.colSpan || 1) : 1;
                return column(c) <= at && at < column(c) + span;
            })[0] || null;
        }

        table.addEventListener("keydown", function (event) {
            var cell = event.target.closest && event.target.closest("td");
            if (!cell || !table.contains(cell)) {
                return;
            }
            var keys = ["ArrowRight", "ArrowLeft", "ArrowUp", "ArrowDown", "Home", "End"];
            if (keys.indexOf(event.key) >= 0) {
                var next = neighbour(cell, event.key);
                event.preventDefault();
                if (!next) {
                    return;
                }
                if (day && event.shiftKey && next.parentNode === cell.parentNode) {
                    if (!anchor || anchor.parentNode !== cell.parentNode) {
                        anchor = cell;
                    }
                    choose(next);
                } else if (!event.shiftKey) {
                    anchor = null;
                    clear();
                }
                focus(next);
            } else if (event.key === "Enter" || event.key === " ") {
                event.preventDefault();
                if (!(day && chosen.length > 1 && book())) {
                    var a = link(cell);
                    if (a) {
                        a.click();
                    }
                }
            } else if (event.key === "Escape" && chosen.length > 0) {
                anchor = null;
                clear();
                if (live) {
                    live.textContent = "";
                }
            }
        });

        if (!day) {
            return;
        }
        var dragging = false;
        var dragged = false;
        table.addEventListener("pointerdown", function (event) {
            var cell = event.target.closest("td");
            if (event.pointerType !== "mouse" || event.button !== 0 || !cell || !free(cell)) {
                return;
            }
            dragging = true;
            dragged = false;
            anchor = cell;
            choose(cell);
            event.preventDefault();
            focus(cell);
        });
        table.addEventListener("pointerover", function (event) {
            var cell = dragging && event.target.closest("td");
            if (cell && cell.parentNode === anchor.parentNode && cell !== chosen[chosen.length - 1]) {
                dragged = dragged || cell !== anchor;
                choose(cell);
            }
        });
        document.addEventListener("pointerup", function () {
            if (dragging) {
                dragging = false;
                if (dragged) {
                    book();
                }
            }
        });
        // A drag ends in a click on the row, which must not also follow the first cell's link.
        table.addEventListener("click", function (event) {
            if (dragged) {
                event.preventDefault();
                dragged = false;
            }
        }, true);
    });
})();
