#!/usr/bin/env bash
# Installs what gcscope needs to build and test on Debian 12 (run as root). Does nothing when
# everything is already there, so CI and repeat runs do not touch the network.
set -euo pipefail
packages=(cmake g++ make pkg-config libboost-dev zlib1g-dev libgtest-dev
          qt6-base-dev qt6-charts-dev libqt6opengl6-dev libgl-dev fonts-dejavu-core
          clang-14 libclang-rt-14-dev)  # the last two: the fuzz smoke run (fuzz/smoke.sh)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
