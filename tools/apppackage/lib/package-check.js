// Everything that must hold before a Teams app package is zipped, in one place so the build and the tests ask the
// same questions: manifest.json and every language file valid against the official schema of the manifest's
// version, "$schema" naming that same version, no placeholder left, exactly the files the manifest refers to, the
// icons within Teams' rules, and every language file translating exactly the manifest's texts.
"use strict";

const schemas = require("./teams-schemas");
const { iconProblems } = require("./icon-rules");
const { pngFacts } = require("./png-facts");
const { leftovers } = require("./placeholders");
const { referencedFiles, isRootName } = require("./package-files");
const { coverageProblems } = require("./localization-coverage");

function parseJson(name, bytes, report) {
  const text = bytes.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) {
    report(name, "starts with a byte order mark; save it as UTF-8 without one");
    return undefined;
  }
  for (const placeholder of leftovers(text)) report(name, `placeholder {{${placeholder}}} is not filled in`);
  try {
    return JSON.parse(text);
  } catch (error) {
    report(name, `is not valid JSON (${error.message})`);
    return undefined;
  }
}

/**
 * Checks a package given as its files (name → Buffer). Returns { manifestVersion, problems, icons }: problems maps a
 * file name to its problems (an empty map when all is well), icons maps an icon's name to its pngFacts.
 */
function checkPackage(files) {
  const problems = {};
  const icons = {};
  const report = (name, problem) => (problems[name] ??= []).push(problem);

  if (!files["manifest.json"]) {
    report("manifest.json", "is missing");
    return { manifestVersion: null, problems, icons };
  }
  const manifest = parseJson("manifest.json", files["manifest.json"], report);
  if (manifest === undefined) return { manifestVersion: null, problems, icons };

  const version = manifest.manifestVersion;
  if (!schemas.stableVersions().includes(version)) {
    report("manifest.json", `manifestVersion "${version}" is not a released schema version in @microsoft/app-manifest`);
    return { manifestVersion: version ?? null, problems, icons };
  }
  if (schemas.versionOfSchemaUrl(manifest.$schema) !== version) {
    report("manifest.json", `"$schema" must be ${schemas.MANIFEST_URL(version)} to match manifestVersion ${version}`);
  }
  for (const problem of schemas.validate(manifest, version, "manifest")) report("manifest.json", problem);

  const referenced = referencedFiles(manifest);
  for (const name of Object.keys(files)) {
    if (name !== "manifest.json" && !referenced.some((f) => f.name === name)) report(name, "is not referred to by manifest.json");
  }
  for (const { name, role } of referenced) {
    if (!isRootName(name)) {
      report("manifest.json", `"${name}" must be a file at the package root`);
      continue;
    }
    if (!files[name]) {
      report(name, `is referred to by manifest.json (${role}) but missing`);
      continue;
    }
    if (role === "localization") {
      const localization = parseJson(name, files[name], report);
      if (localization === undefined) continue;
      if (schemas.versionOfSchemaUrl(localization.$schema) !== version) {
        report(name, `"$schema" must be ${schemas.LOCALIZATION_URL(version)} to match manifestVersion ${version}`);
      }
      for (const problem of schemas.validate(localization, version, "localization")) report(name, problem);
      for (const problem of coverageProblems(manifest, localization)) report(name, problem);
    } else {
      icons[name] = pngFacts(files[name]);
      for (const problem of iconProblems(role, icons[name])) report(name, problem);
    }
  }
  return { manifestVersion: version, problems, icons };
}

/** The problems as lines "file: problem", for people. */
function problemLines(result) {
  return Object.entries(result.problems).flatMap(([name, list]) => list.map((p) => `${name}: ${p}`));
}

module.exports = { checkPackage, problemLines };
