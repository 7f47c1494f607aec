#!/usr/bin/env node
// Starts the Agents Playground on 127.0.0.1:56150 in front of JepBot (default http://127.0.0.1:3978/api/messages).
// Usage: node start-playground.js [botEndpoint] [port]
"use strict";
const { spawn } = require("child_process");
const path = require("path");

const endpoint = process.argv[2] || "http://127.0.0.1:3978/api/messages";
const port = process.argv[3] || "56150";
const cli = path.join(__dirname, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
const child = spawn(process.execPath, [cli, "-e", endpoint, "-c", "msteams", "-p", port,
  "--service-url", `http://127.0.0.1:${port}/_connector`, "--disable-telemetry"], {
  stdio: "inherit",
  env: {
    ...process.env,
    TEAMSAPPTESTER_BROWSER: "none",
    NODE_OPTIONS: `--require ${path.join(__dirname, "loopback.js")}`,
    M365_AGENTS_PLAYGROUND_LOGFILE: process.env.M365_AGENTS_PLAYGROUND_LOGFILE || path.join(__dirname, "devTools", "m365agentsplayground.log"),
  },
});
child.on("exit", (code) => process.exit(code ?? 1));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
