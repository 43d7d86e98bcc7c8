#include "harness/agreement.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <tuple>

#include "runtime/write/record_format.h"

namespace edict::bench {

namespace {

/// Every field of the output contract; ruleIndex is edict's own bookkeeping.
bool sameRecord(const model::Edit& a, const model::Edit& b) {
  return std::tie(a.claimId, a.line, a.rule, a.action, a.reason, a.message, a.relatedLines,
                  a.ruleset, a.version, a.billedUnits, a.allowedUnits) ==
         std::tie(b.claimId, b.line, b.rule, b.action, b.reason, b.message, b.relatedLines,
                  b.ruleset, b.version, b.billedUnits, b.allowedUnits);
}

std::string render(const std::vector<model::Edit>& edits) {
  static const auto format = write::makeRecordFormat(write::OutputFormat::Jsonl);
  std::string out;
  for (const model::Edit& e : edits) format->append(e, out);
  return out.empty() ? "(no edits)\n" : out;
}

}  // namespace

std::optional<std::string> firstDifference(const ClaimSet& set, const EditsByClaim& a,
                                           const std::string& aName, const EditsByClaim& b,
                                           const std::string& bName) {
  for (std::size_t i = 0; i < set.claims.size(); ++i) {
    const auto& x = a.at(i);
    const auto& y = b.at(i);
    if (x.size() == y.size() && std::equal(x.begin(), x.end(), y.begin(), sameRecord)) continue;
    return "claim " + set.claims[i].id + ":\n  " + aName + ":\n" + render(x) + "  " + bName +
           ":\n" + render(y);
  }
  return std::nullopt;
}

std::string editKey(const model::Edit& edit) {
  std::string key = edit.claimId;
  key += '\t';
  key += edit.line ? std::to_string(*edit.line) : "-";
  key += '\t';
  key += edit.rule;
  key += '\t';
  key += model::actionName(edit.action);
  key += '\t';
  key += edit.reason;
  return key;
}

PeerResult readPeerResult(const std::string& summaryPath) {
  simdjson::dom::parser parser;
  simdjson::dom::element summary;
  if (parser.load(summaryPath).get(summary) != simdjson::SUCCESS)
    throw std::runtime_error("cannot read the peer summary `" + summaryPath + "`");
  PeerResult peer;
  std::string_view text;
  std::string_view editsFile;
  std::uint64_t claims = 0;
  std::uint64_t lines = 0;
  if (summary["engine"].get(text) == simdjson::SUCCESS) peer.engine = text;
  if (summary["package"].get(text) == simdjson::SUCCESS) peer.package = text;
  if (summary["version"].get(text) == simdjson::SUCCESS) peer.version = text;
  if (summary["claims"].get(claims) != simdjson::SUCCESS ||
      summary["lines"].get(lines) != simdjson::SUCCESS ||
      summary["seconds"].get(peer.seconds) != simdjson::SUCCESS ||
      summary["cpu_seconds"].get(peer.cpuSeconds) != simdjson::SUCCESS ||
      summary["edits"].get(editsFile) != simdjson::SUCCESS)
    throw std::runtime_error("`" + summaryPath +
                             "` lacks claims, lines, seconds, cpu_seconds or edits");
  peer.claims = claims;
  peer.lines = lines;
  const auto editsPath = std::filesystem::path(summaryPath).parent_path() / editsFile;
  std::ifstream in(editsPath);
  if (!in) throw std::runtime_error("cannot read the peer edits `" + editsPath.string() + "`");
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) peer.editKeys.push_back(line);
  return peer;
}

std::optional<std::string> comparePeer(const ClaimSet& set, const EditsByClaim& reference,
                                       const PeerResult& peer) {
  if (peer.claims > set.claims.size())
    return peer.engine + " evaluated " + std::to_string(peer.claims) + " claims, more than the " +
           std::to_string(set.claims.size()) + " given";
  std::vector<std::string> expected;
  for (std::size_t i = 0; i < peer.claims; ++i)
    for (const model::Edit& e : reference[i]) expected.push_back(editKey(e));
  std::vector<std::string> actual = peer.editKeys;
  std::sort(expected.begin(), expected.end());
  std::sort(actual.begin(), actual.end());
  if (expected == actual) return std::nullopt;
  std::vector<std::string> missing;
  std::vector<std::string> extra;
  std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                      std::back_inserter(missing));
  std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                      std::back_inserter(extra));
  std::string report = peer.engine + " differs from edict: " + std::to_string(missing.size()) +
                       " edits missing, " + std::to_string(extra.size()) + " extra";
  for (std::size_t i = 0; i < std::min<std::size_t>(5, missing.size()); ++i)
    report += "\n  missing: " + missing[i];
  for (std::size_t i = 0; i < std::min<std::size_t>(5, extra.size()); ++i)
    report += "\n  extra:   " + extra[i];
  return report;
}

std::map<std::string, std::size_t> editsByRule(const EditsByClaim& edits) {
  std::map<std::string, std::size_t> counts;
  for (const auto& claim : edits)
    for (const model::Edit& e : claim) ++counts[e.rule];
  return counts;
}

}  // namespace edict::bench
