#!/usr/bin/env node
// A walk through JepBot's hand-offs in the Microsoft 365 Agents Playground UI (headless Debian Chromium), saving
// screenshots. Not part of the test run (the HTTP tests in JepBot.Tests/Handoff cover the behaviour); it proves the
// same in a Teams client and redraws docs/screenshots/handoff-*.png.
// Needs: the bot on a FRESH store with Handoff__RegistrationCode=test-code-123 (Handoff__PollSeconds=1 helps), and the
// Playground in front of it (npm start --prefix tools/playground).
// Usage: npm run walkthrough:handoff --prefix tools/playground -- [playgroundUrl] [outDir]   (outDir: docs/screenshots)
// Does: A werkatelier (taal nl → werkatelier → form → review → Versturen → WA-…), B adviseur (topic, "Graag deze week",
// Teams chat, question with a name and a phone number → redaction → send → AV-…), C channel "General": a post without
// mention (bot gets nothing), "@Test Bot registreer adviseurskanaal <wrong>", then the right code, waits for both
// ticket cards, clicks "Oppakken" on the AV ticket, checks the card is updated in place and the personal chat got
// "Goed nieuws: …". Saves screenshots to outDir.
"use strict";
const path = require("path");
const { openPlayground, waitText, card } = require("./browser");

const url = process.argv[2] || "http://127.0.0.1:56150";
const outDir = process.argv[3] || path.join(__dirname, "..", "..", "docs", "screenshots");
const code = process.env.REGISTRATION_CODE || "test-code-123";

const say = async (page, text) => {
  const box = page.locator("[contenteditable=true][role=textbox]").last();
  await box.click();
  await box.fill(text);
  await box.press("Enter");
};
const lastCard = (page) => page.locator(".ac-adaptiveCard").last();
const shot = async (page, text, file, block = "center") => {
  await card(page, text).evaluate((c, b) => c.scrollIntoView({ block: b }), block);
  await page.waitForTimeout(700);
  await page.screenshot({ path: path.join(outDir, file) });
  console.log(`saved ${path.join(outDir, file)}`);
};
const step = (name) => console.log(`--- ${name}`);

