#!/usr/bin/env python3
"""sigvm benchmark runner (issue 7): runs every benchmark of bench/ under
sigvm, python3 and lua5.4 on this machine, checks that their checksum lines
agree, and prints one table of medians, ratios and the issue's targets; also
writes the table as JSON. Run it with python3 (it is not a sigvm script):

    python3 bench/run.py [--runs N] [--json PATH] [--only a,b] ...

sigvm is $SIGVM (default: the `sigvm` binary at the top of the tree); the
build without the eval-breaker check is $SIGVM_NOBREAKER, or else the runner
builds one in build-nobreaker/ (see --help). A missing or failing
implementation never stops the run: its cells say `failed` and the reason is
listed under the table. Timing never fails the run: the exit status is 0
unless the runner itself is misused.
"""
import argparse
import datetime
import json
import os
import platform
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)

SIGVM, PY, LUA, NOBRK = "sigvm", "python3", "lua5.4", "sigvm-nobreaker"
IMPLS = (SIGVM, PY, LUA)

# (name, target ratio of sigvm/python3, comparison); every one has a .lua
TIMED = [
    ("fib", 0.5, "<="),
    ("global_loop", 0.3, "<="),
    ("dict_str", 1.0, "<"),
    ("method_calls", 0.6, "<="),
    ("strings", 1.0, "<"),
    ("sort_ints", 1.0, "<"),
    ("closures", 1.0, "<"),
    ("exceptions", 1.0, "<"),
    ("breaker_cost", 1.0, "<"),
]
SIGNAL_BENCHES = ["signal_latency", "signal_throughput"]
EXTRA = ["startup", "rss"]
ALL_NAMES = [t[0] for t in TIMED] + SIGNAL_BENCHES + EXTRA

BREAKER_TARGET = 0.02      # normal/nobreaker - 1 <= 2 %
LATENCY_P99_TARGET = 20.0  # microseconds
STARTUP_TARGET = 2.0       # milliseconds
RSS_TARGET = 2.5           # MB, 10^6 bytes (ru_maxrss is in KiB)
LATENCY_WARMUP = 50        # first signals of each run, not counted


def log(msg):
    sys.stderr.write(msg + "\n")
    sys.stderr.flush()


# ---------------------------------------------------------------- processes

class Outcome:
    """One finished process: wall seconds, exit status, output, or why not."""

    def __init__(self, wall=None, code=None, out="", err="", why=None):
        self.wall, self.code, self.out, self.err, self.why = wall, code, out, err, why

    @property
    def ok(self):
        return self.why is None and self.code == 0

    def reason(self):
        if self.why:
            return self.why
        if self.code is not None and self.code < 0:
            try:
                name = signal.Signals(-self.code).name
            except ValueError:
                name = str(-self.code)
            r = "killed by %s" % name
        else:
            r = "exit status %s" % self.code
        tail = [l for l in self.err.strip().splitlines() if l.strip()][-1:]
        return r + (": " + tail[0].strip()[:160] if tail else "")


class Proc:
    """A process started with posix_spawn (no shell, stdin from /dev/null,
    stdout and stderr to temporary files) and waited for with wait4, so the
    wall time is start-to-reaped with nothing of the runner's in between."""

    def __init__(self, argv, pass_fds=()):
        self.argv = argv
        self.out = tempfile.TemporaryFile()
        self.err = tempfile.TemporaryFile()
        actions = [
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, self.out.fileno(), 1),
            (os.POSIX_SPAWN_DUP2, self.err.fileno(), 2),
        ]
        for fd in pass_fds:
            os.set_inheritable(fd, True)
        try:
            self.t0 = time.perf_counter()
            self.pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
        finally:
            for fd in pass_fds:
                os.set_inheritable(fd, False)

    def wait(self, timeout):
        lock = threading.Lock()
        state = {"reaped": False, "killed": False}

        def expire():
            with lock:
                if not state["reaped"]:
                    state["killed"] = True
                    try:
                        os.kill(self.pid, signal.SIGKILL)
                    except OSError:
                        pass

        timer = threading.Timer(timeout, expire)
        timer.daemon = True
        timer.start()
        _, status, _ = os.wait4(self.pid, 0)
        t1 = time.perf_counter()
        with lock:
            state["reaped"] = True
        timer.cancel()
        code = os.waitstatus_to_exitcode(status)
        self.out.seek(0)
        self.err.seek(0)
        out = self.out.read().decode("utf-8", "replace")
        err = self.err.read().decode("utf-8", "replace")
        self.out.close()
        self.err.close()
        why = "timed out after %g s" % timeout if state["killed"] else None
        return Outcome(t1 - self.t0, code, out, err, why)


def run(argv, timeout, pass_fds=()):
    try:
        p = Proc(argv, pass_fds)
    except OSError as e:
        return Outcome(why="cannot run %s: %s" % (argv[0], e.strerror or e))
    return p.wait(timeout)


