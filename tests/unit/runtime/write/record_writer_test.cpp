// The result formats: JSON Lines (the contract), CSV and the terminal table,
// and what each does with hostile text from claim files.
#include <catch2/catch.hpp>

#include "core/text/json_text.h"
#include "runtime/write/csv_writer.h"
#include "runtime/write/jsonl_writer.h"
#include "runtime/write/record_format.h"
#include "runtime/write/table_writer.h"

using edict::model::Action;
using edict::model::Edit;

namespace {

Edit denial() {
  Edit e;
  e.claimId = "C1";
  e.line = 2;
  e.rule = "ptp_97140_97530";
  e.action = Action::Deny;
  e.reason = "CO-236";
  e.message = "97530 is not paid with 97140, \"same day\"";
  e.relatedLines = {1, 3};
  e.ruleset = "cms_therapy";
  e.version = "2026.4";
  return e;
}

std::string render(edict::write::OutputFormat format, const Edit& edit) {
  auto f = edict::write::makeRecordFormat(format);
  std::string out = f->header();
  f->append(edit, out);
  return out;
}

}  // namespace

TEST_CASE("CSV output: a header, quoted fields, related lines in one cell", "[write][csv]") {
  CHECK(render(edict::write::OutputFormat::Csv, denial()) ==
        "claim,line,rule,action,reason,message,related_lines,billed_units,allowed_units,"
        "indicator,rationale,remark,appealable,ruleset,version\n"
        "C1,2,ptp_97140_97530,deny,CO-236,\"97530 is not paid with 97140, \"\"same day\"\"\",1 3,,,"
        ",,,,cms_therapy,2026.4\r\n");
}

/// A medically unlikely edit: the fields JSON Lines adds after `allowed_units`.
Edit mueDenial() {
  Edit e;
  e.claimId = "C7";
  e.line = 2;
  e.rule = "mue_97035";
  e.action = edict::model::Action::Deny;
  e.reason = "CO-96";
  e.message = "97035: 1 unit billed, 0 allowed";
  e.relatedLines = {1};
  e.billedUnits = 1;
  e.allowedUnits = 0;
  e.mueIndicator = 3;
  e.rationale = "Clinical: Data";
  e.remark = "N362";
  e.appealable = true;
  e.ruleset = "cms_therapy";
  e.version = "2026.4";
  return e;
}

TEST_CASE("CSV and table output carry the MUE fields JSON Lines has", "[write][csv][table]") {
  const std::string csv = render(edict::write::OutputFormat::Csv, mueDenial());
  CHECK(csv.substr(csv.find('\n') + 1) ==
        "C7,2,mue_97035,deny,CO-96,\"97035: 1 unit billed, 0 allowed\",1,1,0,3,Clinical: Data,N362,"
        "true,cms_therapy,2026.4\r\n");
  const std::string table = render(edict::write::OutputFormat::Table, mueDenial());
  CHECK_THAT(table,
             Catch::EndsWith("[with line 1] [billed 1 unit, allowed 0] [MUE indicator 3, N362, "
                             "appealable]\n"));
}

TEST_CASE("CSV output defuses cells a spreadsheet would run as formulas", "[write][csv]") {
  std::string out;
  edict::write::appendCsvField(out, "=HYPERLINK(\"http://x\")");
  CHECK(out == "\"'=HYPERLINK(\"\"http://x\"\")\"");
  out.clear();
  edict::write::appendCsvField(out, "C-1");
  CHECK(out == "C-1");
}

TEST_CASE("table output: fixed columns, long values cut, the message whole", "[write][table]") {
  Edit e = denial();
  e.claimId = "A-VERY-LONG-CLAIM-IDENTIFIER";
  const std::string out = render(edict::write::OutputFormat::Table, e);
  CHECK(out ==
        "CLAIM          LINE ACTION  REASON        RULE                     RULESET              "
        "MESSAGE\n"
        "A-VERY-LONG-C…    2 deny    CO-236        ptp_97140_97530          cms_therapy 2026.4   "
        "97530 is not paid with 97140, \"same day\" [with lines 1, 3]\n");
}

TEST_CASE("table output replaces terminal control characters from claim data", "[write][table]") {
  Edit e = denial();
  e.claimId = "C\x1b]0;pwned\x07";
  e.message = "bad \x1b[2J\xC2\x9B and \xFF";
  const std::string out = render(edict::write::OutputFormat::Table, e);
  CHECK(out.find('\x1b') == std::string::npos);
  CHECK(out.find('\x07') == std::string::npos);
  CHECK(out.find("\xC2\x9B") == std::string::npos);
  CHECK(out.find("C?]0;pwned?") != std::string::npos);
  CHECK(out.find("bad ?[2J? and ?") != std::string::npos);
}

TEST_CASE("JSON output replaces bytes that are not UTF-8, keeping valid text", "[write][jsonl]") {
  std::string out;
  edict::text::appendJsonString(out, "ok \xC3\xA9 \xFF \xED\xA0\x80 \xF0\x9F\x98\x80 \x01");
  CHECK(out ==
        "\"ok \xC3\xA9 \xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD \xF0\x9F\x98\x80 "
        "\\u0001\"");
}

TEST_CASE("JSON Lines output is the contract of brief §4", "[write][jsonl]") {
  Edit e = denial();
  e.billedUnits = 3;
  e.allowedUnits = 2;
  CHECK(
      render(edict::write::OutputFormat::Jsonl, e) ==
      R"({"claim":"C1","line":2,"rule":"ptp_97140_97530","action":"deny","reason":"CO-236","message":"97530 is not paid with 97140, \"same day\"","related_lines":[1,3],"billed_units":3,"allowed_units":2,"ruleset":"cms_therapy","version":"2026.4"})"
      "\n");
}

TEST_CASE("lines of earlier claims follow the claim's own related lines", "[write][history]") {
  Edit e = denial();
  e.relatedLines = {1};
  e.relatedPrior = {{"A", 1}, {"B\"7", 2}};
  CHECK_THAT(
      edict::write::formatJsonLine(e),
      Catch::Contains(R"("related_lines":[1,{"claim":"A","line":1},{"claim":"B\"7","line":2}])"));
  CHECK_THAT(render(edict::write::OutputFormat::Csv, e), Catch::Contains(R"(,"1 A:1 B""7:2",)"));
  CHECK_THAT(render(edict::write::OutputFormat::Table, e),
             Catch::Contains("[with line 1] [with earlier claim A line 1, B\"7 line 2]"));
  e.relatedLines.clear();
  CHECK_THAT(
      edict::write::formatJsonLine(e),
      Catch::Contains(R"("related_lines":[{"claim":"A","line":1},{"claim":"B\"7","line":2}])"));
  CHECK_THAT(render(edict::write::OutputFormat::Csv, e), Catch::Contains(R"(,"A:1 B""7:2",)"));
  // Without history the record is what it always was.
  CHECK_THAT(edict::write::formatJsonLine(denial()), Catch::Contains(R"("related_lines":[1,3],)"));
}
