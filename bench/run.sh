#!/usr/bin/env bash
# bench/run.sh: how fast and how big, measured against the floor. See bench/README.md.
#
#   bench/run.sh [--jar JAR | --classpath CP] [--work DIR] [--results DIR] [--jfr] [--keep] [--quick] SIZE...
#   SIZE: XS (2,000 children, 1 year: a smoke run), S (10,000, 3 years), M (64,000, 10: a London borough),
#         L (300,000, 10: the largest authorities), XL (all of England: 150 authorities x 80,000 = 12 M, 10 years)
#
# For each size, on a freshly generated synthetic authority: generate; the floor on the same files (cat, and
# DuckDB's own read_csv -> COPY parquet); `load` then `build` (models, then data tests) then each output
# command (annex-a, pack, comparators; "not available" when the jar has no such command); then the whole
# nightly cycle, `run` on a fresh copy of the generated inbox, JVM start included. Wall time, CPU time and peak
# resident memory (GNU time's "Maximum resident set size") for every stage; rows/s and MB/s for ingest.
# --quick: only generate, the floor and the nightly `run` (ingest figures from the run; the self-test uses it).
# --jfr: record the nightly run with Java Flight Recorder and list its hottest frames. --keep: keep the data.
# Writes RESULTS/<date>-<size>.md (never overwrites: a second run the same day gets -2, -3...).
#
# Environment: CSC_BENCH_JAR, CSC_BENCH_WORK, CSC_BENCH_RESULTS (same as the options); JAVA_OPTS (added to
# every java command); CSC_DUCKDB_MEMORY_LIMIT / CSC_DUCKDB_THREADS (DuckDB caps, read by support/DuckDb.java);
# XL_AUTHORITIES (150), XL_CHILDREN (80000 per authority), XL_CHUNKS (distinct generated authorities, default
# the number of cores: generated in parallel, then replicated with distinct id prefixes, see XlCombine.java).
# Exit status: 0 when every size ran (a missed target is reported, not an error), 1 when a stage failed.
set -uo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${CSC_BENCH_JAR:-$REPO/target/csc-warehouse.jar}"
CLASSPATH_OVERRIDE="${CSC_BENCH_CLASSPATH:-}"
JAVA="${CSC_BENCH_JAVA:-java}"
WORK="${CSC_BENCH_WORK:-$REPO/bench/work}"
RESULTS="${CSC_BENCH_RESULTS:-$REPO/bench/results}"
JFR=0
KEEP=0
QUICK=0
AS_AT=2025-03-31
PACK_YEAR=2024-25
SEED=20260401
SIZES=()

usage() { sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) JAR="$2"; shift 2 ;;
    --classpath) CLASSPATH_OVERRIDE="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --results) RESULTS="$2"; shift 2 ;;
    --jfr) JFR=1; shift ;;
    --keep) KEEP=1; shift ;;
    --quick) QUICK=1; shift ;;
    -h|--help) usage 0 ;;
    XS|S|M|L|XL) SIZES+=("$1"); shift ;;
    *) echo "run.sh: unknown argument '$1'" >&2; usage 64 ;;
  esac
