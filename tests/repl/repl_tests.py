"""repl_tests.py - the interactive prompt, driven through a real pty.

Usage: python3 tests/repl/repl_tests.py [NAME...]
Environment: SIGVM, the interpreter to drive (default ./sigvm).  With
REPL_TESTS_CPYTHON=1 and SIGVM=python3, the tests that pin sigvm's own
choices (banner, history file, redrawing the line after a handler) are
skipped and the rest check that CPython 3.11 behaves the same way.

Output is TAP.  Each test waits for the text it expects, with a timeout,
and never sleeps; signals come from interval timers whose timing does
not matter, because every step waits for the effect it needs.
"""
import os
import shutil
import signal
import sys
import tempfile
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptyharness import Session, Timeout  # noqa: E402

SIGVM = os.path.abspath(os.environ.get("SIGVM", "./sigvm"))
if not os.path.exists(SIGVM):
    SIGVM = shutil.which(os.environ.get("SIGVM", "")) or SIGVM
CPYTHON = os.environ.get("REPL_TESTS_CPYTHON") == "1"

TESTS = []


def test(sigvm_only=False):
    def register(fn):
        TESTS.append((fn.__name__, fn, sigvm_only))
        return fn
    return register


class Env:
    """A private HOME (and history file) for one test."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="sigvm-repl-")
        self.hist = os.path.join(self.dir, "hist")
        self.sessions = []

    def environ(self, **extra):
        env = dict(os.environ)
        for k in ("PYTHONSTARTUP", "PYTHONINSPECT", "SIGVM_HISTFILE"):
            env.pop(k, None)
        env.update(TERM="dumb", HOME=self.dir, LC_ALL="C.UTF-8",
                   SIGVM_HISTFILE=self.hist)
        env.update(extra)
        return {k: v for k, v in env.items() if v is not None}

    def session(self, *args, **extra):
        s = Session([SIGVM] + list(args), env=self.environ(**extra),
                    cwd=self.dir)
        self.sessions.append(s)
        return s

    def cleanup(self):
        for s in self.sessions:
            s.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def check(cond, what):
    if not cond:
        raise AssertionError(what)


def block(s, *lines):
    """Type a compound statement line by line and the empty line that
    ends it, waiting for each prompt."""
    for ln in lines:
        s.line(ln, "... ")
    s.line("", ">>> ")


def default_sigint():
    """In a child about to run sigvm without a terminal: SIGINT at its
    default, even when the test driver runs as a background job (which
    inherits SIGINT ignored)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def readline_soname():
    """The library sigvm opens for readline: READLINE_SONAME in the
    config.h of the build it comes from."""
    try:
        with open(os.path.join(os.path.dirname(SIGVM), "config.h")) as f:
            for ln in f:
                if ln.startswith("#define READLINE_SONAME "):
                    return ln.split('"')[1]
    except OSError:
        pass
    return "libreadline.so.8"


def finish(s, status=0):
    s.send("\x04")
    try:
        got = s.wait(timeout=5)
    except Timeout:
        # A Ctrl-D that reaches the terminal while readline is switching
        # it between cooked and raw mode is taken by the line discipline
        # as an end-of-file for nobody and lost (seen under ASan, where
        # everything is slower): type it again, as a user would.
        s.send("\x04")
        got = s.wait()
    check(got == status, "exit status %r, wanted %r" % (got, status))


# ------------------------------------------------------------------ tests

@test()
def expressions_and_blocks(e):
    s = e.session()
    s.expect(">>> ")
    s.line("6*7", "42\n>>> ")
    s.line("_ + 1", "43\n>>> ")
    out = s.line("None", ">>> ")
    check(out == "None\n", "None was echoed: %r" % out)
    s.line("'a' + 'b'", "'ab'\n>>> ")
    block(s, "def twice(x):", "    return x * 2")
    s.line("twice(21)", "42\n>>> ")
    block(s, "for i in range(3):", "    print(i)")
    block(s, "if twice(1) == 2:", "    r = 'yes'", "else:", "    r = 'no'")
    s.line("r", "'yes'\n>>> ")
    block(s, "class K:", "    attr = 5", "    def m(self):",
          "        return self.attr + 1")
    s.line("K().m()", "6\n>>> ")
    s.line("x = (1,", "... ")
    s.line("     2)", ">>> ")
    s.line("x", "(1, 2)\n>>> ")
    finish(s)


