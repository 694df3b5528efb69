// Tests are compiled by tsc into build/ first (npm test does it).
module.exports = {
  spec: ["build/test/**/*.test.js"],
  reporter: "./test/support/reporter.js",
  timeout: 60000,
  "enable-source-maps": true,
};
