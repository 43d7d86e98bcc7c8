#include "editor/lsp/server/server.h"

#include <stdexcept>

#include "core/version.h"
#include "editor/lsp/document/uri.h"
#include "editor/lsp/features/code_actions.h"
#include "editor/lsp/features/completion.h"
#include "editor/lsp/features/definition.h"
#include "editor/lsp/features/diagnostics.h"
#include "editor/lsp/features/formatting.h"
#include "editor/lsp/features/hover.h"
#include "editor/lsp/features/protocol.h"
#include "editor/lsp/features/symbols.h"

namespace edict::lsp {

namespace {

/// A message the server cannot act on as asked: for a request, the error
/// to send; for a notification, what to log. A std::exception, so that
/// whatever handles a message catches it.
struct RequestError : std::runtime_error {
  RequestError(rpc::ErrorCode errorCode, const std::string& message)
      : std::runtime_error(message), code(errorCode) {}
  rpc::ErrorCode code;
};

constexpr int kSyncIncremental = 2;

}  // namespace

Server::Server(std::function<void(const rpc::Json&)> send, std::ostream& log)
    : send_(std::move(send)), log_(log), analyzer_([this](const std::string& path) {
        // Files open in the editor are read from their buffers.
        for (const auto& [uri, open] : open_)
          if (open.document.path == path) return std::optional<std::string>(open.document.text);
        return std::optional<std::string>();
      }) {}

void Server::handle(std::string_view body) {
  auto parsed = rpc::parseMessage(body);
  if (auto* error = std::get_if<rpc::MessageError>(&parsed)) {
    log_ << "edict lsp: " << error->message << '\n';
    // JSON-RPC answers a message it cannot read with an error whose id is
    // null, unless the id was readable.
    send_(rpc::errorResponse(error->id, error->code, error->message));
    return;
  }
  dispatch(std::get<rpc::Message>(parsed));
}

void Server::dispatch(const rpc::Message& message) {
  if (message.method.empty()) return;  // a response to nothing we asked
  if (!message.id) {
    try {
      notify(message.method, message.params);
    } catch (const std::exception& e) {
      log_ << "edict lsp: " << message.method << ": " << e.what() << '\n';
    }
    return;
  }
  const Json& id = *message.id;
  try {
    if (!initialized_ && message.method != "initialize") {
      send_(rpc::errorResponse(id, rpc::ErrorCode::ServerNotInitialized,
                               "the server is not initialized yet"));
      return;
    }
    if (shutdown_) {
      send_(rpc::errorResponse(id, rpc::ErrorCode::InvalidRequest,
                               "the server is shut down; only `exit` is accepted"));
      return;
    }
    send_(rpc::response(id, request(message.method, message.params)));
  } catch (const RequestError& e) {
    send_(rpc::errorResponse(id, e.code, e.what()));
  } catch (const Json::exception& e) {
    send_(rpc::errorResponse(id, rpc::ErrorCode::InvalidParams,
                             message.method + ": the parameters do not fit: " + e.what()));
  } catch (const std::exception& e) {
    send_(rpc::errorResponse(id, rpc::ErrorCode::InternalError, message.method + ": " + e.what()));
  }
}

rpc::Json Server::request(const std::string& method, const Json& params) {
  if (method == "initialize") return initialize(params);
  if (method == "shutdown") {
    shutdown_ = true;
    return nullptr;
  }
  if (method == "textDocument/hover") {
    Open& open = document(params);
    return hover(view(open), open.document, requestPosition(params));
  }
  if (method == "textDocument/definition") {
    Open& open = document(params);
    return definition(view(open), open.document, requestPosition(params));
  }
  if (method == "textDocument/completion") {
    Open& open = document(params);
    return completion(view(open), open.document, requestPosition(params));
  }
  if (method == "textDocument/formatting") return formatting(document(params).document);
  if (method == "textDocument/codeAction") {
    Open& open = document(params);
    return codeActions(analysed(open), open.document, rangeFrom(params.at("range")));
  }
  if (method == "textDocument/documentSymbol") {
    Open& open = document(params);
    return documentSymbols(view(open), open.document);
  }
  throw RequestError{rpc::ErrorCode::MethodNotFound, "no method `" + method + "`"};
}

void Server::notify(const std::string& method, const Json& params) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_ || shutdown_) return;  // notifications before initialize are dropped
  if (method == "textDocument/didOpen") return didOpen(params);
  if (method == "textDocument/didChange") return didChange(params);
  if (method == "textDocument/didClose") return didClose(params);
  if (method == "textDocument/didSave" || method == "workspace/didChangeWatchedFiles")
    return filesChanged();
  // `initialized`, `$/cancelRequest`, `$/setTrace` and others need nothing.
}

