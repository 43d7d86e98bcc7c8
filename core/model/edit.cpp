#include "core/model/edit.h"

namespace edict::model {

std::string_view actionName(Action action) {
  switch (action) {
    case Action::Deny: return "deny";
    case Action::Modify: return "modify";
    case Action::Review: return "review";
    case Action::Flag: return "flag";
    case Action::Reject: return "reject";
  }
  return "flag";
}

}  // namespace edict::model
