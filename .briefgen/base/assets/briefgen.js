// Material's search box is a dialog with no accessible name (axe rule aria-dialog-name,
// "serious"). Name it here rather than overriding the theme's partial, which Zensical
// would not read. The header is kept across instant navigation, so once is enough.
document.querySelectorAll(".md-search[role=dialog]").forEach(function (el) {
  el.setAttribute("aria-label", "Search");
});
