print("must not run")
text = """never closed
print(text)
