// JepBot's own rule on top of the localization schema: a language file translates exactly the texts the manifest
// has. The schema accepts "bots[0].commandLists[2].commands[9].title" whether or not that command exists, and it
// does not notice a command added in Dutch but never in English; both would show users a mix of languages.
"use strict";

/** The manifest's user-facing texts that JepBot translates, by localization key ("name.short", "bots[0]…title"). */
function translatableTexts(manifest) {
  const texts = {};
  for (const key of ["short", "full"]) {
    if (typeof manifest?.name?.[key] === "string") texts[`name.${key}`] = manifest.name[key];
    if (typeof manifest?.description?.[key] === "string") texts[`description.${key}`] = manifest.description[key];
  }
  (manifest?.bots ?? []).forEach((bot, b) =>
    (bot?.commandLists ?? []).forEach((list, l) =>
      (list?.commands ?? []).forEach((command, c) => {
        for (const field of ["title", "description"]) {
          if (typeof command?.[field] === "string") texts[`bots[${b}].commandLists[${l}].commands[${c}].${field}`] = command[field];
        }
      })));
  return texts;
}

/** The value a localization key points at in the manifest ("bots[0].commandLists[1].commands[2].title"), or undefined. */
function lookup(manifest, key) {
  const steps = key.split(".").flatMap((part) => {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!match) return [Symbol("unparseable")];
    return [match[1], ...[...match[2].matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]))];
  });
  return steps.reduce((node, step) => (node !== null && typeof node === "object" && typeof step !== "symbol" ? node[step] : undefined), manifest);
}

/** Problems of one language file against the manifest it belongs to. */
function coverageProblems(manifest, localization) {
  const problems = [];
  for (const key of Object.keys(localization)) {
    if (key === "$schema" || key === "localizationKeys") continue;
    if (typeof lookup(manifest, key) !== "string") problems.push(`"${key}" names no text in manifest.json`);
  }
  for (const [key, text] of Object.entries(translatableTexts(manifest))) {
    if (!(key in localization)) problems.push(`no translation for "${key}" ("${text}")`);
  }
  return problems;
}

module.exports = { translatableTexts, lookup, coverageProblems };
