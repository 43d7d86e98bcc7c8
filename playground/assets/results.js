// The playground's answers drawn as the page shows them: the problems list,
// the results table (each edit opens to its explanation), the tests and the
// raw records. Everything from the server is put in the page as text, never
// as HTML.
"use strict";

(function () {
  /// An element with `className` and children (strings become text).
  function el(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  /// Empties `panel`; when the answer did not run (a ruleset with errors),
  /// says why there and returns false.
  function begin(panel, answer) {
    panel.replaceChildren();
    if (answer.ran) return true;
    panel.append(el("p", "problem", answer.problem || "it did not run"));
    return false;
  }

  /// The problems list: each diagnostic with its place, code, message and
  /// help; `onPick(d)` when one is clicked (or chosen with Enter).
  function drawDiagnostics(list, answer, onPick) {
    list.replaceChildren();
    const all = answer.diagnostics || [];
    if (all.length === 0) {
      list.append(el("li", "none", "No problems: the ruleset checks clean."));
      return;
    }
    for (const d of all) {
      const item = el(
        "li",
        d.severity,
        el("span", "where", d.file + ":" + d.line + ":" + d.column),
        el("span", "code", d.severity + "[" + d.code + "]"),
        el("span", "message", d.message),
        d.help ? el("span", "help", d.help) : null
      );
      item.tabIndex = 0;
      item.dataset.code = d.code;
      item.addEventListener("click", () => onPick(d));
      item.addEventListener("keydown", (e) => {
        if (e.key === "Enter") onPick(d);
      });
      list.append(item);
    }
  }

  /// The results of a run: one row per record, in order, and one per claim
  /// no edit fired on; a row with an explanation opens to show it.
  function drawResults(panel, answer) {
    if (!begin(panel, answer)) return;
    panel.append(el("p", "summary", answer.summary));
    if (answer.problem) panel.append(el("p", "problem", answer.problem));
    const table = el("table", "results");
    const head = el("tr", null);
    for (const title of ["claim", "line", "rule", "action", "reason", "message"]) head.append(el("th", null, title));
    table.append(el("thead", null, head));
    const body = el("tbody", null);
    for (const row of answer.rows) {
      const r = row.record;
      const tr = el("tr", null);
      if (r === null) {
        tr.className = "quiet";
        tr.append(el("td", "mono", row.claim), el("td", null, ""), el("td", null, "no edit fired"));
        tr.append(el("td", null, ""), el("td", null, ""), el("td", null, ""));
      } else if (typeof r !== "object") {
        tr.append(el("td", "mono", row.claim), el("td", null, ""), el("td", "mono", String(r)));
      } else {
        tr.append(
          el("td", "mono", r.claim === null ? "(no id)" : r.claim),
          el("td", "mono", r.line === null ? "claim" : r.line),
          el("td", "mono", r.rule === null ? "" : r.rule),
          el("td", null, el("span", "badge " + r.action, r.action)),
          el("td", "mono", r.reason || ""),
          el("td", null, r.message + (r.allowed_units !== undefined ? " (" + r.billed_units + " billed, " + r.allowed_units + " allowed)" : ""))
        );
        tr.dataset.reason = r.reason || "";
        tr.dataset.rule = r.rule || "";
      }
      body.append(tr);
      if (row.explanation) {
        tr.classList.add("edit");
        tr.tabIndex = 0;
        tr.title = "Show why";
        const detail = el("tr", "explanation", el("td", null, el("pre", null, row.explanation)));
        detail.firstChild.colSpan = 6;
        detail.hidden = true;
        const toggle = () => {
          detail.hidden = !detail.hidden;
          tr.classList.toggle("open", !detail.hidden);
        };
        tr.addEventListener("click", toggle);
        tr.addEventListener("keydown", (e) => {
          if (e.key === "Enter") toggle();
        });
        body.append(detail);
      }
    }
    table.append(body);
    panel.append(table);
  }

  /// The tests of the ruleset: `N passed, N failed`, then each test;
  /// `onPick(line)` when a test's place in the edited file is clicked.
  function drawTests(panel, answer, onPick) {
    if (!begin(panel, answer)) return;
    panel.append(el("p", "test-summary " + (answer.failed === 0 ? "good" : "bad"), answer.summary));
    if (answer.tests.length === 0) panel.append(el("p", "empty", "The ruleset has no test blocks."));
    const list = el("ul", "tests");
    for (const t of answer.tests) {
      const origin = el("span", "origin", t.origin);
      if (t.line !== null) origin.addEventListener("click", () => onPick(t.line));
      const item = el("li", null, el("span", "badge " + (t.passed ? "pass" : "fail"), t.passed ? "PASS" : "FAIL"), " ", t.name, origin);
      if (!t.passed) item.append(el("pre", null, t.failures.join("\n")));
      list.append(item);
    }
    panel.append(list);
  }

  /// The records as `edict run` writes them, and its summary line.
  function drawRecords(panel, answer) {
    if (!begin(panel, answer)) return;
    panel.append(el("p", "summary", answer.summary));
    panel.append(el("pre", "records", answer.records || "(no records)\n"));
  }

  window.EdictResults = { el, plural, drawDiagnostics, drawResults, drawTests, drawRecords };
})();
