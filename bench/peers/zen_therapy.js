// The therapy policy as a GoRules ZEN decision (JSON Decision Model): one
// decision table, run once per claim in loop mode over the claim's lines
// (each line with the other lines of its same-day group), collecting every
// row that matches. A row is one rule of bench/rulesets/therapy_bench.edict;
// its conditions are ZEN expressions, so ZEN's engine does all the matching.
'use strict';

const policy = require('./therapy_policy');

const list = (items) => '[' + items.map((m) => JSON.stringify(m)).join(',') + ']';
const any = (field, set) => `some(${field}, # in ${list(set)})`;

/// ZEN's closure variable `#` is the innermost element; `mods` alone is the
/// line's own modifiers (the loop element), `#.mods` the other line's.
function bypassExpression(pair) {
  if (pair.bypass === 'region') {
    return `${any('mods', policy.DISTINCT_REGION)} or ${any('#.mods', policy.DISTINCT_REGION)}`;
  }
  const anatomic = list(policy.ANATOMIC);
  return `${any('mods', policy.NCCI_PLAIN)} or ${any('#.mods', policy.NCCI_PLAIN)} or ` +
    `(some(mods, # in ${anatomic}) and some(#.mods, # in ${anatomic}) and ` +
    `none(#.mods, # in ${anatomic} and # in mods))`;
}

function row(id, code, condition, rule, action, reason) {
  return {
    _id: id, code, condition, rule: JSON.stringify(rule), action: JSON.stringify(action),
    reason: JSON.stringify(reason), line: 'pos',
  };
}

/// The JDM graph: request -> decision table (loop over `frames`) -> response.
function therapyDecision() {
  const rows = [
    row('discipline', `[${policy.THERAPY.first}..${policy.THERAPY.last}]`,
      `none(mods, # in ${list(policy.DISCIPLINE)})`, 'therapy_discipline', 'deny', 'CO-4'),
    row('group', '97110',
      `none(mods, # in ${list(policy.DISTINCT_SERVICE)}) and some(others, #.code == "97150")`,
      'group_needs_59', 'deny', 'CO-236'),
    row('evaluation', `[${policy.EVALUATIONS.first}..${policy.EVALUATIONS.last}]`, 'units > 1',
      'evaluation_one_unit', 'modify', 'CO-151'),
  ];
  for (const pair of policy.PAIRS) {
    rows.push(row(`ptp_${pair.column1}_${pair.column2}`, pair.column2,
      `date >= ${policy.PAIRS_SINCE} and ` +
      `some(others, #.code == "${pair.column1}" and not (${bypassExpression(pair)}))`,
      `ptp_${pair.column1}_${pair.column2}`, 'deny', 'CO-236'));
  }
  return {
    nodes: [
      { id: 'request', name: 'Request', type: 'inputNode', content: {} },
      {
        id: 'lines', name: 'Therapy edits', type: 'decisionTableNode',
        content: {
          hitPolicy: 'collect', executionMode: 'loop', inputField: 'frames', outputPath: 'edits',
          passThrough: false,
          inputs: [
            { id: 'code', name: 'Procedure code', field: 'num' },
            { id: 'condition', name: 'Condition' },
          ],
          outputs: [
            { id: 'rule', name: 'Rule', field: 'rule' },
            { id: 'action', name: 'Action', field: 'action' },
            { id: 'reason', name: 'Reason', field: 'reason' },
            { id: 'line', name: 'Line', field: 'line' },
          ],
          rules: rows,
        },
      },
      { id: 'response', name: 'Response', type: 'outputNode', content: {} },
    ],
    edges: [
      { id: 'e1', sourceId: 'request', targetId: 'lines' },
      { id: 'e2', sourceId: 'lines', targetId: 'response' },
    ],
  };
}

/// An evaluator over claims' frames: `await evaluate(claimId, frames)` gives
/// the edit keys (claim, line, rule, action, reason).
function makeZen() {
  const { ZenEngine } = require('@gorules/zen-engine');
  const engine = new ZenEngine();
  const decision = engine.createDecision(therapyDecision());
  return {
    async evaluate(claimId, frames) {
      const response = await decision.evaluate({ frames });
      const keys = [];
      for (const perLine of response.result.edits) {
        for (const e of perLine) keys.push(`${claimId}\t${e.line}\t${e.rule}\t${e.action}\t${e.reason}`);
      }
      return keys;
    },
    dispose() { engine.dispose(); },
  };
}

module.exports = { makeZen, therapyDecision };