done
[ ${#SIZES[@]} -gt 0 ] || { echo "run.sh: name at least one size (XS S M L XL)" >&2; exit 64; }

GNU_TIME=/usr/bin/time
if ! "$GNU_TIME" -v true >/dev/null 2>&1; then
  echo "run.sh: GNU time is needed for peak memory: apt-get install -y time" >&2
  exit 69
fi
if [ -n "$CLASSPATH_OVERRIDE" ]; then
  RUNCP="$CLASSPATH_OVERRIDE"; JAR="(classes: --classpath)"
else
  [ -f "$JAR" ] || { echo "run.sh: no jar at $JAR (mvn -q -DskipTests package, or --jar)" >&2; exit 66; }
  JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"
  RUNCP="$JAR"
fi
# The benchmark's own tools (Floor, XlCombine) are test classes, kept out of the production jar:
# `mvn -DskipTests package` compiles them into target/test-classes beside the jar.
BENCHCP="$RUNCP"
if [ -z "$CLASSPATH_OVERRIDE" ]; then
  TEST_CLASSES="${CSC_BENCH_TEST_CLASSES:-$(dirname "$JAR")/test-classes}"
  [ -f "$TEST_CLASSES/uk/csc/warehouse/bench/Floor.class" ] || { echo "run.sh: no benchmark tools in $TEST_CLASSES (mvn -q -DskipTests package compiles them)" >&2; exit 66; }
  BENCHCP="$RUNCP:$TEST_CLASSES"
fi
mkdir -p "$WORK" "$RESULTS"
WORK="$(cd "$WORK" && pwd)"
RESULTS="$(cd "$RESULTS" && pwd)"
# shellcheck disable=SC2206
JOPTS=(${JAVA_OPTS:-})

# ---------------------------------------------------------------- helpers
now() { date +%s.%N; }
# seconds since midnight of the first log line matching an ERE (logback prints HH:mm:ss.SSS first)
ts_first() { grep -E -m1 "$1" "$2" 2>/dev/null | awk '{split($1,t,":"); printf "%.3f", t[1]*3600+t[2]*60+t[3]}'; }
ts_last() { grep -E "$1" "$2" 2>/dev/null | tail -1 | awk '{split($1,t,":"); printf "%.3f", t[1]*3600+t[2]*60+t[3]}'; }
# all data tests of the build: the published line counts them (the "running N data tests" line counts only the tail)
tests_of() { grep -oE "published .*\(([0-9]+) models, [0-9]+ tests" "$1" 2>/dev/null | grep -oE "[0-9]+ tests" | grep -oE "[0-9]+" | head -1; }
sod() { date -d "@$1" +%H:%M:%S.%N | awk '{split($1,t,":"); printf "%.3f", t[1]*3600+t[2]*60+t[3]}'; }
# b - a in seconds, wrapping midnight; "" when either is missing
diff_s() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN{d=b-a; if (d < -43200) d+=86400; printf "%.2f", d}'; }
calc() { awk "BEGIN{ $1 }"; }
fmt_n() { printf "%'d" "${1%.*}" 2>/dev/null || echo "$1"; }
mb() { calc "printf \"%.1f\", $1/1e6"; }

# timed NAME DIR cmd... : runs cmd under GNU time, log in DIR/NAME.log; sets T_WALL T_CPU T_RSS_MB T_RC T_START
timed() {
  local name="$1" dir="$2"; shift 2
  T_START=$(now)
  "$GNU_TIME" -v -o "$dir/$name.time" "$@" >"$dir/$name.log" 2>&1
  T_RC=$?
  local end; end=$(now)
  T_WALL=$(calc "printf \"%.2f\", $end - $T_START")
  T_CPU=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.1f", s}' "$dir/$name.time")
  T_RSS_MB=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$dir/$name.time")
}
java_jar() { "$JAVA" "${JOPTS[@]}" -Djava.awt.headless=true -cp "$RUNCP" uk.csc.warehouse.cli.Main "$@"; }

ROW() { local s="|" a; for a in "$@"; do s="$s $a |"; done; echo "$s" >>"$OUT"; }
verdict() { # verdict LABEL VALUE OP LIMIT UNIT
  local ok; ok=$(calc "print (($2 $3 $4) ? \"met\" : \"NOT met\")")
  ROW "$1" "$2 $5" "$3 $4 $5" "$ok"
}

commands_in_jar() { java_jar --help 2>&1 | awk '/^Commands:/ {on=1; next} on && /^ +[a-z]/ {print $1}'; }

size_params() {
  case "$1" in
    XS) CHILDREN=2000; YEARS=1 ;;
    S) CHILDREN=10000; YEARS=3 ;;
    M) CHILDREN=64000; YEARS=10 ;;
    L) CHILDREN=300000; YEARS=10 ;;
    XL) XL_AUTHORITIES=${XL_AUTHORITIES:-150}; XL_CHILDREN=${XL_CHILDREN:-80000}
        XL_CHUNKS=${XL_CHUNKS:-$(nproc)}; CHILDREN=$((XL_AUTHORITIES * XL_CHILDREN)); YEARS=10
        # All of England on 2 cores / 24 GB: cap DuckDB and the JVM heap unless the caller chose otherwise,
        # so the run spills to disk instead of running out of memory.
        export CSC_DUCKDB_MEMORY_LIMIT="${CSC_DUCKDB_MEMORY_LIMIT:-4GB}"
        # The spill shares the disk with 26 GB of extracts, the lake and the building warehouse: cap it so an
        # overrun is DuckDB's error naming the setting (the build retries that model alone), not a full disk.
        # 25 GB: int_cla_at_period_end alone spilled more than 10 GB (XL-9); XL-12 built everything under 25 GB.
        export CSC_DUCKDB_MAX_TEMP_DIRECTORY_SIZE="${CSC_DUCKDB_MAX_TEMP_DIRECTORY_SIZE:-25GB}"
        # One model at a time: at a 4 GB limit the models spill far less alone (XL-14: models 1,037 s against
        # 1,244-1,392 s with three workers, tests 153 s against 193-295 s, peak 4.9 GB against 5.7-6.1 GB).
        export CSC_BUILD_WORKERS="${CSC_BUILD_WORKERS:-1}"
        [ -n "${JAVA_OPTS:-}" ] || JOPTS=(-Xmx1g) ;;
  esac
}

