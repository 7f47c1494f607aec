// The files an app package consists of: manifest.json and what it names (the two icons, the language files).
// JepBot keeps them all at the zip's root, where Teams looks by default.
"use strict";

/** The files manifest.json refers to, with their role: "color", "outline" or "localization". */
function referencedFiles(manifest) {
  const files = [];
  if (manifest?.icons?.color) files.push({ name: manifest.icons.color, role: "color" });
  if (manifest?.icons?.outline) files.push({ name: manifest.icons.outline, role: "outline" });
  const info = manifest?.localizationInfo ?? {};
  if (info.defaultLanguageFile) files.push({ name: info.defaultLanguageFile, role: "localization" });
  for (const language of info.additionalLanguages ?? []) {
    if (language?.file) files.push({ name: language.file, role: "localization", languageTag: language.languageTag });
  }
  return files;
}

/** Whether a name is a plain file name at the root: no folders, no "..". */
function isRootName(name) {
  return typeof name === "string" && name.length > 0 && !/[\\/]/.test(name) && name !== "." && name !== "..";
}

module.exports = { referencedFiles, isRootName };
