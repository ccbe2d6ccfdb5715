# Sourced by .ci/run and bench/run: a JDK 21 or newer (exported as JAVA_HOME), Debian's Chromium and HAProxy, and a
# running MariaDB at 127.0.0.1:3306 (root, empty password) — installed or started when missing.
log() { printf '\n== %s\n' "$*"; }

# --- A JDK 21 or newer -------------------------------------------------------------------------
java_major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1; }
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
  :
elif command -v java >/dev/null && [ "$(java_major "$(command -v java)")" -ge 21 ]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
else
  JAVA_HOME=""
  for candidate in /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate/bin/java")" -ge 21 ]; then
      JAVA_HOME="$candidate"
      break
    fi
  done
  if [ -z "$JAVA_HOME" ]; then
    echo "Parley needs JDK 21 or newer; none found (java is $(java -version 2>&1 | head -1)). Install one, e.g. apt-get install -y openjdk-21-jdk-headless or Temurin, or set JAVA_HOME." >&2
    exit 1
  fi
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
log "JDK: $JAVA_HOME ($(java -version 2>&1 | head -1))"

# --- Chromium for the browser tests ----------------------------------------------------------------
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
if [ ! -x /usr/bin/chromium ]; then
  log "Installing Chromium"
  apt_install chromium
fi
log "Browser: $(/usr/bin/chromium --version 2>/dev/null || echo missing)"
# A font with Chinese characters: the Chinese pages' screenshots (target/screenshots/zh-*) show words, not boxes.
if ! fc-list 2>/dev/null | grep -qiE "WenQuanYi|Noto Sans CJK|Noto Serif CJK"; then
  log "Installing a Chinese font"
  apt_install fonts-wqy-zenhei
fi

# --- HAProxy: the sticky proxy in front of several nodes (deploy/haproxy.cfg; the cluster test starts it) ------
if [ ! -x /usr/sbin/haproxy ]; then
  log "Installing HAProxy"
  apt_install haproxy
fi
log "Proxy: $(/usr/sbin/haproxy -v 2>/dev/null | head -1 || echo missing)"

# --- MariaDB -------------------------------------------------------------------------------------
# mariadb-dump too: BackupRestoreTest runs the README's backup commands in the MariaDB pass.
if ! command -v mariadb >/dev/null || ! command -v mariadb-dump >/dev/null || [ ! -x /usr/sbin/mariadbd ]; then
  log "Installing MariaDB"
  apt_install mariadb-server mariadb-client
fi
if ! mariadb -uroot -h127.0.0.1 -e 'select 1' >/dev/null 2>&1; then
  log "Starting MariaDB"
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  for _ in $(seq 1 60); do
    mariadb -uroot -h127.0.0.1 -e 'select 1' >/dev/null 2>&1 && break
    sleep 1
  done
fi
mariadb -uroot -h127.0.0.1 -e 'select version()' >/dev/null
