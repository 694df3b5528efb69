// The browser test's stand-in for office.js (test/browser/office-stub.ts → the in-memory fake of
// the Excel API), bundled for the browser into build/browser-stub/office-stub.js. The test
// (test/browser/taskpane.test.ts) builds it in its `before` through webpack's Node API.
const path = require("path");

module.exports = {
  mode: "development",
  context: __dirname,
  devtool: false,
  target: ["web", "es2020"],
  entry: { "office-stub": "./test/browser/office-stub.ts" },
  output: {
    path: path.resolve(__dirname, "build/browser-stub"),
    filename: "[name].js",
    clean: true,
  },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          // tsc type-checks these files with the Node build; here they are only transpiled.
          options: { configFile: "tsconfig.webpack.json", transpileOnly: true },
        },
      },
    ],
  },
  performance: { hints: false },
};
