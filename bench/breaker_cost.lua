-- breaker_cost: a tight arithmetic loop with locals only. Same algorithm as
-- breaker_cost.py.

local function main()
  local x = 1
  local acc = 0
  local i = 0
  while i < 4000000 do
    x = (x * 1103515245 + 12345) & 0x7FFFFFFF
    acc = (acc + (x >> 7)) ~ (i & 255)
    i = i + 1
  end
  print("breaker_cost " .. x .. " " .. acc)
end

main()
