#include "check/check_context.h"

#include <fmt/format.h>

#include <algorithm>

#include "check/ncci_modifiers.h"
#include "check/suggest.h"

namespace edict::check {

namespace {

bool looksLikeName(const std::string& text) {
  return !text.empty() && ((text[0] >= 'a' && text[0] <= 'z') || text[0] == '_');
}

std::string toUpper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](char ch) { return ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 32) : ch; });
  return text;
}

}  // namespace

void CheckContext::report(diag::Kind kind, const source::Span& span, std::string message,
                          std::optional<std::string> help) {
  sink_.report(diag::Diagnostic{kind, file_, span, std::move(message), std::move(help)});
}

std::optional<model::Code> CheckContext::code(const ast::Word& word) {
  if (auto c = model::Code::parse(word.text)) return c;
  std::optional<std::string> help;
  if (word.text.size() == 5) {
    const std::string upper = toUpper(word.text);
    if (model::Code::parse(upper)) help = fmt::format("write it in capitals: `{}`", upper);
  }
  report(diag::Kind::MalformedCode, word.span,
         fmt::format("`{}` is not a procedure code: {}", word.text,
                     model::Code::whyNotCode(word.text)),
         help);
  return std::nullopt;
}

std::optional<model::Date> CheckContext::date(const ast::Word& word) {
  if (auto d = model::Date::parseIso(word.text)) return d;
  report(diag::Kind::MalformedDate, word.span,
         fmt::format("`{}` is not a calendar date", word.text),
         "dates are written YYYY-MM-DD, with a month from 01 to 12 and a day that month has");
  return std::nullopt;
}

std::optional<std::vector<model::Modifier>> CheckContext::modifiers(
    const std::vector<ast::Word>& items) {
  std::vector<model::Modifier> out;
  bool ok = true;
  for (const ast::Word& item : items) {
    if (auto m = model::Modifier::parse(item.text)) {
      out.push_back(*m);
      continue;
    }
    if (looksLikeName(item.text)) {
      if (item.text == "ncci" || item.text == "anatomic") {
        const auto& builtin = item.text == "ncci" ? ncciAssociatedModifiers() : anatomicModifiers();
        out.insert(out.end(), builtin.begin(), builtin.end());
        continue;
      }
      auto found = modifierSets_.find(item.text);
      if (found != modifierSets_.end()) {
        out.insert(out.end(), found->second.begin(), found->second.end());
        continue;
      }
      std::vector<std::string> known = declarationOrder_;
      known.push_back("ncci");
      known.push_back("anatomic");
      std::optional<std::string> help;
      if (auto guess = closestMatch(item.text, known)) help = fmt::format("did you mean `{}`?", *guess);
      const std::string upper = toUpper(item.text);
      if (!help && model::Modifier::parse(upper))
        help = fmt::format("modifiers are written in capitals: `{}`", upper);
      report(diag::Kind::UnknownName, item.span,
             fmt::format("no modifier set is named `{}`", item.text), help);
    } else {
      report(diag::Kind::MalformedModifier, item.span,
             fmt::format("`{}` is not a modifier: modifiers are two digits or capital letters",
                         item.text),
             std::nullopt);
    }
    ok = false;
  }
  if (!ok) return std::nullopt;
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void CheckContext::declareModifierSet(const ast::Word& name, std::vector<model::Modifier> members) {
  if (name.text == "ncci" || name.text == "anatomic" || modifierSets_.count(name.text) > 0) {
    report(diag::Kind::DuplicateName, name.span,
           fmt::format("a modifier set named `{}` already exists", name.text),
           "choose another name");
    return;
  }
  modifierSets_.emplace(name.text, std::move(members));
  declarationOrder_.push_back(name.text);
}

std::vector<ModifierSetValue> CheckContext::declaredSets() const {
  std::vector<ModifierSetValue> out;
  for (const std::string& name : declarationOrder_)
    out.push_back(ModifierSetValue{name, modifierSets_.at(name)});
  return out;
}

}  // namespace edict::check
