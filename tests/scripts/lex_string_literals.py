a = 'single'
b = "double"
c = '''triple
single'''
d = """triple "double" with 'quotes'
second line"""
print(a, b)
print(c)
print(d)
print(r"raw \n stays", R'raw \t too')
print(len(r"\n"), repr(r"a\b"))
print("adjacent " 'literals ' """are joined""")
print("""\
no leading newline""")
e = ''
print(repr(e), len(e), repr(""""""))
print('it''s')
