// The playground's answers, JSON in and out, on the shipped CMS ruleset as
// the page edits it: diagnostics of the edited text with the tables read
// once; the tests with their outcomes and lines; the records of the claims
// with the explanation of each edit, a claim no edit fired on and a
// malformed claim among them.
#include <algorithm>
#include <catch2/catch.hpp>

#include "playground/check_answer.h"
#include "playground/claim_explanations.h"
#include "playground/run_answer.h"
#include "playground/test_answer.h"
#include "runtime/write/jsonl_writer.h"
#include "support/scratch.h"

using edict::playground::Json;
using edict::playground::Workspace;

namespace {

const std::string kTherapy = "rulesets/cms/therapy.edict";

/// The shipped ruleset with `from` replaced by `to` (once).
std::string edited(const std::string& from, const std::string& to) {
  std::string text = edict::testing::fileText(kTherapy);
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

/// The 1-based line of `text` where `needle` is.
std::size_t lineOf(const std::string& text, const std::string& needle) {
  const std::size_t at = text.find(needle);
  return static_cast<std::size_t>(
             std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) +
         1;
}

Workspace therapyWorkspace(const std::string& engine = "interp") {
  return Workspace({{kTherapy, edict::testing::fileText(kTherapy)}, {"claims.jsonl", ""}}, engine);
}

const std::string kClaims =
    R"({"id":"C1","lines":[{"code":"97140","modifiers":["GP"],"date":"2026-11-02"},{"code":"97530","modifiers":["GP"],"date":"2026-11-02"}]})"
    "\n"
    R"({"id":"C2","lines":[{"code":"97140","modifiers":["GP","59"],"date":"2026-11-02"},{"code":"97530","modifiers":["GP"],"date":"2026-11-02"}]})"
    "\n"
    R"({"id":"C3","lines":[{"code":"9714","date":"2026-11-02"}]})"
    "\n";

}  // namespace

TEST_CASE("a check answers the diagnostics of the edited text, tables read once", "[playground]") {
  const Workspace workspace = therapyWorkspace();
  const Json clean = edict::playground::checkAnswer(workspace, workspace.files().ruleset.text);
  CHECK(clean["diagnostics"] == Json::array());
  CHECK(clean["errors"] == 0);
  CHECK(clean["text"] == "");

  const std::string typo = edited("on therapy reason", "on theraphy reason");
  const Json answer = edict::playground::checkAnswer(workspace, typo);
  REQUIRE(answer["diagnostics"].size() == 1);
  const Json& d = answer["diagnostics"][0];
  CHECK(d["code"] == "E0201");
  CHECK(d["severity"] == "error");
  CHECK(d["file"] == kTherapy);
  CHECK(d["line"] == lineOf(typo, "theraphy"));
  const std::size_t at = typo.find("theraphy");
  CHECK(d["column"] == at - typo.rfind('\n', at));
  CHECK(d["length"] == 8);
  CHECK(d["message"].get<std::string>().find("`theraphy`") != std::string::npos);
  CHECK(d["help"].get<std::string>().find("`therapy`") != std::string::npos);
  CHECK(answer["errors"] == 1);
  CHECK(answer["text"].get<std::string>().find("error[E0201]") != std::string::npos);
  CHECK(answer["ms"].is_number());
  // The MUE table was read for the first check only.
  CHECK(workspace.tables().reads() == 1);
  CHECK(workspace.tables().hits() >= 1);
}

TEST_CASE("a test run answers each test's outcome and line, and edict test's last line",
          "[playground]") {
  const Workspace workspace = therapyWorkspace();
  const std::string failing =
      workspace.files().ruleset.text +
      "\ntest \"a test that fails\" {\n  claim date 2026-11-02 { 97140 GP; 97530 GP }\n"
      "  expect nothing\n}\n";
  const Json answer = edict::playground::testAnswer(workspace, failing);
  REQUIRE(answer["ran"] == true);
  const Json& tests = answer["tests"];
  REQUIRE(tests.size() >= 2);
  const Json& last = tests.back();
  CHECK(last["name"] == "a test that fails");
  CHECK(last["passed"] == false);
  CHECK(last["line"] == lineOf(failing, "test \"a test that fails\""));
  CHECK(last["origin"] == kTherapy + ":" + std::to_string(last["line"].get<std::size_t>()));
  INFO(last.dump());
  CHECK(last["failures"].dump().find("expected no edit") != std::string::npos);
  CHECK(last["edits"] == Json::array({"line 2 deny rule ptp_97140_97530 reason CO-236"}));
  CHECK(answer["failed"] == 1);
  CHECK(answer["passed"] == tests.size() - 1);
  CHECK(answer["summary"] == std::to_string(tests.size() - 1) + " passed, 1 failed");

  const Json broken = edict::playground::testAnswer(workspace, edited("pair 97140", "pari 97140"));
  CHECK(broken["ran"] == false);
  CHECK(broken["problem"] == "the ruleset has errors; its tests did not run");
  CHECK(broken["errors"] == 1);
}

TEST_CASE("a run answers the records and, row by row, each edit's explanation", "[playground]") {
  const Workspace workspace = therapyWorkspace(GENERATE(std::string("interp"), std::string("jit")));
  const edict::write::JsonLinesFormat format;
  edict::run::BatchRunner runner(format, {2, 2});
  const Json answer =
      edict::playground::runAnswer(workspace, runner, workspace.files().ruleset.text, kClaims, 100);
  REQUIRE(answer["ran"] == true);
  INFO(answer.dump(2));
  CHECK(
      answer["summary"] ==
      "edict run: 3 claims read, 2 evaluated, 1 rejected; edits: 1 deny 0 modify 0 review 0 flag");
  CHECK(answer["problem"] == "");
  const Json& rows = answer["rows"];
  REQUIRE(rows.size() == 3);
  // C1: its second line denied; the explanation lists the claim's lines
  // and says why that edit fired.
  CHECK(rows[0]["claim"] == "C1");
  CHECK(rows[0]["record"]["rule"] == "ptp_97140_97530");
  CHECK(rows[0]["record"]["reason"] == "CO-236");
  const std::string why = rows[0]["explanation"];
  CHECK(why.starts_with("claim C1 under cms_therapy 2026.4\n  line 1: 97140 GP"));
  CHECK(why.find("\n\nline 2: deny ptp_97140_97530 reason CO-236") != std::string::npos);
  CHECK(why.find("yes  line.code == 97530") != std::string::npos);
  // C2: no edit fired.
  CHECK(rows[1]["claim"] == "C2");
  CHECK(rows[1]["record"].is_null());
  CHECK(rows[1]["explanation"].get<std::string>().find("no edit fired") != std::string::npos);
  // C3: malformed (a code of four digits): its reject record, no explanation.
  CHECK(rows[2]["claim"] == "C3");
  CHECK(rows[2]["record"]["action"] == "reject");
  CHECK(rows[2]["record"]["message"].get<std::string>().starts_with("claims.jsonl:3:"));
  CHECK(rows[2]["explanation"].is_null());
  // The records text is the rows' records, each as edict run writes it.
  std::string records;
  for (const Json& row : rows)
    if (!row["record"].is_null()) records += row["record"].dump() + "\n";
  CHECK(answer["records"] == records);
}

TEST_CASE("a run of a ruleset with errors, or of input that is not claims, says why",
          "[playground]") {
  const Workspace workspace = therapyWorkspace();
  const edict::write::JsonLinesFormat format;
  edict::run::BatchRunner runner(format, {1, 2});
  const Json broken = edict::playground::runAnswer(
      workspace, runner, edited("pair 97140", "pari 97140"), kClaims, 100);
  CHECK(broken["ran"] == false);
  CHECK(broken["problem"] == "the ruleset has errors; no claim was evaluated");
  CHECK(broken["diagnostics"][0]["code"] == "E0005");

  const Json notClaims = edict::playground::runAnswer(
      workspace, runner, workspace.files().ruleset.text, std::string("\x01\x02 not claims\n"), 100);
  CHECK(notClaims["ran"] == true);
  CHECK(notClaims["problem"].get<std::string>().starts_with("edict run: claims.jsonl: "));
  CHECK(notClaims["rows"] == Json::array());
}

TEST_CASE("an explanation is cut at each edit's heading", "[playground]") {
  const std::string text =
      "claim C under r 1\n  line 1: 97140\n  line 2: 97530\n"
      "\nline 2: deny a reason CO-236 (r.edict:3)\n  \"m\"\n      yes  x\n"
      "\nline 2: modify b reason CO-151 (r.edict:4)\n  units: 2 billed, 1 allowed\n";
  const auto blocks = edict::playground::editBlocks(text, {"line 2: deny a", "line 2: modify b"});
  REQUIRE(blocks.size() == 2);
  const std::string header = "claim C under r 1\n  line 1: 97140\n  line 2: 97530\n\n";
  CHECK(blocks[0] == header + "line 2: deny a reason CO-236 (r.edict:3)\n  \"m\"\n      yes  x\n");
  CHECK(blocks[1] ==
        header + "line 2: modify b reason CO-151 (r.edict:4)\n  units: 2 billed, 1 allowed\n");
  // Out of order, or absent: the whole explanation for each.
  CHECK(edict::playground::editBlocks(text, {"line 2: modify b", "line 2: deny a"}) ==
        std::vector<std::string>{text, text});
  CHECK(edict::playground::editBlocks(text, {}).empty());
}

TEST_CASE("a test's line is found in its origin only for the edited file", "[playground]") {
  using edict::playground::lineIn;
  CHECK(lineIn("rulesets/a.edict:12", "rulesets/a.edict") == 12);
  CHECK(lineIn("rulesets/b.edict:12", "rulesets/a.edict") == 0);
  CHECK(lineIn("rulesets/a.edict.bak:12", "rulesets/a.edict") == 0);
  CHECK(lineIn("rulesets/a.edict:x", "rulesets/a.edict") == 0);
  CHECK(lineIn("", "rulesets/a.edict") == 0);
}
