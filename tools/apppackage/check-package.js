#!/usr/bin/env node
// Checks a Teams app package given on stdin, with the same checks the build runs before it zips (lib/package-check.js).
// The tests use it to check the sources, and deliberately broken copies of them, without building a zip.
//
// Usage: node check-package.js  < {"manifest.json": "<base64>", "en.json": "<base64>", "color.png": "<base64>", ...}
// Writes {"manifestVersion": "1.30", "problems": {"<file>": ["...", ...]}, "icons": {"<file>": {pngFacts}}} on stdout
// and nothing else; "problems" is {} when the package passes. Placeholders are not filled in here: send filled files.
//
// Exit codes: 0 checked (whatever the verdict, which is in the JSON), 2 bad input or missing node_modules.
"use strict";

function fail(code, message) {
  process.stderr.write(`check-package.js: ${message}\n`);
  process.exit(code);
}

let checkPackage;
try {
  ({ checkPackage } = require("./lib/package-check"));
} catch (error) {
  fail(2, `cannot load the checks (${error.message}): run 'npm ci --prefix tools/apppackage' first`);
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  let encoded;
  try {
    encoded = JSON.parse(input);
  } catch (error) {
    fail(2, `stdin is not JSON: ${error.message}`);
  }
  if (!encoded || typeof encoded !== "object" || Array.isArray(encoded)) fail(2, 'stdin must be {"<file name>": "<base64>", ...}');
  const files = Object.fromEntries(Object.entries(encoded).map(([name, base64]) => [name, Buffer.from(String(base64), "base64")]));
  process.stdout.write(JSON.stringify(checkPackage(files)));
});
