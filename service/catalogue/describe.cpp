#include "service/catalogue/describe.h"

#include <fmt/format.h>

#include <ctime>

#include "core/text/json_text.h"

namespace edict::service {

std::string isoTime(std::chrono::system_clock::time_point time) {
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
  const std::time_t seconds = static_cast<std::time_t>(millis / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", utc.tm_year + 1900,
                     utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                     millis % 1000);
}

std::string describeCatalogue(const Catalogue& catalogue) {
  std::string out = fmt::format(R"({{"generation":{},"loaded_at":")", catalogue.generation());
  out += isoTime(catalogue.loadedAt());
  out += R"(","routes":[)";
  bool first = true;
  for (const PayerRoute& route : catalogue.routes()) {
    const RulesetOrigin& origin = route.ruleset->origin();
    const ir::Program& program = route.ruleset->program();
    if (!first) out += ',';
    first = false;
    auto member = [&out](std::string_view key, std::string_view value, bool comma = true) {
      if (comma) out += ',';
      out += '"';
      out += key;
      out += "\":";
      text::appendJsonString(out, value);
    };
    out += '{';
    member("payer", route.payer, false);
    member("ruleset", program.name);
    member("version", program.version);
    member("source", origin.path);
    member("kind", origin.kind);
    member("engine", origin.engine);
    member("content_hash", origin.contentHash);
    member("loaded_at", isoTime(origin.loadedAt));
    out += fmt::format(R"(,"load_ms":{:.1f}}})", origin.loadSeconds * 1000);
  }
  out += "]}\n";
  return out;
}

}  // namespace edict::service
