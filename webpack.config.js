// Builds the add-in's browser files into dist/:
//   taskpane.html          the shared-runtime page (the task pane, the ribbon commands and the
//                          custom functions run in it): office.js from Office's CDN, functions.js,
//                          taskpane.js (HtmlWebpackPlugin, template src/taskpane/taskpane.html)
//   taskpane.js            the task pane (React + Fluent UI, src/taskpane/index.tsx), which also
//                          registers the ribbon commands (src/commands/commands.ts)
//   functions.js           the HTX.* custom functions (src/functions/functions.ts + the engine)
//   functions.json         their metadata, from the JSDoc (custom-functions-metadata-plugin, which
//                          fails the build on a metadata error and appends the associate calls)
//   functions.vi-VN.json   the same metadata with the Vietnamese help (@vi, @viparam tags)
//   manifest.xml, assets/  the add-in manifest (URLs set to PRODUCTION_URL) and its icons
// `npm run build` (production) / `npm run build:dev` (development: unminified).
// `npm run dev-server`: webpack-dev-server on localhost:3000, https with the Office add-in
// development certificate when it is installed (`npx office-addin-dev-certs install`), else http
// (enough for a browser; Excel needs https); `-- --env http` forces http.
const fs = require("fs");
const os = require("os");
const path = require("path");
const ts = require("typescript");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

/** Where the production add-in is served (ends with "/"). The one place to change it. */
const PRODUCTION_URL = "https://localhost:3000/";
/** The address manifest.xml is written with (development). */
const DEV_URL = "https://localhost:3000/";

const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
const TASKPANE_SOURCE = "./src/taskpane/index.tsx";
const DEV_PORT = 3000;
/** Where office-addin-dev-certs installs the localhost certificate (its defaults). */
const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");
const METADATA = "functions.json";
const METADATA_VI = "functions.vi-VN.json";
const PLUGIN = "HtxAddinFiles";

/** Trimmed text of a JSDoc tag's comment, whitespace collapsed. */
function tagText(tag) {
  return (ts.getTextOfJSDocComment(tag.comment) || "").replace(/\s+/g, " ").trim();
}

/**
 * The Vietnamese help written beside each function's JSDoc: `@vi <description>` and
 * `@viparam <param> <vietnamese_name> <description>`. Returns Map id → { description, params }.
 */
function vietnameseHelp(file) {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true
  );
  const help = new Map();
  const errors = [];
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement)) continue;
    const tags = ts.getJSDocTags(statement);
    const cf = tags.find((t) => t.tagName.text === "customfunction");
    if (!cf) continue;
    const id = tagText(cf).split(" ")[0];
    const fname = statement.name ? statement.name.text : "?";
    if (!id) {
      errors.push(`${fname}: give the id after @customfunction`);
      continue;
    }
    const entry = { description: "", params: new Map() };
    for (const tag of tags) {
      const name = tag.tagName.text;
      if (name === "vi") entry.description = tagText(tag);
      if (name === "viparam") {
        const m = /^(\S+) (\S+) (.+)$/.exec(tagText(tag));
        if (!m) {
          errors.push(`${id}: write @viparam <param> <vietnamese_name> <description>`);
          continue;
        }
        entry.params.set(m[1], { name: m[2], description: m[3] });
      }
    }
    help.set(id, entry);
  }
  return { help, errors };
}

/** functions.json → functions.vi-VN.json: same ids, types and options; Vietnamese help. */
function localize(metadata, help) {
  const errors = [];
  const out = JSON.parse(JSON.stringify(metadata));
  for (const fn of out.functions) {
    const vi = help.get(fn.id);
    if (!vi || !vi.description) {
      errors.push(`${fn.id}: no Vietnamese description (@vi)`);
      continue;
    }
    fn.description = vi.description;
    const names = new Set();
    for (const p of fn.parameters) {
      const vp = vi.params.get(p.name);
      names.add(p.name);
      if (!vp) {
        errors.push(`${fn.id}: no Vietnamese help for parameter ${p.name} (@viparam)`);
        continue;
      }
      if (!/^[a-z][a-z0-9_]*$/.test(vp.name)) {
        errors.push(`${fn.id}: Vietnamese parameter name "${vp.name}" must be a-z, 0-9, _`);
      }
      p.name = vp.name;
      p.description = vp.description;
    }
    for (const extra of vi.params.keys()) {
      if (!names.has(extra)) errors.push(`${fn.id}: @viparam ${extra} names no parameter`);
    }
  }
  return { json: JSON.stringify(out, null, 4), errors };
}

/** Emits functions.vi-VN.json; fails the build on missing help. */
class HtxAddinFilesPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: PLUGIN, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const file = path.resolve(__dirname, FUNCTIONS_SOURCE);
          compilation.fileDependencies.add(file);
          const asset = compilation.getAsset(METADATA);
          if (!asset) {
            // custom-functions-metadata-plugin has reported why.
            if (compilation.errors.length === 0) {
              compilation.errors.push(new webpack.WebpackError(`${METADATA} was not generated`));
            }
            return;
          }
          const { help, errors } = vietnameseHelp(file);
          const result = localize(JSON.parse(asset.source.source().toString()), help);
          for (const e of [...errors, ...result.errors]) {
            compilation.errors.push(new webpack.WebpackError(`${FUNCTIONS_SOURCE}: ${e}`));
          }
          compilation.emitAsset(METADATA_VI, new webpack.sources.RawSource(result.json));
        }
      );
    });
  }
}

/**
 * The dev server's https options: the office-addin-dev-certs certificate when it is installed,
 * else null (http). Read from its files directly: nothing is generated or installed here.
 */
function devHttpsOptions(env) {
  if (env.http) return null;
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  const options = {};
  for (const [k, name] of Object.entries(files)) {
    const file = path.join(CERT_DIR, name);
    if (!fs.existsSync(file)) return null;
    options[k] = fs.readFileSync(file);
  }
  return options;
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const serving = !!env.WEBPACK_SERVE;
  const https = serving ? devHttpsOptions(env) : null;
  if (serving && !https && !env.http) {
    console.warn(
      "No Office add-in development certificate in " +
        CERT_DIR +
        ": serving http://localhost:" +
        DEV_PORT +
        "/ (a browser is fine; Excel needs https: run `npx office-addin-dev-certs install`)."
    );
  }
  return {
    mode: production ? "production" : "development",
    context: __dirname,
    devtool: "source-map",
    target: ["web", "es2020"],
    entry: { functions: FUNCTIONS_SOURCE, taskpane: TASKPANE_SOURCE },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // iconv-lite (TCVN3 table) runs on Buffer; the engine uses no stream or string decoder.
      fallback: { buffer: require.resolve("buffer/"), stream: false, string_decoder: false },
      alias: {
        // The engine uses iconv-lite's "tcvn" table only: leave out the large CJK tables.
        [path.resolve(__dirname, "node_modules/iconv-lite/encodings/dbcs-data.js")]: false,
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { configFile: "tsconfig.webpack.json", onlyCompileBundledFiles: true },
          },
        },
      ],
    },
    plugins: [
      new webpack.ProvidePlugin({ Buffer: ["buffer", "Buffer"] }),
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: METADATA }),
      new HtxAddinFilesPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // office.js (a plain script in the template's head) runs first; then the custom
        // functions (they call CustomFunctions.associate as they load), then the pane.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        inject: "head",
        scriptLoading: "defer",
        minify: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              production ? content.toString().split(DEV_URL).join(PRODUCTION_URL) : content,
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      host: "localhost",
      port: DEV_PORT,
      server: https ? { type: "https", options: https } : { type: "http" },
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
