// The language server end to end: a scripted client drives the real
// `edict lsp` over pipes through what an analyst does in an editor (open a
// ruleset with a typo, see its diagnostic, take the quick fix, hover, jump
// to an inherited rule, complete after `override`), checking each answer.
//
//   edict_lsp_session EDICT WORK_DIR
//       the session; prints `ok:` or `FAILED:` per check and `N passed,
//       M failed`; exit status 1 when a check failed.
//   edict_lsp_session --bench EDICT RULESET [CHANGES]
//       benchmark mode (docs/performance.md): opens RULESET, then makes
//       CHANGES edits (default 40), each waiting for its diagnostics, and
//       prints the time from each change to its publishDiagnostics.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "editor/lsp/document/uri.h"
#include "lsp_client.h"

using edict::lsp::testing::Clock;
using edict::lsp::testing::Json;
using edict::lsp::testing::LspClient;
namespace fs = std::filesystem;
using std::chrono::milliseconds;

namespace {

constexpr milliseconds kWait{10000};

// On disk, the base has its pair on line 5; the editor's buffer of it has
// two comment lines more, so a definition found in the buffer is on line 7.
const char* const kBaseOnDisk =
    "ruleset base \"Base\"\nversion \"1\"\n"
    "codes timed = 97110 97112 97530\n"
    "require modifier GP on timed reason CO-4 id timed_gp\n"
    "pair 97140 97530 modifier allowed \"Mutually exclusive procedures\" since 2020-01-01\n";
const char* const kBaseInEditor =
    "ruleset base \"Base\"\nversion \"1\"\n"
    "codes timed = 97110 97112 97530\n"
    "require modifier GP on timed reason CO-4 id timed_gp\n"
    "# Two lines that only the editor's buffer has,\n# so that the pair is on line 7 there.\n"
    "pair 97140 97530 modifier allowed \"Mutually exclusive procedures\" since 2020-01-01\n";
// The typo `timd` comes after a character outside the BMP: one code point,
// two UTF-16 units, four bytes.
const char* const kPayer =
    "ruleset acme \"ACME\"\nextends \"base.edict\"\n"
    "override pair 97140 97530 modifier not allowed since 2020-01-01\n"
    "rule home \"home \xF0\x9F\x92\xAA visits\": when line.code in timd and line.place_of_service "
    "== "
    "\"12\" deny line reason CO-5\n";
// The typo's column in UTF-16 units: the line before it.
const std::u16string kBeforeTypo = u"rule home \"home \U0001F4AA visits\": when line.code in ";

Json position(unsigned line, unsigned character) {
  return Json{{"line", line}, {"character", character}};
}
Json range(unsigned line, unsigned from, unsigned to) {
  return Json{{"start", position(line, from)}, {"end", position(line, to)}};
}
Json document(const std::string& uri) {
  return Json{{"uri", uri}};
}

/// Counts checks and prints each.
struct Checks {
  int passed = 0;
  int failed = 0;
  void operator()(bool ok, const std::string& what, const Json& detail = nullptr) {
    if (ok) {
      ++passed;
      std::cout << "ok: " << what << '\n';
      return;
    }
    ++failed;
    std::cout << "FAILED: " << what << '\n';
    if (!detail.is_null()) std::cout << "  got: " << detail.dump() << '\n';
  }
};

std::function<bool(const Json&)> diagnosticsOf(const std::string& uri, std::int64_t version) {
  return [uri, version](const Json& p) {
    return p.value("uri", "") == uri && p.value("version", std::int64_t{-1}) == version;
  };
}

void initialize(LspClient& client, const std::string& root) {
  const int id = client.request("initialize", Json{{"processId", nullptr},
                                                   {"rootUri", edict::lsp::uriOfPath(root)},
                                                   {"capabilities", Json::object()}});
  client.response(id, kWait);
  client.notify("initialized", Json::object());
}

int session(const std::string& edict, const fs::path& work) {
  fs::create_directories(work);
  std::ofstream(work / "base.edict") << kBaseOnDisk;
  std::ofstream(work / "payer.edict") << kPayer;
  const std::string baseUri = edict::lsp::uriOfPath((work / "base.edict").string());
  const std::string payerUri = edict::lsp::uriOfPath((work / "payer.edict").string());
  Checks check;
  LspClient client(edict, (work / "lsp.stderr").string());

  const int init =
      client.request("initialize", Json{{"processId", nullptr},
                                        {"rootUri", edict::lsp::uriOfPath(work.string())},
                                        {"capabilities", Json::object()}});
  auto initialized = client.response(init, kWait);
  check(initialized && (*initialized)["result"]["capabilities"].value("hoverProvider", false) &&
            (*initialized)["result"]["capabilities"]["textDocumentSync"].value("change", 0) == 2,
        "initialize: hover, definition, completion, incremental sync",
        initialized.value_or(nullptr));
  client.notify("initialized", Json::object());

  // A broken message gets an error and the session goes on.
  client.notify("textDocument/didOpen", Json{{"textDocument", 42}});
  const int bogus =
      client.request("textDocument/hover", Json{{"textDocument", document(payerUri)}});
  auto bogusAnswer = client.response(bogus, kWait);
  check(bogusAnswer && bogusAnswer->contains("error"),
        "a request about a document that is not open gets an error", bogusAnswer.value_or(nullptr));

  client.notify(
      "textDocument/didOpen",
      Json{{"textDocument",
            {{"uri", baseUri}, {"languageId", "edict"}, {"version", 1}, {"text", kBaseInEditor}}}});
  client.notify(
      "textDocument/didOpen",
      Json{{"textDocument",
            {{"uri", payerUri}, {"languageId", "edict"}, {"version", 1}, {"text", kPayer}}}});
  auto first =
      client.notification("textDocument/publishDiagnostics", diagnosticsOf(payerUri, 1), kWait);
  const auto column = static_cast<unsigned>(kBeforeTypo.size());
  const Json expectedRange = range(3, column, column + 4);
  bool typoReported = false;
  if (first) {
    const Json& list = (*first)["params"]["diagnostics"];
    typoReported = list.size() == 1 && list[0].value("code", "") == "E0201" &&
                   list[0]["range"] == expectedRange &&
                   list[0].value("message", "").find("did you mean `timed`?") != std::string::npos;
  }
  check(typoReported,
        "didOpen with a typo: publishDiagnostics E0201 at line 3, UTF-16 columns " +
            std::to_string(column) + "-" + std::to_string(column + 4),
        first.value_or(nullptr));

  const int action = client.request("textDocument/codeAction",
                                    Json{{"textDocument", document(payerUri)},
                                         {"range", expectedRange},
                                         {"context", {{"diagnostics", Json::array()}}}});
  auto actions = client.response(action, kWait);
  bool quickFix = false;
  if (actions && (*actions)["result"].size() == 1) {
    const Json& a = (*actions)["result"][0];
    quickFix = a.value("title", "") == "Replace with `timed`" &&
               a["edit"]["changes"][payerUri][0].value("newText", "") == "timed";
  }
  check(quickFix, "codeAction: the did-you-mean fix replaces `timd` with `timed`",
        actions.value_or(nullptr));

  client.notify(
      "textDocument/didChange",
      Json{{"textDocument", {{"uri", payerUri}, {"version", 2}}},
           {"contentChanges", Json::array({{{"range", expectedRange}, {"text", "timed"}}})}});
  auto cleared =
      client.notification("textDocument/publishDiagnostics", diagnosticsOf(payerUri, 2), kWait);
  check(cleared && (*cleared)["params"]["diagnostics"].empty(),
        "didChange that fixes the typo: publishDiagnostics with none", cleared.value_or(nullptr));

  const int hover = client.request(
      "textDocument/hover",
      Json{{"textDocument", document(payerUri)}, {"position", position(3, column + 2)}});
  auto hovered = client.response(hover, kWait);
  std::string hoverText;
  if (hovered && (*hovered)["result"].is_object())
    hoverText = (*hovered)["result"]["contents"].value("value", "");
  check(hoverText.find("code set `timed`") != std::string::npos &&
            hoverText.find("97110 97112 97530") != std::string::npos,
        "hover on a set name shows its members", hovered.value_or(nullptr));

  const int definition =
      client.request("textDocument/definition",
                     Json{{"textDocument", document(payerUri)}, {"position", position(2, 10)}});
  auto defined = client.response(definition, kWait);
  bool intoBase = false;
  if (defined && (*defined)["result"].size() == 1) {
    const Json& l = (*defined)["result"][0];
    intoBase = l.value("uri", "") == baseUri && l["range"]["start"].value("line", -1) == 6;
  }
  check(intoBase, "definition of the overridden pair: the extended file, line 7 of its open buffer",
        defined.value_or(nullptr));

  client.notify(
      "textDocument/didChange",
      Json{{"textDocument", {{"uri", payerUri}, {"version", 3}}},
           {"contentChanges", Json::array({{{"range", range(4, 0, 0)}, {"text", "override "}}})}});
  const int complete =
      client.request("textDocument/completion",
                     Json{{"textDocument", document(payerUri)}, {"position", position(4, 9)}});
  auto completed = client.response(complete, kWait);
  bool offersPair = false;
  bool offersRule = false;
  if (completed)
    for (const Json& item : (*completed)["result"]["items"]) {
      if (item.value("label", "") == "ptp_97140_97530" &&
          item.value("insertText", "").rfind("pair 97140 97530 modifier allowed", 0) == 0)
        offersPair = true;
      if (item.value("label", "") == "timed_gp") offersRule = true;
    }
  check(offersPair && offersRule,
        "completion after `override `: the inherited rules, inserting their statements",
        completed.value_or(nullptr));

  const int symbols =
      client.request("textDocument/documentSymbol", Json{{"textDocument", document(payerUri)}});
  auto outline = client.response(symbols, kWait);
  std::vector<std::string> names;
  if (outline)
    for (const Json& s : (*outline)["result"]) names.push_back(s.value("name", ""));
  check(names == std::vector<std::string>{"ptp_97140_97530", "home"},
        "documentSymbol: the outline of rules", outline.value_or(nullptr));

  const int shutdown = client.request("shutdown", nullptr);
  auto down = client.response(shutdown, kWait);
  check(down && down->contains("result") && (*down)["result"].is_null(), "shutdown",
        down.value_or(nullptr));
  client.notify("exit", nullptr);
  const std::optional<int> status = client.finish(kWait);
  check(status == 0, "exit after shutdown: status 0");

  std::cout << check.passed << " passed, " << check.failed << " failed\n";
  return check.failed == 0 ? 0 : 1;
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const auto at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(at, values.size() - 1)];
}

