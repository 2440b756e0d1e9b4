#!/usr/bin/env bash
# Create .venv (if needed) and install newsgraph with its pinned dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip==26.3"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev,dask,serve]'
./scripts/setup-browser.sh
./scripts/setup-superdesk.sh  # Superdesk's parsers for the consumer test, in their own venv
echo "newsgraph is installed in .venv: run .venv/bin/newsgraph, or 'source .venv/bin/activate' first" >&2
