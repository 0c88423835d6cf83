#!/bin/sh
# Installs the Debian 12 packages Salvo needs to build and test; asks for sudo when not root.
set -eu
if [ "$(id -u)" -ne 0 ]; then
    exec sudo "$0" "$@"
fi
here=$(dirname "$0")
export DEBIAN_FRONTEND=noninteractive
apt-get update
# shellcheck disable=SC2046
apt-get install -y --no-install-recommends $(grep -v '^#' "$here/debian-build-deps.txt")
