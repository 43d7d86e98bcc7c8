// Runs the front end for the language server: parse and check one document
// (no lowering), reading the files it extends or includes from the editor's
// buffers when they are open, and keeping the tables it reads across runs
// (frontend/check/table_cache.h) so that a keystroke does not read an
// NCCI-scale table again. Each run gives an Analysis.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "editor/lsp/analysis/analysis.h"
#include "frontend/check/table_cache.h"

namespace edict::lsp {

/// The text of an open document by its path, or nullopt to read the disk.
using Overlay = std::function<std::optional<std::string>(const std::string& path)>;

/// Analyses documents; one per server, as it owns the table cache.
class Analyzer {
 public:
  explicit Analyzer(Overlay overlay) : overlay_(std::move(overlay)) {}

  /// Parses and checks `text` as the file `path`, version `version`.
  [[nodiscard]] Analysis analyze(const std::string& path, std::string text, std::int64_t version);

  [[nodiscard]] const check::TableCache& tables() const { return tables_; }

 private:
  Overlay overlay_;
  check::TableCache tables_;
};

}  // namespace edict::lsp
