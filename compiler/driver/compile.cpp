#include "driver/compile.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "check/checker.h"
#include "lower/lower_to_ir.h"
#include "parse/parser.h"

namespace edict::driver {

Compilation compileText(std::string path, std::string text, diag::DiagnosticSink& sink) {
  Compilation result;
  result.file = std::make_shared<source::SourceFile>(std::move(path), std::move(text));
  auto ast = parse::parseRuleset(*result.file, sink);
  if (!ast) return result;
  auto checked = check::checkRuleset(*ast, sink);
  if (!checked) return result;
  result.program = lower::lowerToIr(*checked);
  return result;
}

Compilation compileFile(const std::string& path, diag::DiagnosticSink& sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    sink.report({diag::Kind::CannotRead, path, {},
                 fmt::format("cannot open the file: {}", std::strerror(errno)), std::nullopt});
    return {};
  }
  // Read one byte past the limit so the parser can say the file is too large.
  std::string buffer(parse::kMaxSourceBytes + 1, '\0');
  in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  buffer.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    sink.report({diag::Kind::CannotRead, path, {}, "the file cannot be read", std::nullopt});
    return {};
  }
  return compileText(path, std::move(buffer), sink);
}

}  // namespace edict::driver
