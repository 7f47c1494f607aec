#!/usr/bin/env node
// Opens the Playground (already running, see start-playground.js) in headless Debian Chromium, lets JepBot welcome
// the user, switches to Dutch, and saves what a professional sees to docs/screenshots/: the menu, then a practice case
// ("oefenen <case-id>") and its first question with the advisor's hint.
// Usage: node take-screenshots.js [playgroundUrl]
"use strict";
const path = require("path");
const { chromium } = require("playwright-core");

const url = process.argv[2] || "http://127.0.0.1:56150";
const outDir = path.join(__dirname, "..", "..", "docs", "screenshots");

/** Waits until the chat shows this text somewhere (cards included; the Playground renders some texts twice). */
function waitForText(page, text) {
  return page.waitForFunction((t) => document.body.innerText.includes(t), text, { timeout: 30000 });
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // Fonts come from a CDN the machine cannot reach; the page works without them.
    await page.route((u) => !/^(127\.0\.0\.1|localhost)$/.test(u.hostname), (route) => route.abort());
    await page.goto(url);
    // The Playground sends locale en-US on messages, so JepBot usually welcomes in English (its install event may
    // carry no locale, and then the welcome is Dutch); the user then switches to Dutch.
    await page.waitForFunction(() => /Welcome to JepBot|Welkom bij JepBot/.test(document.body.innerText), null, { timeout: 30000 });
    const composer = page.locator("[contenteditable=true][role=textbox]");
    await composer.fill("taal nl");
    await composer.press("Enter");
    await waitForText(page, "Waarmee kan ik je helpen?");
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(outDir, "welcome.png") });
    console.log(`saved ${path.join(outDir, "welcome.png")}`);

    // Practising: the first case of practice-cases.json, started by its command as a refresh card's button does.
    const cases = require(path.join(__dirname, "..", "..", "JepBot.Dialogs", "Content", "practice-cases.json")).cases;
    const card = (text) => page.locator(".ac-adaptiveCard", { hasText: text }).last();
    await composer.fill("oefenen " + cases[0].id);
    await composer.press("Enter");
    await waitForText(page, "Beginnen");
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(outDir, "practice-case.png") });
    console.log(`saved ${path.join(outDir, "practice-case.png")}`);
    await card("Beginnen").getByRole("button", { name: "Beginnen" }).click();
    await waitForText(page, "Wat zou een adviseur overwegen?");
    await card("Wat zou een adviseur overwegen?").getByRole("button", { name: "Wat zou een adviseur overwegen?" }).click();
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
