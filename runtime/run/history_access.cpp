#include "runtime/run/history_access.h"

namespace edict::run {

std::string_view statusName(ClaimStatus status) {
  switch (status) {
    case ClaimStatus::Active: return "active";
    case ClaimStatus::Replaced: return "replaced";
    case ClaimStatus::Voided: return "voided";
    case ClaimStatus::Void: return "void";
  }
  return "active";
}

std::optional<ClaimStatus> parseStatus(std::string_view name) {
  for (ClaimStatus status :
       {ClaimStatus::Active, ClaimStatus::Replaced, ClaimStatus::Voided, ClaimStatus::Void})
    if (statusName(status) == name) return status;
  return std::nullopt;
}

}  // namespace edict::run
