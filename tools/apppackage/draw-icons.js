#!/usr/bin/env node
// Draws JepBot's Teams icons (color.png 192×192, outline.png 32×32) from lib/icon-drawing.js.
//
// Usage: node draw-icons.js [--out-dir <dir>]   writes both PNGs (default: deploymentTemplates/appPackage)
//        node draw-icons.js --verify [<dir>]    exit 0 when the PNGs in <dir> have exactly the drawn pixels, else 1
//
// --verify compares decoded pixels, not file bytes: the bytes depend on the zlib of the Node version that wrote them.
"use strict";

const fs = require("fs");
const path = require("path");
const { PNG } = require("pngjs");
const { drawColor, drawOutline } = require("./lib/icon-drawing");

const SOURCE = path.resolve(__dirname, "..", "..", "deploymentTemplates", "appPackage");
const ICONS = { "color.png": drawColor, "outline.png": drawOutline };

function fail(code, message) {
  process.stderr.write(`draw-icons.js: ${message}\n`);
  process.exit(code);
}

function parseArguments(argv) {
  const options = { verify: false, dir: SOURCE };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--verify") {
      options.verify = true;
      if (argv[i + 1] && !argv[i + 1].startsWith("--")) options.dir = path.resolve(argv[++i]);
    } else if (arg === "--out-dir") {
      if (!argv[i + 1]) fail(2, "--out-dir needs a directory");
      options.dir = path.resolve(argv[++i]);
    } else {
      fail(2, `unknown argument "${arg}" (usage: node draw-icons.js [--out-dir <dir>] | --verify [<dir>])`);
    }
  }
  return options;
}

function encode({ width, height, rgba }) {
  const png = new PNG({ width, height });
  rgba.copy(png.data);
  return PNG.sync.write(png, { colorType: 6 });
}

const options = parseArguments(process.argv.slice(2));
if (options.verify) {
  const differences = [];
  for (const [name, draw] of Object.entries(ICONS)) {
    const file = path.join(options.dir, name);
    if (!fs.existsSync(file)) {
      differences.push(`${name}: missing`);
      continue;
    }
    const expected = draw();
    const actual = PNG.sync.read(fs.readFileSync(file));
    if (actual.width !== expected.width || actual.height !== expected.height) {
      differences.push(`${name}: ${actual.width}×${actual.height}, drawn ${expected.width}×${expected.height}`);
    } else if (!actual.data.equals(expected.rgba)) {
      differences.push(`${name}: pixels differ from what draw-icons.js draws`);
    }
  }
  if (differences.length > 0) fail(1, `${differences.join("; ")} (run 'npm run icons --prefix tools/apppackage')`);
  process.stdout.write(`draw-icons.js: ${Object.keys(ICONS).join(", ")} in ${options.dir} match the drawing\n`);
} else {
  fs.mkdirSync(options.dir, { recursive: true });
  for (const [name, draw] of Object.entries(ICONS)) {
    fs.writeFileSync(path.join(options.dir, name), encode(draw()));
    process.stdout.write(`draw-icons.js: wrote ${path.join(options.dir, name)}\n`);
  }
}