int bench(const std::string& edict, const fs::path& ruleset, int changes) {
  std::ifstream in(ruleset, std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << ruleset << '\n';
    return 2;
  }
  std::stringstream text;
  text << in.rdbuf();
  const std::string path = fs::absolute(ruleset).lexically_normal().string();
  const std::string uri = edict::lsp::uriOfPath(path);
  LspClient client(edict, "/dev/null");
  initialize(client, fs::path(path).parent_path().string());
  const std::string original = text.str();
  unsigned lines = 0;
  for (char c : original) lines += c == '\n' ? 1 : 0;

  const auto opened = Clock::now();
  client.notify(
      "textDocument/didOpen",
      Json{{"textDocument",
            {{"uri", uri}, {"languageId", "edict"}, {"version", 1}, {"text", original}}}});
  if (!client.notification("textDocument/publishDiagnostics", diagnosticsOf(uri, 1),
                           milliseconds(120000))) {
    std::cerr << "no diagnostics after opening\n";
    return 1;
  }
  const double openMs = std::chrono::duration<double, std::milli>(Clock::now() - opened).count();

  // Each change types a line at the end, or takes it away again: a set
  // nothing uses, so the diagnostics change each time (a warning comes and
  // goes) and each must be computed anew.
  const std::string added = "codes bench_probe = 97110\n";
  std::vector<double> times;
  for (int i = 0; i < changes; ++i) {
    const bool add = i % 2 == 0;
    const Json change =
        add ? Json{{"range", range(lines, 0, 0)}, {"text", added}}
            : Json{{"range", {{"start", position(lines, 0)}, {"end", position(lines + 1, 0)}}},
                   {"text", ""}};
    const std::int64_t version = i + 2;
    const auto sent = Clock::now();
    client.notify("textDocument/didChange",
                  Json{{"textDocument", {{"uri", uri}, {"version", version}}},
                       {"contentChanges", Json::array({change})}});
    auto published =
        client.notification("textDocument/publishDiagnostics", diagnosticsOf(uri, version), kWait);
    if (!published) {
      std::cerr << "no diagnostics for change " << i + 1 << '\n';
      return 1;
    }
    times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
    const bool warned =
        (*published)["params"]["diagnostics"].dump().find("bench_probe") != std::string::npos;
    if (warned != add) {
      std::cerr << "change " << i + 1 << ": the diagnostics do not follow the text\n";
      return 1;
    }
  }
  const int id = client.request("shutdown", nullptr);
  client.response(id, kWait);
  client.notify("exit", nullptr);
  client.finish(kWait);
  std::printf("ruleset: %s\nopen -> first diagnostics: %.1f ms (tables read)\n", path.c_str(),
              openMs);
  std::printf(
      "change -> diagnostics over %d changes: min %.2f ms, median %.2f ms, p90 %.2f ms, max %.2f "
      "ms\n",
      changes, percentile(times, 0), percentile(times, 0.5), percentile(times, 0.9),
      percentile(times, 1));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc >= 4 && std::string(argv[1]) == "--bench")
      return bench(argv[2], argv[3], argc >= 5 ? std::max(1, std::atoi(argv[4])) : 40);
    if (argc == 3) return session(argv[1], argv[2]);
  } catch (const std::exception& e) {
    std::cerr << "edict_lsp_session: " << e.what() << '\n';
    std::cout << "0 passed, 1 failed\n";
    return 1;
  }
  std::cerr << "usage: edict_lsp_session EDICT WORK_DIR | --bench EDICT RULESET [CHANGES]\n";
  return 2;
}
