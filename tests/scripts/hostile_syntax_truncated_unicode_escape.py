# A \u escape with three hex digits.
s = 'ab\u12' + 'c'
