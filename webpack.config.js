/* eslint-disable no-undef */
// Build of the add-in: one shared runtime (task pane + custom functions, docs/reference/functions.md, tabs.md).
// - functions.json from the JSDoc in src/functions/functions.ts (custom-functions-metadata-plugin)
// - functions.zh-cn.json derived from it and src/functions/zh-cn.json (build/functionsLocale.js)
// - taskpane.html loads office.js from Microsoft's CDN (never bundled) and both chunks
// - production rewrites every localhost URL to SALESPERF_URL (manifest, help links, docs pages)
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { deriveLocalizedMetadata } = require("./build/functionsLocale");
const { renderDocs } = require("./build/docsHtml");

const DEV_URL = "https://localhost:3000";
/** The address used when SALESPERF_URL is not set: fine for tests, useless to a company (`npm run package` refuses it). */
const EXAMPLE_URL = "https://salesperf.example.com";

/**
 * The one place the production address is configured: SALESPERF_URL, the https address where dist/ will be hosted
 * (an origin, or an origin and a folder such as https://intranet.contoso.com/salesperf). Office loads add-ins only
 * over https, so anything else stops the build with a message.
 */
function productionUrl(value = process.env.SALESPERF_URL) {
  const raw = (value || EXAMPLE_URL).trim().replace(/\/+$/, "");
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SALESPERF_URL "${raw}" is not a web address; give the https address where dist/ will be hosted.`);
  }
  if (url.protocol !== "https:") throw new Error(`SALESPERF_URL "${raw}" must start with https:// (Office loads add-ins only over https).`);
  if (url.search || url.hash || url.username) throw new Error(`SALESPERF_URL "${raw}" must be a plain address, without ?query, #fragment or user name.`);
  return raw;
}

/** package.json's version as the manifest's four-part Version: Office re-reads functions.json and the script only when it changes. */
function manifestVersion() {
  const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, "package.json"), "utf8"));
  const parts = version.split(/[.+-]/).slice(0, 3).map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isInteger(n))) throw new Error(`package.json version "${version}" is not x.y.z`);
  return `${parts.join(".")}.0`;
}

/** The production manifest: every localhost URL under `url` (SALESPERF_URL), AppDomain its origin, Version from package.json. */
function productionManifest(xml, url) {
  const origin = new URL(url).origin;
  return xml
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .split(DEV_URL)
    .join(url)
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion()}</Version>`);
}

async function getHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

/** Emits functions.zh-cn.json next to functions.json, and the rendered docs. */
class LocalizedAssetsPlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizedAssetsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizedAssetsPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (asset) {
            // @helpurl links point at the dev server in the source; production points them at SALESPERF_URL.
            const metadataText = this.options.dev
              ? asset.source.source().toString()
              : asset.source.source().toString().split(DEV_URL).join(this.options.url);
            if (!this.options.dev) compilation.updateAsset("functions.json", new webpack.sources.RawSource(metadataText));
            const translations = JSON.parse(fs.readFileSync(this.options.translations, "utf8"));
            const { json, problems } = deriveLocalizedMetadata(JSON.parse(metadataText), translations);
            for (const p of problems) compilation.errors.push(new webpack.WebpackError(`functions.zh-cn.json: ${p}`));
            compilation.emitAsset("functions.zh-cn.json", new webpack.sources.RawSource(JSON.stringify(json, null, 2)));
          }
          for (const page of renderDocs(this.options.docs)) {
            const html = this.options.dev ? page.html : page.html.split(DEV_URL).join(this.options.url);
            compilation.emitAsset(`docs/${page.file}`, new webpack.sources.RawSource(html));
          }
        },
      );
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  let url = DEV_URL;
  if (!dev) {
    try {
      url = productionUrl();
    } catch (e) {
      // A wrong address is the user's input, not a build failure: one line, no stack.
      process.stderr.write(`salesperf build: ${e.message}\n`);
      process.exit(2);
    }
    if (url === EXAMPLE_URL)
      process.stderr.write(`salesperf build: SALESPERF_URL is not set, so dist/ points at ${EXAMPLE_URL} (fine for a test, not for a company).\n`);
  }
  const serving = Boolean(env && env.WEBPACK_SERVE);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), clean: true },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The pane's lazy statements chunk reaches src/render/xlsx/dataSheetXml.ts, which needs Node's "stream" only
      // for --with-data copies (never in the pane); webpack 5 has no Node polyfills.
      fallback: { stream: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // ES modules let webpack drop the unused parts of Fluent UI (3.4 MB → ~200 KB gzipped).
            options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler" } },
          },
        },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext][query]" } },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new LocalizedAssetsPlugin({ translations: "./src/functions/zh-cn.json", docs: "./docs", dev, url }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return dev ? content : productionManifest(content.toString(), url);
            },
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          static: { directory: path.join(__dirname, "dist") },
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await getHttpsOptions() },
          port: process.env.npm_package_config_dev_server_port || 3000,
        }
      : undefined,
  };
};

module.exports.DEV_URL = DEV_URL;
module.exports.EXAMPLE_URL = EXAMPLE_URL;
module.exports.productionUrl = productionUrl;
module.exports.productionManifest = productionManifest;
module.exports.manifestVersion = manifestVersion;
