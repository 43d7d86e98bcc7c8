// The batch runner on every input format, each with every kind of bad input
// its reader refuses: whatever the threads and the batch size (so whether
// records are parsed where they are read or by the workers, and wherever a
// batch ends), the records and the counts are those of the simple
// single-threaded loop. Both back ends.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <sstream>

#include "backends/interp/interpreter.h"
#include "backends/jit/jit_engine.h"
#include "runtime/eval/evaluator.h"
#include "runtime/read/input_format.h"
#include "runtime/run/batch_runner.h"
#include "runtime/write/claim_text.h"
#include "runtime/write/jsonl_writer.h"
#include "support/engines.h"

using edict::read::InputFormat;
namespace run = edict::run;
namespace model = edict::model;

namespace {

constexpr const char* kRules =
    "ruleset r version \"1\"\n"
    "pair 97140 97530 modifier allowed \"Mutually exclusive\" since 2020-01-01\n"
    "pair 98941 97140 modifier allowed since 2020-01-01\n";

/// `count` valid claims that meet the pairs now and then.
std::vector<model::Claim> validClaims(std::size_t count) {
  std::string jsonl;
  for (std::size_t i = 0; i < count; ++i)
    jsonl += fmt::format(
        R"({{"id":"V{}","payer":"ACME","patient":{{"id":"P{}","birth_date":"1950-04-02","sex":"F"}},)"
        R"("provider":{{"npi":"1234567893"}},"place_of_service":"11","diagnoses":["M54.50"],"lines":[)"
        R"({{"code":"{}","modifiers":["GP"],"units":1,"date":"2026-11-02"}},)"
        R"({{"code":"{}","units":2,"minutes":30,"date":"2026-11-02"}}]}})"
        "\n",
        i, i, i % 3 == 0 ? "98941" : "97140", i % 2 ? "97530" : "97140");
  return edict::testing::claimsFromJsonl(jsonl);
}

/// Valid claims with every kind of CSV the reader refuses in between: a bad
/// code, rows of one claim that disagree, a short row, an empty id, bad
/// UTF-8, a bad date, blank lines, a claim of too many rows, a row too long
/// to keep, and a quote never closed at the end.
std::string csvInput() {
  std::string out = edict::write::claimCsvHeader();
  const auto claims = validClaims(60);
  for (std::size_t i = 0; i < claims.size(); ++i) {
    out += edict::write::claimToCsvRows(claims[i]);
    switch (i % 10) {
      case 1: out += "B1,ACME,,,,,,,,9711,,1,,2026-11-02,,,\n"; break;
      case 2:
        out += "B2,ACME,,,,,,,,97110,,1,,2026-11-02,,,\nB2,BCBS,,,,,,,,97140,,1,,2026-11-02,,,\n";
        break;
      case 3: out += "B3,ACME,97110\n"; break;
      case 4: out += ",ACME,,,,,,,,97110,,1,,2026-11-02,,,\n"; break;
      case 5: out += "B5,AC\xFF,,,,,,,,97110,,1,,2026-11-02,,,\n"; break;
      case 6: out += "B6,ACME,,,,,,,,97110,,1,,2026-02-30,,,\n\n  \n"; break;
      case 7:
        for (int r = 0; r < 1003; ++r) out += "B7,ACME,,,,,,,,97110,,1,,2026-11-02,,,\n";
        break;
      case 8:
        out += "B8,ACME,,,,,,,,97110,,1,,2026-11-02,," + std::string(1100000, 'x') + "\n";
        break;
      default: break;
    }
  }
  return out + "B9,\"ACME,97110\n";
}

const char* const kIsa =
    "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261101*1200*^*00501*"
    "000000001*0*P*:~\n";

std::string x12Claim(const std::string& id, const std::string& service,
                     const std::string& date = "DTP*472*D8*20261102~\n") {
  return "CLM*" + id + "*80***11:B:1*Y*A*Y*Y~\nHI*ABK:M5450~\nLX*1~\n" + service + date +
         "LX*2~\nSV1*HC:97530:GP*80*UN*1***1~\nDTP*472*D8*20261102~\n";
}

std::string x12Subscriber(const std::string& member, const std::string& birth = "19500402") {
  return "HL*2*1*22*0~\nSBR*P*18*******CI~\nNM1*IL*1*DOE*JANE****MI*" + member + "~\nDMG*D8*" +
         birth + "*F~\nNM1*PR*2*ACME HEALTH*****PI*ACME~\n";
}

/// An interchange of two 837P transactions and an 837I, with good claims
/// and bad ones of every kind the builder refuses; the file ends inside a
/// claim.
std::string x12Input() {
  const std::string good = "SV1*HC:97140:GP*80*UN*1***1~\n";
  std::string out = kIsa;
  out +=
      "GS*HC*S*R*20261101*1200*1*X*005010X222A1~\nST*837*0001*005010X222A1~\n"
      "BHT*0019*00*1*20261101*1200*CH~\nHL*1**20*1~\nNM1*85*2*CLINIC*****XX*1234567893~\n";
  for (int i = 0; i < 40; ++i) {
    out += x12Subscriber(fmt::format("M{}", i));
    out += x12Claim(fmt::format("X{}", i), good);
    switch (i % 10) {
      case 1: out += x12Claim("Y1", "SV1*HC:9711:GP*80*UN*1***1~\n"); break;
      case 2: out += x12Claim("Y2", good, ""); break;  // no date
      case 3: out += x12Claim("Y3", ""); break;        // LX without SV1
      case 4: out += x12Subscriber("BAD", "19501340") + x12Claim("Y4", good); break;
      case 5:
        out += x12Claim("Y5", "SV1*HC:97140:GP*80*UN*1***1*" + std::string(70000, 'z') + "~\n");
        break;
      case 6: out += x12Claim("Y6", "SV1*HC:97140:G\xFF*80*UN*1***1~\n"); break;
      case 7: out += x12Claim("", good) + "GS*HC*S*R*20261101*1200*2*X*005010X222A1~\n"; break;
      case 8: out += "HL*9*1*99*0~\n" + x12Claim("Y8", good); break;
      default: break;
    }
  }
  // A claim cut off by the next transaction, then an 837I's claims.
  out += x12Claim("CUT", good) + "ST*837*0002*005010X223A2~\nHL*1**20*1~\n" + x12Subscriber("I1") +
         x12Claim("INST", good) + "SE*9*0002~\n";
  out += "ST*837*0003*005010X222A1~\nHL*1**20*1~\nNM1*85*2*CLINIC*****XX*1234567893~\n" +
         x12Subscriber("Z") + x12Claim("Z1", good) + x12Claim("Z2", good) + "SE*9*0003~\n";
  out += "ST*837*0004*005010X222A1~\nHL*1**20*1~\n" + x12Subscriber("E") + x12Claim("END", good);
  return out;  // no SE, GE or IEA: the last claim is cut off
}

/// A FHIR Claim as one line, with its patient referred to as `patient`.
std::string fhirClaim(const model::Claim& claim, const std::string& patient = "#patient") {
  std::string line = edict::write::claimToFhirLine(claim);
  const std::string contained = R"("patient":{"reference":"#patient"})";
  line.replace(line.find(contained), contained.size(),
               R"("patient":{"reference":")" + patient + "\"}");
  return line;
}

