// The result formats: JSON Lines (the contract), CSV and the terminal table,
// and what each does with hostile text from claim files.
#include <catch2/catch.hpp>

#include "write/csv_writer.h"
#include "write/json_text.h"
#include "write/jsonl_writer.h"
#include "write/record_format.h"
#include "write/table_writer.h"

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
        "claim,line,rule,action,reason,message,related_lines,billed_units,allowed_units,ruleset,"
        "version\n"
        "C1,2,ptp_97140_97530,deny,CO-236,\"97530 is not paid with 97140, \"\"same day\"\"\",1 3,,,"
        "cms_therapy,2026.4\r\n");
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
  edict::write::appendJsonString(out, "ok \xC3\xA9 \xFF \xED\xA0\x80 \xF0\x9F\x98\x80 \x01");
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
