#!/usr/bin/env node
// Expands Adaptive Card templates with Microsoft's official templating engine (npm "adaptivecards-templating" with
// its peer "adaptive-expressions"), the same engine the Adaptive Cards designer uses.
//
// Usage: node expand-templates.js  < [{"name": string, "template": object, "data": any}, ...]
// Writes, in the same order, [{"name": string, "expanded": any} | {"name": string, "error": string}, ...] on stdout
// and nothing else. Each template is expanded as new Template(template).expand({ $root: data }).
// "expanded" is null when the engine returned nothing (for example a root-level "$when" that is false).
// The engine's own warnings are not passed on: it warns for every $when that is not true, a plain false included.
//
// Exit codes: 0 done (per-template failures are in the JSON), 2 bad input or missing node_modules.
"use strict";

const util = require("util");

// stdout is reserved for the JSON result: everything that logs goes to stderr.
for (const method of ["log", "info", "debug", "warn"]) {
  console[method] = (...args) => process.stderr.write(util.format(...args) + "\n");
}

function fail(code, message) {
  process.stderr.write(`expand-templates.js: ${message}\n`);
  process.exit(code);
}

let Template;
try {
  ({ Template } = require("adaptivecards-templating"));
} catch (error) {
  fail(2, `cannot load adaptivecards-templating (${error.message}): run 'npm ci --prefix tools/cardcheck' first`);
}

function expandOne(item) {
  const name = item && item.name;
  try {
    if (!item || typeof item !== "object" || Array.isArray(item) || item.template === undefined) {
      throw new Error('an item must be {"name", "template", "data"} with a template');
    }
    const expanded = new Template(item.template).expand({ $root: item.data });
    return { name, expanded: expanded === undefined ? null : expanded };
  } catch (error) {
    return { name, error: String((error && error.message) || error) };
  }
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const started = performance.now();
  let items;
  try {
    items = JSON.parse(input);
  } catch (error) {
    fail(2, `stdin is not JSON: ${error.message}`);
  }
  if (!Array.isArray(items)) fail(2, 'stdin must be a JSON array of {"name", "template", "data"}');
  const results = items.map(expandOne);
  process.stdout.write(JSON.stringify(results));
  const failed = results.filter((r) => "error" in r).length;
  process.stderr.write(`expand-templates.js: ${results.length} template(s), ${failed} failed, in ${(performance.now() - started).toFixed(0)} ms\n`);
});