std::string fhirPatient(const std::string& id, const std::string& member,
                        const std::string& gender = "female") {
  return R"({"resourceType":"Patient","id":")" + id + R"(","identifier":[{"value":")" + member +
         R"("}],"birthDate":"1950-04-02","gender":")" + gender + "\"}\n";
}

/// NDJSON: Claims, with Patients they refer to (one given again with
/// another identifier between two claims that refer to it, so that a claim
/// must see the patient as the file stood where the claim is), and every
/// kind of bad line.
std::string fhirInput() {
  const auto claims = validClaims(60);
  std::string out = fhirPatient("p1", "FIRST");
  for (std::size_t i = 0; i < claims.size(); ++i) {
    out += fhirClaim(claims[i], i % 4 == 0 ? "Patient/p1" : "#patient");
    switch (i % 12) {
      case 1: out += "{\"resourceType\":\"Claim\",\"id\":\n"; break;  // broken JSON
      case 2: out += "[1,2]\n"; break;
      case 3: out += fhirPatient("p1", fmt::format("AGAIN{}", i)); break;
      case 4: out += "\n  \n"; break;
      case 5: {
        std::string bad = fhirClaim(claims[i]);
        bad.replace(bad.find("\"97"), 3, "\"X7");  // a bad code
        out += bad;
        break;
      }
      case 6: {  // resourceType not first, or written with an escape
        std::string late = fhirClaim(claims[i]);
        late.replace(0, 24, "{\"id\":\"late\",\"resourceType\":\"Claim\"");
        out += late;
        std::string escaped = fhirClaim(claims[i]);
        escaped.replace(0, 24, "{\"resourceType\":\"Cl\\u0061im\"");
        out += escaped;
        break;
      }
      case 7:
        out += R"({"resourceType":"Bundle","type":"collection","entry":[{"resource":)" +
               fhirClaim(claims[i]).substr(0, fhirClaim(claims[i]).size() - 1) +
               R"(},{"resource":{"resourceType":"Observation"}}]})"
               "\n";
        break;
      case 8: out += "{\"id\":\"x\"}\n"; break;  // no resourceType
      case 9:
        out += fhirPatient("p2", "BROKEN", "robot") + fhirClaim(claims[i], "Patient/p2");
        break;
      default: break;
    }
  }
  return out;
}

