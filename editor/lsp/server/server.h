// The language server's state and its answer to each message: the open
// documents, their analyses, and a handler per LSP method. It neither reads
// nor blocks: the stdio loop (serve.h) feeds it one message at a time and
// calls idle() when no message is waiting, which is when the diagnostics of
// changed documents are computed and published. A burst of keystrokes thus
// costs one analysis, of the last version.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "editor/lsp/analysis/analyzer.h"
#include "editor/lsp/document/document.h"
#include "editor/lsp/rpc/message.h"

namespace edict::lsp {

/// One language server session (initialize ... shutdown, exit).
class Server {
 public:
  /// `send` writes one message to the client; `log` takes lines for people
  /// (the server's standard error).
  Server(std::function<void(const rpc::Json&)> send, std::ostream& log);

  /// Handles one message body from the client. Never throws.
  void handle(std::string_view body);
  /// Publishes the diagnostics of the documents changed since the last call.
  void idle();
  /// Whether the client sent `exit`.
  [[nodiscard]] bool exited() const { return exited_; }
  /// The process's exit status: 0 after `shutdown` then `exit`, else 1.
  [[nodiscard]] int exitStatus() const { return shutdown_ ? 0 : 1; }
  /// The analyzer, for the tables it keeps (tests).
  [[nodiscard]] const Analyzer& analyzer() const { return analyzer_; }

 private:
  struct Open {
    Document document;
    /// The analysis of the current text; stale after a change.
    std::shared_ptr<const Analysis> current;
    bool stale = true;
    /// Diagnostics of the current text not yet sent.
    bool unpublished = true;
    /// The last analysis whose document parsed, for hover, definition and
    /// completion while the text does not parse.
    std::shared_ptr<const Analysis> parsed;
  };

  using Json = rpc::Json;
  void dispatch(const rpc::Message& message);
  Json request(const std::string& method, const Json& params);
  void notify(const std::string& method, const Json& params);

  Json initialize(const Json& params);
  void didOpen(const Json& params);
  void didChange(const Json& params);
  void didClose(const Json& params);
  void filesChanged();

  Open& document(const Json& params);
  /// Analyses `open` if it is stale; returns the analysis of its text.
  const Analysis& analysed(Open& open);
  /// The analysis the features read: the current one, or the last that
  /// parsed when the current text does not.
  const Analysis& view(Open& open);
  /// Marks stale every open document that read `path`.
  void touched(const std::string& path);
  void publish(Open& open);

  std::function<void(const Json&)> send_;
  std::ostream& log_;
  Analyzer analyzer_;
  std::map<std::string, Open> open_;  // by URI
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
};

}  // namespace edict::lsp
