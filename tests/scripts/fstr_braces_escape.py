x = 42
print(f"{{x}} is {x}")
print(f"{{{x}}}")
print(f"{{}}", f"{{", f"}}")
print(f"{{{{x}}}}")
print("{{not an f-string}}")
print(f"set literal: { {1, 2} }")
print(f"dict literal: { {'a': 1} }")
print(f"{'{'}{x}{'}'}")
