// The playground's code editor: a plain <textarea> for the typing (so that
// the browser's own editing, selection, undo and input methods all work),
// over a layer that draws the same text with colours, squiggles under the
// exact range of each diagnostic and its message at the end of the line,
// beside a gutter of line numbers. Both layers use one font and one line
// height and never wrap, so a character is at the same place in each; only
// the lines in view are drawn.
"use strict";

(function () {
  const ROWS_AROUND = 40; // lines drawn above and below the view

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  }

  /// The UTF-16 index in `line` of the code point numbered `points` (from
  /// 0): edict's columns count code points, JavaScript strings UTF-16 units.
  function utf16Index(line, points) {
    let index = 0;
    let seen = 0;
    for (const ch of line) {
      if (seen === points) return index;
      index += ch.length;
      seen++;
    }
    return index;
  }

  class CodeEditor {
    /// `host` receives the editor; `options.tokenize(line)` gives colour
    /// spans; `options.onChange(text)` is called after each edit;
    /// `options.id` names the textarea (`ID-input`); `options.label` is its
    /// accessible name.
    constructor(host, options) {
      this.tokenize = options.tokenize || (() => []);
      this.onChange = options.onChange || (() => {});
      this.diagnostics = new Map(); // line -> [{from, to, severity, text}]
      this.lines = [""];

      host.innerHTML =
        '<div class="editor"><div class="gutter"><div class="gutter-inner"></div></div>' +
        '<div class="code"><pre class="layer" aria-hidden="true"><code></code></pre>' +
        '<textarea spellcheck="false" autocapitalize="off" autocomplete="off" wrap="off"></textarea>' +
        "</div></div>";
      this.gutter = host.querySelector(".gutter-inner");
      this.layer = host.querySelector(".layer code");
      this.input = host.querySelector("textarea");
      this.input.id = options.id + "-input";
      this.input.setAttribute("aria-label", options.label || options.id);

      this.input.addEventListener("input", () => {
        this.lines = this.input.value.split("\n");
        this.render();
        this.onChange(this.input.value);
      });
      this.input.addEventListener("scroll", () => this.render());
      for (const event of ["keyup", "click", "focus", "select"])
        this.input.addEventListener(event, () => this.renderIfCaretMoved());
      this.input.addEventListener("keydown", (event) => this.keydown(event));
      new ResizeObserver(() => this.render()).observe(this.input);
      this.tabInserts = true;
    }

    get text() {
      return this.input.value;
    }

    /// Replaces the whole text (opening a file), not as an edit.
    set text(value) {
      this.input.value = value;
      this.lines = value.split("\n");
      this.input.setSelectionRange(0, 0);
      this.input.scrollTop = 0;
      this.render();
    }

    focus() {
      this.input.focus();
    }

    /// The diagnostics of this file: objects of `edict check --format json`
    /// (1-based line, column and length in code points).
    setDiagnostics(list) {
      this.diagnostics = new Map();
      const last = this.lines.length;
      for (const d of list) {
        const line = Math.min(Math.max(d.line, 1), last);
        const text = this.lines[line - 1];
        const from = utf16Index(text, Math.max(d.column, 1) - 1);
        const to = utf16Index(text, Math.max(d.column, 1) - 1 + Math.max(d.length, 0));
        if (!this.diagnostics.has(line)) this.diagnostics.set(line, []);
        this.diagnostics.get(line).push({
          from,
          to,
          severity: d.severity === "warning" ? "warning" : "error",
          text: d.code + " " + d.message,
        });
      }
      this.render();
    }

    /// Selects the range of a diagnostic (1-based line and column in code
    /// points, length in code points) and scrolls it into view.
    reveal(line, column, length) {
      line = Math.min(Math.max(line, 1), this.lines.length);
      let offset = 0;
      for (let i = 0; i < line - 1; i++) offset += this.lines[i].length + 1;
      const text = this.lines[line - 1];
      const from = offset + utf16Index(text, Math.max(column, 1) - 1);
      const to = offset + utf16Index(text, Math.max(column, 1) - 1 + Math.max(length || 0, 0));
      this.input.focus();
      this.input.setSelectionRange(from, to);
      const lineHeight = this.lineHeight();
      const top = (line - 1) * lineHeight;
      if (top < this.input.scrollTop || top > this.input.scrollTop + this.input.clientHeight - 2 * lineHeight)
        this.input.scrollTop = Math.max(0, top - this.input.clientHeight / 3);
      this.render();
    }

    keydown(event) {
      // Tab indents (two spaces, as edict fmt does); Escape, then Tab,
      // leaves the editor, so that the keyboard is never trapped.
      if (event.key === "Escape") {
        this.tabInserts = false;
        return;
      }
      if (event.key === "Tab" && !event.shiftKey && !event.ctrlKey && !event.altKey && this.tabInserts) {
        event.preventDefault();
        if (!document.execCommand("insertText", false, "  ")) {
          this.input.setRangeText("  ", this.input.selectionStart, this.input.selectionEnd, "end");
          this.input.dispatchEvent(new Event("input"));
        }
        return;
      }
      this.tabInserts = true;
    }

    lineHeight() {
      return parseFloat(getComputedStyle(this.input).lineHeight) || 19;
    }

    caretLine() {
      const before = this.input.value.slice(0, this.input.selectionStart);
      let line = 1;
      for (let i = before.indexOf("\n"); i !== -1; i = before.indexOf("\n", i + 1)) line++;
      return line;
    }

    renderIfCaretMoved() {
      if (this.caretLine() !== this.drawnCaret) this.render();
    }

    /// Draws the lines in view (and some around them) in the layer and the
    /// gutter, where the textarea has scrolled to.
    render() {
      const lineHeight = this.lineHeight();
      const scrollTop = this.input.scrollTop;
      const first = Math.max(0, Math.floor(scrollTop / lineHeight) - ROWS_AROUND);
      const shown = Math.ceil((this.input.clientHeight || 600) / lineHeight) + 2 * ROWS_AROUND;
      const end = Math.min(this.lines.length, first + shown);
      const caret = document.activeElement === this.input ? this.caretLine() : 0;
      this.drawnCaret = caret;

      let rows = "";
      let numbers = "";
      for (let i = first; i < end; i++) {
        const line = i + 1;
        const marks = this.diagnostics.get(line) || [];
        const severity = marks.some((m) => m.severity === "error") ? "error" : marks.length ? "warning" : "";
        rows += '<div class="row' + (line === caret ? " current" : "") + '">' + this.drawLine(this.lines[i], marks) + "</div>";
        numbers += '<div class="n ' + severity + '">' + line + "</div>";
      }
      const pad = first * lineHeight;
      this.layer.style.paddingTop = pad + "px";
      this.layer.style.transform = "translate(" + -this.input.scrollLeft + "px," + -scrollTop + "px)";
      this.layer.innerHTML = rows;
      this.gutter.style.paddingTop = 6 + pad + "px";
      this.gutter.style.transform = "translateY(" + -scrollTop + "px)";
      this.gutter.innerHTML = numbers;
    }

    /// One line as HTML: its colour spans, the diagnostics' ranges over
    /// them, and the first diagnostic's message after the text.
    drawLine(text, marks) {
      const spans = this.tokenize(text);
      const cuts = new Set([0, text.length]);
      for (const [from, to] of spans) cuts.add(from).add(to);
      for (const m of marks) cuts.add(Math.min(m.from, text.length)).add(Math.min(m.to, text.length));
      const points = [...cuts].sort((a, b) => a - b);
      let html = "";
      let span = 0;
      for (let k = 0; k + 1 < points.length; k++) {
        const from = points[k];
        const to = points[k + 1];
        while (span < spans.length && spans[span][1] <= from) span++;
        const classes = [];
        if (span < spans.length && spans[span][0] <= from) classes.push(spans[span][2]);
        for (const m of marks) {
          if (m.from <= from && to <= m.to && m.from < m.to) classes.push("sq-" + m.severity);
          if (m.from === m.to && m.from === from) html += '<span class="sq-point"></span>';
        }
        const chunk = escapeHtml(text.slice(from, to));
        html += classes.length ? '<span class="' + classes.join(" ") + '">' + chunk + "</span>" : chunk;
      }
      for (const m of marks)
        if (m.from === m.to && m.from >= text.length) html += '<span class="sq-point"></span>';
      if (marks.length) {
        const first = marks.find((m) => m.severity === "error") || marks[0];
        html += '<span class="inline-msg ' + first.severity + '">' + escapeHtml(first.text) + "</span>";
      }
      return html;
    }
  }

  window.CodeEditor = CodeEditor;
})();
