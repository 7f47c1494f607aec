#!/usr/bin/env node
// Checks Adaptive Cards with Microsoft's JavaScript renderer (npm "adaptivecards", dist/adaptivecards.min.js), the
// reference implementation Teams' own renderer follows, running in real headless Chromium (Debian's /usr/bin/chromium,
// or $CHROMIUM_PATH) under the Microsoft Teams light host config and style sheet from npm "adaptivecards-designer".
//
// Usage: node check-cards.js [--png-dir <dir>]  < [{"name": string, "card": object}, ...]
// Writes [{"name": string, "problems": [string]}, ...] on stdout (and nothing else). A card passes when:
//   - it is a JSON object with type "AdaptiveCard" and version "1.5" (what JepBot targets; Teams renders up to 1.5),
//   - parsing at schema 1.5 reports no events (unknown elements or actions, invalid property values, ...),
//   - validateProperties() reports nothing (duplicate ids, too many actions for Teams, missing properties, ...),
//   - it renders to a visible element without throwing or raising a page error,
//   - no TextBlock without wrap is cut off at the Teams-like card width (500 px),
//   - every Action.Submit carries data.
// With --png-dir, also writes <dir>/<name>.png per card: the rendered card element only, 500 px wide, white
// background, device scale factor 1. <name> is the card's name lowercased, every character outside [a-z0-9]
// turned into "-", repeats collapsed and trimmed ("card" if nothing is left; "-2", "-3", ... if two names collide).
//
// Exit codes: 0 done (problems are in the JSON), 2 bad arguments or input or missing node_modules,
// 3 Chromium not installed, 4 Chromium failed to start or the page setup failed. Timings go to stderr.
"use strict";

const fs = require("fs");
const path = require("path");
const util = require("util");

// stdout is reserved for the JSON result: everything that logs goes to stderr.
for (const method of ["log", "info", "debug", "warn"]) {
  console[method] = (...args) => process.stderr.write(util.format(...args) + "\n");
}

const TARGET_VERSION = "1.5";
const CARD_WIDTH = 500;
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
// The font stack of the Teams web client. Segoe UI is not on Linux: map it to Liberation Sans (Arial's metrics, close
// to Segoe UI's widths) when present, else DejaVu Sans, so widths and clipping are nearer what Teams shows.
const TEAMS_FONT_STACK = `"Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif`;

function fail(code, message) {
  process.stderr.write(`check-cards.js: ${message}\n`);
  process.exit(code);
}

function parseArgs(argv) {
  const options = { pngDir: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--png-dir") {
      if (i + 1 >= argv.length || argv[i + 1] === "") fail(2, "--png-dir needs a directory");
      options.pngDir = argv[++i];
    } else if (arg.startsWith("--png-dir=")) {
      options.pngDir = arg.slice("--png-dir=".length);
      if (!options.pngDir) fail(2, "--png-dir needs a directory");
    } else if (arg === "--help" || arg === "-h") {
      process.stderr.write("usage: node check-cards.js [--png-dir <dir>] < cards.json\n");
      process.exit(0);
    } else {
      fail(2, `unknown argument "${arg}" (usage: node check-cards.js [--png-dir <dir>] < cards.json)`);
    }
  }
  return options;
}

function readStdin() {
  return new Promise((resolve, reject) => {
    let input = "";
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", (chunk) => (input += chunk));
    process.stdin.on("end", () => resolve(input));
    process.stdin.on("error", reject);
  });
}

