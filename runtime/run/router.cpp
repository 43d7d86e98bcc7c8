#include "runtime/run/router.h"

namespace edict::run {

const Route* Router::find(std::string_view payer) const {
  if (auto found = byPayer_.find(payer); found != byPayer_.end()) return found->second;
  return default_;
}

}  // namespace edict::run
