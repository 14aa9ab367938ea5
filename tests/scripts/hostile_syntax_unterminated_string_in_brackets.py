# A string left open inside an open bracket.
x = [1, {'a': (2, "abc
