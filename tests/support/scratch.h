// What tests that touch the file system and run commands share: a directory
// of the test's own, removed at its end, a command's standard output, and a
// file's text.
#pragma once

#include <filesystem>
#include <string>

namespace edict::testing {

/// A fresh directory under the system's temporary directory, unique to the
/// process and the object, removed with everything in it when it goes.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& purpose);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  /// Writes `text` to the file `name` in the directory (bytes as given).
  void write(const std::string& name, const std::string& text) const;

 private:
  std::filesystem::path path_;
};

/// The standard output of the shell command `command`.
std::string commandOutput(const std::string& command);

/// The bytes of the file at `path` (empty when it cannot be read).
std::string fileText(const std::filesystem::path& path);

}  // namespace edict::testing
