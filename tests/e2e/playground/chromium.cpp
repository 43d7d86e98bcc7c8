#include "chromium.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace edict::testing {

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kChromium = "/usr/bin/chromium";

/// Bytes of a base64 text (the protocol's screenshots).
std::string fromBase64(const std::string& text) {
  std::string out;
  unsigned bits = 0;
  int count = 0;
  for (char c : text) {
    int value;
    if (c >= 'A' && c <= 'Z')
      value = c - 'A';
    else if (c >= 'a' && c <= 'z')
      value = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      value = c - '0' + 52;
    else if (c == '+')
      value = 62;
    else if (c == '/')
      value = 63;
    else
      continue;  // padding, line breaks
    bits = (bits << 6) | static_cast<unsigned>(value);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out.push_back(static_cast<char>((bits >> count) & 0xff));
    }
  }
  return out;
}

/// The protocol's description of the key `key` (KeyboardEvent.key).
Json keyEvent(const std::string& type, const std::string& key) {
  Json event{{"type", type}, {"key", key}};
  if (key == "Backspace") {
    event["code"] = "Backspace";
    event["windowsVirtualKeyCode"] = 8;
  } else if (key == "Enter") {
    event["code"] = "Enter";
    event["windowsVirtualKeyCode"] = 13;
    if (type == "keyDown") event["text"] = "\r";
  } else {
    // A character: its key code as a US keyboard gives it (letters and
    // digits; others have none the page needs).
    const char c = key[0];
    if (c >= 'a' && c <= 'z') {
      event["code"] = std::string("Key") + static_cast<char>(c - 'a' + 'A');
      event["windowsVirtualKeyCode"] = c - 'a' + 'A';
    } else if (c >= '0' && c <= '9') {
      event["code"] = std::string("Digit") + c;
      event["windowsVirtualKeyCode"] = static_cast<int>(c);
    }
    if (type == "keyDown") {
      event["text"] = key;
      event["unmodifiedText"] = key;
    }
  }
  return event;
}

}  // namespace

