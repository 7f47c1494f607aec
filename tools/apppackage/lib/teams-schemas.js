// The official Teams app manifest and localization JSON schemas, read from the copies @microsoft/app-manifest ships
// (build/json-schemas/teams/v1.xx/), never fetched: the build and the tests must work offline and give the same
// answer every time.
"use strict";

const fs = require("fs");
const path = require("path");
const AjvDraft04 = require("ajv-draft-04");
const addFormats = require("ajv-formats");

const SCHEMA_ROOT = path.join(path.dirname(require.resolve("@microsoft/app-manifest/package.json")), "build", "json-schemas", "teams");
const MANIFEST_URL = (version) => `https://developer.microsoft.com/en-us/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
const LOCALIZATION_URL = (version) => `https://developer.microsoft.com/en-us/json-schemas/teams/v${version}/MicrosoftTeams.Localization.schema.json`;

/** The released schema versions in the package ("1.0" … "1.30"), oldest first; vDevPreview is not a release. */
function stableVersions() {
  return fs
    .readdirSync(SCHEMA_ROOT)
    .filter((name) => /^v1\.\d+$/.test(name))
    .map((name) => name.slice(1))
    .sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]));
}

/** The version a "$schema" URL names, for either schema kind: ".../teams/v1.30/MicrosoftTeams.schema.json" gives "1.30". */
function versionOfSchemaUrl(url) {
  const match = /\/json-schemas\/teams\/v(\d+\.\d+)\/MicrosoftTeams(\.Localization)?\.schema\.json$/.exec(String(url ?? ""));
  return match ? match[1] : null;
}

const compiled = new Map();

/**
 * A validator for one schema file, compiled once. The options are those of the package's own
 * AppManifestUtils.validateAgainstSchema (draft-04, all errors, uri/email/regex formats), which cannot be loaded
 * here because the package's entry point requires fs-extra without declaring it.
 * The localization schemas use patterns such as "\b]" that are valid JavaScript regular expressions but not
 * valid with the "u" flag Ajv adds by default, so those are compiled without it, as a browser would read them.
 */
function validatorFor(version, kind) {
  const file = kind === "localization" ? "MicrosoftTeams.Localization.schema.json" : "MicrosoftTeams.schema.json";
  const key = `${version}/${file}`;
  if (!compiled.has(key)) {
    const schemaPath = path.join(SCHEMA_ROOT, `v${version}`, file);
    if (!fs.existsSync(schemaPath)) {
      throw new Error(`@microsoft/app-manifest ships no ${file} for version ${version} (it has ${stableVersions().join(", ")})`);
    }
    const ajv = new AjvDraft04({ allErrors: true, strictTypes: false, unicodeRegExp: kind !== "localization" });
    addFormats(ajv, ["uri", "email", "regex"]);
    compiled.set(key, ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8"))));
  }
  return compiled.get(key);
}

/** Validates a JSON value; returns one readable line per schema error, empty when valid. */
function validate(json, version, kind) {
  const check = validatorFor(version, kind);
  if (check(json)) return [];
  return check.errors.map((e) => `${e.instancePath || "/"} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`);
}

module.exports = { SCHEMA_ROOT, MANIFEST_URL, LOCALIZATION_URL, stableVersions, versionOfSchemaUrl, validate };
