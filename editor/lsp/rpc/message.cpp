#include "editor/lsp/rpc/message.h"

namespace edict::lsp::rpc {

std::variant<Message, MessageError> parseMessage(std::string_view body) {
  Json json = Json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded())
    return MessageError{ErrorCode::ParseError, "the message is not JSON", nullptr};
  if (!json.is_object())
    return MessageError{ErrorCode::InvalidRequest, "the message is not a JSON object", nullptr};
  Message message;
  if (auto id = json.find("id"); id != json.end()) {
    if (!id->is_number_integer() && !id->is_string() && !id->is_null())
      return MessageError{ErrorCode::InvalidRequest, "`id` must be a number or a string", nullptr};
    if (!id->is_null()) message.id = *id;
  }
  auto method = json.find("method");
  if (method == json.end()) {
    // A response to a request of the server's: nothing asks for one.
    if (json.contains("result") || json.contains("error")) return message;
    return MessageError{ErrorCode::InvalidRequest, "the message has no `method`",
                        message.id.value_or(nullptr)};
  }
  if (!method->is_string())
    return MessageError{ErrorCode::InvalidRequest, "`method` must be a string",
                        message.id.value_or(nullptr)};
  message.method = method->get<std::string>();
  if (auto params = json.find("params"); params != json.end()) {
    // `null` is taken as no params: some clients send it with `shutdown`.
    if (!params->is_object() && !params->is_array() && !params->is_null())
      return MessageError{ErrorCode::InvalidRequest, "`params` must be an object or an array",
                          message.id.value_or(nullptr)};
    message.params = std::move(*params);
  }
  return message;
}

Json response(const Json& id, Json result) {
  return Json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

Json errorResponse(const Json& id, ErrorCode code, std::string message) {
  return Json{{"jsonrpc", "2.0"},
              {"id", id},
              {"error", {{"code", static_cast<int>(code)}, {"message", std::move(message)}}}};
}

Json notification(std::string method, Json params) {
  return Json{{"jsonrpc", "2.0"}, {"method", std::move(method)}, {"params", std::move(params)}};
}

std::string serialize(const Json& message) {
  return message.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace edict::lsp::rpc
