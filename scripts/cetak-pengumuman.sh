#!/usr/bin/env bash
# Prints a desa/kelurahan page with a payment schedule to PDF with headless Chromium, as a lurah
# would print the notice for the kelurahan board, and checks that it is one A4 page.
#   bash scripts/cetak-pengumuman.sh [KODE] [OUT.pdf]     (default 35.75.01.1001, Karangketug)
# Needs chromium (apt-get install -y chromium). Not part of `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."
kode=${1:-35.75.01.1001}
out=${2:-target/pengumuman-$kode.pdf}
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
cargo run --quiet --release -- build --output "$site/public" >/dev/null
page="$site/public/wilayah/${kode:0:2}/$kode.html"
[ -f "$page" ] || { echo "no page for $kode" >&2; exit 1; }
grep -q 'id="jadwal"' "$page" || { echo "$kode has no schedule" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$site/chromium" \
  --no-pdf-header-footer --print-to-pdf="$out" "file://$page" 2>/dev/null
pages=$(python3 -c "import re,sys; print(len(re.findall(rb'/Type\s*/Page[^s]', open(sys.argv[1],'rb').read())))" "$out")
echo "$out: $pages page(s)"
[ "$pages" -eq 1 ] || { echo "expected a notice of one A4 page" >&2; exit 1; }
