# A comment on the first line.

x = 1  # trailing comment


   # an indented comment-only line is ignored
if x:
    # comment inside a block

    y = 2
        # deeper comment, still ignored
    print("y =", y)  # comment after code
# comment at the end of the file, with no code after it
print("done")  # "quotes" and 'quotes' in a comment
