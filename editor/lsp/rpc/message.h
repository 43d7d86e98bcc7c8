// JSON-RPC 2.0 messages as the Language Server Protocol uses them: requests
// (a method, an id, params), notifications (no id) and responses. JSON is
// nlohmann::json (Debian's nlohmann-json3-dev; docs/dependencies.md).
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace edict::lsp::rpc {

using Json = nlohmann::json;

/// Error codes of JSON-RPC and of the LSP.
enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  RequestFailed = -32803,
};

/// A request or notification from the client (responses to the server's
/// own requests are read as messages with no method).
struct Message {
  std::string method;
  /// Present for a request; a number or a string.
  std::optional<Json> id;
  /// `params`, or null.
  Json params;
};

/// A message body that is not a JSON-RPC message, and the error to answer.
struct MessageError {
  ErrorCode code;
  std::string message;
  /// The id, when the body had a usable one.
  Json id;
};

/// Parses one message body. Never throws: malformed JSON, a body that is not
/// an object, or fields of the wrong type give a MessageError.
std::variant<Message, MessageError> parseMessage(std::string_view body);

/// `{"jsonrpc":"2.0","id":ID,"result":RESULT}`
Json response(const Json& id, Json result);
/// `{"jsonrpc":"2.0","id":ID,"error":{"code":C,"message":M}}`
Json errorResponse(const Json& id, ErrorCode code, std::string message);
/// `{"jsonrpc":"2.0","method":M,"params":P}`
Json notification(std::string method, Json params);

/// The JSON text of a message, with invalid UTF-8 replaced so that it can
/// always be written.
std::string serialize(const Json& message);

}  // namespace edict::lsp::rpc
