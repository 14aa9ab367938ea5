-- strings: build 300k strings, join, split, parse every field; 5 rounds.
-- Same algorithm as strings.py (split done with string.find on ",").

local function split(s, sep)
  local out = {}
  local n = 0
  local start = 1
  while true do
    local j = string.find(s, sep, start, true)
    n = n + 1
    if j == nil then
      out[n] = string.sub(s, start)
      break
    end
    out[n] = string.sub(s, start, j - 1)
    start = j + 1
  end
  return out, n
end

local function main()
  local n = 300000
  local total = 0
  local length = 0
  local fields = 0
  for rnd = 0, 4 do
    local parts = {}
    for i = 0, n - 1 do
      parts[#parts + 1] = "item" .. ((i * 7 + rnd) % 100003)
    end
    local s = table.concat(parts, ",")
    length = length + #s
    local items, count = split(s, ",")
    fields = fields + count
    for k = 1, count do
      total = total + tonumber(string.sub(items[k], 5))
    end
    local every3 = {}
    for k = 1, count, 3 do
      every3[#every3 + 1] = items[k]
    end
    length = length + #table.concat(every3, "-")
  end
  print("strings " .. length .. " " .. fields .. " " .. total)
end

main()
