# Characters that are not Python tokens at all.
x = 1 $ 2 ? 3
