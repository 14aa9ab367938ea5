# Shared by tests/check-expected.sh and tests/regen-expected.sh, which
# source it after setting $scriptdir: both must run CPython on a script in
# exactly the same way, or the expectations that one writes would not be
# the ones that the other checks.
# Environment: PYTHON (default python3), which must be CPython 3.11.

: "${PYTHON:=python3}"
PYTHONDONTWRITEBYTECODE=1
export PYTHONDONTWRITEBYTECODE

# expected_require_311 WHO: exit, saying so as WHO, unless $PYTHON is 3.11;
# other versions print some messages differently.
expected_require_311() {
    version=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    if test "$version" != 3.11; then
        echo "$1: $PYTHON is Python $version, expected 3.11" >&2
        exit 1
    fi
}

# selected NAME [PATTERN...]: true when NAME starts with one of the
# patterns (a name prefix or glob), or when there are none.
selected() {
    test $# -eq 1 && return 0
    name=$1
    shift
    for pat in "$@"; do
        case $name in
            $pat*) return 0 ;;
        esac
    done
    return 1
}

# expected_run_python SCRIPT DIR: run SCRIPT (in the current folder, the
# scripts folder) as tests/run-scripts.sh runs sigvm, leaving its stdout in
# DIR/out and its stderr in DIR/err; returns its exit status.
# CPython prints the main script's absolute path (in tracebacks and in
# some SyntaxError messages); the expectations drop the folder, so they
# say `File "NAME.py"` wherever the tree is checked out.
expected_run_python() {
    timeout 20 "$PYTHON" "$1" </dev/null >"$2/out" 2>"$2/raw.err"
    run_status=$?
    SIGVM_SCRIPTDIR="$scriptdir/" awk '
        BEGIN { pat = ENVIRON["SIGVM_SCRIPTDIR"] }
        {
            line = $0; out = ""
            while ((i = index(line, pat)) > 0) {
                out = out substr(line, 1, i - 1)
                line = substr(line, i + length(pat))
            }
            print out line
        }' "$2/raw.err" >"$2/err"
    return $run_status
}
