#include "frontend/driver/compile.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "frontend/check/checker.h"
#include "frontend/lower/lower_to_ir.h"
#include "frontend/parse/parser.h"

namespace edict::driver {

namespace {

/// Compiles one file and, through the resolver, the files it layers on.
class Session {
 public:
  Session(Compilation& result, diag::DiagnosticSink& sink, const Inputs& inputs)
      : result_(result), sink_(sink), inputs_(inputs) {}

  std::optional<check::CheckedRuleset> checkText(const std::string& path, std::string text) {
    auto file = std::make_shared<source::SourceFile>(path, std::move(text));
    result_.files[path] = file;
    auto ast = parse::parseRuleset(*file, sink_);
    if (!ast) return std::nullopt;
    stack_.push_back(std::filesystem::weakly_canonical(path).string());
    const std::filesystem::path dir = std::filesystem::path(path).parent_path();
    auto resolver = [this, dir, path](
                        const ast::Word& name,
                        std::string_view why) -> std::optional<check::CheckedRuleset> {
      return resolve(path, (dir / name.text).lexically_normal().string(), name, why);
    };
    check::CheckedRuleset checked;
    const bool valid = check::checkRulesetInto(*ast, sink_, resolver, inputs_.tables, checked);
    stack_.pop_back();
    if (inputs_.checked) inputs_.checked(*file, *ast, checked);
    if (!valid) return std::nullopt;
    return checked;
  }

  std::optional<check::CheckedRuleset> checkFile(const std::string& path, const std::string& from,
                                                 source::Span where) {
    if (inputs_.overlay)
      if (std::optional<std::string> text = inputs_.overlay(path))
        return checkText(path, std::move(*text));
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      sink_.report({diag::Kind::CannotRead, from.empty() ? path : from, where,
                    fmt::format("cannot open `{}`: {}", path, std::strerror(errno)), std::nullopt});
      return std::nullopt;
    }
    // Read one byte past the limit so the parser can say the file is too large.
    std::string buffer(parse::kMaxSourceBytes + 1, '\0');
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    buffer.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) {
      sink_.report({diag::Kind::CannotRead, path, {}, "the file cannot be read", std::nullopt});
      return std::nullopt;
    }
    return checkText(path, std::move(buffer));
  }

 private:
  std::optional<check::CheckedRuleset> resolve(const std::string& from, const std::string& path,
                                               const ast::Word& name, std::string_view why) {
    const std::string canonical = std::filesystem::weakly_canonical(path).string();
    if (std::find(stack_.begin(), stack_.end(), canonical) != stack_.end()) {
      sink_.report(
          {diag::Kind::IncludeCycle, from, name.span,
           fmt::format("`{}` already {}s this file, directly or through others", name.text, why),
           std::string("rulesets may not extend or include each other in a circle")});
      return std::nullopt;
    }
    if (static_cast<int>(stack_.size()) >= kMaxLayerDepth) {
      sink_.report({diag::Kind::CannotLoad, from, name.span,
                    fmt::format("rulesets layered more than {} deep", kMaxLayerDepth),
                    std::nullopt});
      return std::nullopt;
    }
    const std::size_t errorsBefore = sink_.errorCount();
    auto checked = checkFile(path, from, name.span);
    // A file that could not be opened has said so already.
    if (!checked && sink_.errorCount() > errorsBefore && result_.files.count(path) > 0)
      sink_.report({diag::Kind::CannotLoad, from, name.span,
                    fmt::format("cannot {} `{}`: it has errors (above)", why, name.text),
                    std::nullopt});
    return checked;
  }

  Compilation& result_;
  diag::DiagnosticSink& sink_;
  const Inputs& inputs_;
  /// Canonical paths of the files being checked, outermost first.
  std::vector<std::string> stack_;
};

}  // namespace

const source::SourceFile* Compilation::file(const std::string& path) const {
  auto found = files.find(path);
  return found == files.end() ? nullptr : found->second.get();
}

Compilation compileText(std::string path, std::string text, diag::DiagnosticSink& sink) {
  return compileText(std::move(path), std::move(text), sink, Inputs{});
}

Compilation compileText(std::string path, std::string text, diag::DiagnosticSink& sink,
                        const Inputs& inputs) {
  Compilation result;
  Session session(result, sink, inputs);
  auto checked = session.checkText(path, std::move(text));
  if (checked && inputs.lower) result.program = lower::lowerToIr(*checked);
  sink.sortByPosition();
  return result;
}

Compilation compileFile(const std::string& path, diag::DiagnosticSink& sink) {
  Compilation result;
  const Inputs inputs;
  Session session(result, sink, inputs);
  auto checked = session.checkFile(path, "", {});
  if (checked) result.program = lower::lowerToIr(*checked);
  sink.sortByPosition();
  return result;
}

}  // namespace edict::driver
