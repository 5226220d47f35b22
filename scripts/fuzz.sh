#!/usr/bin/env bash
# Fuzzes the core with cargo-fuzz (libFuzzer, nightly): every target in fuzz/fuzz_targets/ for
# SECONDS each (default 30), one after another, then a table of executions, exec/s, crashes and
# peak RSS per target. Exits non-zero if any target crashed (a panic, an abort, a timeout over
# 10 s, or RSS over FUZZ_RSS_MB, default 1024); the reproducer is kept in fuzz/artifacts/<target>/.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Installs cargo-fuzz if missing (built from crates.io), writes the seed corpora from the test
# vectors, samples, table fixtures and packs (fuzz/seed.py), builds the targets and runs them.
# The corpora grow in fuzz/corpus/ (gitignored) and are reused by the next run.
# Environment: FUZZ_SANITIZER (none|address; default none: the core forbids unsafe code, and
# without ASan the targets run about twice as fast), FUZZ_RSS_MB, FUZZ_NICE (default 10),
# XIANJIE_FUZZ_STRICT=1 (also assert invariants the core does not meet yet, see fuzz/src/lib.rs).
# Reproduce a crash: fuzz/target/x86_64-unknown-linux-gnu/release/<target> <artifact file>.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-30}"
shift || true
all=(dataset_json csv xlsx pack_toml pack_json params py_values)
targets=("${@:-${all[@]}}")
san="${FUZZ_SANITIZER:-none}"
rss="${FUZZ_RSS_MB:-1024}"
nice_n="${FUZZ_NICE:-10}"

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

# The CLI, if built, adds `xianjie sample NAME` and a blank template to the seeds.
cli=""
for b in "${XIANJIE_BIN:-}" target/release/xianjie target/debug/xianjie; do
  if [ -n "$b" ] && [ -x "$b" ]; then cli="$b"; break; fi
done
python3 fuzz/seed.py $cli

nice -n "$nice_n" cargo +nightly fuzz build -s "$san" >/dev/null 2>fuzz/build.log \
  || { cat fuzz/build.log; exit 1; }
bin=fuzz/target/x86_64-unknown-linux-gnu/release
mkdir -p fuzz/logs

max_len() {
  case "$1" in
    xlsx) echo 131072 ;;
    params) echo 4096 ;;
    py_values) echo 16384 ;;
    *) echo 65536 ;;
  esac
}
dict() {
  case "$1" in
    dataset_json | pack_json) echo "-dict=fuzz/dict/json.dict" ;;
    csv) echo "-dict=fuzz/dict/csv.dict" ;;
    xlsx) echo "-dict=fuzz/dict/xlsx.dict" ;;
    pack_toml) echo "-dict=fuzz/dict/toml.dict" ;;
  esac
}

failed=0
rows=()
for t in "${targets[@]}"; do
  mkdir -p "fuzz/artifacts/$t" "fuzz/corpus/$t"
  before=$(find "fuzz/artifacts/$t" -type f | wc -l)
  log="fuzz/logs/$t.log"
  set +e
  # shellcheck disable=SC2046
  nice -n "$nice_n" "$bin/$t" -max_total_time="$secs" -rss_limit_mb="$rss" -malloc_limit_mb="$rss" \
    -timeout=10 -max_len="$(max_len "$t")" $(dict "$t") -print_final_stats=1 \
    -artifact_prefix="fuzz/artifacts/$t/" "fuzz/corpus/$t" >"$log" 2>&1
  rc=$?
  set -e
  stat() { grep -m1 "^stat::$1:" "$log" | awk '{print $2}'; }
  execs=$(stat number_of_executed_units); eps=$(stat average_exec_per_sec); peak=$(stat peak_rss_mb)
  crashes=$(($(find "fuzz/artifacts/$t" -type f | wc -l) - before))
  if [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes=1; fi
  rows+=("$(printf '%-13s %12s %8s %8s %9s' "$t" "${execs:-?}" "${eps:-?}" "$crashes" "${peak:-?}MB")")
  if [ "$crashes" -ne 0 ]; then
    failed=1
    echo "== $t crashed (exit $rc); log $log, reproducer(s) in fuzz/artifacts/$t/:"
    grep -E -A14 "panicked at|ERROR: libFuzzer|==ERROR" "$log" | head -40
  fi
done

printf '\n%-13s %12s %8s %8s %9s\n' target executions exec/s crashes "peak RSS"
printf '%s\n' "${rows[@]}"
exit "$failed"
