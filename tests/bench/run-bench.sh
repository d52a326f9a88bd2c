#!/usr/bin/env bash
# Runs Overseer's benchmarks and the peer / bare-SQL baselines side by side on one PostgreSQL server
# (the libpq variables; `make bench` starts a throwaway one with pg_virtualenv), so that a noisy
# machine affects both sides alike. Prints one JSON line per figure, then the ratios.
#   run-bench.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: run-bench.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
peer=${OVERSEER_PEER_BENCH:-$here/../../../shared/peer-bench}
seconds=${SECONDS_PER_RUN:-10}
out=$(mktemp)
trap 'rm -f "$out"' EXIT

echo "# machine: $(nproc) cores, $(uname -r); PostgreSQL $(psql -XAtc 'show server_version')" >&2

if [[ -x $peer/baselines.sh ]]; then
    if command -v node >/dev/null && command -v npm >/dev/null; then
        SECONDS_PER_RUN=$seconds "$peer/baselines.sh" all | tee -a "$out"
    else
        echo "# node/npm not found: graphile-worker baseline skipped, pgbench baselines only" >&2
        SECONDS_PER_RUN=$seconds "$peer/baselines.sh" pgbench | tee -a "$out"
    fi
else
    echo "# no peer baselines at $peer (set OVERSEER_PEER_BENCH): Overseer's figures only" >&2
fi

"$build/tests/bench/bench_locks" "$seconds" 8 1000 | tee -a "$out"
if [[ -x $build/tests/bench/bench_throughput ]]; then
    "$build/tests/bench/bench_throughput" | tee -a "$out"
fi
# The console at 10,000 workers / 1,000,000 jobs / 1,000 locks on both engines (each seeds its own
# cluster: ~35 s on SQLite, ~65 s on PostgreSQL). CONSOLE_BENCH_ARGS="--workers 1000 --jobs 100000"
# makes a quick run.
if [[ -x $build/tests/bench/bench_console ]]; then
    for engine in sqlite postgresql; do
        # shellcheck disable=SC2086
        QT_QPA_PLATFORM=offscreen "$build/tests/bench/bench_console" --engine "$engine" ${CONSOLE_BENCH_ARGS:-} \
            | tee -a "$out"
    done
fi

python3 - "$out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
def find(key, text):
    for r in rows:
        if text in r.get(key, ""):
            return r
bare = find("baseline", "bare table lock")
ours = find("bench", "DistributedLock")
if bare and ours:
    print(f"# lock acquire+release: {ours['pairs_per_s']}/s vs bare SQL {bare['pairs_per_s']}/s "
          f"= {ours['pairs_per_s'] / bare['pairs_per_s']:.2f}x (target >= 0.90x)")
for engine in ("sqlite", "postgresql"):
    ratio = next((r for r in rows if r.get("bench") == "console poll + merge vs bare" and r.get("engine") == engine), None)
    stall = next((r for r in rows if r.get("bench") == "console gui stall" and r.get("engine") == engine), None)
    window = next((r for r in rows if r.get("bench") == "console window" and r.get("engine") == engine), None)
    if ratio and stall and window:
        print(f"# console on {engine}: poll + merge {ratio['poll_plus_merge_median_ms']} ms vs bare queries "
              f"{ratio['bare_median_ms']} ms = {ratio['ratio']}x (target <= 1.5x); longest GUI stall "
              f"{stall['max_stall_ms']} ms (target <= 16 ms); {window['polls_per_s']} polls/s at a 1 s interval")
PY
