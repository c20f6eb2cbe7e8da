#!/usr/bin/env bash
# Idempotent setup for a fresh Debian machine with Node.js: installs the OS packages flywheel needs
# (redis-server, chromium, fonts for labels) only when missing, then the npm dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x "${PUPPETEER_EXECUTABLE_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
for pkg in fonts-dejavu-core fonts-liberation; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing OS packages: ${missing[*]}"
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: apt-get not found; install these packages with your system's package manager: ${missing[*]}" >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "setup: need root to install ${missing[*]}; run as root or install them first" >&2
      exit 1
    fi
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "setup: OS packages present (redis-server, chromium, fonts)"
fi

# better-sqlite3 compiles from source here; build against the system Node headers.
[ -f /usr/include/node/node.h ] && export npm_config_nodedir=/usr

stamp=node_modules/.flywheel-setup
want="$(node -v) $(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -f node_modules/better-sqlite3/build/Release/better_sqlite3.node ]; then
  echo "setup: npm dependencies up to date"
else
  echo "setup: npm ci (compiles better-sqlite3, about a minute)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
mkdir -p output
echo "setup: done"
