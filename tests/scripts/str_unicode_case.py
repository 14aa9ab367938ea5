# Case mapping and predicates beyond ASCII follow the Unicode database.
print("héllo wörld".upper(), "ÀÉÎÕÜ".lower())
print("ÉCOLE école".lower(), "élan".capitalize(), "élan vital".title())
print("straße".upper(), "ǅ".lower())
print("é".isalpha(), "é".islower(), "É".isupper(), "中".isalpha())
print("٣".isdigit(), "٣".isalnum(), "\u00a0".isspace(), "\u3000".isspace())
print("ÄbC".swapcase())
