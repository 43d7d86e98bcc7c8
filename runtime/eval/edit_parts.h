// Pieces of edit records that several of the evaluator's files make: the
// wording of a pair edit and the references to prior lines. Internal to
// runtime/eval.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/model/edit.h"
#include "runtime/eval/evaluator.h"

namespace edict::eval {

/// `COLUMN2 is not paid with COLUMN1 on the same date of service[: rationale]`.
std::string pairMessage(std::string_view column1, std::string_view column2,
                        const std::string* rationale);

/// Appends to `edit.relatedPrior` the prior lines of `views.history` at `indices`.
void addPriorRefs(const Evaluator::Views& views, std::span<const std::uint32_t> indices,
                  model::Edit& edit);

}  // namespace edict::eval
