// Edit messages that quote claim values: a rule's message template such as
// "97110 billed {line.units} units" is filled in when the edit fires.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/claim.h"

namespace edict::text {

/// The placeholders a message template may use, for the checker and docs.
const std::vector<std::string_view>& messagePlaceholders();

/// A placeholder as written: `{line.units}`, or `{line.units units}` for a
/// number with the noun it counts (`1 unit`, `2 units`).
struct Placeholder {
  std::string name;
  /// The noun after the name, in the plural; empty when none is written.
  std::string noun;
};

/// The placeholders in `text` (without braces), in order of appearance; an
/// unclosed `{` yields its remaining text so the checker can report it.
std::vector<Placeholder> placeholdersIn(std::string_view text);

/// Whether the placeholder `name` quotes a number, which may name what it counts.
bool quotesNumber(std::string_view name);

/// What a message can quote.
struct MessageContext {
  const model::Claim& claim;
  /// The line the edit is about; null for claim-level edits.
  const model::Line* line = nullptr;
  std::uint32_t position = 0;
  std::optional<std::int64_t> allowedUnits;
  /// `units ... by` rules: the day's timed minutes and units (engine::timingSummary).
  std::string_view timing;
};

/// A message template split once into literal text and placeholders, so
/// that filling it in at each edit is appends, not parsing.
class MessageTemplate {
 public:
  MessageTemplate() = default;
  /// Parses `text`: `{{` and `}}` stand for braces, `{name}` is a
  /// placeholder (an unknown name renders as nothing), `{name noun}` a
  /// number followed by its noun, singular for one; an unclosed `{` is
  /// literal text.
  explicit MessageTemplate(std::string_view text);

  /// The message for `context`.
  [[nodiscard]] std::string render(const MessageContext& context) const;

 private:
  /// A run of literal text (`text`), or the placeholder `field` names and
  /// the noun (`text`, in the plural) written after it.
  struct Part {
    std::uint8_t field;
    std::string text;
  };
  std::vector<Part> parts_;
  /// What render() reserves: the characters of the literal parts, and
  /// kFieldGuess for each placeholder (codes, numbers and dates are shorter).
  static constexpr std::size_t kFieldGuess = 12;
  std::size_t literalSize_ = 0;
  std::size_t fieldCount_ = 0;
};

/// Fills in every `{placeholder}` of `text`; `{{` and `}}` stand for braces.
std::string renderMessage(std::string_view text, const MessageContext& context);

}  // namespace edict::text
