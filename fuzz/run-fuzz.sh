#!/bin/sh
# Run the libFuzzer target for FUZZ_SECONDS seconds (default 300).
#
# Usage: fuzz/run-fuzz.sh PATH/TO/fuzz_sigvm     (make fuzz does this)
# Environment: srcdir (the source tree), FUZZ_SECONDS, FUZZ_JOBS (default 1).
#
# FUZZ_SECONDS=0 only replays, once each, the seeds and fuzz/regressions/
# (the inputs of crashes found and fixed): a quick deterministic check
# that CI runs.
#
# The seed corpus is every script in tests/scripts and examples (files
# over 64 KB left out); the growing corpus stays in fuzz/corpus of the
# build tree, so a later run continues where the last one stopped.  Each
# input runs in a forked child (-fork), so a slow input (a timeout) or one
# that allocates gigabytes (an OOM) is skipped and counted, while a crash
# stops the run and leaves its input in fuzz/crashes/.  The last line
# gives what the README's table records: duration, executions, corpus
# size, and crashes; fuzz/fuzz-START.log keeps each run's whole log.
set -u
fuzzer=$1
: "${srcdir:=$(dirname "$0")/..}"
: "${FUZZ_SECONDS:=300}"
: "${FUZZ_JOBS:=1}"
case $fuzzer in /*) ;; *) fuzzer=$(pwd)/$fuzzer ;; esac
srcdir=$(cd "$srcdir" && pwd)
work=$(pwd)/fuzz
mkdir -p "$work/corpus" "$work/seeds" "$work/crashes" "$work/scratch"
for f in "$srcdir"/tests/scripts/*.py "$srcdir"/examples/*.py; do
    test "$(wc -c < "$f")" -le 65536 && cp "$f" "$work/seeds/"
done

# halt_on_error and no recovery: any ASan or UBSan report is a crash.
# allocator_may_return_null: a script asking for gigabytes must get
# MemoryError, as it does outside ASan, not an allocator abort; requests
# over 512 MB fail the same way, so that an input cannot drive the fuzzer
# itself out of memory.
ASAN_OPTIONS=halt_on_error=1:allocator_may_return_null=1:max_allocation_size_mb=512:detect_leaks=1
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS UBSAN_OPTIONS

if test "$FUZZ_SECONDS" -eq 0; then
    (cd "$work/scratch" && "$fuzzer" -runs=0 -timeout=60 -rss_limit_mb=2048 \
        -close_fd_mask=1 "$work/seeds" "$srcdir/fuzz/regressions" \
        </dev/null) > "$work/replay.log" 2>&1
    status=$?
    tail -3 "$work/replay.log"
    echo "fuzz replay: $(find "$work/seeds" "$srcdir/fuzz/regressions" -type f | wc -l)" \
         "inputs, exit status $status"
    exit $status
fi

start=$(date +%s)
# The scratch folder is the working directory, so that nothing a script
# might create lands in the tree.
(cd "$work/scratch" && "$fuzzer" -fork="$FUZZ_JOBS" -ignore_timeouts=1 \
    -ignore_ooms=1 -max_total_time="$FUZZ_SECONDS" -timeout=10 \
    -rss_limit_mb=2048 -max_len=8192 -close_fd_mask=1 \
    -dict="$srcdir/fuzz/python.dict" -artifact_prefix="$work/crashes/" \
    "$work/corpus" "$work/seeds" </dev/null) > "$work/fuzz.log" 2>&1
status=$?
end=$(date +%s)

# The parent's progress lines ("#N: cov: ... corp: ...") carry the
# totals; a crashed job's own log, printed after them, has lines of its own.
last=$(grep -E '^#[0-9]+: ' "$work/fuzz.log" | tail -1)
cp "$work/fuzz.log" "$work/fuzz-$start.log"
execs=$(echo "$last" | sed -n 's/^#\([0-9]*\).*/\1/p')
crashes=$(ls "$work/crashes" | grep -c '^crash-')
# An input that ran over 10 s is kept as timeout-* and does not stop the
# run, but it may be a hang (the parser once took exponential time): look
# at each one.
timeouts=$(ls "$work/crashes" | grep -c '^timeout-')
tail -5 "$work/fuzz.log"
corp=$(echo "$last" | sed -n 's/.* corp: \([0-9]*\).*/\1/p')
echo "fuzz: $((end - start)) s, ${execs:-0} executions, corpus ${corp:-0}" \
     "inputs ($(ls "$work/corpus" | wc -l) new files), $crashes crash files," \
     "$timeouts timeout files," \
     "exit status $status"
test "$status" -eq 0 && test "$crashes" -eq 0
