// REMIX_OUT_DIR lets several checkouts' worth of builds (e.g. parallel test
// runs) live side by side; by default the usual build/ and public/build.
const outDir = process.env.REMIX_OUT_DIR;

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  serverBuildPath: outDir ? `${outDir}/index.js` : "build/index.js",
  assetsBuildDirectory: outDir ? `${outDir}/assets` : "public/build",
  publicPath: "/build/",
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  serverDependenciesToBundle: [],
  tailwind: true,
  postcss: false,
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
