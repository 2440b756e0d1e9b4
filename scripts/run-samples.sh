#!/usr/bin/env bash
# Set up, then run the main job on samples/: convert every sample to every writable
# format (out/<format>/) and validate what was written.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
for fmt in $(.venv/bin/newsgraph formats --writable --names); do
  .venv/bin/newsgraph convert samples/ --to "$fmt" -o "out/$fmt/"
  .venv/bin/newsgraph validate --quiet out/"$fmt"/*
done
echo "wrote $(find out -type f | wc -l) files under out/, all valid"