@test()
def errors_print_and_session_goes_on(e):
    s = e.session()
    s.expect(">>> ")
    s.line("1/0", 'Traceback (most recent call last):\n'
           '  File "<stdin>", line 1, in <module>\n'
           'ZeroDivisionError: division by zero\n>>> ')
    s.line("undefined_name", "NameError: name 'undefined_name' is not "
           "defined\n>>> ")
    s.line("1 +", '  File "<stdin>", line 1\n    1 +\n')
    s.expect("SyntaxError: invalid syntax\n>>> ")
    block(s, "def f():", "    raise ValueError('deep')")
    s.line("f()", 'File "<stdin>", line 2, in f\nValueError: deep\n>>> ')
    s.line("6*7", "42\n>>> ")
    finish(s)


@test()
def exit_quit_and_ctrl_d(e):
    s = e.session()
    s.expect(">>> ")
    s.line("exit()")
    check(s.wait() == 0, "exit() status")
    s = e.session()
    s.expect(">>> ")
    s.line("quit(3)")
    check(s.wait() == 3, "quit(3) status")
    s = e.session()
    s.expect(">>> ")
    s.line("raise SystemExit('bye')", "bye")
    check(s.wait() == 1, "SystemExit('bye') status")
    s = e.session()
    s.expect(">>> ")
    finish(s, 0)


@test(sigvm_only=True)
def banner_names_version_and_exit(e):
    s = e.session()
    first = s.expect(">>> ")
    check(first.startswith("sigvm ") and "exit()" in first
          and first.count("\n") == 1, "banner: %r" % first)
    finish(s)


@test(sigvm_only=True)
def readline_is_loaded_when_a_terminal_first_reads(e):
    # A script's process does not map readline until input() reads at
    # the terminal (cli/rl_load.c): start-up stays small.
    path = os.path.join(e.dir, "lazy.py")
    with open(path, "w") as f:
        f.write("def mapped():\n"
                "    with open('/proc/self/maps') as m:\n"
                "        return 'libreadline' in m.read()\n"
                "print('before', mapped())\n"
                "x = input('wo' 'rd? ')\n"
                "print('after', mapped(), x)\n")
    s = e.session(path)
    s.expect("before False")
    s.expect("word? ")
    s.line("hi", "after True hi")
    check(s.wait() == 0, "exit status")


@test(sigvm_only=True)
def missing_readline_says_so_and_reads_plain_lines(e):
    # sigvm opens readline only when a terminal asks for a line.  An empty
    # file found first under the library's name makes that fail: the
    # prompt and input() say why once, then read as without a terminal.
    with open(os.path.join(e.dir, readline_soname()), "w"):
        pass
    s = e.session(LD_LIBRARY_PATH=e.dir)
    first = s.expect(">>> ")
    check("cannot load GNU readline" in first and "without it" in first,
          "no word about readline: %r" % first)
    s.line("6*7", "42\n>>> ")
    s.line("x = input('na' 'me? ')", "name? ")
    s.line("Ada", ">>> ")
    out = s.line("x", ">>> ")
    check(out.count("GNU readline") == 0, "said twice: %r" % out)
    check("'Ada'" in out, "input() read %r" % out)
    finish(s)


@test(sigvm_only=True)
def handler_prints_at_prompt_and_line_is_redrawn(e):
    s = e.session()
    s.expect(">>> ")
    s.line("import signal", ">>> ")
    # 'ti' 'ck': the word "tick" on screen is the handler's, never the
    # echo of this line.
    s.line("signal.signal(signal.SIGALRM, lambda n, f: print('ti' 'ck'))",
           ">>> ")
    s.line("signal.setitimer(signal.ITIMER_REAL, 0.05, 0.05)", ">>> ")
    s.send("x = 4")
    s.expect("x = 4")
    # A tick after the partial line was typed: the handler ran while the
    # user was typing, its output starts at the margin and the partial
    # line is drawn again below it.
    s.expect("tick\n")
    s.expect(">>> x = 4")
    for row in s.rows():
        check("tick" not in row or row == "tick", "mixed line %r" % row)
    s.send("2\r")
    s.line("signal.setitimer(signal.ITIMER_REAL, 0)", ">>> ")
    s.line("x", "42\n")
    finish(s)


