#include "queue/nats/status.h"

#include <fmt/format.h>

namespace edict::queue {

std::string describeStatus(natsStatus status, jsErrCode code) {
  natsStatus last = NATS_OK;
  const char* detail = nats_GetLastError(&last);
  std::string text = natsStatus_GetText(status);
  // The library's detail repeats the status's text when it has nothing more.
  if (detail != nullptr && *detail != '\0' && text != detail)
    text = fmt::format("{}: {}", text, detail);
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
