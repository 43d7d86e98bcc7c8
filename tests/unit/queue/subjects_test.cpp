// Names in the message system: one subject token per payer and back, the
// ids of result parts, and the subjects edict accepts as options.
#include <catch2/catch.hpp>

#include "queue/message/subjects.h"

using namespace edict::queue;

TEST_CASE("a payer id becomes one subject token and back", "[queue][subjects]") {
  CHECK(payerToken("ACME") == "ACME");
  CHECK(payerToken("blue_cross-2") == "blue_cross-2");
  CHECK(payerToken("A.B") == "A%2EB");
  CHECK(payerToken("a b*>") == "a%20b%2A%3E");
  CHECK(payerToken("100%") == "100%25");
  CHECK(payerToken("") == "%");
  CHECK(payerToken("é") == "%C3%A9");
  for (const char* payer : {"ACME", "A.B", "a b*>", "100%", "", "é", "%", "%25"}) {
    INFO(payer);
    const auto back = payerFromToken(payerToken(payer));
    REQUIRE(back);
    CHECK(*back == payer);
  }
}

TEST_CASE("only tokens payerToken makes name a payer", "[queue][subjects]") {
  CHECK_FALSE(payerFromToken(""));
  CHECK_FALSE(payerFromToken("%4"));   // cut short
  CHECK_FALSE(payerFromToken("%zz"));  // not hexadecimal
  CHECK_FALSE(payerFromToken("%41"));  // `A` is never escaped: one token per payer
  CHECK_FALSE(payerFromToken("%2e"));  // lower-case hexadecimal is not written
  CHECK(payerFromToken("%2E") == std::optional<std::string>("."));
}

TEST_CASE("results go to PREFIX.TOKEN with ids from the input's message id or sequence",
          "[queue][subjects]") {
  CHECK(resultsSubject("edict.results", "ACME") == "edict.results.ACME");
  CHECK(resultsSubject("r", "") == "r.%");
  // The submitted id when there is one; the stream sequence otherwise.
  CHECK(inputKey("EDICT_CLAIMS", "run7:3", 17) == "EDICT_CLAIMS:id:run7:3");
  CHECK(inputKey("EDICT_CLAIMS", std::nullopt, 17) == "EDICT_CLAIMS:seq:17");
  CHECK(inputKey("EDICT_CLAIMS", "", 17) == "EDICT_CLAIMS:seq:17");
  // The same submitted message stored twice (two sequences) has one key.
  CHECK(inputKey("S", "r:1", 5) == inputKey("S", "r:1", 105));
  // An id that looks like a sequence is not taken for one.
  CHECK(inputKey("S", "17", 1) != inputKey("S", std::nullopt, 17));
  CHECK(resultPartId("EDICT_CLAIMS:seq:17", "ACME", 0) == "EDICT_CLAIMS:seq:17:ACME:0");
  CHECK(resultPartId("S:id:r:1", "A.B", 250) == "S:id:r:1:A%2EB:250");
  // Different payers, inputs and parts never share an id.
  CHECK(resultPartId("S:seq:1", "A", 0) != resultPartId("S:seq:10", "A", 0));
  CHECK(resultPartId("S:seq:1", "A:1", 0) != resultPartId("S:seq:1", "A", 10));
}

TEST_CASE("subjects given as options are plain: tokens, no wildcards", "[queue][subjects]") {
  std::string why;
  CHECK(isPlainSubject("edict.claims", why));
  CHECK(isPlainSubject("claims", why));
  CHECK_FALSE(isPlainSubject("", why));
  CHECK_FALSE(isPlainSubject("edict..claims", why));
  CHECK(why.find("empty token") != std::string::npos);
  CHECK_FALSE(isPlainSubject("edict.", why));
  CHECK_FALSE(isPlainSubject("edict.*", why));
  CHECK(why.find("wildcard") != std::string::npos);
  CHECK_FALSE(isPlainSubject("edict.>", why));
  CHECK_FALSE(isPlainSubject("edict claims", why));
  CHECK(why.find("white space") != std::string::npos);
}
