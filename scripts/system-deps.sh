#!/usr/bin/env bash
# System packages the test suite needs that pip cannot provide. Installed only where missing,
# and only when we may (root with apt-get); otherwise the tests that need them skip and say so.
set -euo pipefail
need=()
for pkg in "$@"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "installing system packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "system packages missing and cannot be installed here: ${need[*]} (their tests will skip)"
fi
