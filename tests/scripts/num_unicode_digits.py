# int() and float() read any Unicode decimal digit as its value and any
# Unicode whitespace as a space, as CPython does; other non-ASCII
# characters make the literal invalid, and the error shows the text given.
cases = ["١٢٣", "१२३४", "１２", "\u00a012\u2003", "\u3000-٧\u3000", "٣_٤",
         "𝟗𝟖", "٠x١", "１２x", "²", "½", "٣٫٥", "", "\u2003"]
for text in cases:
    for base in (10, 16, 0):
        try:
            print(ascii(text), base, int(text, base))
        except ValueError as e:
            print(ascii(text), base, "ValueError:", e)
    try:
        print(ascii(text), "float", float(text))
    except ValueError as e:
        print(ascii(text), "float", "ValueError:", e)
for text in ["١٢٣.٥", "\u2003-٠.٢٥e١\u2003", "１e３", "inf\u00a0", "١٢３.٥", "1.5ｅ3"]:
    try:
        print(ascii(text), float(text))
    except ValueError as e:
        print(ascii(text), "ValueError:", e)
print(int("  ٤٢  ") + 1, float("٤.٢") * 10)