Chromium::Chromium(const std::string& url, const std::filesystem::path& profile, int width,
                   int height)
    : logPath_(profile / "chromium.log") {
  int commands[2];
  int answers[2];
  if (pipe2(commands, O_CLOEXEC) != 0 || pipe2(answers, O_CLOEXEC) != 0)
    throw std::runtime_error("cannot make the pipes to Chromium");
  std::vector<std::string> args{
      kChromium,
      "--headless",
      "--no-sandbox",  // root cannot have the sandbox (CI runs as root)
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
      "--hide-scrollbars",
      "--user-data-dir=" + profile.string(),
      "--window-size=" + std::to_string(width) + "," + std::to_string(height),
      "--remote-debugging-pipe",
      url};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("cannot fork");
  if (pid_ == 0) {
    // A process group of its own (its renderers too), killed with us.
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    // Moved above 4 first, so that placing one does not close the other.
    const int in = fcntl(commands[0], F_DUPFD, 10);
    const int out = fcntl(answers[1], F_DUPFD, 10);
    dup2(in, 3);
    dup2(out, 4);
    const int logFile = open(logPath_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int null = open("/dev/null", O_RDWR);
    dup2(null, STDIN_FILENO);
    dup2(null, STDOUT_FILENO);
    dup2(logFile, STDERR_FILENO);
    execv(kChromium, argv.data());
    _exit(127);
  }
  setpgid(pid_, pid_);  // also here: whichever of the two runs first
  close(commands[0]);
  close(answers[1]);
  commands_ = commands[1];
  answers_ = answers[0];
  fcntl(answers_, F_SETFL, fcntl(answers_, F_GETFL) | O_NONBLOCK);

  // The page's target appears once the browser has opened the URL.
  std::string target;
  const auto until = Clock::now() + std::chrono::seconds(30);
  while (target.empty()) {
    const Json targets = send("Target.getTargets", Json::object(), false, std::chrono::seconds(30));
    for (const Json& t : targets["targetInfos"])
      if (t["type"] == "page") target = t["targetId"].get<std::string>();
    if (target.empty()) {
      if (Clock::now() > until) throw std::runtime_error("Chromium opened no page");
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  session_ = send("Target.attachToTarget", {{"targetId", target}, {"flatten", true}}, false,
                  std::chrono::seconds(15))["sessionId"]
                 .get<std::string>();
  // A headless window never has the system's focus: without this, the
  // page's element with focus would not get the keys typed.
  call("Emulation.setFocusEmulationEnabled", {{"enabled", true}});
  call("Emulation.setDeviceMetricsOverride",
       {{"width", width}, {"height", height}, {"deviceScaleFactor", 1}, {"mobile", false}});
}

Chromium::~Chromium() {
  if (pid_ <= 0) return;
  try {
    send("Browser.close", Json::object(), false, std::chrono::seconds(3));
  } catch (const std::exception&) {
    // It is killed below either way.
  }
  kill(-pid_, SIGKILL);
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  close(commands_);
  close(answers_);
}

std::string Chromium::log() const {
  std::ifstream in(logPath_);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool Chromium::receive(Json& message, Clock::time_point deadline) {
  for (;;) {
    const std::size_t end = pending_.find('\0');
    if (end != std::string::npos) {
      message = Json::parse(pending_.substr(0, end));
      pending_.erase(0, end + 1);
      return true;
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd fd{answers_, POLLIN, 0};
    if (poll(&fd, 1, static_cast<int>(left)) <= 0) continue;
    char buffer[65536];
    const ssize_t n = read(answers_, buffer, sizeof buffer);
    if (n == 0) throw std::runtime_error("Chromium closed its pipe; its log:\n" + log());
    if (n > 0) pending_.append(buffer, static_cast<std::size_t>(n));
  }
}

Json Chromium::send(const std::string& method, const Json& params, bool toPage,
                    std::chrono::milliseconds timeout) {
  const long id = nextId_++;
  Json command{{"id", id}, {"method", method}, {"params", params}};
  if (toPage) command["sessionId"] = session_;
  const std::string text = command.dump() + '\0';
  std::size_t sent = 0;
  while (sent < text.size()) {
    const ssize_t n = write(commands_, text.data() + sent, text.size() - sent);
    if (n <= 0) throw std::runtime_error("cannot write to Chromium (" + method + ")");
    sent += static_cast<std::size_t>(n);
  }
  const auto deadline = Clock::now() + timeout;
  Json message;
  while (receive(message, deadline)) {
    if (!message.contains("id") || message["id"] != id) continue;  // events, other answers
    if (message.contains("error"))
      throw std::runtime_error(method + ": " + message["error"].dump());
    return message["result"];
  }
  throw std::runtime_error(method + ": no answer from Chromium in time");
}

Json Chromium::call(const std::string& method, const Json& params,
                    std::chrono::milliseconds timeout) {
  return send(method, params, true, timeout);
}

Json Chromium::evaluate(const std::string& expression) {
  const Json result =
      call("Runtime.evaluate",
           {{"expression", expression}, {"returnByValue", true}, {"awaitPromise", true}});
  if (result.contains("exceptionDetails"))
    throw std::runtime_error("`" + expression + "` threw: " + result["exceptionDetails"].dump());
  return result["result"].value("value", Json());
}

bool Chromium::waitFor(const std::string& expression, std::chrono::milliseconds timeout) {
  const auto until = Clock::now() + timeout;
  for (;;) {
    // Not yet, too, while the page has no document to read.
    if (evaluate("(() => { try { return Boolean(" + expression +
                 "); } catch (e) { return false; } })()") == true)
      return true;
    if (Clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

void Chromium::press(const std::string& key) {
  call("Input.dispatchKeyEvent", keyEvent(key.size() == 1 ? "keyDown" : "rawKeyDown", key));
  call("Input.dispatchKeyEvent", keyEvent("keyUp", key));
}

void Chromium::type(const std::string& text) {
  for (char c : text) press(std::string(1, c));
}

void Chromium::click(const std::string& selector) {
  const Json at = evaluate("(() => { const e = document.querySelector(" + Json(selector).dump() +
                           "); if (!e) return null; e.scrollIntoView({block: 'center'}); "
                           "const r = e.getBoundingClientRect(); "
                           "return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()");
  if (at.is_null()) throw std::runtime_error("nothing to click: no `" + selector + "`");
  const Json where{{"x", at["x"]}, {"y", at["y"]}};
  Json move = where;
  move["type"] = "mouseMoved";
  call("Input.dispatchMouseEvent", move);
  for (const char* type : {"mousePressed", "mouseReleased"}) {
    Json event = where;
    event["type"] = type;
    event["button"] = "left";
    event["clickCount"] = 1;
    call("Input.dispatchMouseEvent", event);
  }
}

void Chromium::screenshot(const std::filesystem::path& path) {
  const Json shot = call("Page.captureScreenshot", {{"format", "png"}});
  std::ofstream out(path, std::ios::binary);
  out << fromBase64(shot["data"].get<std::string>());
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace edict::testing
