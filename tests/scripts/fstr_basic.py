name = "sigvm"
n = 3
items = [1, 2, 3]
print(f"hello {name}")
print(f"{n} + {n} = {n + n}")
print(f"{items} has {len(items)} items, first {items[0]}, last {items[-1]}")
print(f"{name.upper()}{'!' * n}")
print(f"{'nested quotes'}", f'{"double inside single"}')
print(f"""triple {n}""", F"capital F {n}")
print(f"no fields", f"")
d = {"key": "value"}
print(f"{d['key']} {d}")
print(f"{n if n > 2 else 0} {[x * 2 for x in items]}")
print(f"{None} {True} {3.5} {-0.0} {1e16}")
print(f"a" "b" f"{n}" 'c')
print(rf"raw \n {n}", fr"{n}\t")