# ---------------------------------------------------------------- set-up

def find_exe(path):
    """Absolute path of an executable given as a path or a name, or None."""
    if not path:
        return None
    if os.sep in path:
        p = os.path.abspath(path)
        return p if os.path.isfile(p) and os.access(p, os.X_OK) else None
    return shutil.which(path)


def first_line(text):
    for line in text.splitlines():
        return line.strip()
    return ""


def version_of(argv):
    o = run(argv, 10)
    return first_line(o.out) or first_line(o.err) or None


def machine_info():
    info = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "os": "%s %s %s" % (platform.system(), platform.release(), platform.machine()),
        "cpus": os.cpu_count(),
    }
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            info["memory"] = "%.1f GiB" % (kb / 1048576.0)
    except (OSError, ValueError, IndexError):
        pass
    try:
        info["load_average"] = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        pass
    return info


def compile_sender(tmp):
    """Compile bench/sigsend.c; fall back to bench/sigsend.py."""
    cc = os.environ.get("CC") or "cc"
    exe = os.path.join(tmp, "sigsend")
    ccpath = find_exe(cc) or find_exe("gcc") or find_exe("clang")
    if ccpath:
        o = run([ccpath, "-O2", "-o", exe, os.path.join(HERE, "sigsend.c")], 120)
        if o.ok:
            return [exe], True, "sigsend.c (compiled with %s)" % os.path.basename(ccpath)
        log("note: compiling sigsend.c failed (%s); using sigsend.py" % o.reason())
    else:
        log("note: no C compiler found; the signal sender is sigsend.py")
    return [sys.executable, os.path.join(HERE, "sigsend.py")], False, "sigsend.py (no C compiler)"


def config_args(builddir):
    """The configure arguments recorded in BUILDDIR/config.status, or None."""
    cs = os.path.join(builddir, "config.status")
    if not os.path.isfile(cs):
        return None
    o = run(["/bin/sh", cs, "--config"], 30)
    if not o.ok:
        return None
    try:
        return shlex.split(o.out.strip())
    except ValueError:
        return None


SKIP_DIRS = {".git", ".deps", ".libs", "autom4te.cache", "build-nobreaker"}
SKIP_FILES = {"config.status", "config.log", "stamp-h1", "libtool", ".dirstamp"}
SKIP_EXT = (".o", ".a", ".lo", ".la", ".so", ".log", ".trs")


def sync_tree(src, dst):
    """Copy the source tree SRC to DST, leaving out what configure and make
    made there (and other build trees), and leave files that did not change
    untouched so that make rebuilds only what did."""
    for root, dirs, files in os.walk(src):
        rel = os.path.relpath(root, src)
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS
                   and not os.path.exists(os.path.join(root, d, "config.status"))]
        os.makedirs(os.path.join(dst, rel), exist_ok=True)
        names = set(files)
        for name in files:
            if name in SKIP_FILES or name.endswith(SKIP_EXT):
                continue
            if name + ".in" in names and name != "configure":
                continue  # Makefile, config.h, ...: made by configure
            s = os.path.join(root, name)
            if rel == "." and name == "sigvm":
                continue
            d = os.path.join(dst, rel, name)
            if not os.path.isfile(s):
                continue
            try:
                a, b = os.stat(s), os.stat(d)
                if a.st_size == b.st_size and int(a.st_mtime) == int(b.st_mtime):
                    continue
            except OSError:
                pass
            shutil.copy2(s, d)


def build_nobreaker(sigvm_path):
    """Build sigvm configured with --disable-breaker-check in
    TOP/build-nobreaker, with the same configure arguments as the normal
    build when its config.status is found beside $SIGVM. Returns (path, why)."""
    if not os.path.isfile(os.path.join(TOP, "configure")):
        return None, "no configure script at the top of the tree (run autoreconf -fi)"
    base = None
    if sigvm_path:
        base = config_args(os.path.dirname(sigvm_path))
    want = [a for a in (base or []) if "breaker-check" not in a] + ["--disable-breaker-check"]
    bdir = os.path.join(TOP, "build-nobreaker")
    os.makedirs(bdir, exist_ok=True)
    logpath = os.path.join(bdir, "build.log")
    if os.path.isfile(os.path.join(TOP, "config.status")):
        # The source tree is configured in place, so a VPATH build of it is
        # refused by configure: build a copy of the sources instead.
        srcdir = os.path.join(bdir, "src")
        sync_tree(TOP, srcdir)
        workdir, configure = srcdir, "./configure"
    else:
        # mkdir -p build-nobreaker && cd build-nobreaker &&
        # ../configure --disable-breaker-check && make sigvm
        workdir, configure = bdir, "../configure"
    steps = []
    if config_args(workdir) != want:
        steps.append([configure] + want)
    make = ["make"]
    if "jobserver" not in os.environ.get("MAKEFLAGS", ""):
        make.append("-j%d" % max(1, os.cpu_count() or 1))
    steps.append(make + ["sigvm"])
    log("building the no-breaker sigvm in %s (log: %s) ..." % (workdir, logpath))
    with open(logpath, "w") as logf:
        for step in steps:
            logf.write("$ %s\n" % " ".join(shlex.quote(a) for a in step))
            logf.flush()
            try:
                r = subprocess.run(step, cwd=workdir, stdout=logf, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, timeout=1800)
            except (OSError, subprocess.TimeoutExpired) as e:
                return None, "%s failed: %s (see %s)" % (step[0], e, logpath)
            if r.returncode != 0:
                return None, "`%s` failed with status %d (see %s)" % (
                    " ".join(step[:2]), r.returncode, logpath)
    exe = os.path.join(workdir, "sigvm")
    if not os.access(exe, os.X_OK):
        return None, "the build made no %s" % exe
    return exe, None


