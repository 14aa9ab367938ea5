#!/bin/sh
# run-tools.sh - TAP tests of sigvm's teaching and testing options.
#
# Each tests/tools/NAME.py is run from its folder as
#     sigvm ARGS NAME.py 2>&1
# where ARGS comes from its "# sigvm-args:" line (none: plain run).  The
# output, with every number before " us" replaced by N, must equal
# NAME.out, which is written by hand (these are sigvm-only options, so
# there is no CPython output to compare with).  Then --timeline is checked:
# the JSON must parse as Chrome trace events and the SVG as XML (with
# python3, when it is installed).
SIGVM=${SIGVM:-./sigvm}
srcdir=${srcdir:-.}
dir=$srcdir/tests/tools
tmp=${TMPDIR:-/tmp}/sigvm-tools.$$
mkdir -p "$tmp" || exit 1
trap 'rm -rf "$tmp"' EXIT
case $SIGVM in /*) ;; *) SIGVM=$(pwd)/$SIGVM ;; esac

n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; }

for py in "$dir"/*.py; do
    name=$(basename "$py" .py)
    args=$(sed -n 's/^# sigvm-args: //p' "$py")
    # shellcheck disable=SC2086 # ARGS is a list of words.
    (cd "$dir" && "$SIGVM" $args "$name.py" </dev/null 2>&1) |
        sed -E 's/[0-9]+ us/N us/g' >"$tmp/$name.out"
    if cmp -s "$tmp/$name.out" "$dir/$name.out"; then
        ok "$name"
    else
        not_ok "$name"
        diff -u "$dir/$name.out" "$tmp/$name.out" | sed 's/^/# /'
    fi
done

# The timeline of an injected run, as JSON and as SVG.
timeline_run() {
    (cd "$dir" && "$SIGVM" --timeline "$1" --inject SIGUSR1@14 \
        trace_injected_every_instruction.py >/dev/null 2>&1)
}
if ! command -v python3 >/dev/null 2>&1; then
    n=$((n + 1)); echo "ok $n - timeline JSON # SKIP no python3"
    n=$((n + 1)); echo "ok $n - timeline SVG # SKIP no python3"
else
    timeline_run "$tmp/run.json"
    if python3 - "$tmp/run.json" <<'PY'
import json, sys
events = json.load(open(sys.argv[1]))["traceEvents"]
names = [e["name"] for e in events]
assert "SIGUSR1 arrives" in names and "SIGUSR1 handler" in names, names
assert all("ph" in e and "pid" in e for e in events)
flows = [e for e in events if e["ph"] in ("s", "f")]
assert len(flows) == 2 and flows[0]["id"] == flows[1]["id"], flows
handler = [e for e in events if e["name"] == "SIGUSR1 handler"][0]
assert handler["args"]["deferred_instructions"] == 1, handler
PY
    then ok "timeline JSON parses as Chrome trace events"
    else not_ok "timeline JSON parses as Chrome trace events"
    fi
    timeline_run "$tmp/run.svg"
    if python3 - "$tmp/run.svg" <<'PY'
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "{http://www.w3.org/2000/svg}svg", root.tag
text = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
assert "MainThread" in text and "SIGUSR1 handler" in text, text
PY
    then ok "timeline SVG is well-formed"
    else not_ok "timeline SVG is well-formed"
    fi
fi

# Options errors keep CPython's status 2 for a bad command line.
"$SIGVM" --inject NOPE@3 -c pass 2>"$tmp/err"
if [ $? -eq 2 ] && grep -q -- "--inject takes SIGNAL@N" "$tmp/err"; then
    ok "a bad --inject is a usage error"
else
    not_ok "a bad --inject is a usage error"
fi
"$SIGVM" -m nosuchmodule 2>"$tmp/err"
if [ $? -eq 1 ] && grep -q "No module named nosuchmodule" "$tmp/err"; then
    ok "-m with another module still says No module named"
else
    not_ok "-m with another module still says No module named"
fi

echo "1..$n"
exit $fail
