# Displays nested 50 deep, each element juxtaposed with the next one and
# never closed: the parser once re-parsed the rest twice per level
# (2**50 times) to look for a missing comma.  It must answer at once.
print('not reached')
x = i{i{i{i{i{i{i{i{i{i{i{i{i{i{i{i{i{i{i{i{i{i{i{i{i{j[{(j[{(j[{(j[{(j[{(j[{(j[{(j[{(j[{(j[{(j[{(j[{(j[{(j[{(j[{(j[{(j[{(j[{(j[{(j[{(j[{(j[{(j[{(j[{(j[{(
