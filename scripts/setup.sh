#!/usr/bin/env bash
# Installs every build and test dependency of edict from Debian 12 packages.
# Idempotent: packages already present are left alone, and nothing runs apt
# when all are there. Must be run as root (or through sudo) on Debian 12.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  antlr4 default-jre-headless libantlr4-runtime-dev
  llvm-19-dev libzstd-dev zlib1g-dev libedit-dev libxml2-dev libffi-dev libcurl4-openssl-dev
  libcli11-dev catch2 libsimdjson-dev libfmt-dev libxxhash-dev nlohmann-json3-dev
  libcpp-httplib-dev curl
  libsqlite3-dev libpq-dev postgresql
  nats-server libnats-dev
  chromium fonts-dejavu-core
  clang
  neovim
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
