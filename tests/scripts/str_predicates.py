tests = ["123", "12.3", "abc", "aBc", "ABC", "abc123", "   ", " \t\n", "",
         "Hello World", "hello", "HELLO1", "A b"]
for t in tests:
    print(repr(t), t.isdigit(), t.isalpha(), t.isalnum(), t.isspace(),
          t.isupper(), t.islower())
print("Title Case".istitle(), "not Title".istitle())
