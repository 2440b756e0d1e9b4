#!/usr/bin/env bash
# Set up, check the code (lint, format, types: configured in pyproject.toml, zero findings),
# then run the whole test suite (what CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
.venv/bin/ruff check
.venv/bin/ruff format --check  # the whole tree
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