@test()
def raising_handler_at_prompt_gives_fresh_prompt(e):
    s = e.session()
    s.expect(">>> ")
    s.line("import signal", ">>> ")
    # The handler gets no frame only when no code runs, that is at the
    # prompt: ticks that land while a statement runs are ignored, so the
    # test does not depend on when the timer fires.
    block(s, "def boom(n, f):", "    if f is None:",
          "        signal.setitimer(signal.ITIMER_REAL, 0)",
          "        raise RuntimeError('boom')")
    s.line("signal.signal(signal.SIGALRM, boom)", ">>> ")
    s.line("signal.setitimer(signal.ITIMER_REAL, 0.05, 0.05)", ">>> ")
    s.expect('Traceback (most recent call last):\n'
             '  File "<stdin>", line 4, in boom\n'
             'RuntimeError: boom\n>>> ')
    s.line("6*7", "42\n>>> ")
    finish(s)


@test()
def ctrl_c_at_prompt_keeps_history(e):
    s = e.session()
    s.expect(">>> ")
    s.line("earlier = 17", ">>> ")
    s.send("abc")
    s.expect("abc")
    s.send("\x03")
    s.expect("KeyboardInterrupt\n>>> ")
    rows = [r for r in s.rows() if r]
    check(rows[-3:] == [">>> abc", "KeyboardInterrupt", ">>>"],
          "screen after Ctrl-C: %r" % rows[-3:])
    # Ctrl-C in the middle of a block drops the block.
    s.line("for i in range(2):", "... ")
    s.send("\x03")
    s.expect("KeyboardInterrupt\n>>> ")
    s.send("\x10")  # Ctrl-P: the previous history line
    s.expect("for i in range(2):")
    s.send("\x10")
    s.expect("earlier = 17")
    s.send("\x05\x15")  # Ctrl-E Ctrl-U: drop it again
    s.line("earlier", "17\n>>> ")
    finish(s)


@test()
def ctrl_c_interrupts_running_loop(e):
    s = e.session()
    s.expect(">>> ")
    block(s, "def spin():", "    print('spinning')", "    while True: pass")
    s.line("spin()", "spinning\n")
    s.send("\x03")
    # Line 2 or 3 of spin: Ctrl-C may land before the loop's first turn.
    s.expect('Traceback (most recent call last):\n'
             '  File "<stdin>", line 1, in <module>\n'
             '  File "<stdin>", line ')
    s.expect(', in spin\nKeyboardInterrupt\n>>> ')
    s.line("6*7", "42\n>>> ")
    finish(s, 0)
    # CPython 3.11 remembers whether the last statement run ended in a
    # KeyboardInterrupt, and then ends the session by SIGINT.
    s = e.session()
    s.expect(">>> ")
    block(s, "def spin():", "    print('spinning')", "    while True: pass")
    s.line("spin()", "spinning\n")
    s.send("\x03")
    s.expect("KeyboardInterrupt\n>>> ")
    finish(s, -signal.SIGINT)


@test()
def script_sigint_handler_replaces_keyboardinterrupt(e):
    s = e.session()
    s.expect(">>> ")
    s.line("import signal", ">>> ")
    s.line("signal.signal(signal.SIGINT, lambda n, f: print('caught', n))",
           ">>> ")
    s.send("ab")
    s.expect("ab")
    s.send("\x03")
    s.expect("caught 2\n")
    s.send("c = 5\r")
    s.expect(">>> ")
    s.line("abc", "5\n>>> ")
    finish(s)


