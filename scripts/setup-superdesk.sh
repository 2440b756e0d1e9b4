#!/usr/bin/env bash
# Superdesk's own parsers for the consumer test (tests/test_superdesk_consumer.py), in their
# own virtual environment: superdesk-core pins a framework stack (Flask 1, Eve, Celery,
# lxml < 4.7...) that clashes with newsgraph's and does not build on current Pythons. Its
# NewsML-G2 and ninjs parsers need only lxml, arrow and pytz; superdesk-core is installed
# without its dependencies and tests/superdesk_consumer.py stubs the framework imports.
# Not fatal: without the package registry the consumer test is skipped and says why.
set -uo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
VENV=.venv-superdesk
SUPERDESK_CORE=superdesk-core==2.5.3
if [ -f "$VENV/.installed" ] && grep -qx "$SUPERDESK_CORE" "$VENV/.installed"; then
  exit 0
fi
rm -rf "$VENV"
"$PYTHON" -m venv "$VENV" || { echo "setup-superdesk: could not create $VENV" >&2; exit 0; }
pip() { "$VENV/bin/python" -m pip --quiet --disable-pip-version-check "$@"; }
if pip install --no-deps "$SUPERDESK_CORE" \
   && pip install --no-warn-conflicts -c constraints.txt lxml lxml_html_clean arrow python-dateutil pytz six; then
  echo "$SUPERDESK_CORE" > "$VENV/.installed"
else
  echo "setup-superdesk: the package registry did not give $SUPERDESK_CORE;" \
       "the Superdesk consumer test will be skipped" >&2
  rm -rf "$VENV"
fi
exit 0
