// The Wegweiser's print button. Printing needs a script, so the button is hidden in
// the HTML and shown here; without scripts the sentence beside it says how to print.
document.querySelectorAll("[data-print-button]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