@test()
def input_runs_handlers_and_resumes(e):
    s = e.session()
    s.expect(">>> ")
    s.line("import signal", ">>> ")
    s.line("signal.signal(signal.SIGALRM, lambda n, f: print('tick'))",
           ">>> ")
    s.line("signal.setitimer(signal.ITIMER_REAL, 0.05, 0.05)", ">>> ")
    # 'na' 'me? ': the prompt on screen is input()'s, not the echo.
    s.line("name = input('na' 'me? ')", "name? ")
    s.expect("tick\n")
    s.send("bob\r")
    s.expect(">>> ")
    s.line("signal.setitimer(signal.ITIMER_REAL, 0)", ">>> ")
    s.line("name", "'bob'\n>>> ")
    finish(s)


@test()
def input_aborted_by_raising_handler_and_ctrl_c(e):
    s = e.session()
    s.expect(">>> ")
    s.line("import signal", ">>> ")
    s.line("def boom(n, f): raise RuntimeError('boom')", "... ")
    s.line("", ">>> ")
    s.line("signal.signal(signal.SIGALRM, boom)", ">>> ")
    # The signal is sent once input() shows its prompt, so it surely
    # lands in the wait.
    s.line("input('wa' 'it: ')", "wait: ")
    s.kill(signal.SIGALRM)
    s.expect('Traceback (most recent call last):\n'
             '  File "<stdin>", line 1, in <module>\n'
             '  File "<stdin>", line 1, in boom\n'
             'RuntimeError: boom\n>>> ')
    s.line("input('aga' 'in: ')", "again: ")
    s.send("\x03")
    s.expect('Traceback (most recent call last):\n'
             '  File "<stdin>", line 1, in <module>\n'
             'KeyboardInterrupt\n>>> ')
    s.line("input('e' 'of: ')", "eof: ")
    s.send("\x04")
    s.expect("EOFError\n>>> ")
    finish(s)


@test(sigvm_only=True)
def history_saved_and_reloaded(e):
    s = e.session()
    s.expect(">>> ")
    s.line("marker_one = 11", ">>> ")
    finish(s)
    with open(e.hist) as f:
        check("marker_one = 11" in f.read(), "history file lacks the line")
    s = e.session()
    s.expect(">>> ")
    s.send("\x10")
    s.expect("marker_one = 11")
    s.send("\r")
    s.expect(">>> ")
    s.line("marker_one", "11\n>>> ")
    finish(s)
    # Without the variable the file is ~/.sigvm_history.
    s = e.session(SIGVM_HISTFILE=None)
    s.expect(">>> ")
    s.line("marker_two = 22", ">>> ")
    finish(s)
    with open(os.path.join(e.dir, ".sigvm_history")) as f:
        check("marker_two = 22" in f.read(), "~/.sigvm_history lacks it")


@test()
def completion_of_global_and_attribute(e):
    s = e.session()
    s.expect(">>> ")
    s.line("a_long_global_name = 5", ">>> ")
    s.send("a_long_gl\t")
    s.expect("a_long_global_name")
    s.send("\r")
    s.expect("5\n>>> ")
    s.line("import signal", ">>> ")
    s.send("signal.SIGALR\t")
    s.expect("signal.SIGALRM")
    s.send("\r")
    s.expect("<Signals.SIGALRM: 14>\n>>> ")
    block(s, "class K:", "    attribute_x = 7")
    s.line("k = K()", ">>> ")
    s.send("k.attribute_\t")
    s.expect("k.attribute_x")
    s.send("\r")
    s.expect("7\n>>> ")
    s.send("isinst\t")
    s.expect("isinstance(")
    s.send("k, K)\r")
    s.expect("True\n>>> ")
    # TAB at the start of a line indents instead of completing.
    s.line("if 1:", "... ")
    s.line("\tprint('indented')", "... ")
    s.line("", "indented\n>>> ")
    finish(s)


@test()
def dash_i_runs_script_then_prompt(e):
    path = os.path.join(e.dir, "script.py")
    with open(path, "w") as f:
        f.write("x = 41\nprint('script ran')\n")
    s = e.session("-i", path)
    before = s.expect(">>> ")
    check(before == "script ran\n", "no banner after -i: %r" % before)
    s.line("x + 1", "42\n>>> ")
    finish(s)


