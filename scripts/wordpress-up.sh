#!/usr/bin/env bash
# Bring up a throwaway WordPress on 127.0.0.1 for newsgraph's push tests and demos.
#
#   eval "$(scripts/wordpress-up.sh)"     # prints the NEWSGRAPH_WP_* variables to export
#   scripts/wordpress-down.sh [--purge]   # stop it (and with --purge, delete its data)
#
# WordPress, MariaDB and PHP come from Debian's packages (installed with apt-get when
# missing, which needs root). The site has its own MariaDB (unix socket only, no TCP
# port) and its own `php -S 127.0.0.1:PORT`, both in $NEWSGRAPH_WP_DIR and started and
# stopped by PID; nothing listens on any address but 127.0.0.1. Idempotent: a second
# run reuses the running servers and the installed site, and takes about a second.
#
# Settings (environment): NEWSGRAPH_WP_DIR (default /tmp/newsgraph-wordpress),
# NEWSGRAPH_WP_PORT (default: 8089, or the next free port when 8089 is taken).
# Exit status: 0 up; 3 the packages cannot be installed here (or the one-time set-up
# needs root); 1 anything else.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE=${NEWSGRAPH_WP_DIR:-/tmp/newsgraph-wordpress}
PORT=${NEWSGRAPH_WP_PORT:-8089}
WP=/usr/share/wordpress
SHIM=/etc/wordpress/config-127.0.0.1.php
SHIM_MARK="newsgraph wordpress-up.sh"
PACKAGES=(wordpress mariadb-server php-cli php-mysql php-xml php-mbstring php-curl)
ME=$(id -un)

log() { echo "wordpress-up: $*" >&2; }
die() { echo "wordpress-up: error: $*" >&2; exit 1; }
# Exit status 3 means "the packages cannot be installed here" (tests skip on it, and only on it).
no_packages() { echo "wordpress-up: error: $*" >&2; exit 3; }
alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
secret() {  # a random secret kept in STATE/NAME, made on first use
  local path="$STATE/$1"
  if [ ! -s "$path" ]; then
    (umask 077; head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32 >"$path.tmp")
    mv "$path.tmp" "$path"
  fi
  cat "$path"
}

case "$PORT" in ''|*[!0-9]*) die "NEWSGRAPH_WP_PORT must be a port number, not '$PORT'";; esac
mkdir -p "$STATE"
chmod 700 "$STATE"
# One run at a time per site; the servers started below do not inherit the lock (9>&-).
exec 9>"$STATE/lock"
flock -w 120 9 || die "another wordpress-up.sh holds $STATE/lock"

# --- packages --------------------------------------------------------------------
missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || no_packages "packages missing: ${missing[*]}, and there is no apt-get (this script needs Debian or Ubuntu)"
  [ "$(id -u)" = 0 ] || no_packages "packages missing: ${missing[*]} (run this script once as root, or: sudo apt-get install ${missing[*]})"
  log "installing ${missing[*]}"
  # Debian starts services on install: Apache would listen on every address. Forbid it.
  policy=/usr/sbin/policy-rc.d
  made_policy=
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && made_policy=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -q && apt-get install -y -q --no-install-recommends "${missing[@]}"; } \
    >"$STATE/apt.log" 2>&1 || { [ -n "$made_policy" ] && rm -f "$policy"; no_packages "apt-get cannot install ${missing[*]}: $(tail -n 2 "$STATE/apt.log" | tr '\n' ' ')(see $STATE/apt.log)"; }
  [ -n "$made_policy" ] && rm -f "$policy"
fi

# --- the port: the one asked for, or (none asked for) the first free one from 8089 --------
if ! alive "$STATE/php.pid"; then
  if [ -z "${NEWSGRAPH_WP_PORT:-}" ]; then
    while listening "$PORT" && [ "$PORT" -lt 8189 ]; do PORT=$((PORT + 1)); done
  fi
  listening "$PORT" && die "port $PORT on 127.0.0.1 is taken by another program (set NEWSGRAPH_WP_PORT)"
  echo "$PORT" >"$STATE/port"
