// The billing run's page while the run works: every few seconds, the progress section is read again from the
// page itself and replaced; once the run has finished its step the whole page is loaded again, with its buttons.
// Without JavaScript the page has a "Refresh" link instead.
(function () {
    "use strict";
    var section = document.getElementById("run-progress");
    if (!section || section.getAttribute("data-unfinished") !== "true") {
        return;
    }
    var status = section.getAttribute("data-status");
    function poll() {
        fetch(window.location.pathname, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
            .then(function (html) {
                var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("run-progress");
                if (!fresh) {
                    return;
                }
                if (fresh.getAttribute("data-status") !== status) {
                    window.location.reload();
                    return;
                }
                section.replaceChildren.apply(section, Array.prototype.slice.call(fresh.childNodes));
                window.setTimeout(poll, 3000);
            })
            .catch(function () { window.setTimeout(poll, 10000); });
    }
    window.setTimeout(poll, 3000);
})();
