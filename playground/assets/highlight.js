// Syntax colours for the playground's editors, a line at a time: the rule
// language with the scopes of the TextMate grammar
// (tools/editors/vscode/syntaxes/edict.tmLanguage.json), and claims as JSON.
// A tokenizer gives [start, end, class] spans in UTF-16 indices of the line;
// text between spans is plain.
"use strict";

(function () {
  // The keywords of the TextMate grammar, in the same order.
  const KEYWORDS =
    "applicable|diagnoses|effective|indicator|modifiers|calendar|modifier|override|provider|" +
    "allowed|disable|extends|history|include|message|minutes|nothing|patient|require|reverse|" +
    "ruleset|version|bypass|within|charge|except|expect|forbid|format|limits|modify|places|" +
    "reason|reject|review|claim|codes|known|limit|pairs|payer|place|since|units|until|born|" +
    "date|days|deny|flag|from|keep|line|pair|rule|test|when|age|and|day|max|not|one|per|sex|" +
    "by|id|in|is|no|on|or";

  // One alternative per token class; the first that matches at a place wins.
  const EDICT = new RegExp(
    [
      "(?<comment>#.*$)",
      '(?<string>"(?:[^"\\\\]|\\\\.)*"?)',
      "(?<date>\\b[0-9]{4}-[0-9]{2}-[0-9]{2}\\b)",
      "(?<reason>\\b(?:CO|PR|OA|PI|CR)-[A-Z0-9]+\\b)",
      "(?<declare>\\b(?:ruleset|rule|codes|modifiers|places|diagnoses)\\s+[A-Za-z_][A-Za-z0-9_]*)",
      "(?<field>\\b(?:line|other|claim|patient|same_day)\\.[a-z_.]+)",
      "(?<code>\\b(?:[0-9]{5}|[A-Z][0-9]{4}|[0-9]{4}[FTUMA])\\b)",
      "(?<number>\\b[0-9]+\\b)",
      "(?<keyword>\\b(?:" + KEYWORDS + ")\\b)",
      "(?<op>==|!=|<=|>=|<|>|\\+|\\.\\.|=)",
    ].join("|"),
    "g"
  );

  const JSON_TOKENS = new RegExp(
    [
      '(?<key>"(?:[^"\\\\]|\\\\.)*"(?=\\s*:))',
      '(?<string>"(?:[^"\\\\]|\\\\.)*"?)',
      "(?<number>-?\\b[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\\b)",
      "(?<keyword>\\b(?:true|false|null)\\b)",
      "(?<punct>[{}\\[\\],:])",
    ].join("|"),
    "g"
  );

  function tokenize(pattern, line) {
    const spans = [];
    pattern.lastIndex = 0;
    let match;
    while ((match = pattern.exec(line)) !== null) {
      if (match[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const groups = match.groups;
      for (const name in groups) {
        if (groups[name] === undefined) continue;
        if (name === "declare") {
          // The keyword, then the name it declares.
          const keyword = match[0].match(/^[a-z]+/)[0];
          const nameAt = match[0].search(/[A-Za-z_][A-Za-z0-9_]*$/);
          spans.push([match.index, match.index + keyword.length, "t-keyword"]);
          spans.push([match.index + nameAt, match.index + match[0].length, "t-name"]);
        } else {
          spans.push([match.index, match.index + match[0].length, "t-" + name]);
        }
        break;
      }
    }
    return spans;
  }

  window.EdictHighlight = {
    /// Spans of a line of a ruleset.
    edict: (line) => tokenize(EDICT, line),
    /// Spans of a line of claims (JSON Lines or FHIR; other formats get
    /// their quoted strings and numbers coloured, which does no harm).
    json: (line) => tokenize(JSON_TOKENS, line),
  };
})();
