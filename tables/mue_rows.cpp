#include "tables/mue_rows.h"

namespace edict::tables {

std::string_view mueIndicatorLabel(MueIndicator indicator) {
  switch (indicator) {
    case MueIndicator::Line: return "Line Edit";
    case MueIndicator::DatePolicy: return "Date of Service Edit: Policy";
    case MueIndicator::DateClinical: return "Date of Service Edit: Clinical";
  }
  return "";
}

}  // namespace edict::tables
