#!/usr/bin/env bash
# The national benchmark: builds the generated national site (91,599 real regions, N synthetic
# realisation rows) and measures a full build, a no-change rebuild, a one-kelurahan change,
# peak memory and ingest speed against DuckDB. Prints a Markdown table and writes it to
# $BENCH_DIR/results.md. See bench/README.md.
#
#   bash bench/run.sh                       # 5,000,000 rows, 5 runs each
#   ROWS=500000 RUNS=3 bash bench/run.sh    # a quick one
#
# Environment: ROWS (5000000), RUNS (5), SEED (1), BENCH_DIR (<repo>/target/bench/national-$ROWS),
# SKIP_DUCKDB=1 to skip the DuckDB comparison, SETTLE (35): seconds to wait, after `sync`, between
# deleting files and a timed build.
#
# Why SETTLE: the timed runs delete ~92,000 files (the previous output, or the old tree a
# rebuild swaps out). ext4 without a journal (as on this machine) will not reuse an inode freed
# less than 30 s ago (5 min while its block is dirty), and searching past tens of thousands of
# them makes every file creation slow: a "from scratch" build right after deleting the previous
# one takes 3-4x as long as one on a fresh checkout. A build after a tahap, or on a fresh CI
# clone, never follows such a deletion, so the timed runs wait for it to settle.
set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROWS=${ROWS:-5000000}
RUNS=${RUNS:-5}
SEED=${SEED:-1}
SKIP_DUCKDB=${SKIP_DUCKDB:-0}
SETTLE=${SETTLE:-35}
BENCH_DIR=${BENCH_DIR:-$ROOT/target/bench/national-$ROWS}
# The kelurahan changed in the one-kelurahan measurement, and its ancestors.
KODE=11.01.01.2001
CHAIN="wilayah/11/11.html wilayah/11/11.01.html wilayah/11/11.01.01.html wilayah/11/$KODE.html"

# targets
FULL_MAX=15
NOCHANGE_MAX=3
ONE_MAX=5
RSS_MAX=1024
RATIO_MIN=1.0

die() {
	echo "bench/run.sh: $*" >&2
	exit 1
}
log() { echo "==> $*" >&2; }

[[ $ROWS =~ ^[0-9]+$ && $ROWS -gt 0 ]] || die "ROWS must be a positive integer, not '$ROWS'"
[[ $RUNS =~ ^[0-9]+$ && $RUNS -gt 0 ]] || die "RUNS must be a positive integer, not '$RUNS'"

# --- tools -----------------------------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
	log "installing GNU time"
	if [[ $(id -u) -eq 0 ]]; then
		apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
	else
		sudo apt-get install -y -qq time >/dev/null
	fi
fi
if [[ $SKIP_DUCKDB != 1 ]] && ! python3 -c 'import duckdb' 2>/dev/null; then
	log "installing duckdb (pip)"
	python3 -m pip install --quiet duckdb
fi