# ---------------------------------------------------------------- measuring

class Cell:
    """The runs of one benchmark under one implementation."""

    def __init__(self):
        self.values = []       # one measured value per successful run
        self.extra = []        # per-run extra data (latencies, rates)
        self.failed = None     # reason, once a run failed
        self.output = None     # checksum line of the first run

    def median(self):
        if self.failed or not self.values:
            return None
        return statistics.median(self.values)


def check_line(cell, line):
    """Record a run's checksum line; all runs of a cell must agree."""
    if cell.output is None:
        cell.output = line
    elif line != cell.output:
        cell.failed = "output differs between runs: %r vs %r" % (line, cell.output)


def verify(cells, names):
    """Compare the checksum lines of one benchmark across implementations.
    CPython is the oracle; without it, Lua; a mismatch fails the cell."""
    ref_impl = next((i for i in (PY, LUA) if i in cells and not cells[i].failed
                     and cells[i].output is not None), None)
    if ref_impl is None:
        return None
    ref = cells[ref_impl].output
    for impl in names:
        c = cells.get(impl)
        if c and not c.failed and c.output is not None and c.output != ref:
            c.failed = "checksum %r, expected %r (%s)" % (c.output, ref, ref_impl)
    return ref


def timed_run(cmd, path, timeout):
    o = run(cmd + [path], timeout)
    if not o.ok:
        return None, None, o.reason()
    return o.wall, first_line(o.out), None


def signal_run(kind, cmd, sender, script, count, timeout):
    """One run of a signal benchmark: the script, then the sender aimed at it.
    Returns (outcome of the script, outcome of the sender) or an error."""
    r, w = os.pipe()
    try:
        script_proc = Proc(cmd + [script, str(count), str(w)], pass_fds=(w,))
    except OSError as e:
        os.close(r)
        os.close(w)
        return None, None, "cannot run %s: %s" % (cmd[0], e.strerror or e)
    os.close(w)
    try:
        send_proc = Proc(sender + [kind, str(script_proc.pid), str(count), str(r)], pass_fds=(r,))
    except OSError as e:
        os.close(r)
        os.kill(script_proc.pid, signal.SIGKILL)
        script_proc.wait(timeout)
        return None, None, "cannot run the sender: %s" % (e.strerror or e)
    os.close(r)
    s = send_proc.wait(timeout)
    if not s.ok:
        try:
            os.kill(script_proc.pid, signal.SIGKILL)  # not reaped yet: still ours
        except OSError:
            pass
    o = script_proc.wait(timeout)
    if not s.ok and o.code == -signal.SIGKILL:
        o.code = 0  # killed by us just now: the sender's failure is the news
    if not o.ok:
        return o, s, "script: " + o.reason()
    if not s.ok:
        return o, s, "sender: " + s.reason()
    return o, s, None


def latency_run(cmd, sender, count, timeout):
    """Latencies in microseconds of one signal_latency run, or an error."""
    total = count + LATENCY_WARMUP
    o, s, err = signal_run("latency", cmd, sender, os.path.join(HERE, "signal_latency.py"),
                           total, timeout)
    if err:
        return None, None, err
    try:
        handled = [float(x) for x in o.out.splitlines()[1:] if x.strip()]
        sent = [float(x) for x in s.out.split()]
    except ValueError as e:
        return None, None, "unreadable time stamps: %s" % e
    line = first_line(o.out)
    if len(handled) != total or len(sent) != total:
        return None, line, "expected %d time stamps, got %d from the script and %d from the sender" % (
            total, len(handled), len(sent))
    lat = [(h - t) * 1e6 for h, t in zip(handled, sent)][LATENCY_WARMUP:]
    if min(lat) < 0 or max(lat) > 10e6:
        return None, line, ("latencies out of range (%.0f..%.0f us): is time.perf_counter() "
                            "CLOCK_MONOTONIC seconds?" % (min(lat), max(lat)))
    return lat, line, None