(async () => {
  const { browser, page } = await openPlayground(url);
  try {
    await waitText(page, ["Welcome to JepBot", "Welkom bij JepBot"]);

    step("A werkatelier");
    await say(page, "taal nl");
    await waitText(page, "Waarmee kan ik je helpen?");
    await say(page, "werkatelier");
    await waitText(page, "Aanvraag starten");
    await lastCard(page).getByRole("button", { name: "Aanvraag starten" }).click();
    await waitText(page, "Vul de aanvraag in");
    let form = lastCard(page);
    const values = ["Utrecht", "Gemeente Utrecht, team Veiligheid", "Petra de Vries", "p.devries@example.nl", "06 12345678", "voorjaar 2027", "12"];
    for (let i = 0; i < values.length; i++) await form.locator("input[type=text]").nth(i).fill(values[i]);
    for (const g of ["Docenten", "Kinder- en jongerenwerkers"]) await form.locator(`input[aria-label="${g}"]`).check();
    await form.locator("input[type=radio][value=incompany]").check();
    await form.locator("textarea").fill("Graag op een dinsdagmiddag.");
    await form.getByRole("button", { name: "Controleren" }).click();
    await waitText(page, "Klopt dit? Dan kun je de aanvraag versturen.");
    console.log(await lastCard(page).innerText());
    await shot(page, "Klopt dit? Dan kun je de aanvraag versturen.", "handoff-werkatelier-review.png");
    await lastCard(page).getByRole("button", { name: "Versturen" }).click();
    await waitText(page, "Je aanvraag is ontvangen");
    await page.waitForTimeout(1000);
    console.log(await card(page, "Je aanvraag is ontvangen").innerText());
    await shot(page, "Je aanvraag is ontvangen", "handoff-werkatelier-confirmation.png");

    step("B adviseur");
    await say(page, "adviseur");
    await waitText(page, "Waar wil je het met een adviseur over hebben?");
    form = lastCard(page);
    await form.locator("input[type=radio][value=sharing]").check();
    await form.getByRole("button", { name: "Verder" }).click();
    await waitText(page, "Hoe snel wil je contact?");
    await lastCard(page).getByRole("button", { name: "Graag deze week" }).click();
    await waitText(page, "Hoe kan de adviseur je bereiken?");
    form = lastCard(page);
    await form.locator("input[type=radio][value=teams]").check();
    await form.locator("input[type=text]").nth(3).fill("Wijkteam Noord");
    await form.getByRole("button", { name: "Verder" }).click();
    await waitText(page, "Wat is je vraag, in een paar zinnen?");
    await say(page, "Een leerling genaamd Daan zegt rare dingen, bel 0612345678");
    await waitText(page, "Zo stuur ik je vraag door");
    console.log(await lastCard(page).innerText());
    await shot(page, "Zo stuur ik je vraag door", "handoff-advisor-redaction.png", "end");
    await lastCard(page).getByRole("button", { name: "Ja, zo is het goed" }).click();
    await waitText(page, "Klopt dit? Dan verstuur ik je verzoek.");
    await lastCard(page).getByRole("button", { name: "Versturen" }).click();
    await waitText(page, "Je verzoek is ontvangen");
    await page.waitForTimeout(1000);
    console.log(await card(page, "Je verzoek is ontvangen").innerText());
    await shot(page, "Je verzoek is ontvangen", "handoff-advisor-confirmation.png");

    step("C channel");
    await page.getByText("General", { exact: true }).first().click();
    await page.waitForTimeout(1500);
    const post = async (text, mention) => {
      const box = page.locator("[contenteditable=true][role=textbox]").first(); // "Start a new post"
      await box.click();
      if (mention) {
        await page.keyboard.type("@Test");
        await page.getByRole("menuitem", { name: "Test Bot" }).click();
        await page.keyboard.type(" ");
      }
      await page.keyboard.type(text);
      await page.getByRole("button", { name: "Post" }).click();
      await page.waitForTimeout(2500);
    };
    await post("registreer adviseurskanaal zonder-mention", false);
    await post("registreer adviseurskanaal verkeerde-code", true);
    await waitText(page, "That code is not right");
    console.log("wrong code: reply 'That code is not right. Nothing has changed.'");
    await post(`registreer adviseurskanaal ${code}`, true);
    await waitText(page, "This channel is now the advisors' channel");
    console.log("registered");
    await waitText(page, "AV-2026-0001", 180000);
    await waitText(page, "WA-2026-0001", 180000);
    await page.waitForTimeout(1000);
    await shot(page, "Verzoek om contact met een adviseur AV-2026-0001", "handoff-channel-ticket-advisor.png");
    await shot(page, "Werkatelier-aanvraag WA-2026-0001", "handoff-channel-ticket-werkatelier.png");
    const ticket = card(page, "AV-2026-0001");
    await ticket.getByRole("button", { name: "Oppakken" }).click();
    await waitText(page, "Opgepakt door");
    await page.waitForTimeout(1000);
    console.log(`AV cards in channel after claim: ${await page.locator(".ac-adaptiveCard", { hasText: "AV-2026-0001" }).count()}`);
    console.log(await card(page, "AV-2026-0001").innerText());
    await shot(page, "Opgepakt door", "handoff-channel-ticket-claimed.png");

    await page.getByText("Personal Chat", { exact: true }).first().click();
    await waitText(page, "heeft je aanvraag AV-2026-0001 opgepakt");
    console.log("requester notified in the personal chat");
    await page.getByText("heeft je aanvraag AV-2026-0001 opgepakt").last().scrollIntoViewIfNeeded();
    await page.waitForTimeout(700);
    await page.screenshot({ path: path.join(outDir, "handoff-requester-notified.png") });
    console.log("ALL STEPS PASSED");
  } finally {
    await browser.close();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