# --- build -----------------------------------------------------------------------------------
log "cargo build --release"
cargo build --release --manifest-path "$ROOT/Cargo.toml"
cargo build --release --manifest-path "$ROOT/Cargo.toml" --example national
TARGET=$(cargo metadata --format-version 1 --no-deps --manifest-path "$ROOT/Cargo.toml" |
	python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
SALUR=$TARGET/release/salur
GENERATOR=$TARGET/release/examples/national
[[ -x $SALUR && -x $GENERATOR ]] || die "missing $SALUR or $GENERATOR"

# --- the site --------------------------------------------------------------------------------
CSV=$BENCH_DIR/data/realisasi.csv
ALOKASI=$BENCH_DIR/data/alokasi.csv
PUBLIC=$BENCH_DIR/public
MANIFEST=$BENCH_DIR/.public.salur-manifest
STAMP=$BENCH_DIR/.bench-stamp
stamp() { echo "rows=$ROWS seed=$SEED realisasi_bytes=$(stat -c %s "$CSV") jadwal_bytes=$(stat -c %s "$BENCH_DIR/data/jadwal.csv" 2>/dev/null || echo 0) laporan_bytes=$(stat -c %s "$BENCH_DIR/data/laporan_penyalur.csv" 2>/dev/null || echo 0)"; }
if [[ ! -f $CSV || ! -f $STAMP || $(cat "$STAMP") != "$(stamp)" ]]; then
	log "generating $ROWS rows into $BENCH_DIR"
	rm -rf "$BENCH_DIR/data" "$PUBLIC" "$MANIFEST" "$BENCH_DIR/.public.staging" "$STAMP"
	mkdir -p "$BENCH_DIR"
	"$GENERATOR" --out "$BENCH_DIR" --rows "$ROWS" --seed "$SEED" >&2
	stamp >"$STAMP"
fi
PENYALUR=$(grep -m1 "^PKH,2024-T1,$KODE," "$ALOKASI" | cut -d, -f4) ||
	die "no PKH allocation for $KODE in $ALOKASI"
ROW="PKH,2024-T1,$KODE,$PENYALUR,2024-02-01,tersalur,,7"
ORIG_SIZE=$(stat -c %s "$CSV")
# Whatever happens, leave realisasi.csv as generated.
trap 'truncate -s "$ORIG_SIZE" "$CSV"' EXIT

# --- measuring -------------------------------------------------------------------------------
WORK=$(mktemp -d)
trap 'truncate -s "$ORIG_SIZE" "$CSV"; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

# Runs one build under /usr/bin/time -v and sets WALL (s), RSS_MB, WRITTEN, FILES and
# STAGE[name] (s) from its output.
declare -A STAGE
build() {
	if ! /usr/bin/time -v -o "$WORK/time" "$SALUR" build --root "$BENCH_DIR" --timings \
		>"$WORK/out" 2>"$WORK/err"; then
		cat "$WORK/out" "$WORK/err" >&2
		die "salur build failed"
	fi
	WALL=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/time" |
		awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
	RSS_MB=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time" |
		awk '{ printf "%.1f", $1 / 1024 }')
	local summary
	summary=$(grep -E '^[0-9]+ (berkas|files): [0-9]+ ' "$WORK/out" | tail -n1) ||
		die "no summary line in salur's output: $(cat "$WORK/out")"
	FILES=$(awk '{ print $1 }' <<<"$summary")
	WRITTEN=$(awk '{ print $3 }' <<<"$summary")
	STAGE=()
	while read -r name seconds _; do
		STAGE[$name]=$seconds
	done < <(grep -E '^ *[a-z]+ +[0-9.]+ s$' "$WORK/err")
	# a build that finds nothing changed has only the stage `unchanged`
	[[ -n $WALL && -n $RSS_MB && -n ${STAGE[data]:-}${STAGE[unchanged]:-} ]] ||
		die "cannot parse the build's output"
}

# "median min max" of the arguments.
stats() {
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 }
		END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m, v[1], v[NR] }'
}
median() { stats "$@" | awk '{ print $1 }'; }
# le A B: whether A <= B
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
fmt() { awk -v v="$1" -v f="$2" 'BEGIN { printf f, v }'; }
verdict() { if "$@"; then echo pass; else echo FAIL; fi; }

settle() {
	sync
	sleep "$SETTLE"
}

declare -a FULL_WALL=() FULL_RSS=() FULL_WRITTEN=()
declare -A FULL_STAGES=() NOCHANGE_STAGES=()
declare -a NOCHANGE_WALL=() NOCHANGE_WRITTEN=() INGEST=()
declare -a ONE_WALL=() ONE_WRITTEN=()
ONE_OK=1
ONE_FILES=""

for i in $(seq "$RUNS"); do
	log "full build $i/$RUNS"
	rm -rf "$PUBLIC" "$MANIFEST"
	settle
	build
	FULL_WALL+=("$WALL") FULL_RSS+=("$RSS_MB") FULL_WRITTEN+=("$WRITTEN")
	for s in "${!STAGE[@]}"; do FULL_STAGES[$s]+=" ${STAGE[$s]}"; done
	# ingest: the data and analysis stages of a full build (a no-change rebuild skips them)
	INGEST+=("$(awk -v a="${STAGE[data]}" -v b="${STAGE[analysis]}" 'BEGIN { print a + b }')")
	SITE_FILES=$FILES
