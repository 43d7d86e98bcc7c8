#include "frontend/diag/render.h"

#include <fmt/format.h>

#include "core/text/json_text.h"

namespace edict::diag {

namespace {

/// Byte offset of 1-based code-point column `column` in `line`.
std::size_t byteOffsetOfColumn(std::string_view line, std::uint32_t column) {
  std::size_t offset = 0;
  for (std::uint32_t c = 1; c < column && offset < line.size(); ++c) {
    ++offset;
    while (offset < line.size() && (static_cast<unsigned char>(line[offset]) & 0xC0) == 0x80)
      ++offset;
  }
  return offset;
}

std::string_view severityName(Kind kind) {
  return severityOf(kind) == Severity::Error ? "error" : "warning";
}

}  // namespace

std::string renderText(const Diagnostic& d, const source::SourceFile* file) {
  std::string out;
  if (d.span.line > 0)
    out = fmt::format("{}:{}:{}: ", d.file, d.span.line, d.span.column);
  else
    out = fmt::format("{}: ", d.file);
  out += fmt::format("{}[{}]: {}\n", severityName(d.kind), codeOf(d.kind), d.message);

  // The "line" of a file that is not text can be megabytes of binary with
  // control characters that would drive the terminal: the position says enough.
  const bool excerpt = d.kind != Kind::NotText;
  if (excerpt && file != nullptr && d.span.line > 0 && d.span.line <= file->lineCount()) {
    const std::string_view text = file->lineText(d.span.line);
    const std::string number = std::to_string(d.span.line);
    const std::string gutter(number.size(), ' ');
    // Tabs before the caret are kept so the caret stays under the span.
    std::string pad;
    const std::size_t caretAt = byteOffsetOfColumn(text, d.span.column);
    for (std::size_t i = 0; i < caretAt && i < text.size(); ++i) {
      const auto ch = static_cast<unsigned char>(text[i]);
      if ((ch & 0xC0) == 0x80) continue;
      pad.push_back(ch == '\t' ? '\t' : ' ');
    }
    out += fmt::format(" {} | {}\n", number, text);
    out += fmt::format(" {} | {}{}\n", gutter, pad,
                       std::string(std::max<std::uint32_t>(1, d.span.length), '^'));
  }
  if (d.help) out += fmt::format("help: {}\n", *d.help);
  return out;
}

std::string renderJson(const std::vector<Diagnostic>& diagnostics) {
  std::string out = "[";
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const Diagnostic& d = diagnostics[i];
    if (i > 0) out += ",";
    out += "\n  {\"code\":";
    text::appendJsonString(out, codeOf(d.kind));
    out += ",\"severity\":";
    text::appendJsonString(out, severityName(d.kind));
    out += ",\"file\":";
    text::appendJsonString(out, d.file);
    out += fmt::format(",\"line\":{},\"column\":{},\"length\":{},\"message\":", d.span.line,
                       d.span.column, d.span.length);
    text::appendJsonString(out, d.message);
    if (d.help) {
      out += ",\"help\":";
      text::appendJsonString(out, *d.help);
    }
    out += "}";
  }
  out += diagnostics.empty() ? "]\n" : "\n]\n";
  return out;
}

std::string renderSarif(const std::vector<Diagnostic>& diagnostics, std::string_view toolVersion) {
  std::string out = "{\"version\":\"2.1.0\",";
  out += "\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",";
  out += "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"edict\",\"version\":";
  text::appendJsonString(out, toolVersion);
  out += ",\"rules\":[";
  bool first = true;
#define EDICT_DIAG(code, name, severity, summary)                                        \
  out += first ? "" : ",";                                                               \
  first = false;                                                                         \
  out += "{\"id\":\"" #code "\",\"name\":\"" #name "\",\"shortDescription\":{\"text\":"; \
  text::appendJsonString(out, summary);                                                  \
  out += "}}";
#include "frontend/diag/kinds.def"
#undef EDICT_DIAG
  out += "]}},\"results\":[";
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const Diagnostic& d = diagnostics[i];
    if (i > 0) out += ",";
    out += "{\"ruleId\":";
    text::appendJsonString(out, codeOf(d.kind));
    out += ",\"level\":";
    text::appendJsonString(out, severityOf(d.kind) == Severity::Error ? "error" : "warning");
    std::string text = d.message;
    if (d.help) text += " (help: " + *d.help + ")";
    out += ",\"message\":{\"text\":";
    text::appendJsonString(out, text);
    out += "},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":";
    text::appendJsonString(out, d.file);
    out += "}";
    if (d.span.line > 0)
      out += fmt::format(",\"region\":{{\"startLine\":{},\"startColumn\":{},\"endColumn\":{}}}",
                         d.span.line, d.span.column, d.span.column + d.span.length);
    out += "}}]}";
  }
  out += "]}]}\n";
  return out;
}

}  // namespace edict::diag
