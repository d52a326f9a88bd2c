#!/usr/bin/env bash
# Installs, with apt-get, every Debian 12 package that building, testing and running Overseer needs.
# Idempotent: asks dpkg what is already there and installs only what is missing.
# As root it runs apt-get directly, otherwise through sudo; without either it prints the command.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
mapfile -t packages < <(grep -vE '^\s*(#|$)' "$here/debian-packages.txt")

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "install-deps: installing ${#missing[@]} missing package(s): ${missing[*]}"
cmd=(apt-get install -y --no-install-recommends "${missing[@]}")
if [ "$(id -u)" -eq 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    "${cmd[@]}"
elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive "${cmd[@]}"
else
    echo "install-deps: not root and no sudo; as root, run:" >&2
    echo "  apt-get update && ${cmd[*]}" >&2
    exit 1
fi
