-- closures: create closures in a loop and call them. Same algorithm as
-- closures.py.

local function make_counter(step)
  local count = 0
  return function(by)
    count = count + step + by
    return count
  end
end

local function make_adder(n)
  return function(v) return v + n end
end

local function compose(f, g)
  return function(v)
    return f(g(v))
  end
end

local function main()
  local total = 0
  for i = 0, 800000 - 1 do
    local c = make_counter(i % 7 + 1)
    c(0)
    c(1)
    local add = make_adder(i & 1023)
    local both = compose(add, c)
    local a = both(2)
    local b = add(c(3))
    total = (total + a + b) & 0xFFFFFFFFFF
  end
  print("closures " .. total)
end

main()
