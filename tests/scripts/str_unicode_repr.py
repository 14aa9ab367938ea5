# repr escapes exactly the code points CPython considers non-printable.
for s in ["\u200b", "\x80\x9f", "\xa0", "\xad", "\U0001f600", "\u2028",
          "\ud7ff", "\ue000", "a\u0301", "\ufeff", "é中€"]:
    print(repr(s), len(s))
print(["\x85", "\xa9"])
