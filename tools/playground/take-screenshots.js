#!/usr/bin/env node
// Opens the Playground (already running, see start-playground.js) in headless Debian Chromium, lets JepBot welcome
// the user, switches to Dutch, and saves what a professional sees to docs/screenshots/: the menu, then a practice case
// ("oefenen <case-id>") and its first question with the advisor's hint.
// Usage: node take-screenshots.js [playgroundUrl]
"use strict";
const path = require("path");
const { openPlayground, waitText, card } = require("./browser");

const url = process.argv[2] || "http://127.0.0.1:56150";
const outDir = path.join(__dirname, "..", "..", "docs", "screenshots");

(async () => {
  const { browser, page } = await openPlayground(url, { width: 1400, height: 900 });
  try {
    // The Playground sends locale en-US on messages, so JepBot usually welcomes in English (its install event may
    // carry no locale, and then the welcome is Dutch); the user then switches to Dutch.
    await waitText(page, ["Welcome to JepBot", "Welkom bij JepBot"]);
    const composer = page.locator("[contenteditable=true][role=textbox]");
    await composer.fill("taal nl");
    await composer.press("Enter");
    await waitText(page, "Waarmee kan ik je helpen?");
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(outDir, "welcome.png") });
    console.log(`saved ${path.join(outDir, "welcome.png")}`);

    // Practising: the first case of practice-cases.json, started by its command as a refresh card's button does.
    const cases = require(path.join(__dirname, "..", "..", "JepBot.Dialogs", "Content", "practice-cases.json")).cases;
    await composer.fill("oefenen " + cases[0].id);
    await composer.press("Enter");
    await waitText(page, "Beginnen");
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(outDir, "practice-case.png") });
    console.log(`saved ${path.join(outDir, "practice-case.png")}`);
    await card(page, "Beginnen").getByRole("button", { name: "Beginnen" }).click();
    await waitText(page, "Wat zou een adviseur overwegen?");
    await card(page, "Wat zou een adviseur overwegen?").getByRole("button", { name: "Wat zou een adviseur overwegen?" }).click();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(outDir, "practice-hint.png") });
    console.log(`saved ${path.join(outDir, "practice-hint.png")}`);
  } finally {
    await browser.close();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
