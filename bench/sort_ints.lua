-- sort_ints: 1M LCG ints, sort, order check, sample hash.
-- Same algorithm as sort_ints.py (Lua arrays are 1-based: a[i + 1] is a[i]).

local function main()
  local n = 1000000
  local x = 12345
  local a = {}
  for k = 1, n do
    x = (x * 1103515245 + 12345) & 0x7FFFFFFF
    a[k] = x
  end
  table.sort(a)
  local ordered = 1
  for i = 1, n - 1 do
    if a[i] > a[i + 1] then
      ordered = 0
    end
  end
  local h = 0
  for i = 0, n - 1, 997 do
    h = (h * 31 + a[i + 1]) & 0xFFFFFFFF
  end
  print("sort_ints " .. a[1] .. " " .. a[n] .. " " .. ordered .. " " .. h)
end

main()
