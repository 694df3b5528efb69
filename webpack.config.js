// Builds the add-in's browser files into dist/:
//   functions.js           the HTX.* custom functions (src/functions/functions.ts + the engine)
//   functions.json         their metadata, from the JSDoc (custom-functions-metadata-plugin, which
//                          fails the build on a metadata error and appends the associate calls)
//   functions.vi-VN.json   the same metadata with the Vietnamese help (@vi, @viparam tags)
//   taskpane.html          the shared-runtime page (a placeholder until the task pane issue)
//   manifest.xml, assets/  the add-in manifest (URLs set to PRODUCTION_URL) and its icons
// `npm run build` (production) / `npm run build:dev` (development: unminified).
const fs = require("fs");
const path = require("path");
const ts = require("typescript");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

/** Where the production add-in is served (ends with "/"). The one place to change it. */
const PRODUCTION_URL = "https://localhost:3000/";
/** The address manifest.xml is written with (development). */
const DEV_URL = "https://localhost:3000/";

const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
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

const TASKPANE_PLACEHOLDER = `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="X-UA-Compatible" content="IE=Edge" />
    <title>Báo cáo HTX</title>
    <script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
    <script src="functions.js"></script>
  </head>
  <body>
    <p>Báo cáo HTX: các hàm HTX.* đã sẵn sàng. Gõ <code>=HTX.</code> vào một ô.</p>
    <p lang="en">HTX Report: the HTX.* functions are ready. Type <code>=HTX.</code> in a cell.</p>
  </body>
</html>
`;

/** Emits functions.vi-VN.json and the placeholder page; fails the build on missing help. */
class HtxAddinFilesPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: PLUGIN, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const file = path.resolve(__dirname, FUNCTIONS_SOURCE);
          compilation.fileDependencies.add(file);
          compilation.emitAsset(
            "taskpane.html",
            new webpack.sources.RawSource(TASKPANE_PLACEHOLDER)
          );
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

module.exports = (env, argv) => {
  const production = argv.mode !== "development";
  return {
    mode: production ? "production" : "development",
    context: __dirname,
    devtool: "source-map",
    target: ["web", "es2020"],
    entry: { functions: FUNCTIONS_SOURCE },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: {
      extensions: [".ts", ".js"],
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
          test: /\.ts$/,
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
  };
};
