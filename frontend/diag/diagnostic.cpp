#include "frontend/diag/diagnostic.h"

namespace edict::diag {

std::string_view codeOf(Kind kind) {
  switch (kind) {
#define EDICT_DIAG(code, name, severity, summary) \
  case Kind::name:                                \
    return #code;
#include "frontend/diag/kinds.def"
#undef EDICT_DIAG
  }
  return "E0000";
}

Severity severityOf(Kind kind) {
  switch (kind) {
#define EDICT_DIAG(code, name, severity, summary) \
  case Kind::name:                                \
    return Severity::severity;
#include "frontend/diag/kinds.def"
#undef EDICT_DIAG
  }
  return Severity::Error;
}

std::string_view summaryOf(Kind kind) {
  switch (kind) {
#define EDICT_DIAG(code, name, severity, summary) \
  case Kind::name:                                \
    return summary;
#include "frontend/diag/kinds.def"
#undef EDICT_DIAG
  }
  return "";
}

}  // namespace edict::diag
