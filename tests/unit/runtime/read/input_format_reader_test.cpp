// Detecting the claim format from a file's first bytes, and the input
// stream that lets detection look ahead on standard input.
#include <catch2/catch.hpp>

#include <sstream>

#include "reader_test_util.h"
#include "runtime/read/input_format.h"
#include "runtime/read/input_stream.h"

using edict::read::detectFormat;
using edict::read::InputFormat;

TEST_CASE("the format is detected from content", "[read][detect]") {
  CHECK(detectFormat("ISA*00*   ").format == InputFormat::X12);
  CHECK(detectFormat("\xEF\xBB\xBF\r\n  ISA|00|").format == InputFormat::X12);
  CHECK(detectFormat(R"({"id":"C1","lines":[]})"
                     "\n")
            .format == InputFormat::Jsonl);
  CHECK(detectFormat(R"({"resourceType":"Claim","id":"C1"})"
                     "\n")
            .format == InputFormat::Fhir);
  CHECK(detectFormat("{\n  \"resourceType\": \"Bundle\",\n").format == InputFormat::Fhir);
  CHECK(detectFormat("id,payer,line.code,line.date\n").format == InputFormat::Csv);
}

TEST_CASE("content that is no claims format is named as such", "[read][detect]") {
  CHECK(detectFormat("").problem == "the file is empty");
  CHECK(detectFormat(" \n\t\n").problem == "the file is empty");
  CHECK(detectFormat("%PDF-1.7\n%\xE2\xE3").problem ==
        "it is none of the claim formats edict reads (JSON Lines, CSV, X12 837P, FHIR R4): it "
        "starts with `%PDF-1.7\\x0A%\\xE2\\xE3`");
  CHECK(detectFormat("[{\"id\":1}]").problem.starts_with("it starts with a JSON array"));
  CHECK_FALSE(detectFormat("\x89PNG\r\n\x1A\n\0\0\0,").format);
}

TEST_CASE("a format given by name overrides detection", "[read][detect]") {
  CHECK(edict::read::parseFormatName("x12") == InputFormat::X12);
  CHECK_FALSE(edict::read::parseFormatName("xml"));
  // Forced to X12, a JSON Lines file is refused by the X12 reader.
  const auto r = edict::testing::readText(R"({"id":"C1"})", InputFormat::X12);
  CHECK(r.fatal == "not X12: the file does not start with an ISA segment");
}

TEST_CASE("peeking does not consume, and consumed bytes are counted", "[read][detect]") {
  std::string text(200000, 'a');
  text[0] = 'S';
  text[150000] = 'Z';
  std::istringstream source(text);
  edict::read::InputStream in(source);
  CHECK(in.peek(3) == "Saa");
  CHECK(in.consumed() == 0);
  CHECK(in.get() == 'S');
  CHECK(in.peek(2) == "aa");
  CHECK(in.consumed() == 1);
  std::string rest((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(rest.size() == text.size() - 1);
  CHECK(rest[149999] == 'Z');
  CHECK(in.consumed() == text.size());
}

TEST_CASE("each sample file is detected as its format", "[read][detect]") {
  const std::string dir = std::string(EDICT_SOURCE_DIR) + "/samples/";
  const std::pair<const char*, InputFormat> samples[] = {{"claims.jsonl", InputFormat::Jsonl},
                                                         {"claims.csv", InputFormat::Csv},
                                                         {"claims.837", InputFormat::X12},
                                                         {"claims.fhir.ndjson", InputFormat::Fhir}};
  for (const auto& [file, format] : samples) {
    INFO(file);
    std::ifstream source(dir + file, std::ios::binary);
    edict::read::InputStream in(source);
    CHECK(detectFormat(in.peek(edict::read::kDetectionBytes)).format == format);
  }
}