FAILED=0

# ---------------------------------------------------------------- one size
bench_size() {
  local size="$1"
  size_params "$size"
  local W="$WORK/$size" D="$WORK/$size/_timings"
  rm -rf "$W"; mkdir -p "$D"
  cd "$W" || return   # an in-memory DuckDB spills to ./.tmp: keep that in the size's work dir
  local day; day=$(date +%Y-%m-%d)
  local label="$size"   # a slice of England (XL_AUTHORITIES < 150) is named for what it is
  [ "$size" = XL ] && [ "$XL_AUTHORITIES" != 150 ] && label="XL-slice-$XL_AUTHORITIES"
  OUT="$RESULTS/$day-$label.md"; local n=2
  while [ -e "$OUT" ]; do OUT="$RESULTS/$day-$label-$n.md"; n=$((n + 1)); done
  local load_start; load_start=$(cut -d' ' -f1-3 /proc/loadavg)
  local rev; rev=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
  git -C "$REPO" diff --quiet HEAD -- src sql schemas routes 2>/dev/null || rev="$rev + uncommitted changes in the tree"
  echo "== $size: $(fmt_n $CHILDREN) children, $YEARS years -> $OUT" >&2

  {
    echo "# Benchmark $label: $(fmt_n $CHILDREN) children, $YEARS years ($day)"
    echo
    echo "Made by \`bench/run.sh $size\`. Synthetic data (seed $SEED, as at $AS_AT). Times are wall-clock seconds;"
    echo "CPU is user+system seconds of the process; memory is the OS's peak resident set (GNU time)."
    echo
    echo "## Machine"
    echo
    echo "| | |"
    echo "|---|---|"
    echo "| started | $(date '+%Y-%m-%d %H:%M:%S %Z') |"
    echo "| cores | $(nproc) ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')) |"
    echo "| memory | $(free -g | awk '/^Mem:/ {print $2}') GB total, $(free -g | awk '/^Mem:/ {print $7}') GB available at start |"
    echo "| load average at start (1, 5, 15 min) | $load_start |"
    echo "| uptime | $(uptime) |"
    echo "| java | $("$JAVA" -version 2>&1 | head -1) |"
    echo "| jar | $JAR ($(stat -c %y "$JAR" 2>/dev/null | cut -d. -f1)) |"
    echo "| commit | $rev |"
    echo "| JAVA_OPTS | ${JOPTS[*]:-(none)} |"
    echo "| CSC_DUCKDB_MEMORY_LIMIT / THREADS / MAX_TEMP_DIRECTORY_SIZE | ${CSC_DUCKDB_MEMORY_LIMIT:-(DuckDB default: 80% of RAM)} / ${CSC_DUCKDB_THREADS:-(default: one per core)} / ${CSC_DUCKDB_MAX_TEMP_DIRECTORY_SIZE:-(default: 90% of free disk)} |"
    echo "| CSC_BUILD_WORKERS | ${CSC_BUILD_WORKERS:-(default: cores + 1)} |"
    echo
  } >"$OUT"

  # -------------------------------------------------- generate
  local G="$W/generated"
  if [ "$size" = XL ]; then
    local gstart; gstart=$(now)
    local pids=() i
    for i in $(seq 1 "$XL_CHUNKS"); do
      ( timed "generate-chunk$i" "$D" "$JAVA" "${JOPTS[@]}" -Djava.awt.headless=true -cp "$RUNCP" uk.csc.warehouse.cli.Main generate --data-dir "$W/chunk$i" --children "$XL_CHILDREN" \
          --years "$YEARS" --seed $((SEED + i - 1)) --as-at "$AS_AT"; echo "$T_WALL $T_CPU $T_RSS_MB $T_RC" >"$D/chunk$i.t" ) &
      pids+=($!)
    done
    wait "${pids[@]}"
    local chunks=(); for i in $(seq 1 "$XL_CHUNKS"); do chunks+=("$W/chunk$i"); done
    timed combine "$D" "$JAVA" "${JOPTS[@]}" -cp "$BENCHCP" uk.csc.warehouse.bench.XlCombine "$G" "$XL_AUTHORITIES" "${chunks[@]}"
    local cw=$T_WALL crss=$T_RSS_MB crc=$T_RC
    find "$G/inbox" -name '*.csv' -exec touch -d "$AS_AT 12:00" {} +
    GEN_WALL=$(calc "printf \"%.2f\", $(now) - $gstart"); GEN_RC=$crc
    GEN_RSS=$(cat "$D"/chunk*.t | awk -v c="$crss" '{s+=$3} END {print (s > c ? s : c)}')
    GEN_NOTE="$XL_CHUNKS authorities of $(fmt_n $XL_CHILDREN) generated in parallel ($(awk '{printf "%s s ", $1}' "$D"/chunk*.t)), then replicated to $XL_AUTHORITIES with distinct id prefixes by XlCombine ($cw s); RSS = the parallel generators' sum"
    [ "$KEEP" = 1 ] || rm -rf "${chunks[@]}"
  else
    timed generate "$D" "$JAVA" "${JOPTS[@]}" -Djava.awt.headless=true -cp "$RUNCP" uk.csc.warehouse.cli.Main generate --data-dir "$G" --children "$CHILDREN" --years "$YEARS" --seed "$SEED" --as-at "$AS_AT"
    GEN_WALL=$T_WALL; GEN_RC=$T_RC; GEN_RSS=$T_RSS_MB; GEN_NOTE="one JVM, CPU $T_CPU s"
  fi
  if [ "$GEN_RC" != 0 ]; then
    echo "generate failed (exit $GEN_RC); see $D" >&2; printf '\n**generate failed (exit %s)**\n' "$GEN_RC" >>"$OUT"; FAILED=1; return
  fi
  local files bytes
  files=$(find "$G/inbox" -name '*.csv' | wc -l)
  bytes=$(find "$G/inbox" -name '*.csv' -printf '%s\n' | awk '{s+=$1} END {printf "%.0f", s}')

  # -------------------------------------------------- floor: cat, then DuckDB alone, on the same files
  cat "$G"/inbox/*/*.csv >/dev/null   # warm the page cache as the loader will find it
  local t0; t0=$(now); cat "$G"/inbox/*/*.csv >/dev/null; local cat_s; cat_s=$(calc "printf \"%.2f\", $(now) - $t0")
  local codecs="snappy,zstd"; [ "$size" = XL ] && codecs="zstd"
  # shellcheck disable=SC2046
  timed floor "$D" "$JAVA" "${JOPTS[@]}" -cp "$BENCHCP" uk.csc.warehouse.bench.Floor "$W/floor-scratch" "$codecs" $(find "$G/inbox" -name '*.csv' | sort)
  rm -rf "$W/floor-scratch"
  grep -P '^/.*\t' "$D/floor.log" >"$D/floor.tsv" || true
  [ "$T_RC" = 0 ] || { echo "floor failed (exit $T_RC); see $D/floor.log" >&2; FAILED=1; }
  local floor_rows floor_snappy floor_zstd
  floor_rows=$(awk -F'\t' '{s+=$3} END {printf "%.0f", s}' "$D/floor.tsv")
  if [ "$codecs" = zstd ]; then floor_snappy=""; floor_zstd=$(awk -F'\t' '{s+=$4} END {printf "%.2f", s/1000}' "$D/floor.tsv")
  else floor_snappy=$(awk -F'\t' '{s+=$4} END {printf "%.2f", s/1000}' "$D/floor.tsv")
       floor_zstd=$(awk -F'\t' '{s+=$5} END {printf "%.2f", s/1000}' "$D/floor.tsv"); fi
  local floor_ref=${floor_snappy:-$floor_zstd}

  # -------------------------------------------------- load, build, outputs (stage by stage, one JVM each)
  local S="$W/stages"
  local load_wall="" load_cpu="" load_rss="" load_rc=0 load_jvm_s="" ingest_s="" manifest=""
  local build_wall="" build_cpu="" build_rss="" build_rc=0 b0="" bfirst="" bm="" bt="" nmodels="" ntests="" model_ms_sum=""
  declare -A OW OR OC OS
  local cmd
  if [ "$QUICK" = 0 ]; then
  cp -a "$G" "$S"
  timed load "$D" "$JAVA" "${JOPTS[@]}" -Djava.awt.headless=true -cp "$RUNCP" uk.csc.warehouse.cli.Main load --data-dir "$S"
  load_wall=$T_WALL load_cpu=$T_CPU load_rss=$T_RSS_MB load_rc=$T_RC
  local load_start_sod; load_start_sod=$(sod "$T_START")
  local l0 l1; l0=$(ts_first 'IngestRun .*load [0-9T]+-[0-9a-f]+: [0-9]+ file' "$D/load.log")
  l1=$(ts_first 'IngestRun .*committed:' "$D/load.log")
  ingest_s=$(diff_s "$l0" "$l1")
  load_jvm_s=$(diff_s "$load_start_sod" "$l0")
  manifest=$(ls "$S"/lake/_loads/*.csv 2>/dev/null | head -1)

  timed build "$D" "$JAVA" "${JOPTS[@]}" -Djava.awt.headless=true -cp "$RUNCP" uk.csc.warehouse.cli.Main build --data-dir "$S"
  build_wall=$T_WALL build_cpu=$T_CPU build_rss=$T_RSS_MB build_rc=$T_RC; b0=$(sod "$T_START")
  bfirst=$(ts_first 'ModelRunner .*built ' "$D/build.log")
  bm=$(ts_first 'built [0-9]+ models; running' "$D/build.log"); bt=$(ts_first 'WarehouseBuilder .*(published|data test failed)' "$D/build.log")
  nmodels=$(grep -oE 'built [0-9]+ models' "$D/build.log" | grep -oE '[0-9]+'); ntests=$(tests_of "$D/build.log")
  grep -oE 'built [a-z_]+\.[a-z0-9_]+ \([0-9]+ rows\) in [0-9]+ ms' "$D/build.log" \
    | awk '{print $6 "\t" $2 "\t" substr($3,2)}' | sort -nr >"$D/models.tsv"
  model_ms_sum=$(awk '{s+=$1} END {printf "%.2f", s/1000}' "$D/models.tsv")

  local avail; avail=$(commands_in_jar)
  for cmd in annex-a pack comparators; do
    if ! grep -qx "$cmd" <<<"$avail"; then OS[$cmd]="not available (no such command in this jar)"; continue; fi
    if [ "$build_rc" != 0 ]; then OS[$cmd]="skipped: the build failed"; continue; fi
    case "$cmd" in
      annex-a) timed annex-a "$D" "$JAVA" "${JOPTS[@]}" -Djava.awt.headless=true -cp "$RUNCP" uk.csc.warehouse.cli.Main annex-a --data-dir "$S" --as-at "$AS_AT" ;;
      pack) timed pack "$D" "$JAVA" "${JOPTS[@]}" -Djava.awt.headless=true -cp "$RUNCP" uk.csc.warehouse.cli.Main pack --data-dir "$S" --year "$PACK_YEAR" ;;
      comparators) timed comparators "$D" "$JAVA" "${JOPTS[@]}" -Djava.awt.headless=true -cp "$RUNCP" uk.csc.warehouse.cli.Main comparators --data-dir "$S" --year "$PACK_YEAR" ;;
    esac
    OW[$cmd]=$T_WALL; OR[$cmd]=$T_RSS_MB; OC[$cmd]=$T_CPU
    if [ "$T_RC" = 0 ]; then OS[$cmd]="ok"; else OS[$cmd]="failed (exit $T_RC): $(grep -v '^[0-9][0-9]:' "$D/$cmd.log" | tail -1 | cut -c1-160)"; fi
  done
  else
    for cmd in annex-a pack comparators; do OS[$cmd]="skipped (--quick)"; done
  fi

  # -------------------------------------------------- the nightly cycle on a fresh copy, JVM start included
  local N="$W/nightly"
  # hard links: the nightly only reads and moves the extracts, and XL cannot afford a second 25 GB copy of the inbox
  cp -al "$G" "$N" 2>/dev/null || { rm -rf "$N"; cp -a "$G" "$N"; }
  local jfr_opts=()
  [ "$JFR" = 1 ] && jfr_opts=(-XX:StartFlightRecording=filename="$D/nightly.jfr",settings=profile)
  timed nightly "$D" "$JAVA" "${JOPTS[@]}" "${jfr_opts[@]}" -Djava.awt.headless=true -cp "$RUNCP" uk.csc.warehouse.cli.Main run --data-dir "$N"
  local run_wall=$T_WALL run_cpu=$T_CPU run_rss=$T_RSS_MB run_rc=$T_RC r0; r0=$(sod "$T_START")
  local rl0 rl1 rbm rbt rout; rl0=$(ts_first 'IngestRun .*load [0-9T]+-[0-9a-f]+: [0-9]+ file' "$D/nightly.log")
  rl1=$(ts_first 'IngestRun .*committed:' "$D/nightly.log"); rbm=$(ts_first 'built [0-9]+ models; running' "$D/nightly.log")
  rbt=$(ts_first 'WarehouseBuilder .*published' "$D/nightly.log"); rout=$(ts_last 'Steps .*step outputs done' "$D/nightly.log")
  local run_ingest; run_ingest=$(diff_s "$rl0" "$rl1")
  if [ "$QUICK" = 1 ]; then   # ingest figures from the nightly run
    ingest_s=$run_ingest; manifest=$(ls "$N"/lake/_loads/*.csv 2>/dev/null | head -1)
    [ -n "$(grep -oE 'running [0-9]+ data tests' "$D/nightly.log")" ] && {
      nmodels=$(grep -oE 'built [0-9]+ models' "$D/nightly.log" | grep -oE '[0-9]+'); ntests=$(tests_of "$D/nightly.log"); }
    grep -oE 'built [a-z_]+\.[a-z0-9_]+ \([0-9]+ rows\) in [0-9]+ ms' "$D/nightly.log" \
      | awk '{print $6 "\t" $2 "\t" substr($3,2)}' | sort -nr >"$D/models.tsv"
  fi

  # manifest: fields 1-13 never hold commas; millis is the last field
  : >"$D/sources.tsv"; : >"$D/slowest-files.tsv"
  if [ -n "$manifest" ]; then
    awk -F, 'NR > 1 {f[$3]++; b[$3]+=$7; r[$3]+=$11; q[$3]+=$13; ms[$3]+=$NF} END {for (s in f) printf "%s\t%d\t%.0f\t%.0f\t%.0f\t%.0f\n", s, f[s], b[s], r[s], q[s], ms[s]}' "$manifest" | sort >"$D/sources.tsv"
    awk -F, 'NR > 1 {printf "%s/%s\t%.0f\t%.0f\t%.0f\n", $3, $4, $7, $11, $NF}' "$manifest" | sort -t$'\t' -k4 -nr | head -5 >"$D/slowest-files.tsv"
  fi
  local rows_read quarantined; rows_read=$(awk -F'\t' '{s+=$4} END {printf "%.0f", s}' "$D/sources.tsv")
  quarantined=$(awk -F'\t' '{s+=$5} END {printf "%.0f", s}' "$D/sources.tsv")
  ingest_s=${ingest_s:-0}


  # -------------------------------------------------- write it up
  local ingest_rows_s ingest_mb_s ratio ratio_z ratio_night
  ingest_rows_s=$(calc "printf \"%.0f\", ($ingest_s > 0) ? $rows_read / $ingest_s : 0")
  ingest_mb_s=$(calc "printf \"%.1f\", ($ingest_s > 0) ? $bytes / 1e6 / $ingest_s : 0")
  ratio=$(calc "printf \"%.0f\", ($ingest_s > 0) ? 100 * $floor_ref / $ingest_s : 0")
  ratio_z=$(calc "printf \"%.0f\", ($ingest_s > 0) ? 100 * $floor_zstd / $ingest_s : 0")
  ratio_night=$(calc "printf \"%.0f\", (\"$run_ingest\" + 0 > 0) ? 100 * $floor_ref / $run_ingest : 0")
  {
    echo "## Input"
    echo
    echo "$files CSV files, $(mb "$bytes") MB, $(fmt_n "$rows_read") rows ($quarantined quarantined). Generate: **$GEN_WALL s**, peak $GEN_RSS MB ($GEN_NOTE)."
    echo
    echo "## Ingest against the floor (same files, page cache warm)"
    echo
    echo "| what | seconds | rows/s | MB/s | peak RSS MB | vs floor |"
    echo "|---|---:|---:|---:|---:|---:|"
    echo "| floor: \`cat\` the files to /dev/null | $cat_s | | $(calc "printf \"%.0f\", $bytes/1e6/($cat_s > 0 ? $cat_s : 0.001)") | | |"
    [ -n "$floor_snappy" ] && echo "| **floor: DuckDB read_csv -> COPY parquet** (default snappy, sniffed, file by file, JVM excluded) | **$floor_snappy** | $(calc "printf \"%.0f\", $floor_rows/$floor_snappy") | $(calc "printf \"%.1f\", $bytes/1e6/$floor_snappy") | | 100% |"
    echo "| floor: the same with COMPRESSION zstd (the lake's codec) | $floor_zstd | $(calc "printf \"%.0f\", $floor_rows/$floor_zstd") | $(calc "printf \"%.1f\", $bytes/1e6/$floor_zstd") | | $(calc "printf \"%.0f%%\", 100*$floor_ref/$floor_zstd") |"
    echo "| **project ingest** (\`load\`: FileFacts + typed checks + Parquet + quarantine + reference check + commit; first 'load' log line to 'committed') | **$ingest_s** | $ingest_rows_s | $ingest_mb_s | | **$ratio%** |"
    [ "$QUICK" = 0 ] && echo "| \`load\` command, JVM start ($load_jvm_s s to the first load line) included | $load_wall | | | $load_rss | $(calc "printf \"%.0f%%\", 100*$floor_ref/$load_wall") |"
    echo "| the same ingest inside the nightly \`run\` | ${run_ingest:-?} | | | | $ratio_night% |"
    echo
    echo "Per source (manifest \`lake/_loads/*.csv\`; millis is per file and includes waiting for the one DuckDB ingest connection, which LakeWriter serialises):"
    echo
    echo "| source | files | MB | rows | quarantined | sum of file millis, s | rows/s | floor s (DuckDB alone) |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    while IFS=$'\t' read -r src f b r q ms; do
      local fl; fl=$(awk -F'\t' -v s="/inbox/$src/" 'index($1, s) {t+=$4} END {printf "%.2f", t/1000}' "$D/floor.tsv")
      echo "| $src | $f | $(mb "$b") | $(fmt_n "$r") | $q | $(calc "printf \"%.2f\", $ms/1000") | $(calc "printf \"%.0f\", ($ms > 0) ? $r*1000/$ms : 0") | $fl |"
    done <"$D/sources.tsv"
    echo
    echo "Slowest files: $(awk -F'\t' '{printf "%s%s %.1f MB %s rows %.2f s", (NR>1?"; ":""), $1, $2/1e6, $3, $4/1000}' "$D/slowest-files.tsv" 2>/dev/null)."
    echo
    echo "## Stages"
    echo
    echo "| stage | wall s | CPU s | peak RSS MB | notes |"
    echo "|---|---:|---:|---:|---|"
    echo "| generate | $GEN_WALL | | $GEN_RSS | |"
    [ "$QUICK" = 0 ] && echo "| load | $load_wall | $load_cpu | $load_rss | exit $load_rc; ingest $ingest_s s after $load_jvm_s s of JVM/Camel start |"
    [ "$QUICK" = 0 ] && echo "| build: start + models | $(diff_s "$b0" "$bm") | | | $nmodels models (sum of per-model times $model_ms_sum s; first model logged $(diff_s "$b0" "$bfirst") s after JVM start) |"
    [ "$QUICK" = 0 ] && echo "| build: data tests + publish | $(diff_s "$bm" "$bt") | | | $ntests data tests (the build runs each model's tests beside the other models since 052fedc: this is the tail after the last model) |"
    [ "$QUICK" = 0 ] && echo "| build (whole command) | $build_wall | $build_cpu | $build_rss | exit $build_rc |"
    echo "| output: indicator CSVs (in \`run\`) | $(diff_s "$rbt" "$rout") | | | out/front_door.csv, out/indicator_values.csv |"
    for cmd in annex-a pack comparators; do
      if [ "${OS[$cmd]}" = ok ]; then echo "| output: \`$cmd\` | ${OW[$cmd]} | ${OC[$cmd]} | ${OR[$cmd]} | whole command, JVM start included |"
      else echo "| output: \`$cmd\` | | | | ${OS[$cmd]} |"; fi
    done
    echo "| **nightly cycle: \`run\`** on a fresh copy | **$run_wall** | $run_cpu | **$run_rss** | exit $run_rc; load $(diff_s "$r0" "$rl1") s (JVM start included), build $(diff_s "$rl1" "$rbt") s (models $(diff_s "$rl1" "$rbm"), tests $(diff_s "$rbm" "$rbt")), outputs $(diff_s "$rbt" "$rout") s |"
    echo
    echo "Slowest models (build command): $(head -8 "$D/models.tsv" | awk -F'\t' '{printf "%s%s %.2f s (%s rows)", (NR>1?"; ":""), $2, $1/1000, $3}')."
    echo
    echo "## Targets"
    echo
    echo "| target | measured | limit | |"
    echo "|---|---:|---:|---|"
  } >>"$OUT"
  [ -n "$ingest_s" ] && verdict "ingest throughput vs DuckDB read_csv->parquet floor" "$ratio" ">=" 80 "%"
  if [ "$run_rc" != 0 ]; then   # a failed night meets no target, however fast it failed
    ROW "nightly cycle ($label)" "failed (exit $run_rc) after $run_wall s: $(grep -v '^[0-9][0-9]:' "$D/nightly.log" | grep -v '^\s' | tail -1 | cut -c1-160)" "" "NOT met"
    FAILED=1
  else
  case "$size" in
    M) verdict "nightly cycle (M)" "$run_wall" "<" 10 s
       [ "${OS[pack]}" = ok ] && verdict "pack (M)" "${OW[pack]}" "<" 15 s ;;
    L) verdict "nightly cycle (L)" "$run_wall" "<" 30 s
       [ "${OS[annex-a]}" = ok ] && verdict "Annex A (L)" "${OW[annex-a]}" "<" 30 s ;;
    XL) local sl=""; [ "$label" != XL ] && sl=" [a slice: $XL_AUTHORITIES of 150 authorities, not evidence for XL]"
        verdict "nightly cycle (XL)$sl" "$run_wall" "<" 600 s
        verdict "nightly peak memory (XL)$sl" "$run_rss" "<" 6144 MB ;;
  esac
  fi
  {
    echo
    echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). Other engineers share this machine: when the load"
    echo "average is above the core count, wall times include waiting for a CPU; the CPU seconds do not."
    if [ "$JFR" = 1 ]; then
      echo
      echo "## Where the nightly's Java time goes (JFR execution samples, top frames)"
      echo
      echo '```'
      jfr print --events jdk.ExecutionSample "$D/nightly.jfr" 2>/dev/null | grep -A1 'stackTrace = \[' | grep -v 'stackTrace\|--' \
        | sed 's/line:.*//; s/^ *//' | sort | uniq -c | sort -rn | head -15
      echo '```'
    fi
  } >>"$OUT"
  for rc in "$load_rc" "$build_rc" "$run_rc"; do [ "$rc" = 0 ] || FAILED=1; done
  echo "   $size: nightly $run_wall s (peak $run_rss MB), ingest $ingest_s s = $ratio% of the floor; $OUT" >&2
  [ "$KEEP" = 1 ] || rm -rf "$S" "$N" "$G"
}

for size in "${SIZES[@]}"; do
  bench_size "$size"
done
exit "$FAILED"
