// The rules of bench/rulesets/therapy_bench.edict as data, shared by the two
// Node peers so that they encode the same policy: the code sets, modifier
// sets and PTP pairs, in the ruleset's order. Each peer turns this into its
// own engine's rule format (zen_therapy.js, jre_therapy.js); the evaluation
// is done by the engines, not by this file.
'use strict';

const daysSince1970 = (iso) => Math.round(Date.parse(iso + 'T00:00:00Z') / 86400000);

const THERAPY = { first: 97010, last: 97799 };
const EVALUATIONS = { first: 97161, last: 97168 };
const DISCIPLINE = ['GP', 'GO', 'GN'];
const DISTINCT_SERVICE = ['59', 'XE', 'XS', 'XP', 'XU'];
const DISTINCT_REGION = ['59', 'XS'];
// NCCI-associated modifiers: anatomic ones bypass only when the two lines
// name different sites; the others bypass on either line.
const ANATOMIC = ['E1', 'E2', 'E3', 'E4', 'FA', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8',
  'F9', 'TA', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'LT', 'RT', 'LC', 'LD', 'RC',
  'LM', 'RI'];
const NCCI_PLAIN = ['24', '25', '57', '58', '78', '79', '27', '59', '91', 'XE', 'XS', 'XP', 'XU'];

const PAIRS_SINCE = daysSince1970('2020-01-01');
const PAIRS = [{ column1: '97140', column2: '97530', bypass: 'ncci' }];
for (const column2 of ['97140', '97112', '97124']) {
  for (const column1 of ['98940', '98941', '98942', '98943']) {
    PAIRS.push({ column1, column2, bypass: 'region' });
  }
}

module.exports = {
  daysSince1970, THERAPY, EVALUATIONS, DISCIPLINE, DISTINCT_SERVICE, DISTINCT_REGION, ANATOMIC,
  NCCI_PLAIN, PAIRS_SINCE, PAIRS,
};
