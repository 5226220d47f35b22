#!/usr/bin/env bash
# Peak memory of the CLI on the big hostile inputs of issue 10 (tests/hostile/make.py --bombs full
# --big): for each case, exit code, wall time and peak RSS (/usr/bin/time -v), and whether it
# stayed under 1 GB. Not a test with a timer: a measurement to read (and to fail loudly).
#
#   benches/hostile-memory.sh [OUTDIR]
#
# Uses the release CLI (built if missing; XIANJIE_BIN overrides). The inputs take ~1.3 GB of disk
# in OUTDIR (default a temporary directory, removed after). Each run is capped by
# HOSTILE_AS_LIMIT_KB of address space (default 4 GiB, `ulimit -v`) and HOSTILE_TIMEOUT seconds
# (default 120), so a blow-up ends as a failed case instead of taking the machine.
# Exit code: 1 if any case went over 1 GB, crashed, or was killed.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${XIANJIE_BIN:-target/release/xianjie}"
if [ ! -x "$bin" ]; then
  cargo build --quiet --release -p xianjie-cli
fi
out="${1:-}"
if [ -z "$out" ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi
as_kb="${HOSTILE_AS_LIMIT_KB:-4194304}"
timeout_s="${HOSTILE_TIMEOUT:-120}"
limit_kb=$((1024 * 1024))

echo "generating inputs in $out ..."
python3 tests/hostile/make.py "$out" --bombs full --big

# name | arguments ({} is OUTDIR)
cases=(
  "xlsx A1 + XFD1048576|check {}/xlsx_a1_xfd.xlsx"
  "xlsx ref past limits|check {}/xlsx_ref_past_limits.xlsx"
  "xlsx merge A3:XFD1048576|check {}/xlsx_merge_bomb.xlsx"
  "xlsx 2 GiB shared string|check {}/xlsx_sst_bomb.xlsx"
  "xlsx 3 GiB whitespace|check {}/xlsx_whitespace_bomb.xlsx"
  "csv 7.9 MB header row|check {}/header/学期活动.csv --year 2024"
  "csv 1 GiB cell|check {}/bigcell/学期活动.csv --year 2024"
  "csv 1 GiB cell, batches|check {}/bigcell/学期活动.csv --year 2024 --batch-size 1000"
  "json 100 MB number|check {}/big_number.json"
  "json 110 MB, bad at end|check {}/big_bad_at_end.json"
  "json 2 M-char string|check {}/json_long_string.json"
  "json 100,000-deep|check {}/json_deep.json"
)

failed=0
printf '\n%-28s %5s %8s %11s  %s\n' case exit wall "peak RSS" verdict
for c in "${cases[@]}"; do
  name="${c%%|*}"
  args="${c#*|}"
  args="${args//\{\}/$out}"
  log=$(mktemp)
  set +e
  # shellcheck disable=SC2086
  (ulimit -v "$as_kb"; exec /usr/bin/time -v timeout "$timeout_s" "$bin" $args) \
    >/dev/null 2>"$log"
  rc=$?
  set -e
  rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  verdict=ok
  if [ "${rss_kb:-0}" -ge "$limit_kb" ]; then verdict="OVER 1 GB"; fi
  if [ "$rc" -ge 100 ] || grep -q -e panicked -e "memory allocation" "$log"; then
    verdict="CRASH, $verdict"
  fi
  if [ "$rc" -eq 124 ]; then verdict="TIMEOUT ${timeout_s}s"; fi
  [ "$verdict" = ok ] || failed=1
  printf '%-28s %5s %8s %8s MB  %s\n' "$name" "$rc" "$wall" "$((${rss_kb:-0} / 1024))" "$verdict"
  rm -f "$log"
done
exit "$failed"
