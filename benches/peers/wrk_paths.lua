-- wrk script: rotate through a file of request paths, print a JSON summary line.
--
-- Usage:
--   WRK_PATHS=paths.txt wrk -t2 -c8 -d10s -s benches/peers/wrk_paths.lua http://127.0.0.1:PORT
--
-- paths.txt has one request path a line (`/wises?q=kaarsen&sector=catering`); blank
-- lines and lines starting with `#` are skipped. Each thread sends the paths in
-- order, one a request, wrapping around; thread k starts at a different offset
-- (spread by the golden ratio, so any thread count covers the file evenly).
--
-- After wrk's own report, done() prints one JSON line (the last line of stdout):
--   {"requests": N, "duration_s": S, "rps": R, "p50_ms": A, "p99_ms": B, "errors": E}
-- errors = connect + read + write + timeout errors + responses with status >= 400.

local function die(message)
  io.stderr:write("wrk_paths.lua: " .. message .. "\n")
  os.exit(2)
end

local function load_paths()
  local file_name = os.getenv("WRK_PATHS")
  if file_name == nil or file_name == "" then
    die("set WRK_PATHS to a file of request paths, one a line")
  end
  local file, err = io.open(file_name, "r")
  if file == nil then
    die("cannot open WRK_PATHS file: " .. err)
  end
  local list = {}
  for line in file:lines() do
    line = line:gsub("^%s+", ""):gsub("%s+$", "")
    if line ~= "" and line:sub(1, 1) ~= "#" then
      if line:sub(1, 1) ~= "/" then
        die(file_name .. ": not a path (must start with /): " .. line)
      end
      list[#list + 1] = line
    end
  end
  file:close()
  if #list == 0 then
    die(file_name .. " has no request paths")
  end
  return list
end

-- Loaded in every Lua state (the main one and one per thread), so each checks the file.
local paths = load_paths()
local next_index = 1

local thread_count = 0
function setup(thread)
  thread:set("thread_number", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  local k = thread_number or 0
  local fraction = (k * 0.6180339887498949) % 1
  next_index = math.floor(fraction * #paths) + 1
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format(nil, path)
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests": %d, "duration_s": %.3f, "rps": %.1f, "p50_ms": %.3f, "p99_ms": %.3f, "errors": %d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout))
end