@test()
def dash_i_without_terminal_prompts_on_stderr(e):
    # No pty: prompts go to stderr, lines come from the pipe, and a
    # KeyboardInterrupt in a statement is reported without ending the
    # session.  The expectation is CPython 3.11's output for the same
    # input (REPL_TESTS_CPYTHON=1 checks it).
    import subprocess
    src = ('6*7\nif 1:\n  print("blk")\n\n1/0\nx\nimport signal, os\n'
           'os.kill(os.getpid(), signal.SIGINT)\nx + 1\n')
    p = subprocess.run([SIGVM, "-i", "-c", "x = 5"], input=src.encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=e.environ(), cwd=e.dir, timeout=60,
                       preexec_fn=default_sigint)
    check(p.stdout == b"42\nblk\n5\n6\n", "stdout %r" % p.stdout)
    want = (b'>>> >>> ... ... >>> Traceback (most recent call last):\n'
            b'  File "<stdin>", line 1, in <module>\n'
            b'ZeroDivisionError: division by zero\n'
            b'>>> >>> >>> Traceback (most recent call last):\n'
            b'  File "<stdin>", line 1, in <module>\n'
            b'KeyboardInterrupt\n>>> >>> \n')
    check(p.stderr == want, "stderr %r" % p.stderr)
    check(p.returncode == 0, "status %r" % p.returncode)
    # The script's own end does not count once the prompt ran: neither a
    # KeyboardInterrupt (no death by SIGINT) nor SystemExit (printed).
    for code, last in (("import os, signal; os.kill(os.getpid(), "
                        "signal.SIGINT)", b"KeyboardInterrupt\n"),
                       ("raise SystemExit(3)", b"SystemExit: 3\n")):
        p = subprocess.run([SIGVM, "-i", "-c", code], input=b"",
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           env=e.environ(), cwd=e.dir, timeout=60,
                           preexec_fn=default_sigint)
        want = (b'Traceback (most recent call last):\n'
                b'  File "<string>", line 1, in <module>\n' + last +
                b'>>> \n')
        check(p.stderr == want, "stderr %r" % p.stderr)
        check(p.returncode == 0, "status %r" % p.returncode)


def banner_of(e):
    """What a plain session prints before its first prompt."""
    s = e.session()
    banner = s.expect(">>> ")
    finish(s)
    return banner


@test()
def dash_on_terminal_is_the_prompt(e):
    # `sigvm -` reads a script from stdin only when stdin is not a
    # terminal; on one it is the prompt, banner included, as for
    # `python3 -`.  sys.argv[0] is '-' and __main__ has no __file__.
    banner = banner_of(e)
    for args, argv in ((["-", "a", "b"], "['-', 'a', 'b']"),
                       (["-i", "-"], "['-']")):
        s = e.session(*args)
        first = s.expect(">>> ")
        check(first == banner, "%s: before the prompt %r" % (args, first))
        s.line("import sys", ">>> ")
        s.line("sys.argv", argv + "\n>>> ")
        s.line("'__file__' in globals(), sys.ps1, sys.ps2",
               "(False, '>>> ', '... ')\n>>> ")
        s.line("raise SystemExit(4)")
        check(s.wait() == 4, "%s: SystemExit(4) status" % args)
    # Ctrl-D ends it at once: -i gives no second prompt.
    s = e.session("-i", "-")
    s.expect(">>> ")
    s.send("\x04")
    check(s.wait() == 0, "status after Ctrl-D")
    check(s.screen()[s.pos:].strip() == "", "after Ctrl-D: %r"
          % s.screen()[s.pos:])


@test()
def dash_on_terminal_with_stdout_redirected(e):
    # Standard input alone decides: the prompt, without readline since
    # stdout is no terminal; prompts and echo on the terminal, output in
    # the file.
    out = os.path.join(e.dir, "out.txt")
    s = Session(["sh", "-c", '"$0" - a > "$1"', SIGVM, out],
                env=e.environ(), cwd=e.dir)
    e.sessions.append(s)
    s.expect(">>> ")
    s.line("import sys", ">>> ")
    s.line("print(sys.argv, sys.ps1)", ">>> ")
    s.line("if 1:", "... ")
    s.line("    print('in' 'side')", "... ")
    s.line("", ">>> ")
    finish(s)
    with open(out) as f:
        got = f.read()
    check(got == "['-', 'a'] >>> \ninside\n", "stdout %r" % got)


