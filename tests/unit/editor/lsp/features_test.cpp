// The language server's features on real files (editor/lsp/features): what
// hover says of a set, a pair, a rule, a limit and a table; where definition
// goes; what completion offers where; quick fixes from the help; formatting;
// the outline; and diagnostics of other files as related information.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "editor/lsp/analysis/analyzer.h"
#include "editor/lsp/document/uri.h"
#include "editor/lsp/features/code_actions.h"
#include "editor/lsp/features/completion.h"
#include "editor/lsp/features/cursor.h"
#include "editor/lsp/features/definition.h"
#include "editor/lsp/features/diagnostics.h"
#include "editor/lsp/features/formatting.h"
#include "editor/lsp/features/hover.h"
#include "editor/lsp/features/symbols.h"
#include "support/scratch.h"

using namespace edict;
using lsp::Position;
using rpc = lsp::rpc::Json;
namespace fs = std::filesystem;

namespace {

/// Files in a directory of the test's own, analysed as the server would.
struct Workspace : testing::ScratchDir {
  lsp::Analyzer analyzer{nullptr};
  Workspace() : ScratchDir("lsp-features") {}
  lsp::Document open(const std::string& name, const std::string& text) const {
    const std::string file = (path() / name).string();
    return lsp::Document{lsp::uriOfPath(file), file, 1, text};
  }
  lsp::Analysis analyse(const lsp::Document& d) {
    return analyzer.analyze(d.path, d.text, d.version);
  }
};

const char* const kBase =
    "ruleset base\n"
    "codes timed = 97110 97112 97760..97763\n"
    "modifiers distinct = 59 XS\n"
    "require modifier GP on timed reason CO-4 id timed_gp\n"
    "# The pair of the source article.\n"
    "pair 97140 97530 modifier allowed \"Mutually exclusive procedures\" since 2020-01-01 until "
    "2025-12-31\n"
    "  bypass distinct\n"
    "limit 97035 max 2 per day clinical\n"
    "pairs from \"ptp.csv\"\n";
const char* const kTable =
    "column1,column2,indicator,effective,deletion,rationale\n"
    "98940,97140,1,2020-01-01,,x\n98941,97140,1,2020-01-01,,x\n98942,97140,0,2020-01-01,,x\n";
const char* const kTop =
    "ruleset top\nextends \"base.edict\"\n"
    "override pair 97140 97530 modifier not allowed since 2020-01-01\n"
    "rule home \"home\": when line.code in timed and line.place_of_service == \"12\"\n"
    "  deny line reason CO-5\n"
    "disable mue_97035\n";

std::string hoverText(const rpc& result) {
  return result.is_null() ? "" : result["contents"].value("value", "");
}

/// The position of the `n`-th occurrence of `word` in `text`, plus `shift`.
Position at(const std::string& text, const std::string& word, int n = 1, unsigned shift = 1) {
  std::size_t offset = std::string::npos;
  for (std::size_t from = 0; n-- > 0; from = offset + 1) offset = text.find(word, from);
  REQUIRE(offset != std::string::npos);
  const lsp::LineIndex lines(text);
  Position p = lines.positionOf(offset);
  p.character += shift;
  return p;
}

std::vector<std::string> labels(const rpc& completion) {
  std::vector<std::string> out;
  for (const rpc& item : completion["items"]) out.push_back(item.value("label", ""));
  return out;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

TEST_CASE("hover: a set's members, a pair's indicator and dates, a rule, a limit, a table",
          "[lsp][features]") {
  Workspace ws;
  ws.write("ptp.csv", kTable);
  const lsp::Document base = ws.open("base.edict", kBase);
  const lsp::Analysis a = ws.analyse(base);
  REQUIRE(a.parsed);

  const std::string set = hoverText(lsp::hover(a, base, at(kBase, "timed", 2)));
  CHECK(set.find("code set `timed`") != std::string::npos);
  CHECK(set.find("97110 97112 97760..97763") != std::string::npos);

  const std::string pair = hoverText(lsp::hover(a, base, at(kBase, "97530", 1)));
  CHECK(pair.find("pair `ptp_97140_97530`") != std::string::npos);
  CHECK(pair.find("indicator 1 (modifier allowed") != std::string::npos);
  CHECK(pair.find("from 2020-01-01 to 2025-12-31") != std::string::npos);
  CHECK(pair.find("bypassed by: 59 XS") != std::string::npos);
  // Its text is the whole statement, continuation line included.
  CHECK(pair.find("  bypass distinct\n```") != std::string::npos);

  const std::string rule = hoverText(lsp::hover(a, base, at(kBase, "timed_gp")));
  CHECK(rule.find("`timed_gp`") != std::string::npos);
  CHECK(rule.find("require modifier GP on timed reason CO-4 id timed_gp") != std::string::npos);

  const std::string limit = hoverText(lsp::hover(a, base, at(kBase, "limit")));
  CHECK(limit.find("at most 2 units of `97035` per day, clinical") != std::string::npos);

  const std::string table = hoverText(lsp::hover(a, base, at(kBase, "ptp.csv")));
  CHECK(table.find("pair table: 3 rows from") != std::string::npos);
  CHECK(table.find("ptp.csv") != std::string::npos);

  const std::string modifiers = hoverText(lsp::hover(a, base, at(kBase, "distinct", 2)));
  CHECK(modifiers.find("modifier set `distinct`") != std::string::npos);
  CHECK(modifiers.find("59 XS") != std::string::npos);
  // Nothing to say about a comment.
  CHECK(lsp::hover(a, base, at(kBase, "source article")).is_null());
}

TEST_CASE("sets of places and diagnoses: hover, completion where they fit, the outline",
          "[lsp][features]") {
  Workspace ws;
  const char* const text =
      "ruleset sets\n"
      "codes timed = 97110 97112\n"
      "places home = \"12\" \"13\"\n"
      "diagnoses low_back = \"M54.5*\" \"M54.4*\"\n"
      "rule at_home: when line.place_of_service in home and claim.diagnoses.any(low_back)\n"
      "  and line.code in timed flag line\n";
  const lsp::Document d = ws.open("sets.edict", text);
  const lsp::Analysis a = ws.analyse(d);
  REQUIRE(a.parsed);

  const std::string places = hoverText(lsp::hover(a, d, at(text, "in home", 1, 4)));
  CHECK(places.find("place of service set `home`") != std::string::npos);
  CHECK(places.find("2 places of service: `12 13`") != std::string::npos);
  const std::string diagnoses = hoverText(lsp::hover(a, d, at(text, "low_back", 2)));
  CHECK(diagnoses.find("diagnosis set `low_back`") != std::string::npos);
  CHECK(diagnoses.find("`M54.5* M54.4*`") != std::string::npos);

  auto complete = [&](const std::string& line) {
    lsp::Document more = d;
    more.text += line;
    return labels(lsp::completion(a, more, Position{6, static_cast<std::uint32_t>(line.size())}));
  };
  const auto afterPlace = complete("rule x: when line.place_of_service not in ");
  CHECK(has(afterPlace, "home"));
  CHECK_FALSE(has(afterPlace, "timed"));
  const auto afterAny = complete("rule x: when claim.diagnoses.any(");
  CHECK(has(afterAny, "low_back"));
  CHECK_FALSE(has(afterAny, "home"));
  CHECK_FALSE(has(afterAny, "ncci"));
  CHECK(has(complete("places more = "), "home"));
  CHECK_FALSE(has(complete("places more = "), "low_back"));

  const rpc symbols = lsp::documentSymbols(a, d);
  std::vector<std::string> names;
  for (const rpc& s : symbols) names.push_back(s.value("name", ""));
  CHECK(has(names, "home"));
  CHECK(has(names, "low_back"));
}

TEST_CASE("hover on an override shows the rule it overrides", "[lsp][features]") {
  Workspace ws;
  ws.write("ptp.csv", kTable);
  ws.write("base.edict", kBase);
  const lsp::Document top = ws.open("top.edict", kTop);
  const lsp::Analysis a = ws.analyse(top);
  REQUIRE(a.parsed);
  const std::string text = hoverText(lsp::hover(a, top, at(kTop, "pair")));
  CHECK(text.find("indicator 0 (modifier not allowed") != std::string::npos);
  CHECK(text.find("overrides the rule of base.edict:6") != std::string::npos);
  CHECK(text.find("indicator 1 (modifier allowed") != std::string::npos);
}

TEST_CASE("definition: inherited rules, sets, rulesets and tables", "[lsp][features]") {
  Workspace ws;
  ws.write("ptp.csv", kTable);
  ws.write("base.edict", kBase);
  const lsp::Document top = ws.open("top.edict", kTop);
  const lsp::Analysis a = ws.analyse(top);
  const std::string baseUri = lsp::uriOfPath((ws.path() / "base.edict").string());

  const rpc pair = lsp::definition(a, top, at(kTop, "97140"));
  REQUIRE(pair.size() == 1);
  CHECK(pair[0]["uri"] == baseUri);
  CHECK(pair[0]["range"]["start"]["line"] == 5);

  const rpc set = lsp::definition(a, top, at(kTop, "timed"));
  REQUIRE(set.size() == 1);
  CHECK(set[0]["uri"] == baseUri);
  CHECK(set[0]["range"] ==
        rpc{{"start", {{"line", 1}, {"character", 6}}}, {"end", {{"line", 1}, {"character", 11}}}});

  const rpc limit = lsp::definition(a, top, at(kTop, "mue_97035"));
  REQUIRE(limit.size() == 1);
  CHECK(limit[0]["range"]["start"]["line"] == 7);

  const rpc file = lsp::definition(a, top, at(kTop, "base.edict"));
  REQUIRE(file.size() == 1);
  CHECK(file[0]["uri"] == baseUri);

  const lsp::Document base = ws.open("base.edict", kBase);
  const lsp::Analysis b = ws.analyse(base);
  const rpc table = lsp::definition(b, base, at(kBase, "ptp.csv"));
  REQUIRE(table.size() == 1);
  CHECK(table[0]["uri"] == lsp::uriOfPath((ws.path() / "ptp.csv").string()));
}

TEST_CASE("completion by what the words before the cursor say", "[lsp][features]") {
  Workspace ws;
  ws.write("ptp.csv", kTable);
  ws.write("base.edict", kBase);
  const lsp::Document top = ws.open("top.edict", kTop);
  const lsp::Analysis a = ws.analyse(top);
  auto complete = [&](const std::string& line) {
    lsp::Document d = top;
    d.text += line;
    return lsp::completion(a, d, Position{6, static_cast<std::uint32_t>(line.size())});
  };
  const auto statement = labels(complete(""));
  CHECK(has(statement, "pair"));
  CHECK(has(statement, "override"));
  CHECK(has(statement, "extends"));

  const rpc overrides = complete("override ");
  CHECK(has(labels(overrides), "ptp_97140_97530"));
  CHECK(has(labels(overrides), "timed_gp"));
  CHECK(has(labels(overrides), "rule"));
  // Tables are overridden row by row, not as a whole.
  CHECK_FALSE(has(labels(overrides), "pairs_ptp"));
  for (const rpc& item : overrides["items"])
    if (item["label"] == "timed_gp")
      CHECK(item["insertText"] == "require modifier GP on timed reason CO-4 id timed_gp");

  const auto disables = labels(complete("disable "));
  CHECK(has(disables, "pairs_ptp"));
  CHECK(has(disables, "mue_97035"));
  CHECK_FALSE(has(disables, "home"));  // this file's own rule

  CHECK(has(labels(complete("rule x: when line.code in ")), "timed"));
  CHECK_FALSE(has(labels(complete("rule x: when line.code in ")), "distinct"));
  CHECK(has(labels(complete("require modifier ")), "distinct"));
  CHECK(has(labels(complete("require modifier ")), "ncci"));
  CHECK_FALSE(has(labels(complete("require modifier ")), "timed"));
  CHECK(has(labels(complete("require modifier GP on ")), "timed"));
  CHECK(has(labels(complete("pair 97110 97112 modifier allowed since 2020-01-01 bypass ")),
            "distinct"));
  const auto reasons = labels(complete("rule x: when line.units > 4 deny line reason "));
  CHECK(has(reasons, "CO-236"));
  CHECK(has(reasons, "CO-151"));
  CHECK(has(labels(complete("units timed by ")), "per_code"));
  CHECK(has(reasons, "CO-119"));
  CHECK(has(labels(complete("limit 97161..97163 max 1 per ")), "calendar year"));
  CHECK(has(labels(complete("limit 97035 max 2 per ")), "day"));
  CHECK(has(labels(complete("rule x: when history.count(97161, within ")), "30 days"));
  CHECK(has(labels(complete("limit 97161 max 1 per calendar ")), "year"));
  CHECK(has(labels(complete("pairs from \"x.txt\" format ")), "ncci_ptp"));
  CHECK(has(labels(complete("  expect line 1 deny rule ")), "home"));
}

TEST_CASE("quick fixes come from did-you-mean and capitals help", "[lsp][features]") {
  CHECK(lsp::replacementIn("did you mean `timed`?") == "timed");
  CHECK(lsp::replacementIn("write it in capitals: `G0283`") == "G0283");
  CHECK(lsp::replacementIn("modifiers are written in capitals: `GP`") == "GP");
  CHECK_FALSE(lsp::replacementIn("choose another name").has_value());
  CHECK_FALSE(lsp::replacementIn("did you mean ``?").has_value());

  Workspace ws;
  const std::string text = "ruleset t\npari 97140 97530 modifier allowed since 2020-01-01\n";
  const lsp::Document d = ws.open("t.edict", text);
  const lsp::Analysis a = ws.analyse(d);
  const rpc actions = lsp::codeActions(a, d, lsp::Range{{1, 0}, {1, 0}});
  REQUIRE(actions.size() == 1);
  CHECK(actions[0]["title"] == "Replace with `pair`");
  CHECK(actions[0]["edit"]["changes"][d.uri][0]["range"] ==
        rpc{{"start", {{"line", 1}, {"character", 0}}}, {"end", {{"line", 1}, {"character", 4}}}});
  // Not for a range elsewhere.
  CHECK(lsp::codeActions(a, d, lsp::Range{{0, 0}, {0, 3}}).empty());
}

TEST_CASE("formatting is `edict fmt`, and never rewrites a file that does not parse",
          "[lsp][features]") {
  Workspace ws;
  const rpc edits = lsp::formatting(ws.open("t.edict", "ruleset   t\n\n\n\ncodes  a = 97110\n"));
  REQUIRE(edits.size() == 1);
  CHECK(edits[0]["newText"] == "ruleset t\n\ncodes a = 97110\n");
  CHECK(edits[0]["range"]["end"] == rpc{{"line", 5}, {"character", 0}});
  CHECK(lsp::formatting(ws.open("t.edict", "ruleset t\n")).empty());
  CHECK(lsp::formatting(ws.open("t.edict", "ruleset t\npair pair\n")).is_null());
}

TEST_CASE("the outline names each statement by its rule id", "[lsp][features]") {
  Workspace ws;
  ws.write("ptp.csv", kTable);
  const lsp::Document d = ws.open("base.edict", kBase);
  const rpc symbols = lsp::documentSymbols(ws.analyse(d), d);
  std::vector<std::string> names;
  for (const rpc& s : symbols) names.push_back(s["name"]);
  CHECK(names == std::vector<std::string>{"timed", "distinct", "timed_gp", "ptp_97140_97530",
                                          "mue_97035", "ptp.csv"});
  // The pair covers its continuation line, and not the comment above it.
  CHECK(symbols[3]["range"]["start"]["line"] == 5);
  CHECK(symbols[3]["range"]["end"]["line"] == 6);
}

TEST_CASE("diagnostics of other files are related information of the one that names them",
          "[lsp][features]") {
  Workspace ws;
  ws.write("ptp.csv",
           "column1,column2,indicator,effective,deletion,rationale\n97140,9753,1,2020-01-01,,x\n");
  ws.write("base.edict", "ruleset base\npairs from \"ptp.csv\"\ncodes a = 9711\n");
  const lsp::Document top = ws.open("top.edict", "ruleset top\nextends \"base.edict\"\n");
  const rpc params = lsp::publishDiagnosticsParams(ws.analyse(top), top);
  CHECK(params["uri"] == top.uri);
  REQUIRE(params["diagnostics"].size() == 1);
  const rpc& d = params["diagnostics"][0];
  CHECK(d["code"] == "E0217");
  CHECK(d["range"]["start"] == rpc{{"line", 1}, {"character", 8}});
  // The bad row, the table summary and the bad code of the base file.
  REQUIRE(d["relatedInformation"].size() == 3);
  CHECK(d["relatedInformation"][0]["location"]["uri"] ==
        lsp::uriOfPath((ws.path() / "ptp.csv").string()));
  CHECK(d["relatedInformation"][0]["location"]["range"]["start"]["line"] == 1);
}

TEST_CASE("the words under and before the cursor", "[lsp][features]") {
  CHECK(lsp::tokenAt("reason CO-236 # x", 9).text == "CO-236");
  CHECK(lsp::tokenAt("reason CO-236 # x", 13).text == "CO-236");  // just after it
  CHECK(lsp::tokenAt("reason CO-236 # x", 16).kind == lsp::LineToken::Kind::None);
  const lsp::LineToken s = lsp::tokenAt(R"(pairs from "a \"b\".csv")", 14);
  CHECK(s.kind == lsp::LineToken::Kind::String);
  CHECK(s.text == "a \"b\".csv");
  CHECK(lsp::wordsBefore("override pa", 11) == std::vector<std::string>{"override"});
  CHECK(lsp::wordsBefore("rule x \"t\": when", 17) ==
        std::vector<std::string>{"when", "\"t\"", "x", "rule"});
}
