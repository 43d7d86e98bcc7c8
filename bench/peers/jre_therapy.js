// The therapy policy as json-rules-engine rules. json-rules-engine judges
// one set of facts per run and cannot quantify over lists, so line rules run
// once per line and pair rules once per ordered pair of lines of the same
// same-day group (line = the column-2 candidate, other = the column-1 one).
// Two generic set operators and two derived facts are the only code added to
// the engine; every rule's logic is in its conditions.
'use strict';

const policy = require('./therapy_policy');

const anatomicSet = new Set(policy.ANATOMIC);

const has = (fact, set) => ({ fact, path: '$.mods', operator: 'containsAny', value: set });
const numIn = (range) => [
  { fact: 'line', path: '$.num', operator: 'greaterThanInclusive', value: range.first },
  { fact: 'line', path: '$.num', operator: 'lessThanInclusive', value: range.last },
];
const edit = (rule, action, reason) => ({ type: 'edit', params: { rule, action, reason } });

function bypass(pair) {
  if (pair.bypass === 'region') {
    return { any: [has('line', policy.DISTINCT_REGION), has('other', policy.DISTINCT_REGION)] };
  }
  return {
    any: [
      has('line', policy.NCCI_PLAIN),
      has('other', policy.NCCI_PLAIN),
      {
        all: [
          has('line', policy.ANATOMIC),
          has('other', policy.ANATOMIC),
          { not: { fact: 'lineSites', operator: 'containsAny', value: { fact: 'otherSites' } } },
        ],
      },
    ],
  };
}

function makeEngines() {
  const { Engine } = require('json-rules-engine');
  const containsAny = (factValue, jsonValue) =>
    Array.isArray(factValue) && Array.isArray(jsonValue) && factValue.some((v) => jsonValue.includes(v));
  const lineEngine = new Engine([], { allowUndefinedFacts: true });
  const pairEngine = new Engine([], { allowUndefinedFacts: true });
  for (const engine of [lineEngine, pairEngine]) engine.addOperator('containsAny', containsAny);
  const sites = (fact) => async (params, almanac) =>
    (await almanac.factValue(fact)).mods.filter((m) => anatomicSet.has(m));
  pairEngine.addFact('lineSites', sites('line'));
  pairEngine.addFact('otherSites', sites('other'));

  lineEngine.addRule({
    name: 'therapy_discipline', priority: 3,
    conditions: { all: [...numIn(policy.THERAPY), { not: has('line', policy.DISCIPLINE) }] },
    event: edit('therapy_discipline', 'deny', 'CO-4'),
  });
  lineEngine.addRule({
    name: 'group_needs_59', priority: 2,
    conditions: {
      all: [
        { fact: 'line', path: '$.code', operator: 'equal', value: '97110' },
        { fact: 'sameDayCodes', operator: 'contains', value: '97150' },
        { not: has('line', policy.DISTINCT_SERVICE) },
      ],
    },
    event: edit('group_needs_59', 'deny', 'CO-236'),
  });
  lineEngine.addRule({
    name: 'evaluation_one_unit', priority: 1,
    conditions: {
      all: [...numIn(policy.EVALUATIONS), { fact: 'line', path: '$.units', operator: 'greaterThan', value: 1 }],
    },
    event: edit('evaluation_one_unit', 'modify', 'CO-151'),
  });
  for (const pair of policy.PAIRS) {
    const id = `ptp_${pair.column1}_${pair.column2}`;
    pairEngine.addRule({
      name: id,
      conditions: {
        all: [
          { fact: 'line', path: '$.code', operator: 'equal', value: pair.column2 },
          { fact: 'other', path: '$.code', operator: 'equal', value: pair.column1 },
          { fact: 'line', path: '$.date', operator: 'greaterThanInclusive', value: policy.PAIRS_SINCE },
          { not: bypass(pair) },
        ],
      },
      event: edit(id, 'deny', 'CO-236'),
    });
  }
  return { lineEngine, pairEngine };
}

/// An evaluator over claims' frames, like zen_therapy.js's. A pair rule
/// gives one edit per line however many other lines match it, as edict does.
function makeJre() {
  const { lineEngine, pairEngine } = makeEngines();
  return {
    async evaluate(claimId, frames) {
      const keys = [];
      for (const frame of frames) {
        const facts = { line: frame, sameDayCodes: frame.others.map((o) => o.code) };
        for (const e of (await lineEngine.run(facts)).events) {
          keys.push(`${claimId}\t${frame.pos}\t${e.params.rule}\t${e.params.action}\t${e.params.reason}`);
        }
        const fired = new Map();
        for (const other of frame.others) {
          for (const e of (await pairEngine.run({ line: frame, other })).events) fired.set(e.params.rule, e.params);
        }
        for (const p of fired.values()) keys.push(`${claimId}\t${frame.pos}\t${p.rule}\t${p.action}\t${p.reason}`);
      }
      return keys;
    },
    dispose() {},
  };
}

module.exports = { makeJre };
