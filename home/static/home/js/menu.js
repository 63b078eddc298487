// The main menu is a <details>, closed on phones. Where there is room, it starts open,
// as a row of links; without this script it stays one click away.
if (window.matchMedia("(min-width: 48rem)").matches) {
  document.querySelectorAll("[data-open-when-wide]").forEach((menu) => {
    menu.open = true;
  });
}
