#!/bin/sh
# Installs the Debian 12 packages Salvo needs to build and test (run as root or with sudo).
set -eu
here=$(dirname "$0")
export DEBIAN_FRONTEND=noninteractive
apt-get update
# shellcheck disable=SC2046
apt-get install -y --no-install-recommends $(grep -v '^#' "$here/debian-build-deps.txt")
