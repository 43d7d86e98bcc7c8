// The hand-written baseline's own claim reader: one JSON Lines claim (the
// layout of brief §4) parsed with simdjson directly into the claim model, as
// a payer's engineer would write it for one input format. It checks what
// the rules rely on (codes, modifiers and dates are well formed, lines are
// there) and nothing else; it shares no code with edict's readers.
#pragma once

#include <simdjson.h>

#include <string_view>

#include "core/model/claim.h"

namespace edict::bench {

/// Parses `text` (one JSON object) into `claim`, replacing its contents;
/// false when it is not a claim this reader can read.
bool parseJsonClaim(simdjson::dom::parser& parser, std::string_view text, model::Claim& claim);

}  // namespace edict::bench
