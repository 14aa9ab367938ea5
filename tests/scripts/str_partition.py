print("key=value=more".partition("="))
print("key=value=more".rpartition("="))
print("novalue".partition("="))
print("novalue".rpartition("="))
print("=start".partition("="), "end=".rpartition("="))
print("a::b::c".partition("::"))
k, sep, v = "name: sigvm".partition(": ")
print(k, repr(sep), v)
try:
    "abc".partition("")
except ValueError as e:
    print("ValueError:", e)
