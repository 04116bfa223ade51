-- Drives Neovim 0.7's built-in LSP client against the server, as a user's config would, and writes what it saw to
-- a JSON file (config.out). Run by test/neovim/neovim.test.ts:
--   nvim --headless -u NONE -c 'luafile test/neovim/client.lua'   with EDITOR_TEST_CONFIG=<config.json>
local config = vim.json.decode(table.concat(vim.fn.readfile(os.getenv('EDITOR_TEST_CONFIG')), '\n'))
local results = { nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch, steps = {} }
local TIMEOUT = config.timeout_ms or 20000

local function finish()
  vim.fn.writefile({ vim.json.encode(results) }, config.out .. '.tmp')
  vim.loop.fs_rename(config.out .. '.tmp', config.out)
  vim.cmd('qa!')
end

local function step(name, fn)
  local ok, value = pcall(fn)
  results.steps[#results.steps + 1] = name
  if ok then results[name] = value else results[name] = { error = tostring(value) } end
end

local ok, err = pcall(function()
  vim.cmd('filetype on')
  -- The user's configuration: the README's Neovim 0.7 block, as it stands there.
  dofile(config.user_config)
  local logs = {}
  vim.lsp.handlers['window/logMessage'] = function(_, params) logs[#logs + 1] = params.message end

  local client -- the client the configuration starts, once the first buffer has it
  local function open(path)
    vim.cmd('edit ' .. vim.fn.fnameescape(path))
    return vim.api.nvim_get_current_buf()
  end

  local function attached(buf)
    assert(vim.wait(TIMEOUT, function() return #vim.lsp.buf_get_clients(buf) > 0 end, 20), 'no client attached to ' .. vim.api.nvim_buf_get_name(buf))
    return vim.lsp.buf_get_clients(buf)[next(vim.lsp.buf_get_clients(buf))]
  end

  local function hover(buf, pos)
    local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = pos }
    local response = assert(client.request_sync('textDocument/hover', params, TIMEOUT, buf), 'hover timed out')
    assert(not response.err, vim.inspect(response.err))
    return response.result and response.result.contents or vim.NIL
  end

  local ts = open(config.files.ts)
  client = attached(ts)
  assert(vim.wait(TIMEOUT, function() return client.initialized end, 20), 'not initialized')
  results.filetypes = { ts = vim.bo[ts].filetype }
  step('hover_ts', function() return hover(ts, config.positions.hover_code) end)
  step('diagnostics_ts', function()
    assert(vim.wait(TIMEOUT, function() return #vim.diagnostic.get(ts) >= config.expect_diagnostics end, 20), 'no diagnostics pushed')
    return vim.tbl_map(function(d) return { lnum = d.lnum, col = d.col, message = d.message, source = d.source, code = d.code, severity = d.severity } end, vim.diagnostic.get(ts))
  end)
  step('completion_ts', function()
    local params = { textDocument = { uri = vim.uri_from_bufnr(ts) }, position = config.positions.completion_code }
    local response = assert(client.request_sync('textDocument/completion', params, TIMEOUT, ts), 'completion timed out')
    local items = response.result and (response.result.items or response.result) or {}
    return vim.tbl_map(function(i) return i.label end, items)
  end)
  step('quick_fix', function()
    -- What :lua vim.lsp.buf.code_action() sends in 0.7: the cursor's range and the line's diagnostics, which
    -- vim.lsp.diagnostic.get_line_diagnostics() rebuilds with byte columns.
    local line = config.positions.fix_line
    local d = vim.tbl_filter(function(x) return x.lnum == line end, vim.diagnostic.get(ts))[1]
    assert(d, 'no diagnostic on line ' .. line)
    vim.api.nvim_win_set_cursor(0, { line + 1, d.col })
    local params = vim.lsp.util.make_range_params()
    params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(ts) }
    local response = assert(client.request_sync('textDocument/codeAction', params, TIMEOUT, ts), 'codeAction timed out')
    assert(not response.err, vim.inspect(response.err))
    local action = assert((response.result or {})[1], 'no code action')
    vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
    return {
      title = action.title,
      sent_range = params.context.diagnostics[1].range,
      line = vim.api.nvim_buf_get_lines(ts, line, line + 1, false)[1],
    }
  end)

  local json = open(config.files.json)
  attached(json)
  results.filetypes.json = vim.bo[json].filetype
  results.clients = #vim.lsp.get_active_clients()
  step('hover_json', function() return hover(json, config.positions.hover_json) end)

  -- Neovim 0.7 has no log filetype: the configuration sets ft=log; a second log is attached with none at all (the
  -- server goes by the .log extension).
  local log = open(config.files.log)
  results.filetypes.log = vim.bo[log].filetype
  step('hover_log', function() return hover(log, config.positions.hover_log) end)
  vim.cmd('noautocmd edit ' .. vim.fn.fnameescape(config.files.log_plain))
  local bare = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bare, client.id)
  results.filetypes.log_plain = vim.bo[bare].filetype
  step('hover_log_plain', function() return hover(bare, config.positions.hover_log) end)

  results.logs = logs
end)
if not ok then results.error = tostring(err) end
finish()
