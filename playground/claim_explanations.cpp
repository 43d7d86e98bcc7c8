#include "playground/claim_explanations.h"

#include <fmt/format.h>

#include <sstream>

#include "backends/interp/interpreter.h"
#include "runtime/eval/evaluator.h"
#include "runtime/explain/explainer.h"
#include "runtime/read/input_format.h"
#include "runtime/read/input_stream.h"
#include "runtime/run/batch_runner.h"
#include "runtime/write/jsonl_writer.h"

namespace edict::playground {

namespace {

/// How `edict explain` heads the part about `edit`.
std::string headingOf(const model::Edit& edit) {
  return fmt::format("{}: {} {}", edit.line ? fmt::format("line {}", *edit.line) : "claim",
                     model::actionName(edit.action), edit.rule);
}

}  // namespace

std::vector<std::string> editBlocks(const std::string& explanation,
                                    const std::vector<std::string>& headings) {
  // The explanation is the claim's lines, then a part per edit, each after
  // an empty line and starting with its heading.
  std::vector<std::size_t> starts;
  std::size_t from = 0;
  for (const std::string& heading : headings) {
    const std::size_t at = explanation.find("\n\n" + heading, from);
    if (at == std::string::npos) return std::vector<std::string>(headings.size(), explanation);
    starts.push_back(at + 2);
    from = at + 2 + heading.size();
  }
  std::vector<std::string> blocks;
  if (starts.empty()) return blocks;
  const std::string header = explanation.substr(0, starts.front() - 1);
  for (std::size_t i = 0; i < starts.size(); ++i) {
    const std::size_t end = i + 1 < starts.size() ? starts[i + 1] - 1 : explanation.size();
    blocks.push_back(header + "\n" + explanation.substr(starts[i], end - starts[i]));
  }
  return blocks;
}

std::vector<ClaimExplanation> explainClaims(const ir::Program& program, std::string_view claims,
                                            const std::string& name, std::size_t maxClaims,
                                            std::string& problem) {
  std::istringstream source{std::string(claims)};
  read::InputStream in(source);
  auto reader = read::openClaims(in, name, std::nullopt, problem);
  if (!reader) return {};
  // The interpreter, as `edict explain` uses: its edits are the records'.
  const interp::Interpreter interpreter(program);
  const eval::Evaluator evaluator(program, interpreter);
  const run::RulesetLabel label{program.name, program.version};
  std::vector<ClaimExplanation> out;
  read::ReadItem item;
  std::vector<model::Edit> edits;
  while (out.size() < maxClaims && reader->next(item)) {
    ClaimExplanation& claim = out.emplace_back();
    if (const auto* rejected = std::get_if<read::RejectedClaim>(&item)) {
      claim.claimId = rejected->claimId;
      claim.rejected = true;
      claim.records.push_back(write::formatJsonLine(run::rejectRecord(*rejected, label)) + "\n");
      claim.blocks.emplace_back();
      continue;
    }
    const auto& given = std::get<model::Claim>(item);
    claim.claimId = given.id;
    claim.text = explain::explainClaim(program, given, {});
    edits.clear();
    evaluator.evaluate(given, edits);
    std::vector<std::string> headings;
    for (const model::Edit& e : edits) {
      claim.records.push_back(write::formatJsonLine(e) + "\n");
      headings.push_back(headingOf(e));
    }
    claim.blocks = editBlocks(claim.text, headings);
  }
  return out;
}

}  // namespace edict::playground
