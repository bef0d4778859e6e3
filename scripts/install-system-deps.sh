#!/usr/bin/env bash
# System packages the tests need, from Debian's archive: Chromium, which the analytics report test
# and the docs site test (docs/.vitepress/test) drive headless through playwright-core (no browser
# is downloaded by npm), and Redis, which the tests of @smmkit/scheduler-bullmq need (.ci/run
# starts one on a local port; otherwise the test run starts a private one itself). Installs only
# what is missing; needs root (or sudo) on Debian/Ubuntu, and says what to install elsewhere.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Please install: ${missing[*]} (Debian/Ubuntu package names); the tests need them." >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
