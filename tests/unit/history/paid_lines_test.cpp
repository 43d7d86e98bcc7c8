// The paid-lines files of `edict history import` and `export`: each record
// read whole or with a problem naming its field, CSV headers checked, and
// what export writes read back as the same line.
#include <catch2/catch.hpp>

#include <sstream>

#include "history/transfer/paid_line_reader.h"
#include "history/transfer/paid_line_text.h"

using edict::history::PaidLineFormat;
using edict::history::PaidLineRow;

namespace {

std::vector<PaidLineRow> readAll(const std::string& text, PaidLineFormat format,
                                 std::string* fatal = nullptr) {
  std::istringstream in(text);
  auto reader = edict::history::openPaidLines(in, format);
  std::vector<PaidLineRow> rows;
  PaidLineRow row;
  while (reader->next(row)) rows.push_back(row);
  if (fatal) *fatal = reader->fatalError();
  return rows;
}

}  // namespace

TEST_CASE("export's lines read back as the same lines", "[history][transfer]") {
  edict::history::PaidLine paid;
  paid.payer = "ACME";
  paid.patientId = "P,1";  // a comma: quoted in CSV
  paid.line.claimId = "C\"1";
  paid.line.line = 2;
  paid.line.code = *edict::model::Code::parse("97530");
  paid.line.modifiers[0] = *edict::model::Modifier::parse("GP");
  paid.line.modifiers[1] = *edict::model::Modifier::parse("59");
  paid.line.modifierCount = 2;
  paid.line.date = *edict::model::Date::parseIso("2026-11-02");
  paid.line.providerNpi = "1234567893";
  paid.line.billedUnits = 3;
  paid.line.allowedUnits = 1;
  paid.line.action = edict::model::Action::Modify;
  const std::string json = edict::history::paidLineJson(paid);
  CHECK(
      json ==
      R"({"payer":"ACME","claim":"C\"1","line":2,"patient":"P,1","code":"97530","modifiers":["GP","59"],"date":"2026-11-02","provider":"1234567893","billed_units":3,"allowed_units":1,"action":"modify"})"
      "\n");
  const std::string csv = edict::history::paidLineCsvHeader() + edict::history::paidLineCsv(paid);
  for (const auto& [text, format] :
       {std::pair{json, PaidLineFormat::Jsonl}, std::pair{csv, PaidLineFormat::Csv}}) {
    const auto rows = readAll(text, format);
    REQUIRE(rows.size() == 1);
    INFO(rows[0].problem);
    REQUIRE(rows[0].paid);
    CHECK(rows[0].numbered);
    CHECK(edict::history::paidLineJson(*rows[0].paid) == json);
  }
}

TEST_CASE("a paid line that cannot be read names its field", "[history][transfer]") {
  const auto rows = readAll(
      R"({"payer":"ACME","claim":"C1","patient":"P1","code":"97110","date":"2026-11-02","allowed_units":1})"
      "\n"
      R"({"claim":"C2","patient":"P1","code":"97110","date":"2026-02-30","allowed_units":1})"
      "\n"
      R"({"claim":"C3","patient":"P1","code":"97110","date":"2026-11-02","allowed_units":3,"billed_units":2})"
      "\n"
      R"({"claim":"C4","patient":"P1","code":"97110","date":"2026-11-02"})"
      "\n"
      R"({"claim":"C5","patient":"P1","code":"97110","date":"2026-11-02","allowed_units":1,"action":"pay"})"
      "\n"
      R"({"claim":"C6","patient":"P1","code":"97110","date":"2026-11-02","allowed_units":1,"line":0})"
      "\n"
      "[1]\n",
      PaidLineFormat::Jsonl);
  REQUIRE(rows.size() == 7);
  CHECK(rows[0].problem.empty());
  CHECK_FALSE(rows[0].numbered);
  CHECK(rows[0].paid->line.billedUnits == 1);
  CHECK(rows[1].problem == "date: `2026-02-30` is not a date (expected YYYY-MM-DD)");
  CHECK(rows[1].claimId == "C2");
  CHECK(rows[2].problem == "allowed_units: 3 is more than the 2 billed");
  CHECK(rows[3].problem == "allowed_units: required field is missing");
  CHECK(rows[4].problem == "action: `pay` is not an action (deny, modify, review, flag)");
  CHECK(rows[5].problem == "line: 0 is not a line number (1 to 1000)");
  CHECK(rows[6].problem.starts_with("not a JSON object"));
  CHECK(rows[6].position == 7);
}

TEST_CASE("a CSV of paid lines needs a header with the required columns", "[history][transfer]") {
  std::string fatal;
  CHECK(readAll("payer,claim,patient,code,date\nACME,C1,P1,97110,2026-11-02\n", PaidLineFormat::Csv,
                &fatal)
            .empty());
  CHECK(fatal == "the header lacks the required column `allowed_units`");
  CHECK(readAll("payer,claim,patient,code,date,allowed_units,units\n", PaidLineFormat::Csv, &fatal)
            .empty());
  CHECK(fatal.starts_with("line 1: unknown column `units` in the header"));
}
