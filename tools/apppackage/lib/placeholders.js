// The placeholders of the package sources, "{{Name}}", and their filling. A placeholder left unfilled is an error
// of its own, named, rather than a schema error about a malformed GUID somewhere.
"use strict";

const PATTERN = /\{\{([A-Za-z][A-Za-z0-9]*)\}\}/g;

/** Replaces every {{Name}} that values has; leaves the others for leftovers() to report. */
function fill(text, values) {
  return text.replace(PATTERN, (whole, name) => (Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole));
}

/** The names of the placeholders still in text, each once, in order of appearance. */
function leftovers(text) {
  return [...new Set([...text.matchAll(PATTERN)].map((m) => m[1]))];
}

module.exports = { fill, leftovers };
