"""ptyharness.py - drive an interactive program through a pseudo-terminal.

A Session starts the program on a fresh pty (80x24), sends keystrokes and
waits for text to appear on the "screen".  Every wait has a timeout and
nothing ever sleeps for a fixed time: the tests stay deterministic on a
loaded machine, because each step waits for the program's own output
instead of guessing how long it takes.

The text the waits see is the raw output with terminal control
sequences, carriage returns and bells removed, so a test can look for
"42\\n>>> " without caring how readline moves the cursor.  rows() renders
the output the way a terminal shows it, for checks of what is left on
screen after the cursor moved around (a line drawn again, a line wiped).
"""
import errno
import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time

# CSI sequences (ESC [ ... final), other two-byte escapes, CR and BEL.
_CONTROL = re.compile(rb"\x1b\[[0-9;?<=>]*[ -/]*[@-~]|\x1b[^\[]|\r|\x07")

DEFAULT_TIMEOUT = 20.0


class Timeout(Exception):
    """Raised when the expected text did not appear in time."""


def clean(raw):
    """The screen text of raw pty output, as str."""
    return _CONTROL.sub(b"", raw).decode("utf-8", "replace")


_TOKEN = re.compile(rb"\x1b\[([0-9;?<=>]*)[ -/]*([@-~])|\x1b[^\[]|[\x00-\x1f]|"
                    rb"[^\x00-\x1f\x1b]+")


def render(raw, width=80):
    """The lines a terminal would show for raw output: enough of a VT100
    for what readline sends (text, CR, LF, BS, erase to end of line and
    cursor moves along a line).  Lines wrap at width."""
    lines, row, col = [""], 0, 0

    def put(ch):
        nonlocal row, col
        if col >= width:
            row, col = row + 1, 0
            if row == len(lines):
                lines.append("")
        line = lines[row].ljust(col)
        lines[row] = line[:col] + ch + line[col + 1:]
        col += 1

    for m in _TOKEN.finditer(raw):
        tok = m.group(0)
        if tok.startswith(b"\x1b["):
            arg, final = m.group(1).decode(), m.group(2)
            n = int(arg) if arg.isdigit() else 1
            if final == b"K":
                lines[row] = lines[row][:col]
            elif final == b"C":
                col += n
            elif final == b"D":
                col = max(0, col - n)
            elif final == b"A":
                row = max(0, row - n)
            elif final == b"B":
                row += n
                while row >= len(lines):
                    lines.append("")
        elif tok == b"\r":
            col = 0
        elif tok == b"\n":
            row += 1
            if row == len(lines):
                lines.append("")
        elif tok == b"\b":
            col = max(0, col - 1)
        elif tok[0] >= 0x20 and tok[0] != 0x1b:
            for ch in tok.decode("utf-8", "replace"):
                put(ch)
    return [l.rstrip() for l in lines]


class Session:
    def __init__(self, argv, env=None, cwd=None, timeout=DEFAULT_TIMEOUT):
        self.timeout = timeout
        self.raw = b""
        self.pos = 0  # where in clean(self.raw) the next expect starts
        self.status = None
        pid, fd = pty.fork()
        if pid == 0:  # the child: become the program
            try:
                if cwd:
                    os.chdir(cwd)
                # A terminal's session starts programs with SIGINT at its
                # default; make it so even when the test driver runs as a
                # background job, which inherits SIGINT ignored.
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                os.execvpe(argv[0], argv, env if env is not None else os.environ)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

    # ---- reading
    def _read_some(self, deadline):
        """Read what is available, waiting until deadline; False at EOF."""
        left = deadline - time.monotonic()
        if left <= 0:
            return True
        r, _, _ = select.select([self.fd], [], [], left)
        if not r:
            return True
        try:
            data = os.read(self.fd, 4096)
        except OSError as e:
            if e.errno == errno.EIO:  # the child closed the terminal
                return False
            raise
        if not data:
            return False
        self.raw += data
        return True

    def screen(self):
        """Everything written so far, as one text with control sequences
        removed: what expect searches.  Text that was later erased or
        overwritten is still in it."""
        return clean(self.raw)

    def rows(self):
        """The terminal's lines as a terminal shows them now."""
        return render(self.raw)

    def expect(self, text, timeout=None):
        """Wait until text appears after the previous match; return what
        came before it (since the previous match)."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            scr = self.screen()
            i = scr.find(text, self.pos)
            if i >= 0:
                before = scr[self.pos:i]
                self.pos = i + len(text)
                return before
            if time.monotonic() >= deadline:
                raise Timeout("did not see %r; screen since last match:\n%s"
                              % (text, scr[self.pos:][-1500:]))
            if not self._read_some(deadline):
                scr = self.screen()
                if scr.find(text, self.pos) < 0:
                    raise Timeout("program ended before %r; screen since "
                                  "last match:\n%s" % (text, scr[self.pos:]))

    # ---- writing
    def send(self, keys):
        if isinstance(keys, str):
            keys = keys.encode()
        os.write(self.fd, keys)

    def line(self, text, then=None):
        """Type text and Enter; if then is given, wait for it."""
        self.send(text + "\r")
        if then is not None:
            return self.expect(then)
        return None

    def kill(self, sig):
        os.kill(self.pid, sig)

    # ---- ending
    def wait(self, timeout=None):
        """Wait for the program to exit, reading its output meanwhile;
        returns the exit status (negative: killed by that signal)."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while self.status is None:
            pid, st = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = (os.WEXITSTATUS(st) if os.WIFEXITED(st)
                               else -os.WTERMSIG(st))
                break
            if time.monotonic() >= deadline:
                raise Timeout("program did not exit; screen since last "
                              "match:\n%s" % self.screen()[self.pos:][-1500:])
            self._read_some(min(deadline, time.monotonic() + 0.05))
        # Collect what the program wrote before it ended: read until the
        # terminal reports end of file or has nothing more right now.
        while self._drain_ready() and self._read_some(time.monotonic() + 1):
            pass
        return self.status

    def _drain_ready(self):
        r, _, _ = select.select([self.fd], [], [], 0)
        return bool(r)

    def close(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
            self.status = -signal.SIGKILL
        try:
            os.close(self.fd)
        except OSError:
            pass
