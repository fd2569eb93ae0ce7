// After a form comes back with errors, the error summary takes the focus, so a screen
// reader reads it and the page shows it (it is marked tabindex="-1" for this).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector(".error-summary[tabindex='-1']");
  if (summary) {
    summary.focus();
  }
});

// The catalogue's filters: beside the results on a wide screen (always open), behind
// their "Filters" summary on a phone (closed until asked for). Without script they stay open.
document.addEventListener("DOMContentLoaded", function () {
  var filters = document.querySelector("details[data-collapse-narrow]");
  if (!filters) {
    return;
  }
  var wide = window.matchMedia("(min-width: 60rem)");
  filters.open = wide.matches;
  wide.addEventListener("change", function () {
    filters.open = wide.matches;
  });
});

// On a phone the menu folds behind a "Menu" button (without script it stays open).
document.addEventListener("DOMContentLoaded", function () {
  var button = document.querySelector(".menu-button");
  var menu = document.getElementById("site-menu");
  if (!button || !menu) {
    return;
  }
  button.hidden = false;
  document.querySelector(".site-header").classList.add("has-menu-button");
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    menu.classList.toggle("is-open", open);
  });
});

// The figures form: while the target-group breakdown is filled in, a running total says
// how many of how many people are divided (the server checks it again on submit).
document.addEventListener("DOMContentLoaded", function () {
  var total = document.querySelector(".tg-total");
  if (!total) {
    return;
  }
  var form = total.closest("form");
  var number = function (name) {
    var field = form.elements[name];
    var n = field ? parseInt(field.value, 10) : 0;
    return isNaN(n) ? 0 : n;
  };
  var update = function () {
    var given = 0;
    Array.prototype.forEach.call(form.querySelectorAll("input[name^='tg_']"), function (field) {
      var n = parseInt(field.value, 10);
      given += isNaN(n) ? 0 : n;
    });
    var ceiling = number("paid_target_group") + number("trainees") + number("daytime_activities");
    var text = total.dataset.text.replace("{given}", given).replace("{ceiling}", ceiling);
    total.textContent = given > ceiling ? text + " " + total.dataset.over : text;
    total.classList.toggle("tg-total--over", given > ceiling);
  };
  total.hidden = false;
  update();
  form.addEventListener("input", update);
});
