// What the Playground scripts share (smoke-test.js, take-screenshots.js, handoff-walkthrough.js): the Playground page
// in headless Debian Chromium (no browser download), and waiting for what JepBot shows there.
"use strict";
const { chromium } = require("playwright-core");

/** Opens the Playground at url; returns { browser, page }. Close the browser when done. */
async function openPlayground(url, viewport = { width: 1280, height: 900 }) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const page = await browser.newPage({ viewport });
  // Fonts come from a CDN the machine cannot reach; the page works without them.
  await page.route((u) => !/^(127\.0\.0\.1|localhost)$/.test(u.hostname), (route) => route.abort());
  await page.goto(url);
  return { browser, page };
}

/** Waits until the chat shows one of these texts (cards included); fails naming them. */
function waitText(page, texts, timeout = 30000) {
  const wanted = Array.isArray(texts) ? texts : [texts];
  return page.waitForFunction((ts) => ts.some((t) => document.body.innerText.includes(t)), wanted, { timeout })
    .catch(() => { throw new Error(`the page never showed "${wanted.join('" or "')}"`); });
}

/** The newest card that contains this text. */
const card = (page, text) => page.locator(".ac-adaptiveCard", { hasText: text }).last();

module.exports = { openPlayground, waitText, card };
