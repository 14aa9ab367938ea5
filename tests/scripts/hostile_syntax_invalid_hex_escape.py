# A \x escape with one hex digit.
s = 'ab\x4'
