// explain::explainUnits: the arithmetic behind `units` and `limit` rules for one
// claim line, as `edict explain` prints it.
#include <catch2/catch.hpp>

#include "runtime/explain/unit_explanation.h"
#include "support/engines.h"

using edict::testing::claimsFromJsonl;
using edict::testing::compileOrFail;

TEST_CASE("explainUnits shows the day's minutes, units and allocation", "[units][explain]") {
  const auto program = compileOrFail(
      "ruleset t version \"1\"\n"
      "codes timed = 97110 97112 97140\n"
      "units timed by total_time\n"
      "units 97161..97168 one per day\n"
      "limit 97035 max 2 per day clinical \"Clinical: Data\"\n"
      "limit 97750 max 8 per line\n",
      "t.edict");
  const auto claims = claimsFromJsonl(
      R"({"id":"C","lines":[{"code":"97163","units":1,"date":"2026-11-02"},)"
      R"({"code":"97112","units":1,"minutes":24,"date":"2026-11-02"},)"
      R"({"code":"97110","units":2,"minutes":23,"date":"2026-11-02"},)"
      R"({"code":"97035","units":2,"date":"2026-11-02"},{"code":"97035","units":1,"date":"2026-11-02"},)"
      R"({"code":"97750","units":9,"date":"2026-11-02"},{"code":"97163","units":1,"date":"2026-11-02"}]})"
      "\n");
  const auto& claim = claims.front();
  CHECK(edict::explain::explainUnits(program, claim, 3) ==
        "units_timed (t.edict:3), line 3 (97110):\n"
        "  method: total time (CMS 8-minute rule, Medicare Claims Processing Manual ch. 5 §20.2)\n"
        "  47 timed minutes on 2 codes = 3 units\n"
        "    97110: 23 minutes on 1 line: 1 full unit + 8 minutes left over -> 1 unit: the "
        "remaining units went to leftovers of 9 minutes or more\n"
        "    97112: 24 minutes on 1 line: 1 full unit + 9 minutes left over -> 2 units: a "
        "remaining unit, for one of the largest leftovers\n"
        "  1 unit remains after 2 full units; exactly one assignment is correct\n"
        "  billed: 97110 2, 97112 1: not a correct assignment\n"
        "    line 3 (97110): billed 2, allowed 1\n"
        "  line 3: billed 2, allowed 1: modify\n");
  CHECK(edict::explain::explainUnits(program, claim, 5) ==
        "mue_97035 (t.edict:5), line 5 (97035):\n"
        "  MUE 2 of 97035: indicator 3 (Date of Service Edit: Clinical), Clinical: Data\n"
        "  97035 on 2026-11-02: line 4 2 units, line 5 1 unit; 3 units in all\n"
        "  earlier lines keep theirs first: 2 units before line 5, 0 units left for it\n"
        "  line 5: billed 1, allowed 0: deny\n");
  CHECK(edict::explain::explainUnits(program, claim, 6) ==
        "mue_97750 (t.edict:6), line 6 (97750):\n"
        "  MUE 8 of 97750: indicator 1 (Line Edit)\n"
        "  the line is judged alone: 9 units billed against at most 8; more denies the whole line\n"
        "  line 6: billed 9, allowed 0: deny\n");
  CHECK(edict::explain::explainUnits(program, claim, 7) ==
        "units_97161 (t.edict:4), line 7 (97163):\n"
        "  at most 1 unit a day\n"
        "  97163 on 2026-11-02: line 1 1 unit, line 7 1 unit; 2 units in all\n"
        "  earlier lines keep theirs first: 1 unit before line 7, 0 units left for it\n"
        "  line 7: billed 1, allowed 0: deny\n");
  CHECK(edict::explain::explainUnits(program, claim, 1).find("allowed 1: no edit") !=
        std::string::npos);
  CHECK(edict::explain::explainUnits(program, claim, 8).empty());
  CHECK(edict::explain::explainUnits(program, claim, 0).empty());
}

TEST_CASE("explainUnits says when a timed line cannot be checked", "[units][explain]") {
  const auto program =
      compileOrFail("ruleset t version \"1\"\nunits 97110 97112 by per_code\n", "t.edict");
  const auto claims =
      claimsFromJsonl(R"({"id":"C","lines":[{"code":"97110","units":3,"date":"2026-11-02"}]})"
                      "\n");
  CHECK(edict::explain::explainUnits(program, claims.front(), 1) ==
        "units_97110 (t.edict:2), line 1 (97110):\n"
        "  line 1 gives no minutes: it cannot be checked and keeps its units\n"
        "  line 1: billed 3, allowed 3: no edit\n");
}
