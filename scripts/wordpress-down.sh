#!/usr/bin/env bash
# Stop the test WordPress that scripts/wordpress-up.sh started (by the PIDs it recorded).
#
#   scripts/wordpress-down.sh           # stop php -S and MariaDB; keep the site for a fast restart
#   scripts/wordpress-down.sh --purge   # also delete the site, its database and its passwords
set -euo pipefail

STATE=${NEWSGRAPH_WP_DIR:-/tmp/newsgraph-wordpress}
SHIM=/etc/wordpress/config-127.0.0.1.php
purge=
case "${1:-}" in
  --purge) purge=1 ;;
  '') ;;
  *) echo "usage: $0 [--purge]" >&2; exit 2 ;;
esac

log() { echo "wordpress-down: $*" >&2; }

# Stop the process whose PID is in FILE (and its workers: it leads its own session).
stop() {
  local file=$1 what=$2 pid
  [ -s "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 300); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "$what (pid $pid) did not stop in 30 s; killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    log "stopped $what (pid $pid)"
  fi
  rm -f "$file"
}

[ -d "$STATE" ] || { log "nothing to stop ($STATE does not exist)"; exit 0; }
stop "$STATE/php.pid" "php -S"
stop "$STATE/mysqld.pid" "MariaDB"
if [ -n "$purge" ]; then
  rm -rf "$STATE"
  if [ -f "$SHIM" ] && grep -q "newsgraph wordpress-up.sh" "$SHIM"; then
    rm -f "$SHIM"
  fi
  log "deleted $STATE"
fi
