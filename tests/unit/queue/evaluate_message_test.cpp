// The worker's records are `edict run`'s: a file packed into messages of
// 1, 2 or 1,000 claims and each message evaluated (grouped by payer) gives,
// as a set, exactly the records of the whole file evaluated at once, in
// every input format, rejects included. On both engines.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "queue/message/claims_packer.h"
#include "queue/message/result_headers.h"
#include "queue/worker/evaluate_message.h"
#include "queue/worker/result_messages.h"
#include "runtime/run/batch_runner.h"
#include "runtime/write/jsonl_writer.h"
#include "service/catalogue/catalogue.h"
#include "service/catalogue/claims_run.h"

using namespace edict;
using namespace edict::queue;

namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> sortedLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

std::shared_ptr<const service::Catalogue> routes(const std::string& engine) {
  service::CatalogueSpec spec;
  spec.routeTable = std::string(EDICT_SOURCE_DIR) + "/tests/e2e/readers/routes.txt";
  spec.engine = engine;
  spec.recordInputs = false;
  const auto load = service::loadCatalogue(spec, 1, nullptr, "test");
  INFO(load.problems);
  REQUIRE(load.catalogue);
  return load.catalogue;
}

}  // namespace

TEST_CASE("messages of claims give edict run's records, in every format", "[queue][worker]") {
  const std::string engine = GENERATE("jit", "interp");
  const auto catalogue = routes(engine);
  const write::JsonLinesFormat format;
  run::BatchRunner runner(format, {2, 512});
  for (const char* file :
       {"samples/claims.jsonl", "samples/claims.csv", "samples/claims.837",
        "samples/claims.fhir.ndjson", "samples/acme_claims.jsonl",
        "tests/e2e/data/two_payers.jsonl", "tests/data/x12/imsweb/x12_many_claims.txt"}) {
    const std::string path = std::string(EDICT_SOURCE_DIR) + "/" + file;
    const std::string text = readFile(path);
    const service::Evaluation whole =
        service::evaluateClaims(catalogue->router(), runner, text, path);
    REQUIRE(whole.outcome.problem.empty());
    for (std::size_t perMessage : {std::size_t{1}, std::size_t{2}, std::size_t{1000}}) {
      INFO(engine << " " << file << ", " << perMessage << " a message");
      std::string records;
      std::uint64_t claims = 0;
      std::istringstream in(text);
      const PackOutcome outcome =
          packClaims(in, path, {perMessage, 1u << 20, std::nullopt}, [&](ClaimsBatch& batch) {
            const MessageEvaluation evaluation = evaluateMessage(
                batch.body(), batch.claimsHeaders(), "fallback", catalogue->router(), runner);
            REQUIRE(evaluation.problem.empty());
            for (const PayerPart& part : evaluation.parts) {
              records += part.records;
              claims += part.claims;
            }
            return true;
          });
      REQUIRE(outcome.problem.empty());
      CHECK(claims == whole.summary.read);
      CHECK(sortedLines(records) == sortedLines(whole.records));
    }
  }
}

TEST_CASE("a message's records are grouped by payer, in order of first claim", "[queue][worker]") {
  const auto catalogue = routes("interp");
  const write::JsonLinesFormat format;
  run::BatchRunner runner(format, {1, 512});
  const std::string path = std::string(EDICT_SOURCE_DIR) + "/tests/e2e/data/two_payers.jsonl";
  const std::string text = readFile(path);
  const MessageEvaluation evaluation =
      evaluateMessage(text, {}, "EDICT_CLAIMS#7", catalogue->router(), runner);
  REQUIRE(evaluation.parts.size() == 2);
  CHECK(evaluation.parts[0].payer == "ACME");
  CHECK(evaluation.parts[1].payer == "MEDICARE");
  CHECK(evaluation.parts[0].records.find("\"claim\":\"M1\"") == std::string::npos);
  CHECK(evaluation.parts[1].records.find("\"claim\":\"A1\"") == std::string::npos);

  // Each part becomes messages on its payer's subject with ids from the
  // input's key: the same input gives the same ids.
  const ResultAddress address{"EDICT_CLAIMS:7", "EDICT_CLAIMS:id:run:0", "edict.results", 3,
                              1u << 20};
  const auto messages = resultMessages(evaluation, address);
  REQUIRE(messages.size() == 2);
  CHECK(messages[0].subject == "edict.results.ACME");
  CHECK(messages[0].id == "EDICT_CLAIMS:id:run:0:ACME:0");
  CHECK(messages[1].subject == "edict.results.MEDICARE");
  CHECK(messages[1].body == evaluation.parts[1].records);
  const auto claimsHeader =
      std::find_if(messages[0].headers.begin(), messages[0].headers.end(),
                   [](const auto& header) { return header.first == kClaimsHeader; });
  REQUIRE(claimsHeader != messages[0].headers.end());
  CHECK(claimsHeader->second == std::to_string(evaluation.parts[0].claims));
  const auto inputHeader =
      std::find_if(messages[0].headers.begin(), messages[0].headers.end(),
                   [](const auto& header) { return header.first == kInputHeader; });
  REQUIRE(inputHeader != messages[0].headers.end());
  CHECK(inputHeader->second == "EDICT_CLAIMS:7");
  CHECK(resultMessages(evaluation, address)[1].id == messages[1].id);
}

TEST_CASE("a body that is not claims is said to be, with nothing evaluated", "[queue][worker]") {
  const auto catalogue = routes("interp");
  const write::JsonLinesFormat format;
  run::BatchRunner runner(format, {1, 512});
  const MessageEvaluation evaluation =
      evaluateMessage("%PDF-1.4 binary", {}, "EDICT_CLAIMS#9", catalogue->router(), runner);
  CHECK(evaluation.parts.empty());
  CHECK(evaluation.problem.find("not claims") != std::string::npos);
}
