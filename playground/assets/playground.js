// The playground page: loads the opened files, checks the ruleset as it is
// typed (debounced; an answer to an older text is dropped), runs the tests
// and the claims when asked, and draws what edict answers.
"use strict";

(function () {
  const CHECK_DELAY_MS = 120; // a pause in typing this long sends a check
  const { plural, drawDiagnostics, drawResults, drawTests, drawRecords } = window.EdictResults;
  const $ = (id) => document.getElementById(id);

  const state = {
    workspace: null,
    checkTimer: 0,
    sent: 0, // texts sent for checking
    shown: 0, // the newest text whose diagnostics are shown
    ranText: null, // the texts the shown results are of
    testedText: null,
  };

  const ruleset = new CodeEditor($("ruleset-editor"), {
    id: "ruleset",
    label: "Ruleset",
    tokenize: EdictHighlight.edict,
    onChange: () => {
      scheduleCheck();
      markStale();
      document.body.dataset.edited = "true";
    },
  });
  const claims = new CodeEditor($("claims-editor"), {
    id: "claims",
    label: "Claims",
    tokenize: EdictHighlight.json,
    onChange: () => markStale(),
  });

  function status(text) {
    $("status").textContent = text;
  }

  async function post(path, body) {
    const response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.error || response.status + " " + response.statusText);
    return answer;
  }

  // ------------------------------------------------------------ diagnostics

  function scheduleCheck() {
    clearTimeout(state.checkTimer);
    $("check-status").textContent = "checking…";
    $("check-status").className = "check-status";
    state.checkTimer = setTimeout(check, CHECK_DELAY_MS);
  }

  async function check() {
    const number = ++state.sent;
    try {
      const answer = await post("/api/check", { ruleset: ruleset.text });
      showDiagnostics(answer, number, "checked in " + answer.ms + " ms");
    } catch (error) {
      $("check-status").textContent = "check failed: " + error.message;
      $("check-status").className = "check-status bad";
    }
  }

  /// Shows the diagnostics of an answer to text number `number`, unless a
  /// newer text's are shown already.
  function showDiagnostics(answer, number, note) {
    if (number < state.shown) return;
    state.shown = number;
    const path = state.workspace.ruleset.path;
    ruleset.setDiagnostics(answer.diagnostics.filter((d) => d.file === path));
    drawDiagnostics($("diagnostics"), answer, pick);
    const counts = [];
    if (answer.errors) counts.push(plural(answer.errors, "error"));
    if (answer.warnings) counts.push(plural(answer.warnings, "warning"));
    $("problem-count").textContent = counts.length ? counts.join(", ") : "none";
    $("check-status").textContent = (counts.length ? counts.join(", ") : "no problems") + " · " + note;
    $("check-status").className = "check-status " + (answer.errors ? "bad" : "good");
    document.body.dataset.checked = String(number);
  }

  /// Goes to a diagnostic: in the editor when it is of the edited file.
  function pick(d) {
    if (d.file === state.workspace.ruleset.path) ruleset.reveal(d.line, d.column, d.length);
    else status(d.file + " is not the file being edited; open it with --ruleset to change it");
  }

  // ------------------------------------------------------------ tabs

  const tabs = ["results", "tests", "records"];
  function showTab(name) {
    for (const tab of tabs) {
      $("tab-" + tab).setAttribute("aria-selected", String(tab === name));
      $("panel-" + tab).hidden = tab !== name;
    }
  }
  for (const tab of tabs) $("tab-" + tab).addEventListener("click", () => showTab(tab));

  function markStale() {
    for (const [panel, text] of [
      ["panel-results", state.ranText],
      ["panel-records", state.ranText],
      ["panel-tests", state.testedText],
    ]) {
      const node = $(panel);
      const changed = text !== null && (panel === "panel-tests" ? text !== ruleset.text : text !== ruleset.text + "\0" + claims.text);
      let note = node.querySelector(".stale");
      if (changed && !note) {
        note = EdictResults.el("p", "stale", "Edited since this run: run again to see the new answers.");
        node.prepend(note);
      } else if (!changed && note) {
        note.remove();
      }
    }
  }

  // ------------------------------------------------------------ actions

  async function runClaims() {
    const number = ++state.sent;
    $("run-claims").disabled = true;
    status("running the claims…");
    try {
      const text = ruleset.text;
      const answer = await post("/api/run", { ruleset: text, claims: claims.text });
      showDiagnostics(answer, number, "checked with the run");
      state.ranText = text + "\0" + claims.text;
      drawResults($("panel-results"), answer);
      drawRecords($("panel-records"), answer);
      const records = answer.ran ? answer.rows.filter((r) => r.record !== null).length : 0;
      $("results-count").textContent = answer.ran ? String(records) : "";
      showTab("results");
      status(answer.ran ? answer.summary + " · " + answer.ms + " ms" : answer.problem);
      document.body.dataset.ran = String(number);
    } catch (error) {
      status("run failed: " + error.message);
    } finally {
      $("run-claims").disabled = false;
    }
  }

  async function runTests() {
    const number = ++state.sent;
    $("run-tests").disabled = true;
    status("running the tests…");
    try {
      const text = ruleset.text;
      const answer = await post("/api/test", { ruleset: text });
      showDiagnostics(answer, number, "checked with the tests");
      state.testedText = text;
      drawTests($("panel-tests"), answer, (line) => ruleset.reveal(line, 1, 0));
      $("tests-count").textContent = answer.ran ? answer.passed + "/" + answer.tests.length : "";
      showTab("tests");
      status(answer.ran ? answer.summary + " · " + answer.ms + " ms" : answer.problem);
      document.body.dataset.tested = String(number);
    } catch (error) {
      status("tests failed to run: " + error.message);
    } finally {
      $("run-tests").disabled = false;
    }
  }

  function download() {
    const path = state.workspace.ruleset.path;
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([ruleset.text], { type: "text/plain" }));
    link.download = path.slice(path.lastIndexOf("/") + 1);
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  function open(workspace) {
    state.workspace = workspace;
    ruleset.text = workspace.ruleset.text;
    claims.text = workspace.claims.text;
    $("ruleset-file").textContent = workspace.ruleset.path;
    $("claims-file").textContent = workspace.claims.path;
    delete document.body.dataset.edited;
    markStale();
    check();
  }

  $("run-claims").addEventListener("click", runClaims);
  $("run-tests").addEventListener("click", runTests);
  $("download").addEventListener("click", download);
  $("reset").addEventListener("click", () => {
    if (!document.body.dataset.edited || confirm("Go back to the files as they were opened? Your edits are lost."))
      open(state.workspace);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (event.shiftKey) runTests();
      else runClaims();
    }
  });
  window.addEventListener("beforeunload", (event) => {
    if (document.body.dataset.edited) event.preventDefault();
  });

  fetch("/api/workspace")
    .then((response) => response.json())
    .then((workspace) => {
      open(workspace);
      $("run-claims").disabled = false;
      $("run-tests").disabled = false;
      status("edict " + workspace.version + " · claims run on the " + workspace.engine + " engine");
      document.body.dataset.ready = "true";
    })
    .catch((error) => status("cannot load the workspace: " + error.message));
})();
