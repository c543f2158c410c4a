/**
 * Observable Framework configuration of the dashboard (`npm run build` → dist/dashboard, served by the API at `/`).
 * Offline: no web fonts (`globalStylesheets: []`), no footer link, and pages import only the local bundles in
 * src/dashboard/components/ that scripts/build-dashboard.ts makes.
 */
export default {
  title: "Ticklens",
  root: "src/dashboard",
  output: "dist/dashboard",
  theme: ["air", "near-midnight"],
  globalStylesheets: [],
  footer: "",
  // An empty icon: otherwise the browser asks for /favicon.ico and logs the 404.
  head: '<link rel="icon" href="data:,">',
  sidebar: true,
  toc: false,
  pager: false,
  search: false,
  pages: [
    { name: "Market", path: "/" },
    { name: "Pairs", path: "/pairs" },
    { name: "Correlation", path: "/correlation" },
    { name: "Statistics", path: "/stats" },
    { name: "Alerts", path: "/alerts" },
    { name: "Data", path: "/data" },
  ],
};
