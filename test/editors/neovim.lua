-- Drives lr-lens-language-server from Neovim's built-in LSP client (0.7+: vim.lsp.start_client): diagnostics, a quick
-- fix, hover, completion (an item's edit applied) and inlay hints (displayed by 0.10+, asked for by every version).
-- Env: LR_LENS_SERVER (path to the server bin), LR_LENS_FILE (config to open), LR_LENS_OUT (JSON result).
local server = os.getenv('LR_LENS_SERVER')
local file = os.getenv('LR_LENS_FILE')
local out = os.getenv('LR_LENS_OUT')
local result = { diagnostics = {}, actions = {}, errors = {} }

local function finish()
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'yaml'
  local client_id = vim.lsp.start_client({
    name = 'lr-lens',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
  })
  assert(client_id, 'start_client failed')
  vim.lsp.buf_attach_client(bufnr, client_id)
  local got = vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  assert(got, 'no diagnostics arrived')
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, code = d.code, severity = d.severity, message = d.message, source = d.source })
  end
  local d = vim.diagnostic.get(bufnr)[1]
  local lsp_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, d.lnum)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
    context = { diagnostics = lsp_diagnostics },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      table.insert(result.actions, action.title)
      if action.isPreferred and not result.applied then
        vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
        result.applied = action.title
      end
    end
  end
  vim.cmd('write')
  local cleared = vim.wait(15000, function() return #vim.diagnostic.get(bufnr) == 0 end, 50)
  result.cleared = cleared
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 1, character = 2 },
  }, 10000)
  for _, response in pairs(hover or {}) do
    if response.result then result.hover = response.result.contents.value end
  end

  -- Completion at the scheduler value (line 3, after `lr_scheduler_type: `); the `linear` item's edit is applied.
  local uri = vim.uri_from_bufnr(bufnr)
  local completion = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', {
    textDocument = { uri = uri }, position = { line = 2, character = 19 }, context = { triggerKind = 1 },
  }, 10000)
  result.completion = {}
  for _, response in pairs(completion or {}) do
    local items = response.result and (response.result.items or response.result) or {}
    for _, item in ipairs(items) do
      table.insert(result.completion, item.label)
      if item.label == 'linear' and item.textEdit then
        vim.lsp.util.apply_text_edits({ item.textEdit }, bufnr, 'utf-16')
      end
    end
  end
  result.completed_line = vim.api.nvim_buf_get_lines(bufnr, 2, 3, false)[1]

  -- Inlay hints: shown by Neovim 0.10+ (vim.lsp.inlay_hint); older clients still get the answer when they ask.
  vim.api.nvim_buf_set_lines(bufnr, 4, 4, false, { 'warmup_ratio: 0.05' })
  result.inlay_hint_display = vim.lsp.inlay_hint ~= nil
  if vim.lsp.inlay_hint and vim.lsp.inlay_hint.enable then
    result.inlay_hint_enabled = pcall(vim.lsp.inlay_hint.enable, true, { bufnr = bufnr })
  end
  result.inlay_hints = {}
  vim.wait(15000, function()
    local hints = vim.lsp.buf_request_sync(bufnr, 'textDocument/inlayHint', {
      textDocument = { uri = uri }, range = { start = { line = 0, character = 0 }, ['end'] = { line = 10, character = 0 } },
    }, 10000)
    result.inlay_hints = {}
    for _, response in pairs(hints or {}) do
      for _, hint in ipairs(response.result or {}) do table.insert(result.inlay_hints, hint.label) end
    end
    return #result.inlay_hints > 0
  end, 200)
end)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
