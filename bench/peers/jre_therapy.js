// The therapy policy as json-rules-engine rules. json-rules-engine judges
// one set of facts per run and cannot quantify over lists, so line rules run
// once per line and pair rules once per ordered pair of lines of the same
// same-day group (line = the column-2 candidate, other = the column-1 one).
// A generic set operator (containsAny) and two derived facts (the anatomic
// modifiers of each line) are the only code added to the engine; every
// rule's logic is in its conditions. Tuned as its documentation suggests:
// flat facts (no JSONPath per condition) and condition priorities, so that
// a rule stops at its first failing code test.
'use strict';

const policy = require('./therapy_policy');

const anatomicSet = new Set(policy.ANATOMIC);

// Condition priorities: higher runs first, and a failure stops the rule.
const FIRST = 10;
const SECOND = 5;

const has = (fact, set) => ({ fact, operator: 'containsAny', value: set });
const numIn = (range) => [
  { fact: 'lineNum', operator: 'greaterThanInclusive', value: range.first, priority: FIRST },
  { fact: 'lineNum', operator: 'lessThanInclusive', value: range.last, priority: FIRST },
];
const edit = (rule, action, reason) => ({ type: 'edit', params: { rule, action, reason } });

function bypass(pair) {
  if (pair.bypass === 'region') {
    return { any: [has('lineMods', policy.DISTINCT_REGION), has('otherMods', policy.DISTINCT_REGION)] };
  }
  return {
    any: [
      has('lineMods', policy.NCCI_PLAIN),
      has('otherMods', policy.NCCI_PLAIN),
      {
        all: [
          has('lineMods', policy.ANATOMIC),
          has('otherMods', policy.ANATOMIC),
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
    (await almanac.factValue(fact)).filter((m) => anatomicSet.has(m));
  pairEngine.addFact('lineSites', sites('lineMods'));
  pairEngine.addFact('otherSites', sites('otherMods'));

  lineEngine.addRule({
    name: 'therapy_discipline', priority: 3,
    conditions: { all: [...numIn(policy.THERAPY), { not: has('lineMods', policy.DISCIPLINE) }] },
    event: edit('therapy_discipline', 'deny', 'CO-4'),
  });
  lineEngine.addRule({
    name: 'group_needs_59', priority: 2,
    conditions: {
      all: [
        { fact: 'lineCode', operator: 'equal', value: '97110', priority: FIRST },
        { fact: 'sameDayCodes', operator: 'contains', value: '97150', priority: SECOND },
        { not: has('lineMods', policy.DISTINCT_SERVICE) },
      ],
    },
    event: edit('group_needs_59', 'deny', 'CO-236'),
  });
  lineEngine.addRule({
    name: 'evaluation_one_unit', priority: 1,
    conditions: {
      all: [...numIn(policy.EVALUATIONS), { fact: 'lineUnits', operator: 'greaterThan', value: 1 }],
    },
    event: edit('evaluation_one_unit', 'modify', 'CO-151'),
  });
  for (const pair of policy.PAIRS) {
    const id = `ptp_${pair.column1}_${pair.column2}`;
    pairEngine.addRule({
      name: id,
      conditions: {
        all: [
          { fact: 'lineCode', operator: 'equal', value: pair.column2, priority: FIRST },
          { fact: 'otherCode', operator: 'equal', value: pair.column1, priority: FIRST },
          { fact: 'lineDate', operator: 'greaterThanInclusive', value: policy.PAIRS_SINCE, priority: SECOND },
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
        const facts = {
          lineCode: frame.code, lineNum: frame.num, lineMods: frame.mods, lineUnits: frame.units,
          sameDayCodes: frame.others.map((o) => o.code),
        };
        for (const e of (await lineEngine.run(facts)).events) {
          keys.push(`${claimId}\t${frame.pos}\t${e.params.rule}\t${e.params.action}\t${e.params.reason}`);
        }
        const fired = new Map();
        for (const other of frame.others) {
          const pairFacts = {
            lineCode: frame.code, lineDate: frame.date, lineMods: frame.mods,
            otherCode: other.code, otherMods: other.mods,
          };
          for (const e of (await pairEngine.run(pairFacts)).events) fired.set(e.params.rule, e.params);
        }
        for (const p of fired.values()) keys.push(`${claimId}\t${frame.pos}\t${p.rule}\t${p.action}\t${p.reason}`);
      }
      return keys;
    },
    dispose() {},
  };
}

module.exports = { makeJre };
