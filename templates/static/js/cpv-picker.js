// The CPV picker in the offering form, improved: matching codes appear while typing
// (from GET /api/v1/cpv). Without this script the "Find codes" button does the same
// by reloading the form.
(function () {
  "use strict";
  var input = document.getElementById("cpv_query");
  var list = document.getElementById("cpv-options");
  var status = document.getElementById("cpv-status");
  if (!input || !list || !status || !window.fetch) {
    return;
  }
  var dutch = document.documentElement.lang === "nl";
  var limit = 30;
  var timer = null;
  var last = input.value.trim();
  var pending = null;

  function clearResults() {
    var old = list.querySelectorAll("li.cpv-result");
    for (var i = 0; i < old.length; i++) {
      if (!old[i].querySelector("input:checked")) {
        list.removeChild(old[i]);
      }
    }
  }

  function item(code) {
    var id = "cpv-" + code.code;
    var li = document.createElement("li");
    li.className = "cpv-result";
    var radio = document.createElement("input");
    radio.type = "radio";
    radio.name = "cpv_code";
    radio.id = id;
    radio.value = code.code;
    var label = document.createElement("label");
    label.htmlFor = id;
    var number = document.createElement("span");
    number.className = "code";
    number.textContent = code.code;
    var division = document.createElement("span");
    division.className = "meta";
    division.textContent = "(" + ((dutch ? code.division_label_nl : code.division_label_en) || code.division) + ")";
    label.appendChild(number);
    label.appendChild(document.createTextNode(" " + ((dutch && code.label_nl) || code.label_en) + " "));
    label.appendChild(division);
    li.appendChild(radio);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(label);
    return li;
  }

  function show(codes) {
    clearResults();
    var shown = 0;
    for (var i = 0; i < codes.length; i++) {
      if (!document.getElementById("cpv-" + codes[i].code)) {
        list.appendChild(item(codes[i]));
      }
      shown++;
    }
    if (shown === 0) {
      status.textContent = status.getAttribute("data-none");
    } else if (shown >= limit) {
      status.textContent = status.getAttribute("data-more");
    } else {
      status.textContent = status.getAttribute("data-count");
    }
  }

  function search() {
    var query = input.value.trim();
    if (query === last) {
      return;
    }
    last = query;
    if (pending) {
      pending.abort();
      pending = null;
    }
    if (query === "") {
      clearResults();
      status.textContent = "";
      return;
    }
    pending = window.AbortController ? new AbortController() : null;
    var url = "/api/v1/cpv?limit=" + limit + "&q=" + encodeURIComponent(query);
    fetch(url, { headers: { Accept: "application/json" }, signal: pending ? pending.signal : undefined })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .then(function (data) {
        if (data && input.value.trim() === query) {
          show(data.codes || []);
        }
      })
      .catch(function () {
        // A failed or cancelled lookup leaves the list as it was; the button still works.
      });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, 250);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      window.clearTimeout(timer);
      search();
    }
  });
})();
