// What went wrong in a libnats call, as a sentence for a log line or an
// error message: the status's text, the JetStream error code where the
// server gave one, and the library's own detail for the calling thread.
#pragma once

#include <nats/nats.h>

#include <string>

namespace edict::queue {

/// Describes the failure of a libnats call that returned `status` (and, for
/// JetStream calls, `code`).
std::string describeStatus(natsStatus status, jsErrCode code = static_cast<jsErrCode>(0));

/// Whether `code` (or the text of the error) says a stream refused a
/// message because it is full (its byte or message limit with discard new).
bool isStreamFull(jsErrCode code, const std::string& text);

}  // namespace edict::queue
