def minmax(items):
    return min(items), max(items)
lo, hi = minmax([4, 8, 1, 9])
print(lo, hi, minmax("hello"))
def stats(*nums):
    n = len(nums)
    mean = sum(nums) / n
    return n, mean, (min(nums), max(nums))
count, mean, (low, high) = stats(2, 4, 9)
print(count, mean, low, high)
t = ()
t += (1,)
t += (2, 3)
print(t, t * 2, t[::-1], t.count(2))
print(tuple(sorted((3, 1, 2))), tuple(map(str, (1, 2))))
