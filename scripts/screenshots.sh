#!/usr/bin/env bash
# Screenshots of the example site as a phone shows it (360 px wide), for README.md:
# docs/screenshots/<name>.png, one per kind of page a reader opens. Rerun after a change to the
# theme: `bash scripts/screenshots.sh`. Needs Chromium (Debian: apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
chromium=${SALUR_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chromium" ]; then
  echo "scripts/screenshots.sh: Chromium not found (apt-get install chromium)" >&2
  exit 1
fi
site=target/screenshots/site
cargo run --release --quiet -- build --output "$site" >/dev/null
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
mkdir -p docs/screenshots

# name, page (with a #fragment to show a part of it), height in CSS pixels; headless Chromium
# now and then crashes on start, so each shot is tried three times
shoot() {
  local name=$1 page=$2 height=${3:-740} try
  for try in 1 2 3; do
    if "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --force-device-scale-factor=1 --user-data-dir="$profile" \
      --window-size="360,$height" --screenshot="docs/screenshots/$name.png" \
      "file://$PWD/$site/$page" >/dev/null 2>&1; then
      echo "docs/screenshots/$name.png  ← $page"
      return 0
    fi
  done
  echo "scripts/screenshots.sh: Chromium failed three times on $page" >&2
  return 1
}

shoot beranda index.html
shoot kabupaten wilayah/35/35.75.html 1100
shoot kabupaten-grafik wilayah/64/64.02.html 1500
shoot kecamatan wilayah/35/35.75.04.html
shoot kelurahan wilayah/35/35.75.01.1001.html 1400
shoot program program/bst.html 1100
shoot rapat rapat/2021-07-13-rakor-bansos-kota-pasuruan.html
shoot jadwal jadwal/35.75.html 1400
shoot bandingkan bandingkan/35.75-vs-35.23.html 1100
shoot gagal gagal/62.03.html 1100
shoot kualitas-data kualitas-data.html
