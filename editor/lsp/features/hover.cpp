#include "editor/lsp/features/hover.h"

#include <fmt/format.h>

#include <filesystem>

#include "core/model/ncci_modifiers.h"
#include "editor/lsp/features/lookup.h"
#include "editor/lsp/features/protocol.h"

namespace edict::lsp {

namespace {

/// `file:line`, the file relative to the document's directory.
std::string placeOf(const std::string& document, const std::string& file, std::uint32_t line) {
  const auto dir = std::filesystem::path(document).parent_path();
  std::string shown = std::filesystem::path(file).lexically_relative(dir).string();
  if (shown.empty()) shown = file;
  return fmt::format("{}:{}", shown, line);
}

std::string fenced(const std::string& text) {
  return text.empty() ? std::string() : fmt::format("\n\n```edict\n{}\n```", text);
}

/// What a set of `kind` is called, and what its members are, by their count.
std::pair<const char*, const char*> setNouns(OutlineEntry::Kind kind, std::size_t count) {
  const bool one = count == 1;
  switch (kind) {
    case OutlineEntry::Kind::ModifierSet: return {"modifier", one ? "modifier" : "modifiers"};
    case OutlineEntry::Kind::PlaceSet:
      return {"place of service", one ? "place of service" : "places of service"};
    case OutlineEntry::Kind::DiagnosisSet:
      return {"diagnosis", one ? "diagnosis or pattern" : "diagnoses and patterns"};
    default: return {"code", one ? "code or range" : "codes and ranges"};
  }
}

std::string setHover(const std::string& document, const SetInfo& set) {
  const auto [what, members] = setNouns(set.kind, set.count);
  return fmt::format("**{} set `{}`** ({})\n\n{} {}: `{}`{}", what, set.name,
                     placeOf(document, set.file, set.nameSpan.line), set.count, members,
                     set.members, fenced(set.text));
}

std::string builtinHover(const std::string& name) {
  const auto& members =
      name == "ncci" ? model::ncciAssociatedModifiers() : model::anatomicModifiers();
  std::string list;
  for (model::Modifier m : members) {
    if (!list.empty()) list += ' ';
    list += m.text();
  }
  return fmt::format("**modifier set `{}`** (built in: {})\n\n{} modifiers: `{}`", name,
                     name == "ncci" ? "the NCCI-associated modifiers"
                                    : "the anatomic modifiers, which bypass a pair only when "
                                      "the two lines name different sites",
                     members.size(), list);
}

std::string ruleHover(const std::string& document, const std::vector<RuleInfo>& definitions,
                      const RuleInfo* here) {
  // The definition in force is the last; the cursor's own may be earlier
  // (an overridden base rule, seen from the base file).
  const RuleInfo& shown = here != nullptr ? *here : definitions.back();
  std::string text = fmt::format("**{} `{}`** ({})\n\n{}{}", keywordOf(shown.kind), shown.id,
                                 placeOf(document, shown.file, shown.start.line), shown.summary,
                                 fenced(shown.text));
  for (std::size_t i = 0; i < definitions.size(); ++i) {
    if (&definitions[i] != &shown) continue;
    if (i > 0)
      text += fmt::format("\n\n---\noverrides the rule of {}:\n\n{}",
                          placeOf(document, definitions[i - 1].file, definitions[i - 1].start.line),
                          definitions[i - 1].summary);
    if (i + 1 < definitions.size())
      text += fmt::format("\n\n---\noverridden by {}", placeOf(document, definitions[i + 1].file,
                                                               definitions[i + 1].start.line));
  }
  return text;
}

}  // namespace

rpc::Json hover(const Analysis& analysis, const Document& document, Position position) {
  const LineIndex lines(document.text);
  const Cursor cursor = cursorAt(lines, position);
  const Referent r = referentAt(analysis, document.path, cursor);
  std::string markdown;
  switch (r.kind) {
    case Referent::Kind::None: return nullptr;
    case Referent::Kind::Set: markdown = setHover(document.path, *r.set); break;
    case Referent::Kind::BuiltinSet: markdown = builtinHover(r.name); break;
    case Referent::Kind::Rule: markdown = ruleHover(document.path, *r.definitions, r.here); break;
    case Referent::Kind::RulesetFile:
      markdown = fmt::format("**ruleset file** `{}`", r.path);
      break;
    case Referent::Kind::Table:
      markdown = r.here != nullptr
                     ? fmt::format("**table `{}`**\n\n{}", r.here->id, r.here->summary)
                     : fmt::format("**table** `{}` (not read: see the diagnostics)", r.path);
      break;
  }
  return hoverResult(std::move(markdown), cursor.tokenRange);
}

}  // namespace edict::lsp
