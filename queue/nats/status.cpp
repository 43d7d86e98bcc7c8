#include "queue/nats/status.h"

#include <fmt/format.h>

namespace edict::queue {

std::string describeStatus(natsStatus status, jsErrCode code) {
  natsStatus last = NATS_OK;
  const char* lastError = nats_GetLastError(&last);
  std::string detail = lastError ? lastError : "";
  // The library starts its detail with where it raised it: `(conn.c:2088): `.
  if (detail.starts_with('(')) {
    const std::size_t end = detail.find("): ");
    if (end != std::string::npos) detail.erase(0, end + 3);
  }
  std::string text = natsStatus_GetText(status);
  // The detail repeats the status's text when it has nothing more.
  if (!detail.empty() && detail != text) text = fmt::format("{}: {}", text, detail);
  if (code != 0) text += fmt::format(" (JetStream error {})", static_cast<int>(code));
  return text;
}

bool isStreamFull(jsErrCode code, const std::string& text) {
  // Discard-new streams answer "maximum messages exceeded" or "maximum bytes
  // exceeded" with the generic store-failure code.
  return code == JSStreamStoreFailedErr || text.find("maximum messages") != std::string::npos ||
         text.find("maximum bytes") != std::string::npos ||
         text.find("resource limits exceeded") != std::string::npos;
}

}  // namespace edict::queue
