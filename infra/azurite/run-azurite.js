#!/usr/bin/env node
// Runs Azurite in this process and ends it when the process that started it goes away.
// Why: a test run that is aborted (kill -9 of the test host) must not leave an orphaned emulator behind.
// Two signals are watched: standard input reaching end-of-file (the parent's pipe closes when it dies),
// and the parent's pid no longer existing (for parents that do not keep a pipe open).
"use strict";
const path = require("path");

const parentPid = Number(process.env.AZURITE_PARENT_PID || 0);
const watchStdin = process.env.AZURITE_WATCH_STDIN === "1";

function stop(reason) {
  console.log(`Azurite stopping: ${reason}`);
  process.exit(0);
}

if (watchStdin) {
  process.stdin.on("end", () => stop("parent closed standard input"));
  process.stdin.on("error", () => stop("standard input failed"));
  process.stdin.resume();
}

if (parentPid > 0) {
  setInterval(() => {
    try {
      process.kill(parentPid, 0);
    } catch {
      stop(`parent process ${parentPid} is gone`);
    }
  }, 1000).unref();
}

process.argv = [process.argv[0], path.join(__dirname, "node_modules/azurite/dist/src/azurite.js"), ...process.argv.slice(2)];
require("./node_modules/azurite/dist/src/azurite.js");
