// After a form comes back with errors, the error summary takes the focus, so a screen
// reader reads it and the page shows it (it is marked tabindex="-1" for this).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector(".error-summary[tabindex='-1']");
  if (summary) {
    summary.focus();
  }
});