done

for i in $(seq "$RUNS"); do
	log "no-change rebuild $i/$RUNS"
	build
	NOCHANGE_WALL+=("$WALL") NOCHANGE_WRITTEN+=("$WRITTEN")
	for s in "${!STAGE[@]}"; do NOCHANGE_STAGES[$s]+=" ${STAGE[$s]}"; done
done

for i in $(seq "$RUNS"); do
	log "one-kelurahan change $i/$RUNS"
	echo "$ROW" >>"$CSV"
	settle
	touch "$WORK/marker"
	build
	ONE_WALL+=("$WALL") ONE_WRITTEN+=("$WRITTEN")
	# The files written are the ones newer than the marker (unchanged files are hard-linked
	# and keep their mtime). Dependent: the kelurahan and its ancestors, and pages that are
	# not a region's (home, programme, tahap, about).
	changed=$(cd "$PUBLIC" && find . -type f -newer "$WORK/marker" | sed 's|^\./||' | sort)
	ONE_FILES=$changed
	[[ $(grep -c . <<<"$changed") -eq $WRITTEN ]] || ONE_OK=0
	grep -qx "wilayah/11/$KODE.html" <<<"$changed" || ONE_OK=0
	while read -r f; do
		# a region page, or its downloads (.csv, .json)
		[[ -z $f || $f != wilayah/* || " $CHAIN " == *" ${f%.*}.html "* ]] || ONE_OK=0
	done <<<"$changed"
	truncate -s "$ORIG_SIZE" "$CSV"
	build # untimed: back to the unchanged state
done

if [[ $SKIP_DUCKDB != 1 ]]; then
	log "duckdb ingest ($RUNS runs)"
	JADWAL_ARG=()
	[[ -f $BENCH_DIR/data/jadwal.csv ]] && JADWAL_ARG=(--jadwal "$BENCH_DIR/data/jadwal.csv")
	DUCK_LINE=$(python3 "$ROOT/bench/duckdb_ingest.py" "$CSV" "${JADWAL_ARG[@]}" --threads "$(nproc)" --runs "$RUNS")
	echo "$DUCK_LINE" >&2
	DUCK=$(sed -n 's/.*duckdb_seconds=\([0-9.]*\).*/\1/p' <<<"$DUCK_LINE")
	DUCK_MIN=$(sed -n 's/.* min=\([0-9.]*\).*/\1/p' <<<"$DUCK_LINE")
	DUCK_MAX=$(sed -n 's/.* max=\([0-9.]*\).*/\1/p' <<<"$DUCK_LINE")
	[[ -n $DUCK ]] || die "cannot parse duckdb_ingest.py's output: $DUCK_LINE"
fi

# --- report ----------------------------------------------------------------------------------
read -r fw_med fw_min fw_max < <(stats "${FULL_WALL[@]}")
read -r nw_med nw_min nw_max < <(stats "${NOCHANGE_WALL[@]}")
read -r nf_med nf_min nf_max < <(stats "${NOCHANGE_WRITTEN[@]}")
read -r ow_med ow_min ow_max < <(stats "${ONE_WALL[@]}")
read -r of_med of_min of_max < <(stats "${ONE_WRITTEN[@]}")
read -r rss_med rss_min rss_max < <(stats "${FULL_RSS[@]}")
read -r in_med in_min in_max < <(stats "${INGEST[@]}")
read -r ff_med _ _ < <(stats "${FULL_WRITTEN[@]}")

s2() { fmt "$1" "%.2f s"; }
range_s() { echo "$(fmt "$1" "%.2f")–$(fmt "$2" "%.2f") s"; }
CPU=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n1)

{
	echo "## National benchmark, $(date -u +%F)"
	echo
	echo "- machine: ${CPU:-unknown CPU}, $(nproc) cores (nproc)"
	echo "- site: $ROWS realisation rows, seed $SEED; $SITE_FILES files" \
		"($(fmt "$ff_med" "%d") written by a full build)"
	echo "- $RUNS runs each; wall time and peak RSS from /usr/bin/time -v"
	echo "- before each timed full build and one-kelurahan change: \`sync\` and a ${SETTLE} s pause after the files of the previous run were deleted (see the head of bench/run.sh)"
	echo
	echo "| measurement | median | min–max | target | status |"
	echo "| --- | ---: | ---: | --- | --- |"
	echo "| full build from scratch | $(s2 "$fw_med") | $(range_s "$fw_min" "$fw_max") | ≤ $FULL_MAX s |" \
		"$(verdict le "$fw_med" "$FULL_MAX") |"
	echo "| no-change rebuild | $(s2 "$nw_med") | $(range_s "$nw_min" "$nw_max") | ≤ $NOCHANGE_MAX s |" \
		"$(verdict le "$nw_med" "$NOCHANGE_MAX") |"
	echo "| no-change rebuild: files written | $nf_med | $nf_min–$nf_max | 0 |" \
		"$(verdict le "$nf_max" 0) |"
	echo "| one-kelurahan change ($KODE) | $(s2 "$ow_med") | $(range_s "$ow_min" "$ow_max") | ≤ $ONE_MAX s |" \
		"$(verdict le "$ow_med" "$ONE_MAX") |"
	echo "| one-kelurahan change: files written | $of_med | $of_min–$of_max | only dependent files |" \
		"$(verdict test "$ONE_OK" = 1) |"
	echo "| peak RSS, full build | $(fmt "$rss_med" "%.0f MB") | $(fmt "$rss_min" "%.0f")–$(fmt "$rss_max" "%.0f") MB" \
		"| ≤ $RSS_MAX MB (max) | $(verdict le "$rss_max" "$RSS_MAX") |"
	echo "| ingest: salur data + analysis stages | $(fmt "$in_med" "%.3f s") | $(fmt "$in_min" "%.3f")–$(fmt "$in_max" "%.3f") s | | |"
	if [[ $SKIP_DUCKDB != 1 ]]; then
		ratio=$(awk -v d="$DUCK" -v s="$in_med" 'BEGIN { printf "%.2f", (s > 0 ? d / s : 0) }')
		echo "| ingest: DuckDB read_csv + GROUP BY ($(nproc) threads) | $(fmt "$DUCK" "%.3f s") |" \
			"$(fmt "$DUCK_MIN" "%.3f")–$(fmt "$DUCK_MAX" "%.3f") s | | |"
		echo "| ingest ratio DuckDB / salur | $ratio | | ≥ $RATIO_MIN | $(verdict le "$RATIO_MIN" "$ratio") |"
	else
		echo "| ingest ratio DuckDB / salur | – | | ≥ $RATIO_MIN | skipped (SKIP_DUCKDB=1) |"
	fi
	echo
	echo "Ingest: salur's data stage reads and validates every input (wilayah.csv, alokasi.csv," \
		"realisasi.csv, jadwal.csv) and its analysis stage computes every figure and checks the" \
		"schedule; DuckDB only reads and groups realisasi.csv and jadwal.csv (per titik bayar ×" \
		"day), so the ratio is conservative for salur."
	echo
	echo "Files written by the one-kelurahan change (last run):" \
		"$(tr '\n' ' ' <<<"$ONE_FILES" | sed 's/ *$//; s/\([^ ]*\)/`\1`/g; s/ /, /g')."
	echo
	echo "Stage times (median, s):"
	echo
	echo "| stage | full build | no-change rebuild |"
	echo "| --- | ---: | ---: |"
	stage() {
		# shellcheck disable=SC2086 # word splitting intended
		if [[ -n $1 ]]; then fmt "$(median $1)" "%.3f"; else echo "–"; fi
	}
	for s in inputs unchanged config data content analysis site render output; do
		[[ -n ${FULL_STAGES[$s]:-}${NOCHANGE_STAGES[$s]:-} ]] || continue
		echo "| $s | $(stage "${FULL_STAGES[$s]:-}") | $(stage "${NOCHANGE_STAGES[$s]:-}") |"
	done
} >"$WORK/results.md"

cp "$WORK/results.md" "$BENCH_DIR/results.md"
cat "$WORK/results.md"
log "written to $BENCH_DIR/results.md"