def throughput_run(cmd, sender, count, timeout):
    """(seconds for COUNT signals as timed by the sender, checksum line)."""
    o, s, err = signal_run("pingpong", cmd, sender, os.path.join(HERE, "signal_throughput.py"),
                           count, timeout)
    if err:
        return None, None, err
    try:
        done, secs = s.out.split()
        done, secs = int(done), float(secs)
    except ValueError:
        return None, None, "unreadable sender output %r" % s.out
    if done != count or secs <= 0:
        return None, first_line(o.out), "sender sent %d of %d signals" % (done, count)
    return secs, first_line(o.out), None


def percentile(sorted_values, p):
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return None
    k = max(0, min(len(sorted_values) - 1, int(-(-p * len(sorted_values) // 100)) - 1))
    return sorted_values[k]


def rss_kb(cmd, rss_tool, timeout):
    """Peak RSS in KiB of running CMD, measured by a small parent process."""
    if rss_tool is None:
        return None, "no /usr/bin/time and no compiled sigsend"
    if rss_tool[0] == "time":
        fd, path = tempfile.mkstemp()
        os.close(fd)
        try:
            o = run([rss_tool[1], "-f", "%M", "-o", path] + cmd, timeout)
            with open(path) as f:
                text = f.read()
        finally:
            os.unlink(path)
        if not o.ok:
            return None, o.reason()
        lines = [l for l in text.splitlines() if l.strip()]
        try:
            return int(lines[-1]), None
        except (ValueError, IndexError):
            return None, "unreadable /usr/bin/time output %r" % text
    o = run([rss_tool[1], "rss"] + cmd, timeout)
    if not o.ok:
        return None, o.reason()
    try:
        return int(o.out.split()[0]), None
    except (ValueError, IndexError):
        return None, "unreadable sigsend rss output %r" % o.out


# ---------------------------------------------------------------- table

def fmt(value, unit):
    if value is None:
        return "failed"
    if unit == "s":
        return "%.3f s" % value
    if unit == "ms":
        return "%.2f ms" % value
    if unit == "MB":
        return "%.3f MB" % value
    if unit == "us":
        return "%.1f us" % value
    if unit == "%":
        return "%+.1f%%" % (value * 100)
    return "%g %s" % (value, unit)


def ratio(a, b):
    if a is None or b is None or b <= 0:
        return None
    return a / b


def judge(value, op, limit):
    if value is None:
        return None
    return value <= limit if op == "<=" else value < limit


def make_row(name, unit, vals, target, op, limit, on, cells_text=None, note=None):
    """A table row. VALS: impl -> value or None (failed) or 'n/a'.
    ON: what the target applies to: 'py' (ratio sigvm/python3) or 'abs'."""
    sv = vals.get(SIGVM)
    r_py = ratio(sv if isinstance(sv, float) else None,
                 vals.get(PY) if isinstance(vals.get(PY), float) else None)
    r_lua = ratio(sv if isinstance(sv, float) else None,
                  vals.get(LUA) if isinstance(vals.get(LUA), float) else None)
    if limit is None:
        met = None
    elif on == "py":
        met = judge(r_py, op, limit)
    else:
        met = judge(sv if isinstance(sv, float) else None, op, limit)
    if limit is None:
        verdict = "-"
    elif met is None:
        verdict = "failed" if not isinstance(sv, float) else "unknown"
    else:
        verdict = "met" if met else "not met"
    return {
        "benchmark": name, "unit": unit,
        "sigvm": sv if isinstance(sv, float) else None,
        "python3": vals.get(PY) if isinstance(vals.get(PY), float) else None,
        "lua5.4": vals.get(LUA) if isinstance(vals.get(LUA), float) else None,
        "sigvm_over_python3": r_py, "sigvm_over_lua": r_lua,
        "target": target, "met": met, "verdict": verdict, "note": note,
        "_text": cells_text or {},
        "_vals": vals,
    }


def render(rows):
    head = ["benchmark", "sigvm", "python3", "lua5.4", "sigvm/py", "sigvm/lua", "target", "verdict"]
    lines = []
    for row in rows:
        cells = [row["benchmark"]]
        for impl in IMPLS:
            v = row["_vals"].get(impl)
            if impl in row["_text"]:
                cells.append(row["_text"][impl])
            elif v == "n/a" or v == "-":
                cells.append(v)
            else:
                cells.append(fmt(v, row["unit"]))
        for key in ("sigvm_over_python3", "sigvm_over_lua"):
            v = row[key]
            if v is None:
                cells.append("-")
            else:
                cells.append(("%.2fx" if v >= 0.1 else "%.2gx") % v)
        cells.append(row["target"] or "-")
        cells.append(row["verdict"])
        lines.append(cells)
    widths = [max(len(str(c[i])) for c in lines + [head]) for i in range(len(head))]

    def line(cells):
        out = []
        for i, c in enumerate(cells):
            out.append(str(c).ljust(widths[i]) if i == 0 or i >= 6 else str(c).rjust(widths[i]))
        return "  ".join(out).rstrip()

    sep = "  ".join("-" * w for w in widths)
    return "\n".join([line(head), sep] + [line(c) for c in lines])


# ---------------------------------------------------------------- main

def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Run the sigvm benchmarks against python3 and lua5.4 and print one table.",
        epilog="Environment: SIGVM (default: TOP/sigvm), SIGVM_NOBREAKER (default: build "
               "TOP/build-nobreaker unless --no-build), PYTHON3 (default /usr/bin/python3.11, "
               "else python3), LUA (default /usr/bin/lua5.4, else lua5.4), CC (for sigsend.c).")
    ap.add_argument("-n", "--runs", type=int, default=5, help="runs of each benchmark (median reported; default 5)")
    ap.add_argument("--json", default=os.path.join(HERE, "results.json"), metavar="PATH",
                    help="where to write the JSON (default bench/results.json)")
    ap.add_argument("--only", metavar="NAMES", help="comma-separated subset of: " + ",".join(ALL_NAMES))
    ap.add_argument("--sigvm", help="sigvm binary (overrides $SIGVM)")
    ap.add_argument("--nobreaker", help="sigvm built with --disable-breaker-check (overrides $SIGVM_NOBREAKER)")
    ap.add_argument("--no-build", action="store_true", help="never build the no-breaker sigvm")
    ap.add_argument("--breaker-runs", type=int, default=None,
                    help="runs of breaker_cost under both sigvm builds (default max(runs, 9))")
    ap.add_argument("--startup-runs", type=int, default=40, help="runs of `-c pass` (default 40)")
    ap.add_argument("--latency-signals", type=int, default=2000,
                    help="signals per signal_latency run (default 2000; all runs are pooled)")
    ap.add_argument("--throughput-signals", type=int, default=40000,
                    help="signals per signal_throughput run (default 40000)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds before a run is killed (default 120)")
    ap.add_argument("--quick", action="store_true",
                    help="smoke test: 1 run, fewer startup runs and signals (numbers are rough)")
    args = ap.parse_args(argv)
    if args.quick:
        args.runs = 1
        args.startup_runs = 5
        args.latency_signals = 2000
        args.throughput_signals = 2000
        if args.breaker_runs is None:
            args.breaker_runs = 1
    if args.runs < 1 or args.startup_runs < 1:
        ap.error("--runs and --startup-runs must be at least 1")
    breaker_runs = args.breaker_runs if args.breaker_runs else max(args.runs, 9)
    only = set(ALL_NAMES)
    if args.only:
        only = set(x.strip() for x in args.only.split(",") if x.strip())
        bad = only - set(ALL_NAMES)
        if bad:
            ap.error("unknown benchmark(s): %s" % ", ".join(sorted(bad)))

    notes = []   # reasons and footnotes printed under the table

    # --- implementations
    sigvm_given = args.sigvm or os.environ.get("SIGVM") or os.path.join(TOP, "sigvm")
    sigvm_path = find_exe(sigvm_given)
    py_path = find_exe(os.environ.get("PYTHON3") or "") or find_exe("/usr/bin/python3.11") or find_exe("python3")
    lua_path = find_exe(os.environ.get("LUA") or "") or find_exe("/usr/bin/lua5.4") or find_exe("lua5.4")
    cmds = {SIGVM: [sigvm_path] if sigvm_path else None,
            PY: [py_path] if py_path else None,
            LUA: [lua_path] if lua_path else None}
    missing = {}
    if not sigvm_path:
        missing[SIGVM] = "sigvm not found at %s (build it, or set SIGVM)" % sigvm_given
    if not py_path:
        missing[PY] = "python3 not found"
    if not lua_path:
        missing[LUA] = "lua5.4 not found (apt-get install -y lua5.4)"
    failures = ["%s: %s" % (impl, why) for impl, why in missing.items()]

    info = machine_info()
    versions = {}
    for impl, cmd, flag in ((SIGVM, cmds[SIGVM], "--version"), (PY, cmds[PY], "--version"),
                            (LUA, cmds[LUA], "-v")):
        versions[impl] = version_of(cmd + [flag]) if cmd else None

    tmp = tempfile.mkdtemp(prefix="sigvm-bench-")
    try:
        sender, compiled, sender_desc = compile_sender(tmp)
        if os.access("/usr/bin/time", os.X_OK):
            rss_tool = ("time", "/usr/bin/time")
        elif compiled:
            rss_tool = ("sigsend", sender[0])
        else:
            rss_tool = None

        # --- the build without the breaker check
        nobrk_path, nobrk_why = None, None
        if "breaker_cost" in only:
            given = args.nobreaker or os.environ.get("SIGVM_NOBREAKER")
            if given:
                nobrk_path = find_exe(given)
                if not nobrk_path:
                    nobrk_why = "SIGVM_NOBREAKER=%s is not an executable" % given
            elif args.no_build:
                nobrk_why = "no SIGVM_NOBREAKER and --no-build given"
            else:
                nobrk_path, nobrk_why = build_nobreaker(sigvm_path)
        if nobrk_path:
            versions[NOBRK] = version_of([nobrk_path, "--version"])

        log("sigvm benchmarks: %d run(s) each; machine: %s, %s CPUs, load %s" % (
            args.runs, info.get("cpu", "?"), info.get("cpus"), info.get("load_average")))
        load = info.get("load_average")
        if load and info.get("cpus") and load[0] > 0.5 * info["cpus"]:
            notes.append("the machine was busy at the start (load average %.1f on %d CPUs): "
                         "expect noisy figures, above all the signal ones" % (load[0], info["cpus"]))
            log("warning: " + notes[-1])

        results = {}   # bench -> impl -> Cell

        # --- timed benchmarks
        for name, _, _ in TIMED:
            if name not in only:
                continue
            cells = {impl: Cell() for impl in IMPLS}
            for impl in IMPLS:
                if cmds[impl] is None:
                    cells[impl].failed = missing[impl]
            order = list(IMPLS)
            if name == "breaker_cost":
                cells[NOBRK] = Cell()
                if not nobrk_path:
                    cells[NOBRK].failed = nobrk_why
                order.append(NOBRK)

            def reps_for(impl):
                if name == "breaker_cost" and impl in (SIGVM, NOBRK):
                    return breaker_runs
                return args.runs

            for rep in range(max(reps_for(i) for i in order)):
                for impl in order:
                    c = cells[impl]
                    if c.failed or rep >= reps_for(impl):
                        continue
                    cmd = [nobrk_path] if impl == NOBRK else cmds[impl]
                    ext = ".lua" if impl == LUA else ".py"
                    wall, line, err = timed_run(cmd, os.path.join(HERE, name + ext), args.timeout)
                    if err:
                        c.failed = err
                        continue
                    check_line(c, line)
                    if not c.failed:
                        c.values.append(wall)
            verify(cells, list(cells))
            results[name] = cells
            log("  %-18s %s" % (name, "  ".join(
                "%s %s" % (i, fmt(cells[i].median(), "s")) for i in cells)))

        # --- signal benchmarks (no Lua: Lua has no signals)
        if "signal_latency" in only:
            cells = {SIGVM: Cell(), PY: Cell()}
            for impl in cells:
                if cmds[impl] is None:
                    cells[impl].failed = missing[impl]
            for rep in range(args.runs):
                for impl, c in cells.items():
                    if c.failed:
                        continue
                    lat, line, err = latency_run(cmds[impl], sender, args.latency_signals, args.timeout)
                    if err:
                        c.failed = err
                        continue
                    check_line(c, line)
                    c.extra.append(lat)
            for impl, c in cells.items():
                if not c.failed and c.output != "signal_latency %d" % (args.latency_signals + LATENCY_WARMUP):
                    c.failed = "checksum %r" % c.output
            results["signal_latency"] = cells
            log("  %-18s %s" % ("signal_latency", "  ".join(
                "%s %s" % (i, "failed" if c.failed or not c.extra else "p99 %.1f us" % percentile(
                    sorted(x for r_ in c.extra for x in r_), 99)) for i, c in cells.items())))

        if "signal_throughput" in only:
            cells = {SIGVM: Cell(), PY: Cell()}
            for impl in cells:
                if cmds[impl] is None:
                    cells[impl].failed = missing[impl]
            for rep in range(args.runs):
                for impl, c in cells.items():
                    if c.failed:
                        continue
                    secs, line, err = throughput_run(cmds[impl], sender, args.throughput_signals,
                                                     args.timeout)
                    if err:
                        c.failed = err
                        continue
                    check_line(c, line)
                    c.values.append(secs)
            verify(cells, list(cells))
            for impl, c in cells.items():
                if not c.failed and c.output != "signal_throughput %d" % args.throughput_signals:
                    c.failed = "checksum %r" % c.output
            results["signal_throughput"] = cells
            log("  %-18s %s" % ("signal_throughput", "  ".join(
                "%s %s" % (i, fmt(c.median(), "s")) for i, c in cells.items())))

        # --- startup and peak RSS of doing nothing
        nothing = {SIGVM: ["-c", "pass"], PY: ["-c", "pass"], LUA: ["-e", ""]}
        baseline = None
        if "startup" in only:
            cells = {impl: Cell() for impl in IMPLS}
            for impl in IMPLS:
                if cmds[impl] is None:
                    cells[impl].failed = missing[impl]
            base = Cell()
            for rep in range(args.startup_runs):
                for impl, c in list(cells.items()) + [("/bin/true", base)]:
                    if c.failed:
                        continue
                    cmd = ["/bin/true"] if impl == "/bin/true" else cmds[impl] + nothing[impl]
                    o = run(cmd, args.timeout)
                    if not o.ok:
                        c.failed = o.reason()
                        continue
                    c.values.append(o.wall * 1000.0)
            baseline = base.median()
            results["startup"] = cells
            log("  %-18s %s" % ("startup", "  ".join(
                "%s %s" % (i, fmt(c.median(), "ms")) for i, c in cells.items())))

        if "rss" in only:
            cells = {impl: Cell() for impl in IMPLS}
            for impl in IMPLS:
                c = cells[impl]
                if cmds[impl] is None:
                    c.failed = missing[impl]
                    continue
                for rep in range(min(args.runs, 5)):
                    kb, err = rss_kb(cmds[impl] + nothing[impl], rss_tool, args.timeout)
                    if err:
                        c.failed = err
                        break
                    c.values.append(kb * 1024 / 1e6)
            results["rss"] = cells
            log("  %-18s %s" % ("rss", "  ".join(
                "%s %s" % (i, fmt(c.median(), "MB")) for i, c in cells.items())))

        # --- the table
        rows = []

        def vals(cells, impls=IMPLS):
            out = {}
            for impl in IMPLS:
                if impl not in impls:
                    out[impl] = "n/a"
                elif impl not in cells:
                    out[impl] = "n/a"
                else:
                    m = cells[impl].median()
                    out[impl] = float(m) if m is not None else None
                    if cells[impl].failed and cells[impl].failed not in missing.values():
                        failures.append("%s under %s: %s" % (cur[0], impl, cells[impl].failed))
            return out

        cur = [""]
        for name, limit, op in TIMED:
            if name not in results:
                continue
            cur[0] = name
            cells = results[name]
            rows.append(make_row(name, "s", vals(cells), "%s %gx py" % (op, limit), op, limit, "py"))

        if "signal_throughput" in results:
            cur[0] = "signal_throughput"
            cells = results["signal_throughput"]
            rows.append(make_row("signal_throughput", "s", vals(cells, (SIGVM, PY)),
                                 "< 1x py", "<", 1.0, "py",
                                 note="seconds for %d signals, one in flight at a time" %
                                 args.throughput_signals))
            rates = []
            for impl in (SIGVM, PY):
                m = cells[impl].median()
                if m:
                    rates.append("%s %.0f signals/s" % (impl, args.throughput_signals / m))
            if rates:
                notes.append("signal_throughput: handler runs per second while busy: " + ", ".join(rates))

        latency = {}
        if "signal_latency" in results:
            cur[0] = "signal_latency"
            cells = results["signal_latency"]
            p50, p99 = {LUA: "n/a"}, {LUA: "n/a"}
            for impl in (SIGVM, PY):
                c = cells[impl]
                if c.failed or not c.extra:
                    p50[impl] = p99[impl] = None
                    if c.failed and c.failed not in missing.values():
                        failures.append("signal_latency under %s: %s" % (impl, c.failed))
                    continue
                pooled = sorted(x for run_ in c.extra for x in run_)
                p50[impl] = float(percentile(pooled, 50))
                p99[impl] = float(percentile(pooled, 99))
                latency[impl] = {
                    "signals": len(pooled), "runs": len(c.extra),
                    "p50_us": p50[impl], "p90_us": percentile(pooled, 90),
                    "p99_us": p99[impl], "max_us": pooled[-1], "min_us": pooled[0],
                    "p99_us_per_run": [percentile(sorted(r), 99) for r in c.extra],
                }
            rows.append(make_row("signal latency p50", "us", p50, None, None, None, "abs"))
            rows.append(make_row("signal latency p99", "us", p99, "<= 20 us", "<=",
                                 LATENCY_P99_TARGET, "abs"))
            for impl, d in latency.items():
                notes.append("signal latency under %s: %d signals in %d runs, p50 %.1f us, "
                             "p90 %.1f us, p99 %.1f us, max %.0f us" % (
                                 impl, d["signals"], d["runs"], d["p50_us"], d["p90_us"],
                                 d["p99_us"], d["max_us"]))

        breaker = None
        if "breaker_cost" in results:
            cells = results["breaker_cost"]
            normal, nob = cells[SIGVM].median(), cells[NOBRK].median()
            cost = (normal / nob - 1.0) if (normal and nob) else None
            mins = (min(cells[SIGVM].values) if cells[SIGVM].values and not cells[SIGVM].failed else None,
                    min(cells[NOBRK].values) if cells[NOBRK].values and not cells[NOBRK].failed else None)
            cost_min = (mins[0] / mins[1] - 1.0) if all(mins) else None
            breaker = {"sigvm_s": normal, "nobreaker_s": nob, "cost": cost, "cost_of_minimums": cost_min,
                       "runs": breaker_runs, "nobreaker_path": nobrk_path,
                       "sigvm_times": cells[SIGVM].values, "nobreaker_times": cells[NOBRK].values}
            if cells[NOBRK].failed:
                failures.append("breaker cost: no-breaker build: %s" % cells[NOBRK].failed)
            row = make_row("breaker cost", "%", {SIGVM: cost, PY: "-", LUA: "-"},
                           "<= 2%", "<=", BREAKER_TARGET, "abs")
            row["sigvm_over_python3"] = row["sigvm_over_lua"] = None
            rows.append(row)
            if normal and nob:
                notes.append("breaker cost: breaker_cost.py median %.3f s with the check, %.3f s "
                             "without (--disable-breaker-check), %d runs each, interleaved; "
                             "from the fastest runs instead (less hurt by a busy machine): %+.1f%%" % (
                                 normal, nob, breaker_runs, cost_min * 100))

        if "startup" in results:
            cur[0] = "startup (-c pass)"
            rows.append(make_row("startup (-c pass)", "ms", vals(results["startup"]), "< 2 ms", "<",
                                 STARTUP_TARGET, "abs"))
            if baseline is not None:
                notes.append("startup: median of %d runs, wall time from posix_spawn to wait4; "
                             "the same for /bin/true is %.2f ms (included)" % (
                                 args.startup_runs, baseline))

        if "rss" in results:
            cur[0] = "peak RSS (-c pass)"
            v = vals(results["rss"])
            rows.append(make_row("peak RSS (-c pass)", "MB", v, "< 2.5 MB", "<", RSS_TARGET, "abs"))
            notes.append("peak RSS: ru_maxrss of `-c pass` via %s (1 MB = 10^6 bytes)" % (
                "/usr/bin/time -f %M" if rss_tool and rss_tool[0] == "time" else
                "sigsend rss" if rss_tool else "nothing available"))

        # --- print
        print()
        print("sigvm benchmarks  %s  (%s; %s CPUs; %s; load %s)" % (
            info["date"], info.get("cpu", "?"), info.get("cpus"), info["os"],
            " ".join(str(x) for x in info.get("load_average", []))))
        print("sigvm: %s  [%s]" % (sigvm_path or sigvm_given, versions.get(SIGVM) or "-"))
        print("python3: %s  [%s]   lua5.4: %s  [%s]" % (
            py_path or "-", versions.get(PY) or "-", lua_path or "-", versions.get(LUA) or "-"))
        print("median of %d runs%s; signal sender: %s" % (
            args.runs, " (breaker_cost: %d under both sigvm builds)" % breaker_runs
            if "breaker_cost" in results else "", sender_desc))
        print()
        print(render(rows))
        print()
        seen = set()
        for line in failures:
            if line not in seen:
                seen.add(line)
                print("failed: " + line)
        for line in notes:
            print("note: " + line)

        # --- JSON
        doc = {
            "machine": info,
            "config": {
                "runs": args.runs, "breaker_runs": breaker_runs,
                "startup_runs": args.startup_runs,
                "latency_signals_per_run": args.latency_signals,
                "latency_warmup_signals": LATENCY_WARMUP,
                "throughput_signals": args.throughput_signals,
                "timeout_s": args.timeout, "sender": sender_desc,
            },
            "implementations": {
                SIGVM: {"path": sigvm_path or sigvm_given, "version": versions.get(SIGVM)},
                NOBRK: {"path": nobrk_path, "version": versions.get(NOBRK), "why_missing": nobrk_why},
                PY: {"path": py_path, "version": versions.get(PY)},
                LUA: {"path": lua_path, "version": versions.get(LUA)},
            },
            "table": [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows],
            "breaker": breaker,
            "latency": latency,
            "startup_true_baseline_ms": baseline,
            "runs": {
                bench: {impl: {"values": c.values, "median": c.median(), "failed": c.failed,
                               "checksum": c.output}
                        for impl, c in cells.items()}
                for bench, cells in results.items()
            },
            "failures": sorted(seen),
            "notes": notes,
        }
        if args.json:
            try:
                os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
                with open(args.json, "w") as f:
                    json.dump(doc, f, indent=1)
                    f.write("\n")
                print("JSON written to %s" % args.json)
            except OSError as e:
                print("could not write %s: %s" % (args.json, e))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