rpc::Json Server::initialize(const Json& params) {
  if (initialized_) throw RequestError{rpc::ErrorCode::InvalidRequest, "initialized already"};
  (void)params;
  initialized_ = true;
  return Json{
      {"capabilities",
       {
           {"positionEncoding", "utf-16"},
           {"textDocumentSync",
            {{"openClose", true},
             {"change", kSyncIncremental},
             {"save", {{"includeText", false}}}}},
           {"hoverProvider", true},
           {"definitionProvider", true},
           {"completionProvider", {{"triggerCharacters", Json::array({" "})}}},
           {"documentFormattingProvider", true},
           {"codeActionProvider", {{"codeActionKinds", Json::array({"quickfix"})}}},
           {"documentSymbolProvider", true},
       }},
      {"serverInfo", {{"name", "edict"}, {"version", kEdictVersion}}},
  };
}

void Server::didOpen(const Json& params) {
  const Json& item = params.at("textDocument");
  Open open;
  open.document.uri = item.at("uri").get<std::string>();
  const std::optional<std::string> path = pathOfUri(open.document.uri);
  if (!path) {
    log_ << "edict lsp: `" << open.document.uri << "` is not a file: URI; not analysed\n";
    return;
  }
  open.document.path = *path;
  open.document.version = item.at("version").get<std::int64_t>();
  open.document.text = item.at("text").get<std::string>();
  const std::string uri = open.document.uri;
  open_[uri] = std::move(open);
  touched(*path);
}

void Server::didChange(const Json& params) {
  Open& open = document(params);
  for (const Json& change : params.at("contentChanges")) {
    const std::string& text = change.at("text").get_ref<const std::string&>();
    if (change.contains("range"))
      applyEdit(open.document.text, rangeFrom(change.at("range")), text);
    else
      open.document.text = text;
  }
  open.document.version = params.at("textDocument").at("version").get<std::int64_t>();
  touched(open.document.path);
}

void Server::didClose(const Json& params) {
  const std::string uri = documentUri(params);
  auto found = open_.find(uri);
  if (found == open_.end()) return;
  const std::string path = found->second.document.path;
  open_.erase(found);
  // The closed document's diagnostics go; those that read it read the disk now.
  send_(rpc::notification("textDocument/publishDiagnostics",
                          Json{{"uri", uri}, {"diagnostics", Json::array()}}));
  touched(path);
}

void Server::filesChanged() {
  // A file on disk (an extended ruleset, a table) may have changed: the
  // table cache sees that by the file's stamp; the analyses are redone.
  for (auto& [uri, open] : open_) open.stale = open.unpublished = true;
}

Server::Open& Server::document(const Json& params) {
  const std::string uri = documentUri(params);
  auto found = open_.find(uri);
  if (found == open_.end())
    throw RequestError{rpc::ErrorCode::InvalidParams, "`" + uri + "` is not open"};
  return found->second;
}

const Analysis& Server::analysed(Open& open) {
  if (open.stale || !open.current) {
    open.current = std::make_shared<const Analysis>(
        analyzer_.analyze(open.document.path, open.document.text, open.document.version));
    if (open.current->parsed) open.parsed = open.current;
    open.stale = false;
  }
  return *open.current;
}

const Analysis& Server::view(Open& open) {
  const Analysis& current = analysed(open);
  if (current.parsed || !open.parsed) return current;
  return *open.parsed;
}

void Server::touched(const std::string& path) {
  for (auto& [uri, open] : open_)
    if (open.document.path == path || !open.current || open.current->sources.count(path) > 0)
      open.stale = open.unpublished = true;
}

void Server::publish(Open& open) {
  send_(rpc::notification("textDocument/publishDiagnostics",
                          publishDiagnosticsParams(analysed(open), open.document)));
  open.unpublished = false;
}

void Server::idle() {
  for (auto& [uri, open] : open_) {
    if (!open.unpublished) continue;
    try {
      publish(open);
    } catch (const std::exception& e) {
      log_ << "edict lsp: diagnostics of `" << uri << "`: " << e.what() << '\n';
      open.unpublished = false;
    }
  }
}

}  // namespace edict::lsp