function resolveAsset(specifier) {
  try {
    return require.resolve(specifier);
  } catch {
    fail(2, `cannot find ${specifier}: run 'npm ci --prefix tools/cardcheck' first`);
  }
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The PNG file name for a card name: lowercase, [a-z0-9] kept, everything else "-", repeats collapsed, trimmed. */
function pngBaseName(name) {
  const base = String(name ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return base || "card";
}

function collectSubmits(node, out) {
  if (Array.isArray(node)) {
    node.forEach((n) => collectSubmits(n, out));
  } else if (node && typeof node === "object") {
    if (node.type === "Action.Submit") out.push(node);
    Object.values(node).forEach((v) => collectSubmits(v, out));
  }
}

// The checks that need no browser.
function staticProblems(json) {
  const problems = [];
  if (json.type !== "AdaptiveCard") problems.push(`type is "${json.type}", expected "AdaptiveCard"`);
  if (json.version !== TARGET_VERSION) problems.push(`version is "${json.version}", expected "${TARGET_VERSION}"`);
  return problems;
}

function submitProblems(json) {
  // Every submit button must carry the data JepBot put on it (the dialog ticket).
  const submits = [];
  collectSubmits(json, submits);
  return submits.filter((a) => a.data === undefined).map((a) => `Action.Submit "${a.title}" carries no data`);
}

const PAGE_HTML = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>cardcheck</title>
<style>
  @font-face { font-family: "Segoe UI"; font-weight: 100 500; font-style: normal;
    src: local("Segoe UI"), local("SegoeUI"), local("Liberation Sans"), local("LiberationSans"), local("DejaVu Sans"), local("DejaVuSans"); }
  @font-face { font-family: "Segoe UI"; font-weight: 501 900; font-style: normal;
    src: local("Segoe UI Bold"), local("SegoeUI-Bold"), local("Liberation Sans Bold"), local("LiberationSans-Bold"), local("DejaVu Sans Bold"), local("DejaVuSans-Bold"); }
  @font-face { font-family: "Segoe UI"; font-weight: 100 500; font-style: italic;
    src: local("Segoe UI Italic"), local("SegoeUI-Italic"), local("Liberation Sans Italic"), local("LiberationSans-Italic"), local("DejaVu Sans Oblique"), local("DejaVuSans-Oblique"); }
  @font-face { font-family: "Segoe UI"; font-weight: 501 900; font-style: italic;
    src: local("Segoe UI Bold Italic"), local("SegoeUI-BoldItalic"), local("Liberation Sans Bold Italic"), local("LiberationSans-BoldItalic"), local("DejaVu Sans Bold Oblique"), local("DejaVuSans-BoldOblique"); }
  html, body { margin: 0; padding: 0; background: #ffffff; }
  body { font-family: ${TEAMS_FONT_STACK}; font-size: 14px; color: #242424; }
  #host { width: ${CARD_WIDTH}px; background: #ffffff; }
</style></head>
<body><div id="host"></div></body></html>`;

// Runs in the page once, after the scripts are in: keeps the Teams host config.
function pageSetup(hostConfigJson) {
  window.__hostConfig = new window.AdaptiveCards.HostConfig(hostConfigJson);
  window.__pageErrors = [];
  window.addEventListener("error", (e) => window.__pageErrors.push(String((e.error && e.error.message) || e.message)));
  window.addEventListener("unhandledrejection", (e) => window.__pageErrors.push(String(e.reason && e.reason.message || e.reason)));
  return typeof window.AdaptiveCards.AdaptiveCard === "function" && typeof window.markdownit === "function";
}

// Runs in the page per card: parse at 1.5 under the Teams host config, validate, render into the 500 px host.
async function pageRender(json) {
  const AC = window.AdaptiveCards;
  const host = document.getElementById("host");
  host.replaceChildren();
  window.__pageErrors.length = 0;
  const problems = [];

  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const card = new AC.AdaptiveCard();
  card.hostConfig = window.__hostConfig;
  try {
    card.parse(json, context);
  } catch (error) {
    problems.push(`parse threw: ${error && error.message}`);
    return { problems, rendered: false };
  }
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`${AC.ValidationPhase[e.phase]} ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of card.validateProperties().validationEvents) {
    problems.push(`Validation ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }

  let element;
  try {
    element = card.render(host); // appends to host and lays the card out (maxLines truncation and so on)
  } catch (error) {
    problems.push(`render threw: ${error && error.message}`);
  }
  if (!element) {
    if (!problems.some((p) => p.startsWith("render threw"))) problems.push("render returned nothing");
    return { problems, rendered: false };
  }
  element.id = "card";

  // Let images (all blocked: no network) settle so the layout is final.
  const images = Array.from(element.querySelectorAll("img")).filter((img) => !img.complete);
  if (images.length) {
    await Promise.race([
      Promise.all(images.map((img) => new Promise((r) => { img.addEventListener("load", r); img.addEventListener("error", r); }))),
      new Promise((r) => setTimeout(r, 1000)),
    ]);
  }
  await document.fonts.ready;

  const box = element.getBoundingClientRect();
  if (box.width < 1 || box.height < 1) problems.push(`rendered card is empty (${Math.round(box.width)}x${Math.round(box.height)} px)`);

  // A TextBlock without wrap gets "white-space: nowrap; overflow: hidden; text-overflow: ellipsis": text wider than
  // the card is cut off with "...". (TextBlocks with maxLines are truncated on purpose and are not reported.)
  for (const block of element.querySelectorAll(".ac-textBlock")) {
    if (block.getClientRects().length === 0) continue; // not displayed (isVisible false, hidden column, ...)
    const style = getComputedStyle(block);
    if (style.whiteSpace !== "nowrap") continue;
    // With markdown the text sits in a <p> that clips on its own, so look at the block and everything in it.
    const clipped = [block, ...block.querySelectorAll("*")].find((e) => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0);
    if (clipped) {
      const text = block.textContent.replace(/\s+/g, " ").trim();
      // Choice and toggle titles are TextBlocks the renderer makes; their wrap comes from the input's "wrap".
      const owner = block.closest(".ac-toggleInput") ? "Input.Toggle title"
        : block.closest(".ac-input") ? "Input.ChoiceSet choice" : "TextBlock";
      problems.push(`${owner} "${text.length > 60 ? text.slice(0, 57) + "..." : text}" is cut off: ` +
        `${clipped.scrollWidth} px of text in ${clipped.clientWidth} px (set "wrap": true${owner === "TextBlock" ? "" : ` on the ${owner.split(" ")[0]}`})`);
    }
  }

  for (const message of window.__pageErrors) problems.push(`page error while rendering: ${message}`);
  const clip = { x: box.left + window.scrollX, y: box.top + window.scrollY, width: Math.ceil(box.width), height: Math.ceil(box.height) };
  return { problems, rendered: true, clip };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = performance.now();

  let items;
  try {
    items = JSON.parse(await readStdin());
  } catch (error) {
    fail(2, `stdin is not JSON: ${error.message}`);
  }
  if (!Array.isArray(items)) fail(2, 'stdin must be a JSON array of {"name": string, "card": object}');

  if (!isExecutable(CHROMIUM_PATH)) {
    fail(3, `Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH to override). ` +
      "Install it with: apt-get update && apt-get install -y chromium");
  }

  if (items.length === 0) {
    process.stdout.write("[]");
    return;
  }

  const assets = {
    acJs: resolveAsset("adaptivecards/dist/adaptivecards.min.js"),
    acCss: resolveAsset("adaptivecards/dist/adaptivecards.css"),
    teamsCss: path.join(path.dirname(resolveAsset("adaptivecards-designer/package.json")), "dist", "containers", "teams-container-light.css"),
    teamsHostConfig: path.join(path.dirname(resolveAsset("adaptivecards-designer/package.json")), "lib", "hostConfigs", "microsoft-teams-light.json"),
    markdownIt: resolveAsset("markdown-it/dist/markdown-it.min.js"),
  };
  for (const file of [assets.teamsCss, assets.teamsHostConfig]) {
    if (!fs.existsSync(file)) fail(2, `missing ${file}: run 'npm ci --prefix tools/cardcheck'`);
  }
  const hostConfigJson = JSON.parse(fs.readFileSync(assets.teamsHostConfig, "utf8"));
  const { chromium } = require(resolveAsset("playwright-core"));

  if (options.pngDir) fs.mkdirSync(options.pngDir, { recursive: true });

  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: LAUNCH_ARGS, timeout: 60000 });
  } catch (error) {
    fail(4, `Chromium at ${CHROMIUM_PATH} failed to start: ${error.message}`);
  }
  const launched = performance.now();

  let blocked = 0;
  const results = [];
  try {
    const context = await browser.newContext({
      viewport: { width: CARD_WIDTH + 40, height: 800 },
      deviceScaleFactor: 1,
      serviceWorkers: "block",
      colorScheme: "light",
      reducedMotion: "reduce",
    });
    // No network at all: the page is set from a string and its scripts and styles are injected from node_modules.
    await context.route((url) => !/^(about|data|blob):$/.test(url.protocol), (route) => {
      blocked++;
      return route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    page.on("console", (m) => {
      if (m.type() === "error" && /ERR_BLOCKED_BY_CLIENT/.test(m.text())) return; // a blocked image: counted below
      if (m.type() === "error" || m.type() === "warning") process.stderr.write(`[page console ${m.type()}] ${m.text()}\n`);
    });
    try {
      await page.setContent(PAGE_HTML);
      await page.addStyleTag({ path: assets.acCss });
      await page.addStyleTag({ path: assets.teamsCss });
      await page.addScriptTag({ path: assets.markdownIt });
      await page.addScriptTag({ path: assets.acJs });
      if (!(await page.evaluate(pageSetup, hostConfigJson))) throw new Error("AdaptiveCards or markdownit did not load in the page");
    } catch (error) {
      await browser.close();
      fail(4, `setting up the page failed: ${error.message}`);
    }

    const usedNames = new Map();
    for (const item of items) {
      const name = item && item.name;
      const json = item && item.card;
      if (json === null || typeof json !== "object" || Array.isArray(json)) {
        results.push({ name, problems: ["the card is not a JSON object"] });
        continue;
      }
      const problems = staticProblems(json);
      let outcome;
      try {
        outcome = await page.evaluate(pageRender, json);
      } catch (error) {
        outcome = { problems: [`render failed in the browser: ${error.message.split("\n")[0]}`], rendered: false };
      }
      problems.push(...outcome.problems, ...submitProblems(json));

      if (options.pngDir && outcome.rendered && outcome.clip.width > 0 && outcome.clip.height > 0) {
        let base = pngBaseName(name);
        const seen = usedNames.get(base) || 0;
        usedNames.set(base, seen + 1);
        if (seen > 0) {
          process.stderr.write(`check-cards.js: two cards are named "${base}": writing "${base}-${seen + 1}.png" for "${name}"\n`);
          base = `${base}-${seen + 1}`;
        }
        try {
          const shot = await cdp.send("Page.captureScreenshot", {
            format: "png",
            clip: { ...outcome.clip, scale: 1 },
            captureBeyondViewport: true,
          });
          fs.writeFileSync(path.join(options.pngDir, `${base}.png`), Buffer.from(shot.data, "base64"));
        } catch (error) {
          problems.push(`screenshot failed: ${error.message.split("\n")[0]}`);
        }
      }
      results.push({ name, problems });
    }
  } finally {
    await browser.close();
  }

  process.stdout.write(JSON.stringify(results));
  const done = performance.now();
  const failed = results.filter((r) => r.problems.length > 0).length;
  process.stderr.write(
    `check-cards.js: ${results.length} card(s), ${failed} with problems, in ${((done - started) / 1000).toFixed(2)} s ` +
    `(Chromium start ${((launched - started) / 1000).toFixed(2)} s, cards ${((done - launched) / 1000).toFixed(2)} s` +
    `${options.pngDir ? `, PNGs in ${options.pngDir}` : ""}${blocked ? `, ${blocked} network request(s) blocked` : ""})\n`);
}

main().catch((error) => fail(4, error && error.stack ? error.stack : String(error)));
