#!/usr/bin/env node
// Checks Adaptive Cards with Microsoft's JavaScript renderer (npm "adaptivecards"), the reference
// implementation Teams' own renderer follows. Reads a JSON array of {name, card} on stdin and writes a JSON
// array of {name, problems[]} on stdout. A card passes when:
//   - it declares version "1.5" (what JepBot targets; Teams renders up to 1.5),
//   - parsing at that version reports no events (unknown elements, actions, invalid property values, ...),
//   - validateProperties() reports nothing (duplicate ids, missing required properties, ...),
//   - it renders to a DOM element without throwing, with every Action.Submit still carrying its data.
"use strict";

const { JSDOM } = require("jsdom");

const dom = new JSDOM("<!DOCTYPE html><html><body></body></html>", { pretendToBeVisual: true });
// The renderer expects a browser: give it jsdom's window, document and DOM classes (HTMLInputElement, ...).
for (const key of Object.getOwnPropertyNames(dom.window)) {
  if (!(key in globalThis) && (/^(HTML|SVG)\w*Element$/.test(key) || ["window", "document", "navigator", "Node", "Element", "Event", "KeyboardEvent", "MouseEvent", "DOMParser"].includes(key))) {
    globalThis[key] = dom.window[key];
  }
}
globalThis.getComputedStyle = dom.window.getComputedStyle.bind(dom.window);

// The library logs diagnostics with console.log; stdout is reserved for the JSON result.
console.log = (...args) => process.stderr.write(args.map(String).join(" ") + "\n");

const AC = require("adaptivecards/dist/adaptivecards.min.js");

const TARGET_VERSION = "1.5";

function check(name, json) {
  const problems = [];
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    return { name, problems: ["the card is not a JSON object"] };
  }
  if (json.type !== "AdaptiveCard") problems.push(`type is "${json.type}", expected "AdaptiveCard"`);
  if (json.version !== TARGET_VERSION) problems.push(`version is "${json.version}", expected "${TARGET_VERSION}"`);

  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const card = new AC.AdaptiveCard();
  try {
    card.parse(json, context);
  } catch (error) {
    problems.push(`parse threw: ${error && error.message}`);
    return { name, problems };
  }
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`${AC.ValidationPhase[e.phase]} ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of card.validateProperties().validationEvents) {
    problems.push(`Validation ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }

  try {
    const element = card.render();
    if (!element) problems.push("render returned nothing");
    else dom.window.document.body.appendChild(element);
  } catch (error) {
    problems.push(`render threw: ${error && error.message}`);
  }

  // Every submit button must still carry the data JepBot put on it (the dialog ticket), after the round trip.
  const submits = [];
  collectSubmits(json, submits);
  for (const action of submits) {
    if (action.data === undefined) problems.push(`Action.Submit "${action.title}" carries no data`);
  }
  return { name, problems };
}

function collectSubmits(node, out) {
  if (Array.isArray(node)) {
    node.forEach((n) => collectSubmits(n, out));
  } else if (node && typeof node === "object") {
    if (node.type === "Action.Submit") out.push(node);
    Object.values(node).forEach((v) => collectSubmits(v, out));
  }
}

function main() {
  let input = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => (input += chunk));
  process.stdin.on("end", () => {
    let items;
    try {
      items = JSON.parse(input);
    } catch (error) {
      process.stderr.write(`stdin is not JSON: ${error.message}\n`);
      process.exit(2);
    }
    const results = items.map((item) => check(item.name, item.card));
    process.stdout.write(JSON.stringify(results));
  });
}

main();
