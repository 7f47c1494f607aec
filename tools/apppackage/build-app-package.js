#!/usr/bin/env node
// Builds JepBot's Teams app package: the sources in deploymentTemplates/appPackage with the ids filled in, checked
// (lib/package-check.js) and zipped with every file at the root.
//
// Usage: node build-app-package.js [--app-id <guid>] [--teams-app-id <guid>] [--out <zip>]
//                                  [--source <dir>] [--appsettings <file>]
//   --app-id       the bot's MicrosoftAppId; else the environment variable MicrosoftAppId; else MicrosoftAppId in
//                  --appsettings (default JepBot/appsettings.json)
//   --teams-app-id the Teams app id; else the environment variable TeamsAppId; else the bot's MicrosoftAppId
//   --out          the zip to write (default artifacts/jepbot-teams.zip at the repository root)
//   --source       the package sources (default deploymentTemplates/appPackage)
// Relative paths are taken from the directory the command was typed in, also under "npm run build --prefix …".
//
// Exit codes: 0 written; 1 refused (no valid app id, or the package fails its checks), nothing written; 2 bad usage.
"use strict";

const fs = require("fs");
const path = require("path");
const yazl = require("yazl");
const { resolveAppIds, AppIdError } = require("./lib/app-ids");
const { fill } = require("./lib/placeholders");
const { referencedFiles, isRootName } = require("./lib/package-files");
const { checkPackage, problemLines } = require("./lib/package-check");

const REPOSITORY = path.resolve(__dirname, "..", "..");
const USAGE = "usage: node build-app-package.js [--app-id <guid>] [--teams-app-id <guid>] [--out <zip>] [--source <dir>] [--appsettings <file>]";

// The files whose text carries placeholders; the icons are copied byte for byte.
const TEXT_FILE = /\.json$/i;

function fail(code, message) {
  process.stderr.write(`build-app-package.js: ${message}\n`);
  process.exit(code);
}

function parseArguments(argv) {
  // npm run changes the working directory to the package; INIT_CWD is where the command was typed.
  const base = process.env.INIT_CWD || process.cwd();
  const options = {
    out: path.join(REPOSITORY, "artifacts", "jepbot-teams.zip"),
    source: path.join(REPOSITORY, "deploymentTemplates", "appPackage"),
    appSettings: path.join(REPOSITORY, "JepBot", "appsettings.json"),
  };
  const valued = { "--app-id": "appId", "--teams-app-id": "teamsAppId", "--out": "out", "--source": "source", "--appsettings": "appSettings" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    const key = valued[arg];
    if (!key) fail(2, `unknown argument "${arg}" (${USAGE})`);
    if (argv[i + 1] === undefined || argv[i + 1].startsWith("--")) fail(2, `${arg} needs a value (${USAGE})`);
    const value = argv[++i];
    options[key] = ["out", "source", "appSettings"].includes(key) ? path.resolve(base, value) : value;
  }
  return options;
}

/** The manifest and the files it refers to, read from the source folder, placeholders filled in. */
function readSources(source, values) {
  const manifestPath = path.join(source, "manifest.json");
  if (!fs.existsSync(manifestPath)) fail(1, `no manifest.json in ${source}`);
  const read = (name) => {
    const bytes = fs.readFileSync(path.join(source, name));
    return TEXT_FILE.test(name) ? Buffer.from(fill(bytes.toString("utf8"), values), "utf8") : bytes;
  };
  const files = { "manifest.json": read("manifest.json") };
  let manifest;
  try {
    manifest = JSON.parse(files["manifest.json"].toString("utf8"));
  } catch {
    return files; // checkPackage says what is wrong with it
  }
  for (const { name } of referencedFiles(manifest)) {
    if (isRootName(name) && fs.existsSync(path.join(source, name))) files[name] = read(name);
  }
  return files;
}

/** Writes the zip next to its destination first, so a failure never leaves half a package under the real name. */
function writeZip(files, out) {
  return new Promise((resolve, reject) => {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const partial = `${out}.partial`;
    const zip = new yazl.ZipFile();
    // A fixed date: the same sources give the same entries, whenever they are built.
    const mtime = new Date(2020, 0, 1);
    for (const [name, bytes] of Object.entries(files)) zip.addBuffer(bytes, name, { mtime, mode: 0o100644 });
    zip.end();
    zip.outputStream
      .pipe(fs.createWriteStream(partial))
      .on("close", () => {
        fs.renameSync(partial, out);
        resolve();
      })
      .on("error", (error) => {
        fs.rmSync(partial, { force: true });
        reject(error);
      });
  });
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  let ids;
  try {
    ids = resolveAppIds({ appId: options.appId, teamsAppId: options.teamsAppId, env: process.env, appSettingsFile: options.appSettings });
  } catch (error) {
    if (error instanceof AppIdError) fail(1, error.message);
    throw error;
  }

  const files = readSources(options.source, { MicrosoftAppId: ids.microsoftAppId, TeamsAppId: ids.teamsAppId });
  const result = checkPackage(files);
  const problems = problemLines(result);
  if (problems.length > 0) {
    fail(1, `the package in ${options.source} fails its checks, nothing written:\n  ${problems.join("\n  ")}`);
  }

  await writeZip(files, options.out);
  process.stdout.write(
    `build-app-package.js: wrote ${options.out} (${Object.keys(files).join(", ")}); manifest v${result.manifestVersion}, ` +
      `bot id ${ids.microsoftAppId} from ${ids.botIdFrom}, Teams app id ${ids.teamsAppId} from ${ids.teamsAppIdFrom}\n`);
}

main().catch((error) => fail(1, error.stack || String(error)));
