-- dict_str: insert 1M string keys into a table, then look every key up and
-- probe 1M absent keys. Same algorithm as dict_str.py.

local function main()
  local n = 1000000
  local d = {}
  local count = 0
  for i = 0, n - 1 do
    d["key" .. i] = i
    count = count + 1
  end
  local total = 0
  for i = 0, n - 1 do
    total = total + d["key" .. i]
  end
  local misses = 0
  for i = 0, n - 1 do
    if d["nokey" .. i] == nil then
      misses = misses + 1
    end
  end
  print("dict_str " .. count .. " " .. total .. " " .. misses)
end

main()
