#!/usr/bin/env node
// Command line entry: the compiled CLI lives in build/ (npm install builds it).
require("../build/src/cli/main.js")
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
