-- method_calls: 2M calls of a method that creates a new object plus 2M
-- calls of a method that reads attributes. Same algorithm as method_calls.py.

local Point = {}
Point.__index = Point

function Point.new(x, y)
  local self = setmetatable({}, Point)
  self.x = x
  self.y = y
  return self
end

function Point:moved(dx, dy)
  return Point.new((self.x + dx) % 1000003, (self.y + dy) % 1000033)
end

function Point:norm1()
  return self.x + self.y
end

local function main()
  local p = Point.new(0, 0)
  local total = 0
  for i = 0, 2000000 - 1 do
    p = p:moved(i, 3)
    total = total + p:norm1()
  end
  print("method_calls " .. p.x .. " " .. p.y .. " " .. total)
end

main()