@test()
def dash_without_terminal(e):
    # Without a terminal `-` is a script; with -i, stdin counts as
    # interactive: the prompt from the start, its banner, sys.ps1 set.
    import subprocess
    src = b"import sys\nprint(sys.argv, hasattr(sys, 'ps1'))\n"
    banner = None
    for args, out, prompts in ((["-", "x"], b"['-', 'x'] False\n", b""),
                               (["-i", "-", "x"], b"['-', 'x'] True\n",
                                b">>> >>> >>> \n"),
                               (["-i"], b"[''] True\n", b">>> >>> >>> \n")):
        p = subprocess.run([SIGVM] + args, input=src, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=e.environ(),
                           cwd=e.dir, timeout=60, preexec_fn=default_sigint)
        check(p.stdout == out, "%s: stdout %r" % (args, p.stdout))
        check(p.stderr.endswith(prompts), "%s: stderr %r" % (args, p.stderr))
        if prompts:
            head = p.stderr[:-len(prompts)]
            check(banner in (None, head) and head.endswith(b"\n"),
                  "%s: banner %r" % (args, head))
            banner = head
        else:
            check(p.stderr == b"", "%s: stderr %r" % (args, p.stderr))
        check(p.returncode == 0, "%s: status %r" % (args, p.returncode))


@test()
def ps1_ps2_are_read_before_each_statement(e):
    s = e.session()
    s.expect(">>> ")
    s.line("import sys", ">>> ")
    s.line("sys.ps1 = 'A> '", "A> ")
    s.line("sys.ps2 = 'B> '", "A> ")
    s.line("if 1:", "B> ")
    s.line("    x = 6", "B> ")
    s.line("", "A> ")
    s.line("x * 7", "42\nA> ")
    s.line("1/0", "ZeroDivisionError: division by zero\nA> ")
    # str() of whatever they are, called once per statement for each,
    # before its first line is read.
    s.line("class P:", "B> ")
    s.line("    n = 0", "B> ")
    s.line("    def __init__(self, c): self.c = c", "B> ")
    s.line("    def __str__(self):", "B> ")
    s.line("        P.n += 1", "B> ")
    s.line("        return '%s%d ' % (self.c, P.n)", "B> ")
    s.line("", "A> ")
    s.line("sys.ps1, sys.ps2 = P('p'), P('q')", "p1 ")
    s.line("if 1:", "q2 ")
    s.line("    y = 1", "q2 ")
    s.line("", "p3 ")
    s.line("P.n", "4\np5 ")
    s.line("sys.ps1 = 42", "42")
    s.line("sys.ps1, sys.ps2 = '>>> ', '... '", ">>> ")
    # A str() that raises or a missing sys.ps1 give an empty prompt,
    # and nothing is reported.
    block(s, "class Bad:", "    def __str__(self): raise ValueError('no')")
    s.line("sys.ps1 = Bad()")
    s.line("'bad' 'ps1'", "'badps1'\n")
    s.line("del sys.ps1")
    s.line("'no' 'ps1'", "'nops1'\n")
    s.line("sys.ps1 = 'C> '", "C> ")
    rows = s.rows()
    check("'bad' 'ps1'" in rows and "'no' 'ps1'" in rows,
          "prompts left on screen: %r" % rows[-8:])
    check(s.screen().count("Traceback") == 1, "str() error reported")
    finish(s)


