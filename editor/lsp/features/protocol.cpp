#include "editor/lsp/features/protocol.h"

#include "editor/lsp/document/uri.h"

namespace edict::lsp {

Json toJson(const Position& position) {
  return Json{{"line", position.line}, {"character", position.character}};
}

Json toJson(const Range& range) {
  return Json{{"start", toJson(range.start)}, {"end", toJson(range.end)}};
}

Json location(const std::string& uri, const Range& range) {
  return Json{{"uri", uri}, {"range", toJson(range)}};
}

Json locationOf(const std::string& path, std::string_view text, const source::Span& span) {
  return location(uriOfPath(path), LineIndex(text).rangeOf(span));
}

Position positionFrom(const Json& json) {
  return Position{json.at("line").get<std::uint32_t>(), json.at("character").get<std::uint32_t>()};
}

Range rangeFrom(const Json& json) {
  return Range{positionFrom(json.at("start")), positionFrom(json.at("end"))};
}

std::string documentUri(const Json& params) {
  return params.at("textDocument").at("uri").get<std::string>();
}

Position requestPosition(const Json& params) {
  return positionFrom(params.at("position"));
}

Json hoverResult(std::string markdown, const Range& range) {
  return Json{{"contents", {{"kind", "markdown"}, {"value", std::move(markdown)}}},
              {"range", toJson(range)}};
}

}  // namespace edict::lsp
