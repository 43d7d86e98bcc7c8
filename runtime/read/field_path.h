// The name of a claim field in reject messages (`lines[2].code`,
// `SV101-2 (lines[0].code)`, `item[0].servicedDate`), assembled only when a
// message needs it: reading a valid claim builds no path strings, which
// would otherwise cost the readers a third of their time.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace edict::read {

/// A path that points into text that outlives it: literals, strings of the
/// caller, or a parent path on the caller's stack. Pass it down, do not keep it.
class FieldPath {
 public:
  FieldPath(const char* text) : text_(text) {}         // NOLINT: implicit on purpose
  FieldPath(std::string_view text) : text_(text) {}    // NOLINT
  FieldPath(const std::string& text) : text_(text) {}  // NOLINT
  /// `parent` then `name`: `lines[0]` + `.code`.
  FieldPath(const FieldPath& parent, std::string_view name) : parent_(&parent), text_(name) {}
  /// `parent`, `name`, then `[index]`: `` + `lines` + `[0]`.
  FieldPath(const FieldPath& parent, std::string_view name, std::size_t index)
      : parent_(&parent), text_(name), index_(index) {}

  /// A path made by `build()` (any callable returning std::string) when, and
  /// only when, a message needs it. `build` must outlive the path.
  template <typename Build>
  static FieldPath lazy(const Build& build) {
    FieldPath path{std::string_view{}};
    path.context_ = &build;
    path.build_ = [](const void* context) { return (*static_cast<const Build*>(context))(); };
    return path;
  }

  [[nodiscard]] std::string str() const {
    if (build_) return build_(context_);
    std::string out = parent_ ? parent_->str() : std::string();
    out += text_;
    if (index_ != kNoIndex) {
      out.push_back('[');
      out += std::to_string(index_);
      out.push_back(']');
    }
    return out;
  }

 private:
  static constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);
  const FieldPath* parent_ = nullptr;
  std::string_view text_;
  std::size_t index_ = kNoIndex;
  const void* context_ = nullptr;
  std::string (*build_)(const void*) = nullptr;
};

}  // namespace edict::read
