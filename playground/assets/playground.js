// The playground page: loads the opened files, checks the ruleset as it is
// typed (debounced; an answer to an older text is dropped), runs the tests
// and the claims when asked, and draws what edict answers.
"use strict";

(function () {
  const CHECK_DELAY_MS = 50; // a pause in typing this long sends a check
  const { plural, drawDiagnostics, drawResults, drawTests, drawRecords } = window.EdictResults;
  const $ = (id) => document.getElementById(id);

  const state = {
    workspace: null,
    checkTimer: 0,
    sent: 0, // texts sent for checking
    shown: 0, // the newest text whose diagnostics are shown
    ranText: null, // the texts the shown results are of
    testedText: null,
    editedAt: 0, // performance.now() of the last keystroke in the ruleset
    checkedText: 0, // the number of the text the last check sent
    checking: false, // a check is waiting for its answer
    checkAgain: false, // the text changed while it waited
  };

  const ruleset = new CodeEditor($("ruleset-editor"), {
    id: "ruleset",
    label: "Ruleset",
    tokenize: EdictHighlight.edict,
    onChange: () => {
      state.editedAt = performance.now();
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

  /// Checks the ruleset's text. One check at a time: edits made while one
  /// runs are checked together when it ends (a large ruleset's check takes
  /// longer than a keystroke), so the server never works on stale texts.
  async function check() {
    if (state.checking) {
      state.checkAgain = true;
      return;
    }
    state.checking = true;
    const number = ++state.sent;
    const typedAt = state.editedAt;
    state.checkedText = number;
    try {
      const answer = await post("/api/check", { ruleset: ruleset.text });
      showDiagnostics(answer, number, "checked in " + answer.ms + " ms");
      // From the last keystroke to its diagnostics on the page (the
      // browser test reports it: docs/performance.md).
      if (number === state.checkedText && typedAt)
        document.body.dataset.latency = (performance.now() - typedAt).toFixed(1);
    } catch (error) {
      $("check-status").textContent = "check failed: " + error.message;
      $("check-status").className = "check-status bad";
    } finally {
      state.checking = false;
      if (state.checkAgain) {
        state.checkAgain = false;
        check();
      }
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

  /// Asks `path` with `body` while `button` is held down and the status
  /// says `doing`; shows the diagnostics that come back, gives the answer
  /// to `draw` and says what it did in the status line. The answer's
  /// number, as a text sent.
  async function ask(button, path, body, doing, draw) {
    const number = ++state.sent;
    $(button).disabled = true;
    status(doing);
    try {
      const answer = await post(path, body);
      showDiagnostics(answer, number, "checked with the " + (path === "/api/run" ? "run" : "tests"));
      draw(answer);
      status(answer.ran ? answer.summary + " · " + answer.ms + " ms" : answer.problem);
      return number;
    } catch (error) {
      status(doing.replace(/…$/, "") + " failed: " + error.message);
      return 0;
    } finally {
      $(button).disabled = false;
    }
  }

  async function runClaims() {
    const text = ruleset.text + "\0" + claims.text;
    const body = { ruleset: ruleset.text, claims: claims.text };
    const number = await ask("run-claims", "/api/run", body, "running the claims…", (answer) => {
      state.ranText = text;
      drawResults($("panel-results"), answer);
      drawRecords($("panel-records"), answer);
      const records = answer.ran ? answer.rows.filter((r) => r.record !== null).length : 0;
      $("results-count").textContent = answer.ran ? String(records) : "";
      showTab("results");
      markStale();
    });
    if (number) document.body.dataset.ran = String(number);
  }

  async function runTests() {
    const text = ruleset.text;
    const number = await ask("run-tests", "/api/test", { ruleset: text }, "running the tests…", (answer) => {
      state.testedText = text;
      drawTests($("panel-tests"), answer, (line) => ruleset.reveal(line, 1, 0));
      $("tests-count").textContent = answer.ran ? answer.passed + "/" + answer.tests.length : "";
      showTab("tests");
      markStale();
    });
    if (number) document.body.dataset.tested = String(number);
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
