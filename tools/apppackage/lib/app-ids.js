// Which ids go into the package. The bot id is the bot's Entra app id, MicrosoftAppId, looked up in the same order of
// precedence as the host reads its own configuration: command line, then environment, then JepBot/appsettings.json.
// The Teams app id defaults to that same GUID (one id to manage per deployment); --teams-app-id or TeamsAppId sets
// another one, for when the app's identity in the Teams catalogue must outlive a new bot registration.
"use strict";

const fs = require("fs");

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const EMPTY_GUID = "00000000-0000-0000-0000-000000000000";

class AppIdError extends Error {}

function readAppSettings(file) {
  if (!file || !fs.existsSync(file)) return {};
  try {
    return JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new AppIdError(`cannot read ${file} (${error.message})`);
  }
}

/** The first source that has a non-empty value; a value that is there but not a GUID is an error, not a fall-through. */
function pick(setting, sources) {
  for (const { where, value } of sources) {
    if (value === undefined || value === null || String(value).trim() === "") continue;
    const id = String(value).trim();
    if (!GUID.test(id)) throw new AppIdError(`${setting} from ${where} is "${id}", which is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)`);
    if (id === EMPTY_GUID) throw new AppIdError(`${setting} from ${where} is the empty GUID; use the real app id of the bot's Entra app registration`);
    return { id, where };
  }
  return null;
}

/**
 * { microsoftAppId, teamsAppId, botIdFrom, teamsAppIdFrom } from the command-line options, the environment and the
 * appsettings.json file; throws AppIdError with a message for people when there is no valid bot id.
 */
function resolveAppIds({ appId, teamsAppId, env, appSettingsFile }) {
  const settings = readAppSettings(appSettingsFile);
  const bot = pick("MicrosoftAppId", [
    { where: "--app-id", value: appId },
    { where: "the environment variable MicrosoftAppId", value: env.MicrosoftAppId },
    { where: appSettingsFile, value: settings.MicrosoftAppId },
  ]);
  if (!bot) {
    throw new AppIdError(
      "no MicrosoftAppId: pass --app-id <guid>, set the environment variable MicrosoftAppId, or fill in MicrosoftAppId in " +
        `${appSettingsFile}. It is the Application (client) ID of the bot's Entra app registration (Azure Bot > Configuration).`);
  }
  const teams = pick("TeamsAppId", [
    { where: "--teams-app-id", value: teamsAppId },
    { where: "the environment variable TeamsAppId", value: env.TeamsAppId },
  ]) ?? { id: bot.id, where: "MicrosoftAppId" };
  return { microsoftAppId: bot.id, teamsAppId: teams.id, botIdFrom: bot.where, teamsAppIdFrom: teams.where };
}

module.exports = { resolveAppIds, AppIdError, GUID };
