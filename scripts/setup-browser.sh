#!/usr/bin/env bash
# Debian's headless Chromium and its ChromeDriver, for the browser tests (tests/test_browser.py).
# Never a browser downloaded from anywhere else: the tests drive /usr/bin/chromium only.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-browser: chromium and chromium-driver are missing; install them with" \
       "'apt-get install chromium chromium-driver' (the browser tests are skipped until then)" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null
