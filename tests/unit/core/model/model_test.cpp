// Encodings of codes, modifiers and dates.
#include <catch2/catch.hpp>

#include "core/model/code.h"
#include "core/model/date.h"

using edict::model::Code;
using edict::model::Date;
using edict::model::Modifier;

TEST_CASE("procedure codes of every CPT and HCPCS form parse and print back", "[model]") {
  for (const char* text :
       {"97110", "G0283", "0591T", "0001U", "0001A", "0001M", "3008F", "A0425"}) {
    INFO(text);
    auto code = Code::parse(text);
    REQUIRE(code);
    CHECK(code->text() == text);
  }
}

TEST_CASE("malformed codes are refused with a reason", "[model]") {
  for (const char* text : {"9714", "971400", "97a10", "g0283", "ABCDE", "9711X", "", "478331"})
    CHECK_FALSE(Code::parse(text));
  CHECK(Code::whyNotCode("9714") == "procedure codes have five characters, `9714` has 4");
}

TEST_CASE("code order is text order, so ranges are integer ranges", "[model]") {
  CHECK(*Code::parse("97760") < *Code::parse("97763"));
  CHECK(*Code::parse("0591T") < *Code::parse("0596T"));
  CHECK(*Code::parse("97999") < *Code::parse("A0001"));
}

TEST_CASE("modifiers are two digits or capital letters", "[model]") {
  CHECK(Modifier::parse("59")->text() == "59");
  CHECK(Modifier::parse("XU")->text() == "XU");
  CHECK_FALSE(Modifier::parse("x"));
  CHECK_FALSE(Modifier::parse("gp"));
  CHECK_FALSE(Modifier::parse("GPX"));
  CHECK(Modifier::parse("00")->packed != 0);
}

TEST_CASE("dates are calendar dates", "[model]") {
  CHECK(Date::parseIso("1970-01-01")->days == 0);
  CHECK(Date::parseIso("2026-11-02")->iso() == "2026-11-02");
  CHECK(Date::parseCompact("20240229")->iso() == "2024-02-29");
  CHECK_FALSE(Date::parseIso("2025-02-29"));
  CHECK_FALSE(Date::parseIso("2026-13-01"));
  CHECK_FALSE(Date::parseIso("2026-1-01"));
  CHECK_FALSE(Date::parseIso("20261101"));
  CHECK(*Date::parseIso("2024-12-31") < *Date::parseIso("2025-01-01"));
}

TEST_CASE("Date::appendIso writes what Date::iso returns", "[model][date]") {
  // Every day from 1900 to 2100, and years outside 0-9999 (the slow path).
  for (std::int32_t days = -25567; days <= 47482; ++days) {
    std::string out = "x";
    edict::model::Date{days}.appendIso(out);
    std::string expected = "x";
    expected += edict::model::Date{days}.iso();
    REQUIRE(out == expected);
  }
  for (std::int32_t days : {-800000, 3000000}) {
    std::string out;
    edict::model::Date{days}.appendIso(out);
    CHECK(out == edict::model::Date{days}.iso());
  }
}
