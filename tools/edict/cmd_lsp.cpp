// `edict lsp`: the language server for editors, over standard input and
// output (editor/lsp; docs/editors.md).
#include <unistd.h>

#include <iostream>
#include <memory>

#include "commands.h"
#include "editor/lsp/server/serve.h"

namespace edict::cli {

void registerLsp(CLI::App& app, int& exitStatus) {
  auto stdio = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(
      "lsp",
      "Run the edict language server: the Language Server Protocol (JSON-RPC 2.0) over standard "
      "input and output, for editors (VS Code, Neovim; docs/editors.md). Diagnostics as you type, "
      "hover, go to definition across extends and include, completion, formatting, quick fixes "
      "and the outline of rules. Messages for people go to standard error. Exit status: 0 after "
      "the client's shutdown and exit, 1 when the input ends without them.");
  cmd->add_flag("--stdio", *stdio,
                "Talk over standard input and output (the only transport, and the default; "
                "accepted because editors' clients pass it)");
  cmd->callback([&exitStatus] { exitStatus = lsp::serve(STDIN_FILENO, STDOUT_FILENO, std::cerr); });
}

}  // namespace edict::cli
