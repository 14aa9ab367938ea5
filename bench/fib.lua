-- fib: recursive fib(30), computed 6 times. Same algorithm as fib.py.

local function fib(n)
  if n < 2 then
    return n
  end
  return fib(n - 1) + fib(n - 2)
end

local function main()
  local total = 0
  local r = 0
  for _ = 1, 6 do
    r = fib(30)
    total = total + r
  end
  print("fib " .. r .. " " .. total)
end

main()
