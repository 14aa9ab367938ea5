-- exceptions: error/pcall in a loop. Same algorithm as exceptions.py:
-- exception objects are tables carrying a class tag; "finally" is code run
-- after the protected call whatever its outcome, then the error is re-raised.

local AppError = {}
local KeyError = {}

local function inner(i)
  if i % 3 == 0 then
    error({ cls = AppError, code = i % 1000 })
  end
  return i & 255
end

local function outer(i)
  return inner(i) + 1
end

local function getitem(d, k)
  local v = d[k]
  if v == nil then
    error({ cls = KeyError, key = k })
  end
  return v
end

local function main()
  local d = { a = 1 }
  local caught = 0
  local missing = 0
  local finals = 0
  local total = 0
  for i = 0, 800000 - 1 do
    local ok, r = pcall(outer, i)
    if ok then
      total = total + r
    elseif r.cls == AppError then
      caught = caught + 1
      total = total + r.code
    else
      error(r)
    end
    local ok2, r2 = pcall(function()
      local ok3, r3 = pcall(getitem, d, "b")
      finals = finals + 1
      if not ok3 then error(r3) end
      total = total + r3
    end)
    if not ok2 then
      if r2.cls == KeyError then
        missing = missing + 1
      else
        error(r2)
      end
    end
  end
  print("exceptions " .. caught .. " " .. missing .. " " .. finals .. " " .. total)
end

main()
