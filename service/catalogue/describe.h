// The catalogue described as JSON: what `GET /v1/rulesets` answers and
// libedict's edict_describe() returns, written once for both.
#pragma once

#include <chrono>
#include <string>

#include "service/catalogue/catalogue.h"

namespace edict::service {

/// `{"generation":N,"loaded_at":"...","routes":[{"payer":...,"ruleset":...,
/// "version":...,"source":...,"kind":...,"engine":...,"content_hash":...,
/// "loaded_at":...,"load_ms":...},...]}` and a newline.
std::string describeCatalogue(const Catalogue& catalogue);

/// A time as ISO 8601 in UTC to the millisecond (`2026-12-03T12:40:15.123Z`).
std::string isoTime(std::chrono::system_clock::time_point time);

}  // namespace edict::service
