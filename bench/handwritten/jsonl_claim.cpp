#include "handwritten/jsonl_claim.h"

#include <cmath>

namespace edict::bench {

namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

bool text(element e, std::string& out) {
  std::string_view v;
  if (e.get(v) != simdjson::SUCCESS) return false;
  out.assign(v);
  return true;
}

bool npi(element e, std::string& out) {
  object o;
  if (e.get(o) != simdjson::SUCCESS) return false;
  element value;
  return o["npi"].get(value) != simdjson::SUCCESS || text(value, out);
}

bool date(element e, model::Date& out) {
  std::string_view v;
  if (e.get(v) != simdjson::SUCCESS) return false;
  const auto d = model::Date::parseIso(v);
  if (!d) return false;
  out = *d;
  return true;
}

bool count(element e, std::int32_t limit, std::int32_t& out) {
  std::int64_t n = 0;
  if (e.get(n) != simdjson::SUCCESS || n < 0 || n > limit) return false;
  out = static_cast<std::int32_t>(n);
  return true;
}

bool line(object o, model::Line& l) {
  bool hasCode = false;
  bool hasDate = false;
  for (auto [key, value] : o) {
    if (key == "code") {
      std::string_view v;
      const auto c = value.get(v) == simdjson::SUCCESS ? model::Code::parse(v) : std::nullopt;
      if (!c) return false;
      l.code = *c;
      hasCode = true;
    } else if (key == "date") {
      if (!date(value, l.date)) return false;
      hasDate = true;
    } else if (key == "modifiers") {
      array list;
      if (value.get(list) != simdjson::SUCCESS || list.size() > 4) return false;
      for (element m : list) {
        std::string_view v;
        const auto mod = m.get(v) == simdjson::SUCCESS ? model::Modifier::parse(v) : std::nullopt;
        if (!mod) return false;
        l.modifiers[l.modifierCount++] = *mod;
      }
    } else if (key == "units") {
      if (!count(value, 9999, l.units)) return false;
    } else if (key == "minutes") {
      std::int32_t m = 0;
      if (!count(value, 24 * 60, m)) return false;
      l.minutes = m;
    } else if (key == "charge") {
      if (value.get(l.charge) != simdjson::SUCCESS || !std::isfinite(l.charge)) return false;
    } else if (key == "place_of_service") {
      if (!text(value, l.placeOfService)) return false;
    } else if (key == "provider") {
      if (!npi(value, l.providerNpi)) return false;
    }
  }
  return hasCode && hasDate;
}

bool patient(object o, model::Patient& p) {
  for (auto [key, value] : o) {
    if (key == "id") {
      if (!text(value, p.id)) return false;
    } else if (key == "birth_date") {
      model::Date d;
      if (!date(value, d)) return false;
      p.birthDate = d;
    } else if (key == "sex") {
      std::string_view v;
      if (value.get(v) != simdjson::SUCCESS) return false;
      p.sex = v == "F" ? model::Sex::Female : v == "M" ? model::Sex::Male : model::Sex::Unknown;
    }
  }
  return true;
}

}  // namespace

bool parseJsonClaim(simdjson::dom::parser& parser, std::string_view json, model::Claim& claim) {
  // Cleared rather than replaced, so that a claim reused from line to line
  // keeps its memory.
  claim.id.clear();
  claim.payer.clear();
  claim.patient.id.clear();
  claim.patient.birthDate.reset();
  claim.patient.sex = model::Sex::Unknown;
  claim.providerNpi.clear();
  claim.billingProviderNpi.clear();
  claim.placeOfService.clear();
  claim.diagnoses.clear();
  claim.lines.clear();
  object root;
  if (parser.parse(json.data(), json.size()).get(root) != simdjson::SUCCESS) return false;
  for (auto [key, value] : root) {
    bool ok = true;
    if (key == "id") {
      ok = text(value, claim.id);
    } else if (key == "payer") {
      ok = text(value, claim.payer);
    } else if (key == "place_of_service") {
      ok = text(value, claim.placeOfService);
    } else if (key == "provider") {
      ok = npi(value, claim.providerNpi);
    } else if (key == "billing_provider") {
      ok = npi(value, claim.billingProviderNpi);
    } else if (key == "patient") {
      object o;
      ok = value.get(o) == simdjson::SUCCESS && patient(o, claim.patient);
    } else if (key == "diagnoses") {
      array list;
      ok = value.get(list) == simdjson::SUCCESS;
      if (ok)
        for (element d : list) ok = ok && text(d, claim.diagnoses.emplace_back());
    } else if (key == "lines") {
      array list;
      ok = value.get(list) == simdjson::SUCCESS && list.size() > 0 && list.size() <= 1000;
      if (ok) {
        claim.lines.reserve(list.size());
        for (element l : list) {
          object o;
          ok = ok && l.get(o) == simdjson::SUCCESS && line(o, claim.lines.emplace_back());
        }
      }
    }
    if (!ok) return false;
  }
  if (claim.id.empty() || claim.lines.empty()) return false;
  if (claim.providerNpi.empty()) claim.providerNpi = claim.billingProviderNpi;
  if (claim.billingProviderNpi.empty()) claim.billingProviderNpi = claim.providerNpi;
  return true;
}

}  // namespace edict::bench
