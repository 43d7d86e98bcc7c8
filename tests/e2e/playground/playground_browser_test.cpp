// `edict playground` in a real browser: the binary serves the page on a
// free loopback port, headless Chromium (Debian's) loads it, and the test
// types and clicks as an analyst would (DevTools input events, chromium.h).
// A typo typed into the editor shows its diagnostic (code, message, the
// squiggle under the word); the fix clears it; running the sample claims
// shows the CO-236 edit, which opens to its explanation; the tests run.
// The last state is written as a PNG for docs/editors.md
// (docs/images/playground.png is a copy).
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "../serve/serve_process.h"
#include "chromium.h"

namespace fs = std::filesystem;
using edict::testing::Chromium;
using edict::testing::Json;
using edict::testing::ServeProcess;
using namespace std::chrono_literals;

namespace {

/// A directory of the test's own, removed at its end.
struct TempDir {
  fs::path path;
  TempDir() {
    char pattern[] = "/tmp/edict-playground-browser-XXXXXX";
    REQUIRE(mkdtemp(pattern) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

/// The texts of the elements `selector` matches, joined by newlines.
std::string texts(Chromium& page, const std::string& selector) {
  return page
      .evaluate("[...document.querySelectorAll(" + Json(selector).dump() +
                ")].map(e => e.textContent).join('\\n')")
      .get<std::string>();
}

}  // namespace

TEST_CASE("the playground in Chromium: a typo typed shows its diagnostic, the claims their edits",
          "[playground][browser]") {
  REQUIRE(fs::exists("/usr/bin/chromium"));
  // The defaults: the shipped CMS ruleset and the sample claims.
  ServeProcess playground({}, "playground");
  TempDir profile;
  // The browser goes before the playground (declared after it), however
  // the test ends.
  Chromium page("http://127.0.0.1:" + std::to_string(playground.port()) + "/", profile.path, 1440,
                900);
  // Waits for the page to show something; says what the page and the
  // playground said when it does not come.
  const auto shows = [&](const std::string& expression, std::chrono::milliseconds timeout) {
    if (page.waitFor(expression, timeout)) return true;
    FAIL_CHECK("the page did not come to show `"
               << expression << "` in " << timeout.count() << " ms; its status line: "
               << page.evaluate("document.getElementById('status').textContent").dump()
               << "\nthe playground's log:\n"
               << playground.log());
    return false;
  };

  // The page loads the opened files and checks the ruleset: no problem.
  REQUIRE(shows("document.body.dataset.ready === 'true' && document.body.dataset.checked", 30s));
  CHECK(page.evaluate("document.getElementById('ruleset-file').textContent") ==
        "rulesets/cms/therapy.edict");
  CHECK(page.evaluate("document.querySelector('#diagnostics li.none') !== null") == true);

  // Type a typo: the set `therapy`, which the first `require` names,
  // becomes `theraphy`. The caret is placed, then the key typed.
  page.evaluate(
      "(() => { const t = document.getElementById('ruleset-input');"
      " const at = t.value.indexOf('on therapy reason') + 'on therap'.length;"
      " t.focus(); t.setSelectionRange(at, at); })()");
  page.type("h");
  CHECK(page.evaluate("document.getElementById('ruleset-input').value.includes('on theraphy "
                      "reason')") == true);
  const std::string typo =
      "[...document.querySelectorAll('#diagnostics li')].some(li => li.dataset.code === 'E0201' "
      "&& li.textContent.includes('`theraphy`'))";
  REQUIRE(shows(typo, 15s));
  // For docs/performance.md, not judged: from the keystroke to its
  // diagnostic on the page (the page's pause before it checks included).
  std::printf("playground: key typed -> diagnostic shown in %s ms\n",
              page.evaluate("document.body.dataset.latency").dump().c_str());
  const std::string problems = texts(page, "#diagnostics li");
  INFO(problems);
  CHECK(problems.find("rulesets/cms/therapy.edict:") != std::string::npos);
  CHECK(problems.find("error[E0201]") != std::string::npos);
  CHECK(problems.find("`therapy`") != std::string::npos);  // the help: did you mean
  // The squiggle is under the word, and its message at the end of its line.
  CHECK(texts(page, "#ruleset-editor .sq-error") == "theraphy");
  CHECK(texts(page, "#ruleset-editor .inline-msg.error").find("E0201") != std::string::npos);
  CHECK(texts(page, "#ruleset-editor .gutter .n.error").size() > 0);

  // Backspace takes the typo away: no problem again.
  page.press("Backspace");
  REQUIRE(shows("document.querySelector('#diagnostics li.none') !== null", 15s));
  CHECK(texts(page, "#ruleset-editor .sq-error").empty());

  // Run the sample claims: claim C1's second line is denied, CO-236.
  page.click("#run-claims");
  const std::string denied = "#panel-results tr[data-reason='CO-236'][data-rule='ptp_97140_97530']";
  REQUIRE(shows("document.querySelector(\"" + denied + "\") !== null", 30s));
  const std::string row = texts(page, denied);
  INFO(row);
  CHECK(row.find("C1") != std::string::npos);
  CHECK(row.find("deny") != std::string::npos);
  CHECK(texts(page, "#panel-results .summary").find("5 claims read, 4 evaluated, 1 rejected") !=
        std::string::npos);
  // It opens to its explanation: edict explain's, for that edit.
  page.click(denied);
  REQUIRE(
      shows("[...document.querySelectorAll('#panel-results tr.explanation')]"
            ".some(tr => !tr.hidden && tr.textContent.includes('line 2: deny "
            "ptp_97140_97530 reason CO-236'))",
            10s));
  CHECK(
      texts(page, "#panel-results tr.explanation:not([hidden])").find("yes  line.code == 97530") !=
      std::string::npos);

  // Run the ruleset's tests: all pass.
  page.click("#run-tests");
  REQUIRE(
      shows("/^[1-9][0-9]* passed, 0 failed$/.test(document.querySelector("
            "'#panel-tests .test-summary')?.textContent || '')",
            60s));

  // For the docs: the results, with the explanation open, and the typo
  // typed again, its diagnostic shown.
  page.click("#tab-results");
  page.evaluate(
      "(() => { const t = document.getElementById('ruleset-input');"
      " const at = t.value.indexOf('on therapy reason') + 'on therap'.length;"
      " t.focus(); t.setSelectionRange(at, at); })()");
  page.type("h");
  REQUIRE(shows(typo, 15s));
  page.screenshot(EDICT_PLAYGROUND_SCREENSHOT);
  CHECK(fs::file_size(EDICT_PLAYGROUND_SCREENSHOT) > 10000);
}
