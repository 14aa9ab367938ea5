text = """the quick brown fox jumps over the lazy dog
The dog barks; the fox runs.
A quick brown dog? No -- a quick red fox!"""
counts = {}
for raw in text.split():
    word = raw.strip(".,;?!-").lower()
    if word:
        counts[word] = counts.get(word, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in top[:6]:
    print("%-6s %2d %s" % (word, n, "*" * n))
print(len(counts), sum(counts.values()))
lines = text.splitlines()
print([len(line.split()) for line in lines])
print(max(lines, key=len))
