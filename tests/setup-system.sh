#!/usr/bin/env bash
# System packages the test suite needs (Debian): a headless Chromium for the report's browser
# tests and `--render` (scrapy-playwright drives /usr/bin/chromium; no playwright browser download), PostgreSQL and Redis (below). Idempotent: installs only what is missing. Python packages come from pyproject.toml.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# PostgreSQL (store tests on a real server; tests/servers.py runs initdb + pg_ctl in a tmp dir)
# and Redis (the distributed RQ path). Debian keeps initdb off PATH, so look in its bin dir.
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi
