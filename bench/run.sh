#!/usr/bin/env bash
# The national benchmark: builds the generated national site (91,599 real regions, N synthetic
# realisation rows) and measures a full build, a no-change rebuild, a one-kelurahan change,
# peak memory and ingest speed against DuckDB; in the same run, the write floor (the same files,
# with the same sizes, written from memory: examples/floor.rs) and the Hugo anchor (Hugo building
# one much simpler page per desa/kelurahan: bench/hugo/). Prints a Markdown table and writes it
# to $BENCH_DIR/results.md. See bench/README.md.
#
#   bash bench/run.sh                       # 5,000,000 rows, 5 runs each
#   ROWS=500000 RUNS=3 bash bench/run.sh    # a quick one
#
# Environment: ROWS (5000000), RUNS (5), SEED (1), BENCH_DIR (<repo>/target/bench/national-$ROWS),
# SKIP_DUCKDB=1 to skip the DuckDB comparison, SKIP_HUGO=1 to skip the Hugo anchor, SETTLE (35):
# seconds to wait, after `sync`, between deleting files and a timed build, write floor or Hugo
# build.
#
# Why SETTLE: the timed runs delete ~92,000 files (the previous output, or the old tree a
# rebuild swaps out). ext4 without a journal (as on this machine) will not reuse an inode freed
# less than 30 s ago (5 min while its block is dirty), and searching past tens of thousands of
# them makes every file creation slow: a "from scratch" build right after deleting the previous
# one takes 3-4x as long as one on a fresh checkout. A build after a tahap, or on a fresh CI
# clone, never follows such a deletion, so the timed runs wait for it to settle. The write floor
# and Hugo are timed under the same rule, so the ratio to the floor compares like with like.
set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROWS=${ROWS:-5000000}
RUNS=${RUNS:-5}
SEED=${SEED:-1}
SKIP_DUCKDB=${SKIP_DUCKDB:-0}
SKIP_HUGO=${SKIP_HUGO:-0}
SETTLE=${SETTLE:-35}
BENCH_DIR=${BENCH_DIR:-$ROOT/target/bench/national-$ROWS}
# The kelurahan changed in the one-kelurahan measurement, and its ancestors.
KODE=11.01.01.2001
CHAIN="wilayah/11/11.html wilayah/11/11.01.html wilayah/11/11.01.01.html wilayah/11/$KODE.html"

# targets (issue 23)
FULL_MAX=12
FULL_STRETCH=10
FLOOR_RATIO_MAX=2.5 # full build / write floor
NOCHANGE_MAX=0.5
ONE_MAX=2
RSS_MAX=1024
PARQUET_MAX=1 # the data stage reading the realisation rows from Parquet
RATIO_MIN=1.0 # DuckDB / salur ingest

die() {
	echo "bench/run.sh: $*" >&2
	exit 1
}
log() { echo "==> $*" >&2; }

[[ $ROWS =~ ^[0-9]+$ && $ROWS -gt 0 ]] || die "ROWS must be a positive integer, not '$ROWS'"
[[ $RUNS =~ ^[0-9]+$ && $RUNS -gt 0 ]] || die "RUNS must be a positive integer, not '$RUNS'"

# --- tools -----------------------------------------------------------------------------------
apt_install() {
	log "installing $1 (apt-get)"
	if [[ $(id -u) -eq 0 ]]; then
		apt-get install -y -qq "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$1" >/dev/null; }
	else
		sudo apt-get install -y -qq "$1" >/dev/null
	fi
}
[[ -x /usr/bin/time ]] || apt_install time
# Debian 12's hugo is 0.111.3, the version of the issue-23 anchor.
[[ $SKIP_HUGO == 1 ]] || command -v hugo >/dev/null || apt_install hugo
if [[ $SKIP_DUCKDB != 1 ]] && ! python3 -c 'import duckdb' 2>/dev/null; then
	log "installing duckdb (pip)"
	python3 -m pip install --quiet duckdb
fi

# --- build -----------------------------------------------------------------------------------
log "cargo build --release"
cargo build --release --manifest-path "$ROOT/Cargo.toml"
cargo build --release --manifest-path "$ROOT/Cargo.toml" --example national --example floor
TARGET=$(cargo metadata --format-version 1 --no-deps --manifest-path "$ROOT/Cargo.toml" |
	python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
SALUR=$TARGET/release/salur
GENERATOR=$TARGET/release/examples/national
FLOOR=$TARGET/release/examples/floor
[[ -x $SALUR && -x $GENERATOR && -x $FLOOR ]] || die "missing $SALUR, $GENERATOR or $FLOOR"

# --- the site --------------------------------------------------------------------------------
CSV=$BENCH_DIR/data/realisasi.csv
ALOKASI=$BENCH_DIR/data/alokasi.csv
PUBLIC=$BENCH_DIR/public
MANIFEST=$BENCH_DIR/.public.salur-manifest
# the suppression decisions of the last build (a cache): a full build starts without them
TEMBOLOK=$BENCH_DIR/.public.salur-tembolok
# the previous site, kept by a publish as the next build's staging folder: a full build starts without it
CADANGAN=$BENCH_DIR/.public.salur-cadangan
STAMP=$BENCH_DIR/.bench-stamp
FLOOR_OUT=$BENCH_DIR/floor-public
HUGO_SITE=$BENCH_DIR/hugo-site
HUGO_OUT=$BENCH_DIR/hugo-public
HUGO_STAMP=$BENCH_DIR/.hugo-stamp
# (and the generator's source: a change to what it writes, the site.toml among it, regenerates)
stamp() { echo "rows=$ROWS seed=$SEED generator=$(cat "$ROOT"/examples/national/*.rs | cksum | cut -d' ' -f1) realisasi_bytes=$(stat -c %s "$CSV") jadwal_bytes=$(stat -c %s "$BENCH_DIR/data/jadwal.csv" 2>/dev/null || echo 0) laporan_bytes=$(stat -c %s "$BENCH_DIR/data/laporan_penyalur.csv" 2>/dev/null || echo 0)"; }
if [[ ! -f $CSV || ! -f $STAMP || $(cat "$STAMP") != "$(stamp)" ]]; then
	log "generating $ROWS rows into $BENCH_DIR"
	rm -rf "$BENCH_DIR/data" "$PUBLIC" "$MANIFEST" "$TEMBOLOK" "$CADANGAN" "$BENCH_DIR/.public.staging" "$STAMP"
	mkdir -p "$BENCH_DIR"
	"$GENERATOR" --out "$BENCH_DIR" --rows "$ROWS" --seed "$SEED" >&2
	stamp >"$STAMP"
fi
hugo_stamp() {
	echo "wilayah_bytes=$(stat -c %s "$BENCH_DIR/data/wilayah.csv") alokasi_bytes=$(stat -c %s "$ALOKASI")" \
		"generator=$(cat "$ROOT/bench/hugo/generate.py" "$ROOT"/bench/hugo/layouts/_default/* | cksum)"
}
if [[ $SKIP_HUGO != 1 ]] && [[ ! -f $HUGO_STAMP || $(cat "$HUGO_STAMP") != "$(hugo_stamp)" ]]; then
	log "generating the Hugo anchor site into $HUGO_SITE"
	rm -rf "$HUGO_SITE" "$HUGO_STAMP"
	python3 "$ROOT/bench/hugo/generate.py" "$BENCH_DIR" "$HUGO_SITE" >&2
	hugo_stamp >"$HUGO_STAMP"
fi
PENYALUR=$(grep -m1 "^PKH,2024-T1,$KODE," "$ALOKASI" | cut -d, -f4) ||
	die "no PKH allocation for $KODE in $ALOKASI"
ROW="PKH,2024-T1,$KODE,$PENYALUR,2024-02-01,tersalur,,7"
ORIG_SIZE=$(stat -c %s "$CSV")
# Whatever happens, leave realisasi.csv as generated.
trap 'truncate -s "$ORIG_SIZE" "$CSV"' EXIT

# --- measuring -------------------------------------------------------------------------------
WORK=$(mktemp -d)
trap 'truncate -s "$ORIG_SIZE" "$CSV"; rm -rf "$WORK" "$FLOOR_OUT" "$HUGO_OUT" "$BENCH_DIR/parquet-site"' EXIT
trap 'exit 130' INT TERM

# Runs a command under /usr/bin/time -v, its output in $WORK/out and $WORK/err, and sets WALL (s)
# and RSS_MB from it.
timed() {
	if ! /usr/bin/time -v -o "$WORK/time" "$@" >"$WORK/out" 2>"$WORK/err"; then
		cat "$WORK/out" "$WORK/err" >&2
		die "failed: $*"
	fi
	WALL=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/time" |
		awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
	RSS_MB=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time" |
		awk '{ printf "%.1f", $1 / 1024 }')
	[[ -n $WALL && -n $RSS_MB ]] || die "cannot read /usr/bin/time's output for: $*"
}

