// Observable Framework configuration for the Ticklens dashboard (pages live in src/dashboard).
export default {
  title: "Ticklens",
  root: "src/dashboard",
  output: "dist/dashboard",
  // No web-font link: the dashboard must build and render with no network.
  globalStylesheets: [],
};
