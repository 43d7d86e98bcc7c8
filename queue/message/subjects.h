// Names in the message system: the subject a payer's result records go
// to, and the message ids that make work delivered twice publish nothing
// twice. Pure functions, so that they are tested without a server.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace edict::queue {

/// A payer id as one subject token: letters, digits, `_` and `-` as they
/// are, every other byte as `%XX` (so `.`, `*`, `>` and spaces, which
/// subjects reserve, never appear), the empty payer as `%`. One token per
/// payer and one payer per token.
std::string payerToken(std::string_view payer);

/// The payer a token names; nullopt for text payerToken never makes.
std::optional<std::string> payerFromToken(std::string_view token);

/// `PREFIX.TOKEN`: the subject of `payer`'s result records.
std::string resultsSubject(std::string_view prefix, std::string_view payer);

/// What names an input message in the ids of its results: its
/// Nats-Msg-Id when it has one (`STREAM:id:RUN:N` for `edict submit`'s),
/// which stays the same when the message is stored twice (a publish whose
/// acknowledgement was lost across a server restart), else its stream
/// sequence (`STREAM:seq:SEQ`, what a producer without ids gives).
std::string inputKey(std::string_view stream, std::optional<std::string_view> messageId,
                     std::uint64_t sequence);

/// The id of one part of the results of the input message `inputKey`
/// names: `KEY:TOKEN:FIRST`, FIRST the index of the part's first claim
/// among the payer's claims in the message. The same input evaluated again
/// gives the same ids, which the results stream and `edict collect` drop.
std::string resultPartId(std::string_view inputKey, std::string_view payer, std::size_t firstClaim);

/// Whether `subject` is a subject edict may publish to or take as a
/// prefix: dot-separated tokens, none empty, no spaces, no wildcards.
/// When not, `why` says so.
bool isPlainSubject(std::string_view subject, std::string& why);

}  // namespace edict::queue
