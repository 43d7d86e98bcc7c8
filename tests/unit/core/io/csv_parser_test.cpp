// The one RFC 4180 parser: records, quoted fields over several lines, the
// record size limit, and the two ways of taking quotes RFC 4180 forbids
// (Strict for table ingest, Lenient for claim files).
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "core/io/csv_parser.h"

using namespace edict;
using Csv = io::CsvParser;

namespace {

std::vector<std::string> fieldsOf(const Csv& csv) {
  return {csv.fields().begin(), csv.fields().end()};
}

/// Every record of `text` as its fields, a malformed one as `!` and its problem.
std::vector<std::vector<std::string>> allRecords(const std::string& text, Csv::Quotes quotes) {
  std::istringstream in(text);
  Csv csv(in, quotes);
  std::vector<std::vector<std::string>> records;
  Csv::Status status;
  while ((status = csv.next()) != Csv::Status::End)
    records.push_back(
        status == Csv::Status::Record
            ? fieldsOf(csv)
            : std::vector<std::string>{"!", std::to_string(static_cast<int>(csv.problem()))});
  return records;
}

using Records = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("RFC 4180 records", "[io][csv]") {
  std::istringstream in("a,\"b,c\",\"d\"\"e\"\n\"multi\r\nline\",,\nx");
  Csv csv(in);
  REQUIRE(csv.next() == Csv::Status::Record);
  CHECK(fieldsOf(csv) == std::vector<std::string>{"a", "b,c", "d\"e"});
  CHECK(csv.quoted(1));
  CHECK_FALSE(csv.quoted(0));
  REQUIRE(csv.next() == Csv::Status::Record);
  CHECK(csv.startLine() == 2);
  CHECK(fieldsOf(csv) == std::vector<std::string>{"multi\nline", "", ""});
  REQUIRE(csv.next() == Csv::Status::Record);
  CHECK(csv.startLine() == 4);
  CHECK(csv.fields().size() == 1);
  CHECK(csv.endedWithoutNewline());
  CHECK(csv.next() == Csv::Status::End);
}

TEST_CASE("spaces around a quoted field are dropped", "[io][csv]") {
  std::istringstream in("a, \"b, c\" ,d\n");
  Csv csv(in);
  REQUIRE(csv.next() == Csv::Status::Record);
  CHECK(fieldsOf(csv) == std::vector<std::string>{"a", "b, c", "d"});
  CHECK(csv.quoted(1));
}

TEST_CASE("a runaway quote is stopped by the record size limit", "[io][csv]") {
  std::string text = "a,\"never closed\n";
  for (int i = 0; i < 100; ++i) text += std::string(100, 'z') + "\n";
  std::istringstream in(text);
  Csv csv(in, Csv::Quotes::Strict, 2000);
  REQUIRE(csv.next() == Csv::Status::Malformed);
  CHECK(csv.error() == "record longer than 2000 bytes; a quote is probably not closed");
  CHECK(csv.problem() == Csv::Problem::TooLong);
  CHECK(csv.startLine() == 1);
  // Reading goes on after the line where the limit was crossed.
  REQUIRE(csv.next() == Csv::Status::Record);
  CHECK(csv.startLine() == 22);
  CHECK(fieldsOf(csv) == std::vector<std::string>{std::string(100, 'z')});
}

TEST_CASE("blank lines, CRLF and a record without quotes", "[io][csv]") {
  const Records expected = {{""}, {"a", " b ", ""}, {"c"}};
  CHECK(allRecords("\r\na, b ,\r\nc\r\n", Csv::Quotes::Strict) == expected);
  CHECK(allRecords("\r\na, b ,\r\nc\r\n", Csv::Quotes::Lenient) == expected);
  CHECK(allRecords("", Csv::Quotes::Strict).empty());
}

TEST_CASE("strict quotes: a stray quote or text after a closing quote is malformed", "[io][csv]") {
  std::istringstream in("a,b\"c\n\"x\"y,z\n\"unclosed\n");
  Csv csv(in);
  REQUIRE(csv.next() == Csv::Status::Malformed);
  CHECK(csv.problem() == Csv::Problem::StrayQuote);
  CHECK(csv.error() ==
        "a quote inside field 2 that is not in quotes; quote the field and double the quote "
        "(\"\")");
  REQUIRE(csv.next() == Csv::Status::Malformed);
  CHECK(csv.problem() == Csv::Problem::TextAfterQuote);
  CHECK(csv.error() == "text after the closing quote of field 1");
  REQUIRE(csv.next() == Csv::Status::Malformed);
  CHECK(csv.problem() == Csv::Problem::UnclosedQuote);
  CHECK(csv.startLine() == 3);
  CHECK(csv.next() == Csv::Status::End);
}

TEST_CASE("lenient quotes: a quote that opens no field is an ordinary character", "[io][csv]") {
  // Only a field's first byte opens quotes; after a closing quote the field
  // goes on, quotes and all, to the next comma.
  CHECK(allRecords("O\"BRIEN,\"ab\"cd\"e,x\n", Csv::Quotes::Lenient) ==
        Records{{"O\"BRIEN", "abcd\"e", "x"}});
  CHECK(allRecords("a, \"b, c\" ,d\n", Csv::Quotes::Lenient) ==
        Records{{"a", " \"b", " c\" ", "d"}});
  CHECK(allRecords("\"a\"\"b\",\"\",\"c\nd\"\n", Csv::Quotes::Lenient) ==
        Records{{"a\"b", "", "c\nd"}});
  CHECK(allRecords("x,\"open\nmore\n", Csv::Quotes::Lenient) ==
        Records{{"!", std::to_string(static_cast<int>(Csv::Problem::UnclosedQuote))}});
}

TEST_CASE("a line over the limit is skipped as too long", "[io][csv]") {
  std::istringstream in("ok\n" + std::string(3000, 'x') + "\nnext\n");
  Csv csv(in, Csv::Quotes::Lenient, 2000);
  REQUIRE(csv.next() == Csv::Status::Record);
  REQUIRE(csv.next() == Csv::Status::Malformed);
  CHECK(csv.problem() == Csv::Problem::TooLong);
  CHECK(csv.error() == "line longer than 2000 bytes");
  CHECK(csv.startLine() == 2);
  REQUIRE(csv.next() == Csv::Status::Record);
  CHECK(fieldsOf(csv) == std::vector<std::string>{"next"});
}