elif [ -s "$STATE/port" ]; then
  running=$(cat "$STATE/port")
  [ -z "${NEWSGRAPH_WP_PORT:-}" ] || [ "$running" = "$PORT" ] \
    || die "this site already runs on port $running (stop it with scripts/wordpress-down.sh first)"
  PORT=$running
fi
URL="http://127.0.0.1:$PORT"

# --- MariaDB: own data folder, unix socket only ------------------------------------
DATADIR="$STATE/mysql"
SOCKET="$STATE/mysqld.sock"
if [ ! -d "$DATADIR/mysql" ]; then
  log "creating the database in $DATADIR"
  rm -rf "$DATADIR"
  mariadb-install-db --no-defaults --datadir="$DATADIR" --user="$ME" --skip-test-db \
    --auth-root-authentication-method=socket >"$STATE/mysql-install.log" 2>&1 \
    || die "mariadb-install-db failed; see $STATE/mysql-install.log"
fi
if ! alive "$STATE/mysqld.pid"; then
  # A server whose pid file is gone (removed with the socket, or a crashed run) still locks
  # the data folder, and a new one would fail on its locks: stop it first.
  orphans=$(pgrep -f -- "mariadbd .*--datadir=$DATADIR( |\$)" || true)
  if [ -n "$orphans" ]; then
    log "stopping a MariaDB left running on $DATADIR without its pid file (pid $orphans)"
    kill -TERM $orphans 2>/dev/null || true
    for _ in $(seq 300); do
      pgrep -f -- "mariadbd .*--datadir=$DATADIR( |\$)" >/dev/null || break
      sleep 0.1
    done
  fi
  rm -f "$SOCKET" "$STATE/mysqld.pid"
  setsid mariadbd --no-defaults --datadir="$DATADIR" --socket="$SOCKET" --pid-file="$STATE/mysqld.pid" \
    --skip-networking --user="$ME" --log-error="$STATE/mysqld.log" --skip-log-bin \
    --innodb-buffer-pool-size=64M --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    </dev/null >/dev/null 2>&1 9>&- &
  for _ in $(seq 300); do
    mariadb --no-defaults --socket="$SOCKET" -u "$ME" -e 'SELECT 1' >/dev/null 2>&1 && break
    sleep 0.1
  done
fi
DB_PASSWORD=$(secret db-password)
mariadb --no-defaults --socket="$SOCKET" -u "$ME" >/dev/null 2>"$STATE/mysql-client.log" <<SQL \
  || die "MariaDB is not answering on $SOCKET; see $STATE/mysqld.log and $STATE/mysql-client.log"
CREATE DATABASE IF NOT EXISTS newsgraph_wp CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'newsgraph'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
ALTER USER 'newsgraph'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL ON newsgraph_wp.* TO 'newsgraph'@'localhost';
SQL

# --- WordPress settings ------------------------------------------------------------
# Debian's wp-config.php reads /etc/wordpress/config-HOST.php; ours hands over to the
# settings file that each `php -S` names in NEWSGRAPH_WP_CONFIG.
if [ ! -f "$SHIM" ] || ! grep -q "$SHIM_MARK" "$SHIM"; then
  [ ! -e "$SHIM" ] || die "$SHIM exists and was not written by newsgraph (move it away first)"
  [ -w /etc/wordpress ] || no_packages "cannot write $SHIM (run this script once as root)"
  cat >"$SHIM" <<'PHP'
<?php
// Written by newsgraph wordpress-up.sh: each `php -S 127.0.0.1:PORT` it starts names its
// own settings file in NEWSGRAPH_WP_CONFIG.
$newsgraph_wp_config = getenv('NEWSGRAPH_WP_CONFIG');
if (!$newsgraph_wp_config || !is_file($newsgraph_wp_config)) {
    header('HTTP/1.0 500 Internal Server Error');
    echo "NEWSGRAPH_WP_CONFIG does not name a settings file: start this site with scripts/wordpress-up.sh";
    exit(1);
}
require $newsgraph_wp_config;
PHP
fi

