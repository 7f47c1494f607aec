#!/usr/bin/env node
// Browser smoke test of JepBot in the Agents Playground UI (headless Debian Chromium, no browser download): waits for
// the welcome card, types "taal nl", clicks "Juridische kaders" on the menu card, then "Regels per onderwerp", and
// checks the answers appear ("Wat wil je bekijken?", "Welk onderwerp?"). Saves playground-smoke-1-menu.png, -2-legal-frames.png and -3-topics.png to outDir.
// Run by JepBot.Tests/EndToEnd/PlaygroundBrowserTests.cs; prints "SMOKE PASSED" and exits 0 when every step passed.
// Usage: node smoke-test.js <playgroundUrl> <outDir>
"use strict";
const fs = require("fs");
const path = require("path");
const { openPlayground, waitText, card } = require("./browser");

const url = process.argv[2];
const outDir = process.argv[3];
if (!url || !outDir) {
  console.error("usage: node smoke-test.js <playgroundUrl> <outDir>");
  process.exit(2);
}

const shot = async (page, text, file) => {
  await card(page, text).evaluate((c) => c.scrollIntoView({ block: "end" }));
  await page.screenshot({ path: path.join(outDir, file) });
  console.log(`saved ${path.join(outDir, file)}`);
};

(async () => {
  fs.mkdirSync(outDir, { recursive: true });
  const { browser, page } = await openPlayground(url);
  try {
    await waitText(page, ["Welcome to JepBot", "Welkom bij JepBot"], 45000);
    console.log("step: welcome card");

    const composer = page.locator("[contenteditable=true][role=textbox]").last();
    await composer.click();
    await composer.fill("taal nl");
    await composer.press("Enter");
    await waitText(page, ["Waarmee kan ik je helpen?"], 45000);
    console.log("step: typed 'taal nl', got the Dutch menu");
    await shot(page, "Waarmee kan ik je helpen?", "playground-smoke-1-menu.png");

    await card(page, "Waarmee kan ik je helpen?").getByRole("button", { name: "Juridische kaders" }).click();
    await waitText(page, ["Wat wil je bekijken?"], 45000);
    console.log("step: clicked 'Juridische kaders', got 'Wat wil je bekijken?'");
    await shot(page, "Wat wil je bekijken?", "playground-smoke-2-legal-frames.png");

    await card(page, "Wat wil je bekijken?").getByRole("button", { name: "Regels per onderwerp" }).click();
    await waitText(page, ["Welk onderwerp?"], 45000);
    console.log("step: clicked 'Regels per onderwerp', got 'Welk onderwerp?'");
    await shot(page, "Welk onderwerp?", "playground-smoke-3-topics.png");
    console.log("SMOKE PASSED");
  } finally {
    await browser.close();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
