#!/usr/bin/env bash
# Regenerates docs/cards/*.png: the main cards a professional sees, captured from real conversations and drawn by
# Microsoft's Adaptive Cards renderer in headless Chromium with the Teams host config. Look at them after running.
set -euo pipefail
cd "$(dirname "$0")/../.."
npm ci --prefix tools/cardcheck --no-audit --no-fund --loglevel=error
rm -f docs/cards/*.png
JEPBOT_WRITE_DOCS_CARDS=1 dotnet test JepBot.sln --filter "FullyQualifiedName~DocsCardsTests"
ls -1 docs/cards/*.png
