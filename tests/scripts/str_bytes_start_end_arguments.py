# The optional start and end of find, rfind, index, count, startswith and
# endswith mean the same for str and bytes: slice bounds (negative from the
# end, clamped, None for "omitted", any object with __index__), and a
# start past the end or after the end matches nothing, not even "".


class At:
    def __init__(self, i):
        self.i = i

    def __index__(self):
        return self.i


def show(what, f):
    try:
        print(what, "->", f())
    except Exception as e:
        print(what, "->", type(e).__name__ + ":", e)


for s in ["abcabc", b"abcabc"]:
    kind = type(s).__name__
    c = s[2:3]
    e = s[:0]
    show(kind + " find c from -2", lambda: s.find(c, -2))
    show(kind + " find c in [None, 3]", lambda: s.find(c, None, 3))
    show(kind + " rfind c in [At(0), At(4)]", lambda: s.rfind(c, At(0), At(4)))
    show(kind + " count c from -100", lambda: s.count(c, -100))
    show(kind + " count empty from 6", lambda: s.count(e, 6))
    show(kind + " count empty from 7", lambda: s.count(e, 7))
    show(kind + " find empty from 7", lambda: s.find(e, 7))
    show(kind + " find empty in [4, 2]", lambda: s.find(e, 4, 2))
    show(kind + " index c from 6", lambda: s.index(c, 6))
    show(kind + " find with a str start", lambda: s.find(c, "1"))
    show(kind + " count with a float end", lambda: s.count(c, 0, 2.0))
    show(kind + " startswith empty at 6", lambda: s.startswith(e, 6))
    show(kind + " startswith empty at 7", lambda: s.startswith(e, 7))
    show(kind + " startswith empty in [4, 2]", lambda: s.startswith(e, 4, 2))
    show(kind + " endswith empty in [4, 2]", lambda: s.endswith(e, 4, 2))
    show(kind + " endswith (empty,) in [3, 1]",
         lambda: s.endswith((e,), 3, 1))
    show(kind + " endswith c in [0, -3]", lambda: s.endswith(c, 0, -3))
    show(kind + " startswith 1 at 10", lambda: s.startswith(1, 10))
    show(kind + " startswith (c, 1) at 10", lambda: s.startswith((c, 1), 10))
