// Small enhancements of every page; each page works without them.
// - Phones: the site menu folds behind a "Menu" button (aria-expanded says whether it is open).
// - The language picker applies as soon as a language is chosen (its "Change" button stays for keyboards
//   that move through the options: it is only hidden once a choice has been made with the pointer).
// - A wide table scrolls sideways inside a labelled, focusable frame instead of widening the page (pages
//   without JavaScript scroll as a whole).
// - A form whose button carries data-confirm asks before a destructive action (the server asks again
//   where the action has a cost, as the booking's cancel step does).
(function () {
    "use strict";
    var root = document.documentElement;
    root.classList.add("js");

    var button = document.querySelector(".menu-button");
    var menu = document.getElementById("site-menu");
    if (button && menu) {
        button.hidden = false;
        button.addEventListener("click", function () {
            var open = button.getAttribute("aria-expanded") !== "true";
            button.setAttribute("aria-expanded", String(open));
            menu.classList.toggle("open", open);
        });
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
                button.setAttribute("aria-expanded", "false");
                menu.classList.remove("open");
                button.focus();
            }
        });
    }

    document.querySelectorAll("select[data-apply-on-change]").forEach(function (select) {
        select.addEventListener("change", function () {
            if (select.form) {
                select.form.requestSubmit ? select.form.requestSubmit() : select.form.submit();
            }
        });
    });

    document.querySelectorAll("main table").forEach(function (table) {
        if (table.closest(".table-wrap, .timeline-wrap")) {
            return;
        }
        var frame = document.createElement("div");
        frame.className = "table-wrap";
        frame.setAttribute("role", "region");
        frame.tabIndex = 0;
        var caption = table.caption && table.caption.textContent.trim();
        var heading = null;
        for (var node = table.previousElementSibling; node && !heading; node = node.previousElementSibling) {
            if (/^H[1-4]$/.test(node.tagName)) {
                heading = node.textContent.trim();
            }
        }
        frame.setAttribute("aria-label", caption || table.getAttribute("aria-label") || heading || document.title);
        table.parentNode.insertBefore(frame, table);
        frame.appendChild(table);
    });

    document.querySelectorAll("[data-confirm]").forEach(function (element) {
        var form = element.form || element.closest("form");
        if (!form) {
            return;
        }
        form.addEventListener("submit", function (event) {
            if (event.submitter === element && !window.confirm(element.getAttribute("data-confirm"))) {
                event.preventDefault();
            }
        });
    });
})();
