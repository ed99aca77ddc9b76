#!/usr/bin/env bash
# System packages the test suite needs (Debian): a headless Chromium for the report's browser
# tests. Idempotent: installs only what is missing. Python packages come from pyproject.toml.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi
