print("this line must not run")
message = "unterminated
print(message)
