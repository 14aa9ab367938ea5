def caesar(text, shift):
    out = []
    for ch in text:
        if "a" <= ch.lower() <= "z":
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
msg = "Hello, World! Zebra-42"
enc = caesar(msg, 3)
print(enc)
print(caesar(enc, -3) == msg)
def is_palindrome(s):
    cleaned = [c.lower() for c in s if c.isalnum()]
    return cleaned == cleaned[::-1]
for s in ["A man, a plan, a canal: Panama", "hello", "", "No 'x' in Nixon"]:
    print(repr(s), is_palindrome(s))
def rle(s):
    out = ""
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out += s[i] + str(j - i)
        i = j
    return out
print(rle("aaabccddddde"), rle(""))