salt_lines() {
  local name
  for name in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
    echo "define('$name', '$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 48)');"
  done
}
[ -s "$STATE/salts.php" ] || { { echo '<?php'; salt_lines; } >"$STATE/salts.php.tmp" && mv "$STATE/salts.php.tmp" "$STATE/salts.php"; }

[ -L "$STATE/wp-content/themes" ] && rm "$STATE/wp-content/themes"
mkdir -p "$STATE/wp-content/mu-plugins" "$STATE/wp-content/plugins" "$STATE/wp-content/uploads" \
  "$STATE/wp-content/themes/newsgraph-test"
cp "$ROOT/scripts/wordpress/theme/"* "$STATE/wp-content/themes/newsgraph-test/"
cp "$ROOT/src/newsgraph/push/newsgraph-meta.php" "$STATE/wp-content/mu-plugins/newsgraph-meta.php.tmp"
mv "$STATE/wp-content/mu-plugins/newsgraph-meta.php.tmp" "$STATE/wp-content/mu-plugins/newsgraph-meta.php"

cat >"$STATE/wp-config.php.tmp" <<PHP
<?php
// Settings of newsgraph's test WordPress (written by scripts/wordpress-up.sh).
define('DB_NAME', 'newsgraph_wp');
define('DB_USER', 'newsgraph');
define('DB_PASSWORD', '$DB_PASSWORD');
define('DB_HOST', 'localhost:$SOCKET');
define('DB_CHARSET', 'utf8mb4');
define('WP_HOME', '$URL');
define('WP_SITEURL', '$URL');
define('WP_CONTENT_DIR', '$STATE/wp-content');
// Application passwords over plain http are allowed only on a 'local' site.
define('WP_ENVIRONMENT_TYPE', 'local');
// No traffic leaves this machine: no update checks, no cron spawning, no pings.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_DEBUG', false);
require __DIR__ . '/salts.php';
PHP
mv "$STATE/wp-config.php.tmp" "$STATE/wp-config.php"
chmod 600 "$STATE/wp-config.php"

export NEWSGRAPH_WP_CONFIG="$STATE/wp-config.php" NEWSGRAPH_WP_DIR="$STATE" NEWSGRAPH_WP_PORT="$PORT"
php "$ROOT/scripts/wordpress/install.php" 2>"$STATE/install.log" \
  || die "installing the site failed: $(tail -n 3 "$STATE/install.log")"

# --- the web server: php -S on loopback ---------------------------------------------
if ! alive "$STATE/php.pid"; then
  PHP_CLI_SERVER_WORKERS=2 setsid php -d opcache.enable_cli=1 -d memory_limit=256M \
    -S "127.0.0.1:$PORT" -t "$WP" </dev/null >"$STATE/php.log" 2>&1 9>&- &
  echo $! >"$STATE/php.pid"
fi
ready=
for _ in $(seq 200); do
  if php -r '$r = @file_get_contents($argv[1]); exit($r !== false && strpos($r, "\"namespaces\"") !== false ? 0 : 1);' \
       "$URL/?rest_route=/" 2>/dev/null; then
    ready=1; break
  fi
  alive "$STATE/php.pid" || break
  sleep 0.1
done
[ -n "$ready" ] || die "WordPress does not answer at $URL; see $STATE/php.log"

cat >"$STATE/env.tmp" <<ENV
export NEWSGRAPH_WP_URL=$URL
export NEWSGRAPH_WP_USER=admin
export NEWSGRAPH_WP_APP_PASSWORD_FILE=$STATE/app-password
ENV
mv "$STATE/env.tmp" "$STATE/env"
log "WordPress is up at $URL (user admin; application password in $STATE/app-password)"
cat "$STATE/env"
