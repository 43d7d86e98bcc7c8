#!/usr/bin/env node
// Runs the Node peers of the benchmark, GoRules ZEN and json-rules-engine, on
// the claims `edict_bench prepare` wrote (edict's reader has already set the
// malformed ones aside). Claims are parsed before the clock starts, as edict's
// are; the timed part is what an integrator would write around each engine:
// grouping each claim's lines by provider and date, calling the engine, and
// collecting (claim, line, rule, action, reason) for every edit.
//
// usage: node run_peers.js --claims FILE --out DIR [--budget SECONDS] [--only zen|jre]
// Each engine evaluates claims in order until the budget (wall clock) is
// spent (0: all claims); DIR/<engine>.json sums it up, with the process's CPU
// time (ZEN's native threads included), and DIR/<engine>.edits.tsv lists its
// edits, which edict_bench compare checks against edict's.
'use strict';

const fs = require('fs');
const path = require('path');
const policy = require('./therapy_policy');
const { makeZen } = require('./zen_therapy');
const { makeJre } = require('./jre_therapy');

function parseArgs(argv) {
  const args = { budget: 10, only: null };
  for (let i = 2; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--claims') args.claims = value;
    else if (flag === '--out') args.out = value;
    else if (flag === '--budget') args.budget = Number(value);
    else if (flag === '--only') args.only = value;
    else throw new Error(`unknown option ${flag}`);
  }
  if (!args.claims || !args.out) throw new Error('usage: run_peers.js --claims FILE --out DIR [--budget S] [--only zen|jre]');
  return args;
}

/// A claim as the engines need it; done before timing, like edict's reader.
function toClaim(json) {
  return {
    id: json.id,
    provider: json.provider ? json.provider.npi : '',
    lines: json.lines.map((l, i) => ({
      pos: i + 1,
      code: l.code,
      num: /^[0-9]{5}$/.test(l.code) ? Number(l.code) : -1,
      mods: l.modifiers || [],
      units: l.units === undefined ? 1 : l.units,
      date: policy.daysSince1970(l.date),
      provider: l.provider ? l.provider.npi : '',
    })),
  };
}

/// Each line with the other lines of its same-day group (same rendering
/// provider and date): what a rule about "the same day" looks at.
function frames(claim) {
  const groups = new Map();
  for (const line of claim.lines) {
    const key = (line.provider || claim.provider) + '|' + line.date;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(line);
  }
  return claim.lines.map((line) => {
    const group = groups.get((line.provider || claim.provider) + '|' + line.date);
    return {
      pos: line.pos, code: line.code, num: line.num, mods: line.mods, units: line.units, date: line.date,
      others: group.filter((o) => o !== line).map((o) => ({ pos: o.pos, code: o.code, mods: o.mods })),
    };
  });
}

async function runEngine(id, engineName, pkg, make, claims, args) {
  const version = require(`${pkg}/package.json`).version;
  const engine = make();
  const keys = [];
  let done = 0;
  let lines = 0;
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let seconds = 0;
  for (const claim of claims) {
    keys.push(...await engine.evaluate(claim.id, frames(claim)));
    done += 1;
    lines += claim.lines.length;
    seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (args.budget > 0 && seconds >= args.budget) break;
  }
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  engine.dispose();
  const editsFile = `${id}.edits.tsv`;
  fs.writeFileSync(path.join(args.out, editsFile), keys.map((k) => k + '\n').join(''));
  const summary = {
    id, engine: engineName, package: pkg, version, claims: done, lines, seconds, cpu_seconds: cpuSeconds,
    edits: editsFile,
  };
  fs.writeFileSync(path.join(args.out, `${id}.json`), JSON.stringify(summary) + '\n');
  process.stderr.write(`${engineName} ${version}: ${done} claims in ${seconds.toFixed(2)} s ` +
    `(${cpuSeconds.toFixed(2)} CPU-s, ${Math.round(done / cpuSeconds)} claims per CPU-s), ` +
    `${keys.length} edits\n`);
}

async function main() {
  const args = parseArgs(process.argv);
  fs.mkdirSync(args.out, { recursive: true });
  const claims = fs.readFileSync(args.claims, 'utf8').split('\n').filter((l) => l.length > 0)
    .map((l) => toClaim(JSON.parse(l)));
  if (!args.only || args.only === 'zen') {
    await runEngine('zen', 'GoRules ZEN', '@gorules/zen-engine', makeZen, claims, args);
  }
  if (!args.only || args.only === 'jre') {
    await runEngine('json-rules-engine', 'json-rules-engine', 'json-rules-engine', makeJre, claims, args);
  }
}

main().catch((e) => {
  process.stderr.write(`run_peers.js: ${e.stack || e}\n`);
  process.exit(2);
});
