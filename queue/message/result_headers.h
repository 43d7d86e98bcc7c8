// The headers of a result message, which a worker writes and `edict
// collect` reads:
//   Edict-Claims: N         claims of the input this message completes (the
//                           first message of a payer's part carries them
//                           all, any further ones 0): how a collector counts
//                           claims, with records or with none
//   Edict-Input: STREAM:SEQ the input message
//   Edict-Generation: G     the catalogue generation that evaluated it
#pragma once

namespace edict::queue {

inline constexpr const char* kClaimsHeader = "Edict-Claims";
inline constexpr const char* kInputHeader = "Edict-Input";
inline constexpr const char* kGenerationHeader = "Edict-Generation";

}  // namespace edict::queue