@test()
def handler_changes_prompt_of_next_statement(e):
    # The statement being typed keeps the prompts it started with.
    s = e.session()
    s.expect(">>> ")
    s.line("import signal, sys", ">>> ")
    block(s, "def h(n, f):", "    sys.ps1, sys.ps2 = 'H> ', 'h. '",
          "    print('s' 'et')")
    s.line("signal.signal(signal.SIGUSR1, h)", ">>> ")
    s.kill(signal.SIGUSR1)
    s.expect("set\n")
    s.line("if 1:", "... ")
    s.line("    pass", "... ")
    s.line("", "H> ")
    s.line("if 1:", "h. ")
    s.kill(signal.SIGUSR1)
    s.expect("set\n")
    s.line("    pass", "h. ")
    s.line("", "H> ")
    # A handler that raises abandons the statement: the next one starts
    # with the prompt the handler set.
    s.line("def r(n, f):", "h. ")
    s.line("    sys.ps1 = 'R> '", "h. ")
    s.line("    raise OSError('r')", "h. ")
    s.line("", "H> ")
    s.line("signal.signal(signal.SIGUSR1, r)", "H> ")
    s.line("if 1:", "h. ")
    s.kill(signal.SIGUSR1)
    s.expect("OSError: r\nR> ")
    s.line("6*7", "42\nR> ")
    finish(s)


@test()
def input_ignores_ps1(e):
    s = e.session()
    s.expect(">>> ")
    s.line("import sys", ">>> ")
    s.line("sys.ps1, sys.ps2 = 'A> ', 'B> '", "A> ")
    s.line("x = input()")
    s.send("typed\r")
    s.expect("A> ")
    s.line("y = input('wh' 'at? ')", "what? ")
    s.line("more", "A> ")
    s.line("x, y", "('typed', 'more')\nA> ")
    check("typed" in s.rows(), "input() showed a prompt: %r" % s.rows())
    finish(s)


@test()
def prompts_set_before_dash_i_are_kept(e):
    # The prompt sets sys.ps1 and sys.ps2 only when they are missing: a
    # script run by -i can choose them.  Without a terminal, they are
    # written to stderr.
    import subprocess
    code = "import sys; print(hasattr(sys, 'ps1')); sys.ps1 = 'S> '"
    p = subprocess.run([SIGVM, "-i", "-c", code],
                       input=b"sys.ps2 = 'T> '\nif 1:\n  pass\n\nsys.ps2\n",
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=e.environ(), cwd=e.dir, timeout=60,
                       preexec_fn=default_sigint)
    check(p.stdout == b"False\n'T> '\n", "stdout %r" % p.stdout)
    check(p.stderr == b"S> S> T> T> S> S> \n", "stderr %r" % p.stderr)
    check(p.returncode == 0, "status %r" % p.returncode)


@test()
def plain_prompts_bypass_sys_stderr(e):
    # Without a terminal the prompts go to the process's standard error,
    # even when a script replaced sys.stderr (CPython's
    # PyOS_StdioReadline writes them with fprintf(stderr)); the newline
    # at the end of input goes through sys.stderr.
    import subprocess
    code = ("import sys\n"
            "class W:\n"
            "    def write(self, s): sys.__stdout__.write('W[' + s + ']')\n"
            "    def flush(self): pass\n"
            "sys.stderr = W()\n")
    p = subprocess.run([SIGVM, "-i", "-c", code], input=b"if 1:\n  6*7\n\n",
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=e.environ(), cwd=e.dir, timeout=60,
                       preexec_fn=default_sigint)
    check(p.stdout == b"42\nW[\n]", "stdout %r" % p.stdout)
    check(p.stderr == b">>> ... ... >>> ", "stderr %r" % p.stderr)
    check(p.returncode == 0, "status %r" % p.returncode)


# ------------------------------------------------------------------ driver

def main(names):
    try:
        master, slave = os.openpty()
        os.close(master)
        os.close(slave)
    except OSError as exc:
        print("1..0 # SKIP no pseudo-terminal here: %s" % exc)
        return 0
    chosen = [t for t in TESTS if not names or t[0] in names]
    print("1..%d" % len(chosen))
    failed = 0
    for i, (name, fn, sigvm_only) in enumerate(chosen, 1):
        if sigvm_only and CPYTHON:
            print("ok %d - %s # SKIP sigvm only" % (i, name))
            continue
        e = Env()
        try:
            fn(e)
            print("ok %d - %s" % (i, name))
        except Exception:
            failed += 1
            print("not ok %d - %s" % (i, name))
            for line in traceback.format_exc().splitlines():
                print("# " + line)
        finally:
            e.cleanup()
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
