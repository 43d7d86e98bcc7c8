// The typed AST of one ruleset file, built from the parse tree by
// parse/transform_*.cpp. The parse tree never leaves compiler/parse; every
// later phase sees only these types. Values stay as written (words with
// spans): the checker decides whether a word is a code, a modifier or a name.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "source/source_file.h"

namespace edict::ast {

/// A word of source text (a code, modifier, number, name or date) and where it is.
struct Word {
  std::string text;
  source::Span span;
};

/// `modifiers NAME = ITEM...`; each item is a modifier or a set name.
struct ModifierSetDecl {
  Word name;
  std::vector<Word> items;
};

/// NCCI modifier indicator: 0 never bypassed, 1 bypassed by a modifier, 9 not applicable.
enum class Indicator { NotAllowed = 0, Allowed = 1, NotApplicable = 9 };

/// The indicator as written: a keyword form, or `indicator N` to be checked.
struct IndicatorSpec {
  std::optional<Indicator> value;
  /// The number of `indicator N`; empty for the keyword forms.
  std::optional<Word> number;
  source::Span span;
};

/// `pair COLUMN1 COLUMN2 INDICATOR ["rationale"] since DATE [until DATE] ...`
struct PairDecl {
  Word column1;
  Word column2;
  IndicatorSpec indicator;
  std::optional<std::string> rationale;
  std::optional<Word> since;
  std::optional<Word> until;
  /// `bypass M... end`: the modifiers that bypass this pair (default: NCCI's).
  std::optional<std::vector<Word>> bypass;
  std::optional<Word> reason;
  std::optional<Word> id;
  /// The `pair` keyword: where the statement starts.
  source::Span span;
};

/// One top-level statement.
using Statement = std::variant<ModifierSetDecl, PairDecl>;

/// `ruleset NAME ["title"] [version "V"] [effective DATE [until DATE]]`
struct Header {
  Word name;
  std::optional<std::string> title;
  std::optional<std::string> version;
  std::optional<Word> effectiveFrom;
  std::optional<Word> effectiveUntil;
};

/// A whole ruleset file.
struct Ruleset {
  std::string file;
  Header header;
  std::vector<Statement> statements;
};

}  // namespace edict::ast
