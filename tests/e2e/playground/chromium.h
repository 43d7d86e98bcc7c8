// Headless Chromium, Debian's /usr/bin/chromium, driven over the Chrome
// DevTools Protocol without npm: the browser is started with
// `--remote-debugging-pipe` and reads commands on its fd 3 and writes
// answers and events on its fd 4, one JSON message each, ended by a NUL
// byte. The test attaches to the page's target (flat sessions) and types,
// clicks and reads the DOM through it as a user's browser would be driven.
//
// Every wait is bounded; the browser runs in a process group of its own
// with a throwaway profile directory, and is killed with its renderers
// when this object goes, however the test ends (and when the test process
// dies, by the parent-death signal).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace edict::testing {

using Json = nlohmann::json;

/// One headless browser showing one page.
class Chromium {
 public:
  /// Starts Chromium on `url` with its profile in `profile` (a directory
  /// of the test's), at `width` x `height` CSS pixels, and attaches to the
  /// page; throws std::runtime_error when it cannot.
  Chromium(const std::string& url, const std::filesystem::path& profile, int width, int height);
  ~Chromium();
  Chromium(const Chromium&) = delete;
  Chromium& operator=(const Chromium&) = delete;

  /// Sends `method` with `params` to the page and returns its result;
  /// throws std::runtime_error with the protocol's error, or after
  /// `timeout`.
  Json call(const std::string& method, const Json& params = Json::object(),
            std::chrono::milliseconds timeout = std::chrono::seconds(15));

  /// The value of the JavaScript `expression` in the page (awaited when it
  /// is a promise); throws when it throws.
  Json evaluate(const std::string& expression);

  /// Evaluates `expression` until it is true (an expression that throws,
  /// as it does before the page has loaded, is not), at most `timeout`;
  /// false then. Polls every 20 ms: the page's answers come when they come.
  bool waitFor(const std::string& expression, std::chrono::milliseconds timeout);

  /// Presses and releases the key `key` (as KeyboardEvent.key names it):
  /// a character is typed into the focused element as from a keyboard.
  void press(const std::string& key);
  /// Types `text`, a character at a time, with press().
  void type(const std::string& text);
  /// Clicks the left mouse button at the centre of the first element that
  /// `selector` matches, after scrolling it into view.
  void click(const std::string& selector);
  /// Writes a PNG of the page as it is shown to `path`.
  void screenshot(const std::filesystem::path& path);

  /// What the browser wrote on its standard error (its own log).
  [[nodiscard]] std::string log() const;

 private:
  Json send(const std::string& method, const Json& params, bool toPage,
            std::chrono::milliseconds timeout);
  /// The next message, or false after `deadline`.
  bool receive(Json& message, std::chrono::steady_clock::time_point deadline);

  pid_t pid_ = -1;
  int commands_ = -1;  // our end of the browser's fd 3
  int answers_ = -1;   // our end of the browser's fd 4
  std::filesystem::path logPath_;
  std::string pending_;
  std::string session_;
  long nextId_ = 1;
};

}  // namespace edict::testing
