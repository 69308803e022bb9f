#!/usr/bin/env bash
# Starts Azurite for local development on its default ports (blob 10000, queue 10001, table 10002),
# loopback only, with data kept under infra/azurite/.azurite (git-ignored). `--reset` deletes that data first.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
if [[ "${1:-}" == "--reset" ]]; then
  rm -rf "$here/.azurite"
  shift
fi
if [[ ! -f node_modules/azurite/dist/src/azurite.js ]]; then
  npm ci --no-audit --no-fund
fi
mkdir -p "$here/.azurite"
exec node run-azurite.js \
  --location "$here/.azurite" \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
  --blobPort 10000 --queuePort 10001 --tablePort 10002 \
  --skipApiVersionCheck --disableTelemetry --disableProductStyleUrl "$@"
