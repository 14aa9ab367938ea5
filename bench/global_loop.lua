-- global_loop: a 10M-iteration while loop on globals (Lua's _ENV table),
-- same algorithm as global_loop.py.

i = 0
total = 0
while i < 10000000 do
  total = total + i
  i = i + 1
end
print("global_loop " .. i .. " " .. total)
