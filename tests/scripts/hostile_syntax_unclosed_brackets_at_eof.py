# Brackets still open when the file ends, over several lines.
x = [(
    {1: 2,
     3: [4,
