// The language server over a pair of file descriptors (`edict lsp`: standard
// input and output). A thread of its own reads and frames the client's
// messages into a queue; the server's thread answers them in order, and when
// the queue is empty publishes diagnostics (Server::idle), so that changes
// arriving while one is analysed are taken together.
#pragma once

#include <ostream>

namespace edict::lsp {

/// Serves one client reading `inFd` and writing `outFd` until `exit` or the
/// end of the input. Returns the process's exit status (0 after `shutdown`
/// and `exit`, 1 otherwise). Messages for people go to `log`.
int serve(int inFd, int outFd, std::ostream& log);

}  // namespace edict::lsp