/// One Bundle, pretty-printed over many lines: entries one by one.
std::string fhirBundleInput() {
  const auto claims = validClaims(30);
  std::string out =
      "{\n  \"resourceType\": \"Bundle\",\n  \"type\": \"collection\",\n  \"entry\": [\n";
  for (std::size_t i = 0; i < claims.size(); ++i) {
    if (i > 0) out += ",\n";
    if (i % 5 == 0) {
      std::string patient = fhirPatient("a", fmt::format("P{}", i));
      patient.pop_back();
      out += R"(    {"fullUrl":"urn:uuid:pat","resource":)" + patient + "},\n";
    }
    std::string claim = fhirClaim(claims[i], i % 2 ? "urn:uuid:pat" : "#patient");
    claim.pop_back();
    if (i % 7 == 3) claim.replace(claim.find("\"97"), 3, "\"X7");
    out += "    {\"fullUrl\": \"urn:uuid:c" + std::to_string(i) +
           "\",\n     \"resource\": " + claim + "}";
    if (i % 6 == 2) out += ",\n    42,\n    {\"request\":{\"method\":\"GET\",\"url\":\"Patient\"}}";
  }
  return out + "\n  ]\n}\n";
}

struct Engines {
  explicit Engines(const edict::ir::Program& p)
      : interpreter(p),
        jit(edict::jit::JitEngine::compile(p)),
        byInterpreter(p, interpreter),
        byJit(p, *jit) {}
  edict::interp::Interpreter interpreter;
  std::unique_ptr<edict::jit::JitEngine> jit;
  edict::eval::Evaluator byInterpreter;
  edict::eval::Evaluator byJit;
};

std::unique_ptr<edict::read::ClaimReader> open(std::istream& in, InputFormat format) {
  return edict::read::openReader(format, in, "in");
}

}  // namespace

TEST_CASE("every input format gives the same records for any threads and batch size", "[run]") {
  const edict::ir::Program program = edict::testing::compileOrFail(kRules);
  Engines engines(program);
  const edict::write::JsonLinesFormat format;
  const std::vector<std::pair<InputFormat, std::string>> inputs{
      {InputFormat::Csv, csvInput()},
      {InputFormat::X12, x12Input()},
      {InputFormat::Fhir, fhirInput()},
      {InputFormat::Fhir, fhirBundleInput()}};
  for (const auto& [inputFormat, text] : inputs) {
    INFO(edict::read::formatName(inputFormat) << " input, " << text.size() << " bytes");
    // The oracle: one thread, claim by claim.
    std::istringstream in(text);
    auto reader = open(in, inputFormat);
    REQUIRE(reader->splits());
    std::string expected;
    run::RunSummary expectedSummary;
    const run::RulesetLabel label{program.name, program.version};
    run::runClaims(
        *reader, engines.byInterpreter, label,
        [&](const model::Edit& e) { expected += edict::write::formatJsonLine(e) + "\n"; },
        expectedSummary);
    CHECK(reader->fatalError().empty());
    CHECK(expectedSummary.read > 30);
    CHECK(expectedSummary.rejected >= 5);
    CHECK(expectedSummary.evaluated >= 25);
    CHECK(expectedSummary.editsByAction[static_cast<std::size_t>(model::Action::Deny)] > 0);

    for (bool jit : {false, true}) {
      const run::Route route{jit ? &engines.byJit : &engines.byInterpreter, label};
      run::Router router;
      router.setDefault(&route);
      for (unsigned threads : {1u, 2u, 3u})
        for (std::size_t batch : {std::size_t{1}, std::size_t{4}, std::size_t{512}}) {
          INFO("jit " << jit << ", threads " << threads << ", batch " << batch);
          std::istringstream again(text);
          auto split = open(again, inputFormat);
          run::BatchRunner runner(router, format, {threads, batch});
          std::ostringstream out;
          run::RunSummary summary;
          runner.run(*split, out, summary);
          CHECK(out.str() == expected);
          CHECK(summary.read == expectedSummary.read);
          CHECK(summary.evaluated == expectedSummary.evaluated);
          CHECK(summary.rejected == expectedSummary.rejected);
          CHECK(summary.editsByAction == expectedSummary.editsByAction);
          CHECK(split->fatalError().empty());
        }
    }
  }
}