# Runs one build under /usr/bin/time -v and sets WALL (s), RSS_MB, WRITTEN, FILES and
# STAGE[name] (s) from its output.
declare -A STAGE
build() {
	timed "$SALUR" build --root "$BENCH_DIR" --timings
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
	[[ -n ${STAGE[data]:-}${STAGE[unchanged]:-} ]] || die "cannot parse the build's output"
}

# Writes the files of $PUBLIC, with their sizes, from memory into a fresh $FLOOR_OUT on every
# core (examples/floor.rs: folders, files, one syncfs; the listing before is not timed) and
# sets FLOOR_S (s), FLOOR_FILES and FLOOR_BYTES.
floor() {
	local line
	line=$("$FLOOR" "$PUBLIC" "$FLOOR_OUT" --threads "$(nproc)") || die "the write floor failed"
	FLOOR_S=$(sed -n 's/.*floor_seconds=\([0-9.]*\).*/\1/p' <<<"$line")
	FLOOR_FILES=$(sed -n 's/.* files=\([0-9]*\).*/\1/p' <<<"$line")
	FLOOR_BYTES=$(sed -n 's/.* bytes=\([0-9]*\).*/\1/p' <<<"$line")
	[[ -n $FLOOR_S && -n $FLOOR_FILES && -n $FLOOR_BYTES ]] || die "cannot parse floor's output: $line"
	log "$line"
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

declare -a FULL_WALL=() FULL_RSS=() FULL_WRITTEN=() FLOOR_WALL=() FLOOR_RATIO=()
declare -a HUGO_WALL=() HUGO_RSS=()
declare -A FULL_STAGES=() NOCHANGE_STAGES=()
declare -a NOCHANGE_WALL=() NOCHANGE_WRITTEN=() INGEST=()
declare -a ONE_WALL=() ONE_WRITTEN=()
ONE_OK=1
ONE_FILES=""

# Each full build is followed by the write floor of its output, so that the two are measured in
# the same minutes of the machine and the disk; the ratio is taken run by run.
for i in $(seq "$RUNS"); do
	log "full build $i/$RUNS"
	rm -rf "$PUBLIC" "$MANIFEST" "$TEMBOLOK" "$CADANGAN" "$FLOOR_OUT"
	settle
	build
	FULL_WALL+=("$WALL") FULL_RSS+=("$RSS_MB") FULL_WRITTEN+=("$WRITTEN")
	for s in "${!STAGE[@]}"; do FULL_STAGES[$s]+=" ${STAGE[$s]}"; done
	# ingest: the data and analysis stages of a full build (a no-change rebuild skips them)
	INGEST+=("$(awk -v a="${STAGE[data]}" -v b="${STAGE[analysis]}" 'BEGIN { print a + b }')")
	SITE_FILES=$FILES
	log "write floor $i/$RUNS"
	settle
	floor
	FLOOR_WALL+=("$FLOOR_S")
	FLOOR_RATIO+=("$(awk -v b="$WALL" -v f="$FLOOR_S" 'BEGIN { print (f > 0 ? b / f : 0) }')")
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

# The data stage reading the same rows from Parquet, as the engine recipe (engine/) writes them:
# a copy of the site whose alokasi, realisasi and jadwal are Parquet (DuckDB, Snappy, in region
# order, as engine/ sorts its output), built RUNS times into its own output folder. Only the
# data stage is read: after the first build a comment line changes site.toml, so the later
# builds read and analyse everything again but write almost nothing.
declare -a PARQUET_DATA=()
PQ_SITE=$BENCH_DIR/parquet-site
if [[ $SKIP_DUCKDB != 1 ]]; then
	log "parquet copy of the site"
	rm -rf "$PQ_SITE"
	mkdir -p "$PQ_SITE/data"
	cp "$BENCH_DIR/site.toml" "$PQ_SITE/"
	for f in "$BENCH_DIR"/data/*.csv; do
		case $(basename "$f") in
		alokasi.csv | realisasi.csv | jadwal.csv) ;;
		*) cp "$f" "$PQ_SITE/data/" ;;
		esac
	done
	python3 - "$BENCH_DIR/data" "$PQ_SITE/data" <<'PY'
import os, sys, duckdb
src, dst = sys.argv[1], sys.argv[2]
c = duckdb.connect()
for n in ("alokasi", "realisasi", "jadwal"):
    if os.path.exists(f"{src}/{n}.csv"):
        c.execute(f"COPY (SELECT * FROM read_csv('{src}/{n}.csv', header=true) "
                  f"ORDER BY kode_wilayah, program, tahap) TO '{dst}/{n}.parquet' "
                  "(FORMAT PARQUET, COMPRESSION snappy)")
PY
	for i in $(seq "$RUNS"); do
		log "parquet data stage $i/$RUNS"
		echo "# bench run $i" >>"$PQ_SITE/site.toml"
		timed "$SALUR" build --root "$PQ_SITE" --timings
		PQ_STAGE=$(grep -E '^ *data +[0-9.]+ s$' "$WORK/err" | awk '{ print $2 }')
		[[ -n $PQ_STAGE ]] || die "no data stage in the Parquet build's output"
		PARQUET_DATA+=("$PQ_STAGE")
	done
	rm -rf "$PQ_SITE"
fi

if [[ $SKIP_HUGO != 1 ]]; then
	HUGO_VERSION=$(hugo version | awk '{ print $2 }')
	for i in $(seq "$RUNS"); do
		log "hugo $i/$RUNS"
		rm -rf "$HUGO_OUT" "$FLOOR_OUT"
		settle
		timed hugo --quiet --noBuildLock --source "$HUGO_SITE" --destination "$HUGO_OUT"
		HUGO_WALL+=("$WALL") HUGO_RSS+=("$RSS_MB")
	done
	HUGO_FILES=$(find "$HUGO_OUT" -type f | wc -l)
	HUGO_BYTES=$(du -sb "$HUGO_OUT" | cut -f1)
	HUGO_PAGES=$(find "$HUGO_SITE/content" -name '*.md' | wc -l)
fi

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
read -r fl_med fl_min fl_max < <(stats "${FLOOR_WALL[@]}")
read -r fr_med fr_min fr_max < <(stats "${FLOOR_RATIO[@]}")

s2() { fmt "$1" "%.2f s"; }
mb() { awk -v b="$1" 'BEGIN { printf "%.0f MB", b / 1e6 }'; }
range_s() { echo "$(fmt "$1" "%.2f")–$(fmt "$2" "%.2f") s"; }
CPU=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n1)

{
	echo "## National benchmark, $(date -u +%F)"
	echo
	echo "- machine: ${CPU:-unknown CPU}, $(nproc) cores (nproc)"
	echo "- site: $ROWS realisation rows, seed $SEED; $SITE_FILES files" \
		"($(fmt "$ff_med" "%d") written by a full build)"
	echo "- $RUNS runs each; wall time and peak RSS from /usr/bin/time -v"
	echo "- before each timed full build, write floor, one-kelurahan change and Hugo build: \`sync\` and a ${SETTLE} s pause after the files of the previous run were deleted (see the head of bench/run.sh)"
	echo "- write floor (examples/floor.rs): the full build's $FLOOR_FILES files ($(mb "$FLOOR_BYTES")) with" \
		"their sizes written from memory into a fresh folder on $(nproc) threads, then one \`syncfs\`" \
		"as the build does; measured after each full build, the ratio taken run by run"
	if [[ $SKIP_HUGO != 1 ]]; then
		echo "- Hugo anchor: \`hugo --quiet\` ($HUGO_VERSION) on bench/hugo/'s site, $HUGO_PAGES content" \
			"pages (one per desa/kelurahan and provinsi, and the home page), $HUGO_FILES files" \
			"($(mb "$HUGO_BYTES")) written; much simpler pages than salur's: an anchor, not a target"
	fi
	echo
	echo "| measurement | median | min–max | target | status |"
	echo "| --- | ---: | ---: | --- | --- |"
	full_status=$(verdict le "$fw_med" "$FULL_MAX")
	if le "$fw_med" "$FULL_STRETCH"; then full_status="$full_status (stretch met)"; fi
	echo "| full build from scratch | $(s2 "$fw_med") | $(range_s "$fw_min" "$fw_max") |" \
		"≤ $FULL_MAX s (stretch ≤ $FULL_STRETCH s) | $full_status |"
	echo "| write floor: the same files from memory | $(s2 "$fl_med") | $(range_s "$fl_min" "$fl_max") | | |"
	echo "| full build / write floor | $(fmt "$fr_med" "%.2f") | $(fmt "$fr_min" "%.2f")–$(fmt "$fr_max" "%.2f") |" \
		"≤ $FLOOR_RATIO_MAX | $(verdict le "$fr_med" "$FLOOR_RATIO_MAX") |"
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
	if [[ ${#PARQUET_DATA[@]} -gt 0 ]]; then
		read -r pq_med pq_min pq_max < <(stats "${PARQUET_DATA[@]}")
		echo "| data stage, realisation rows from Parquet | $(fmt "$pq_med" "%.3f s") |" \
			"$(fmt "$pq_min" "%.3f")–$(fmt "$pq_max" "%.3f") s | ≤ $PARQUET_MAX s | $(verdict le "$pq_med" "$PARQUET_MAX") |"
	else
		echo "| data stage, realisation rows from Parquet | – | | ≤ $PARQUET_MAX s | skipped (SKIP_DUCKDB=1: DuckDB writes the Parquet) |"
	fi
	echo "| ingest: salur data + analysis stages | $(fmt "$in_med" "%.3f s") | $(fmt "$in_min" "%.3f")–$(fmt "$in_max" "%.3f") s | | |"
	if [[ $SKIP_DUCKDB != 1 ]]; then
		ratio=$(awk -v d="$DUCK" -v s="$in_med" 'BEGIN { printf "%.2f", (s > 0 ? d / s : 0) }')
		echo "| ingest: DuckDB read_csv + GROUP BY ($(nproc) threads) | $(fmt "$DUCK" "%.3f s") |" \
			"$(fmt "$DUCK_MIN" "%.3f")–$(fmt "$DUCK_MAX" "%.3f") s | | |"
		echo "| ingest ratio DuckDB / salur | $ratio | | ≥ $RATIO_MIN | $(verdict le "$RATIO_MIN" "$ratio") |"
	else
		echo "| ingest ratio DuckDB / salur | – | | ≥ $RATIO_MIN | skipped (SKIP_DUCKDB=1) |"
	fi
	if [[ $SKIP_HUGO != 1 ]]; then
		read -r hw_med hw_min hw_max < <(stats "${HUGO_WALL[@]}")
		read -r hr_med hr_min hr_max < <(stats "${HUGO_RSS[@]}")
		echo "| Hugo anchor: full build ($HUGO_PAGES pages, $HUGO_FILES files, $(mb "$HUGO_BYTES")) |" \
			"$(s2 "$hw_med") | $(range_s "$hw_min" "$hw_max") | anchor, no target | |"
		echo "| Hugo anchor: peak RSS | $(fmt "$hr_med" "%.0f MB") | $(fmt "$hr_min" "%.0f")–$(fmt "$hr_max" "%.0f") MB | anchor, no target | |"
	else
		echo "| Hugo anchor | – | | | skipped (SKIP_HUGO=1) |"
	fi
	echo
	echo "Ingest: salur's data stage reads and validates every input (wilayah.csv, alokasi.csv," \
		"realisasi.csv, jadwal.csv) and its analysis stage computes every figure and checks the" \
		"schedule; DuckDB only reads and groups realisasi.csv and jadwal.csv (per titik bayar ×" \
		"day), so the ratio is conservative for salur."
	echo
	# shellcheck disable=SC2016 # backquotes in sed's replacement: Markdown code, not expansion
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
