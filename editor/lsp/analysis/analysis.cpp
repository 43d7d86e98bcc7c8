#include "editor/lsp/analysis/analysis.h"

namespace edict::lsp {

const FileOutline* Analysis::outline(const std::string& file) const {
  auto found = files.find(file);
  return found == files.end() ? nullptr : &found->second;
}

const OutlineEntry* Analysis::statementAt(const std::string& file, std::uint32_t line) const {
  const FileOutline* o = outline(file);
  if (o == nullptr) return nullptr;
  for (const OutlineEntry& e : o->entries)
    if (e.firstLine <= line && line <= e.lastLine) return &e;
  return nullptr;
}

const std::vector<RuleInfo>* Analysis::rule(const std::string& id) const {
  auto found = rules.find(id);
  return found == rules.end() ? nullptr : &found->second;
}

const RuleInfo* Analysis::ruleAt(const std::string& file, const source::Span& start) const {
  const OutlineEntry* e = statementAt(file, start.line);
  if (e == nullptr) return nullptr;
  for (const std::string& id : e->ids)
    if (const auto* definitions = rule(id))
      for (const RuleInfo& r : *definitions)
        if (r.file == file && r.start.line == e->start.line && r.start.column == e->start.column)
          return &r;
  return nullptr;
}

}  // namespace edict::lsp
