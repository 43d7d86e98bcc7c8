#include "core/ir/expr_text.h"

#include <fmt/format.h>

#include <map>

#include "core/model/claim.h"

namespace edict::ir {

namespace {

/// How a value of an expression reads, judged by the kind of field it is.
enum class Flavor { Number, Code, Date, Money, Text, Sex, Bool };

std::string bindingName(Binding b) {
  return b == Binding::Line ? "line" : b == Binding::Other ? "other" : "claim";
}

std::string fieldName(const Expr& e) {
  if (e.binding == Binding::Claim) {
    switch (e.claimField) {
      case ClaimField::Payer: return "claim.payer";
      case ClaimField::PlaceOfService: return "claim.place_of_service";
      case ClaimField::Provider: return "claim.provider";
      case ClaimField::Sex: return "patient.sex";
      case ClaimField::BirthDate: return "patient.birth_date";
      case ClaimField::Age: return "patient.age";
    }
  }
  const std::string b = bindingName(e.binding);
  switch (e.lineField) {
    case LineField::Code: return b + ".code";
    case LineField::Units: return b + ".units";
    case LineField::Minutes: return b + ".minutes";
    case LineField::Date: return b + ".date";
    case LineField::Position: return b + ".position";
    case LineField::Charge: return b + ".charge";
    case LineField::PlaceOfService: return b + ".place_of_service";
    case LineField::Provider: return b + ".provider";
    case LineField::Age: return "patient.age";
  }
  return b;
}

Flavor flavorOf(const Program& p, ExprId id) {
  const Expr& e = p.exprs[id];
  if (e.kind == Expr::Kind::IntConst && e.set == kStringConstant) return Flavor::Text;
  if (e.kind == Expr::Kind::Add || e.kind == Expr::Kind::Sub) {
    const Flavor left = flavorOf(p, e.operands[0]);
    const Flavor right = flavorOf(p, e.operands[1]);
    if (left == Flavor::Date && right == Flavor::Date) return Flavor::Number;
    return left == Flavor::Number ? right : left;
  }
  if (e.kind != Expr::Kind::Field) return Flavor::Number;
  if (e.binding == Binding::Claim) {
    switch (e.claimField) {
      case ClaimField::Payer:
      case ClaimField::PlaceOfService:
      case ClaimField::Provider: return Flavor::Text;
      case ClaimField::Sex: return Flavor::Sex;
      case ClaimField::BirthDate: return Flavor::Date;
      case ClaimField::Age: return Flavor::Number;
    }
  }
  switch (e.lineField) {
    case LineField::Code: return Flavor::Code;
    case LineField::Date: return Flavor::Date;
    case LineField::Charge: return Flavor::Money;
    case LineField::PlaceOfService:
    case LineField::Provider: return Flavor::Text;
    default: return Flavor::Number;
  }
}

std::string valueText(const Program& p, Flavor flavor, std::int64_t v) {
  switch (flavor) {
    case Flavor::Code: return model::Code{static_cast<std::uint32_t>(v)}.text();
    case Flavor::Date: return model::Date{static_cast<std::int32_t>(v)}.iso();
    case Flavor::Money: return fmt::format("{:.2f}", static_cast<double>(v) / 100.0);
    case Flavor::Text:
      return v >= 0 && static_cast<std::size_t>(v) < p.strings.size()
                 ? fmt::format("\"{}\"", p.strings[static_cast<std::size_t>(v)])
                 : std::string("(none)");
    case Flavor::Sex: return v == 1 ? "F" : v == 2 ? "M" : "U";
    case Flavor::Bool: return v != 0 ? "true" : "false";
    case Flavor::Number: break;
  }
  return std::to_string(v);
}

std::string codeSetText(const Program& p, std::uint32_t set) {
  // The built-in set of every code reads as its name.
  const auto& ranges = p.codeSets[set].ranges;
  if (ranges.size() == 1 && ranges[0].first == 0 && model::Code{ranges[0].second}.text() == "ZZZZZ")
    return "all";
  std::string out;
  for (const auto& [first, last] : p.codeSets[set].ranges) {
    if (!out.empty()) out += ", ";
    out += model::Code{first}.text();
    if (last != first) out.append("..").append(model::Code{last}.text());
  }
  return out;
}

std::string modifierSetText(const Program& p, std::uint32_t set) {
  std::string out;
  for (model::Modifier m : p.modifierSets[set].members) {
    if (!out.empty()) out += ' ';
    out += m.text();
  }
  return out;
}

/// A window as the language writes it after `within` or `per`.
std::string windowText(std::int64_t window) {
  if (window == kCalendarYear) return "calendar year";
  return fmt::format("{} day{}", window, window == 1 ? "" : "s");
}

std::string text(const Program& p, ExprId id, Flavor constantFlavor) {
  const Expr& e = p.exprs[id];
  using Kind = Expr::Kind;
  auto sub = [&](ExprId op) { return text(p, op, Flavor::Number); };
  switch (e.kind) {
    case Kind::BoolConst: return e.value != 0 ? "true" : "false";
    case Kind::IntConst:
      return valueText(p, e.set == kStringConstant ? Flavor::Text : constantFlavor, e.value);
    case Kind::Field: return fieldName(e);
    case Kind::Known: return fieldName(e) + " is known";
    case Kind::Compare: {
      static const std::map<CmpOp, const char*> ops{{CmpOp::Eq, "=="}, {CmpOp::Ne, "!="},
                                                    {CmpOp::Lt, "<"},  {CmpOp::Le, "<="},
                                                    {CmpOp::Gt, ">"},  {CmpOp::Ge, ">="}};
      const Flavor flavor = flavorOf(p, e.operands[0]) != Flavor::Number
                                ? flavorOf(p, e.operands[0])
                                : flavorOf(p, e.operands[1]);
      return fmt::format("{} {} {}", text(p, e.operands[0], flavor), ops.at(e.op),
                         text(p, e.operands[1], flavor));
    }
    case Kind::InRange: {
      const Flavor flavor = flavorOf(p, e.operands[0]);
      return fmt::format("{} in {}..{}", text(p, e.operands[0], flavor),
                         text(p, e.operands[1], flavor), text(p, e.operands[2], flavor));
    }
    case Kind::Add:
    case Kind::Sub:
      return fmt::format("{} {} {}", sub(e.operands[0]), e.kind == Kind::Add ? "+" : "-",
                         sub(e.operands[1]));
    case Kind::And:
    case Kind::Or: {
      std::string out = "(";
      for (std::size_t i = 0; i < e.operands.size(); ++i)
        out.append(i == 0 ? "" : e.kind == Kind::And ? " and " : " or ").append(sub(e.operands[i]));
      return out + ")";
    }
    case Kind::Not: return "not " + sub(e.operands[0]);
    case Kind::InCodeSet:
      return fmt::format("{} in ({})", sub(e.operands[0]), codeSetText(p, e.set));
    case Kind::HasModifierIn:
      return fmt::format("{}.modifiers.any({})", bindingName(e.binding), modifierSetText(p, e.set));
    case Kind::SitesDiffer:
      return fmt::format("line and other name different sites ({})", modifierSetText(p, e.set));
    case Kind::DiagnosisAny: {
      std::string out;
      for (std::size_t k = 0; k < p.diagnosisPatterns.size(); ++k)
        if ((static_cast<std::uint64_t>(e.value) >> k) & 1u)
          out.append(out.empty() ? "\"" : ", \"").append(p.diagnosisPatterns[k]).append("\"");
      return "claim.diagnoses.any(" + out + ")";
    }
    case Kind::SameDayCount: return fmt::format("same_day.count({})", codeSetText(p, e.set));
    case Kind::SameDayUnits: return fmt::format("same_day.units({})", codeSetText(p, e.set));
    case Kind::ClaimCount: return fmt::format("claim.lines.count({})", codeSetText(p, e.set));
    case Kind::ClaimUnits: return fmt::format("claim.lines.units({})", codeSetText(p, e.set));
    case Kind::PairTableHolds:
      return fmt::format(
          "the pair table {} has a row in force for (other.code, line.code) that "
          "no modifier bypasses",
          p.pairTables[e.set].source);
    case Kind::TimedUnits: {
      static const char* const methods[] = {"total_time", "per_code", "nearest_15"};
      return fmt::format("units of ({}) by {}", codeSetText(p, e.set),
                         methods[static_cast<std::size_t>(e.value) % 3]);
    }
    case Kind::DayLimitUnits:
      // Worded without a plural: core/ir is below core/text's counted().
      return fmt::format("a daily limit of {} on the units of line.code", e.value);
    case Kind::MueUnits:
      return p.mueTables[e.set].source.empty()
                 ? std::string("the MUE limit of line.code")
                 : fmt::format("the MUE limit of line.code in {}", p.mueTables[e.set].source);
    case Kind::HistoryCount:
    case Kind::HistoryUnits:
      return fmt::format("history.{}({}, within {})",
                         e.kind == Kind::HistoryCount ? "count" : "units", codeSetText(p, e.set),
                         windowText(e.value));
    case Kind::FrequencyServices:
    case Kind::FrequencyUnits:
      return fmt::format("at most {} {}of ({}) per {}", sub(e.operands[0]),
                         e.kind == Kind::FrequencyUnits ? "units " : "services ",
                         codeSetText(p, e.set), windowText(e.value));
  }
  return "?";
}

bool isAggregate(Expr::Kind kind) {
  return kind == Expr::Kind::SameDayCount || kind == Expr::Kind::SameDayUnits ||
         kind == Expr::Kind::ClaimCount || kind == Expr::Kind::ClaimUnits ||
         kind == Expr::Kind::HistoryCount || kind == Expr::Kind::HistoryUnits;
}

void collectFields(const Program& p, ExprId id, std::vector<ExprId>& out) {
  const Expr& e = p.exprs[id];
  if (isAggregate(e.kind)) {
    // A count or sum over lines is a value the condition judged, too.
    for (ExprId seen : out)
      if (p.exprs[seen].kind == e.kind && p.exprs[seen].value == e.value &&
          p.codeSets[p.exprs[seen].set].ranges == p.codeSets[e.set].ranges)
        return;
    out.push_back(id);
    return;
  }
  if (e.kind == Expr::Kind::Field) {
    for (ExprId seen : out)
      if (p.exprs[seen].binding == e.binding && p.exprs[seen].lineField == e.lineField &&
          p.exprs[seen].claimField == e.claimField)
        return;
    out.push_back(id);
  }
  for (ExprId op : e.operands) collectFields(p, op, out);
}

}  // namespace

std::string exprText(const Program& program, ExprId id) {
  return text(program, id, Flavor::Number);
}

std::vector<ExprId> conjuncts(const Program& program, ExprId id) {
  const Expr& e = program.exprs[id];
  if (e.kind != Expr::Kind::And) return {id};
  std::vector<ExprId> out;
  for (ExprId op : e.operands) {
    auto inner = conjuncts(program, op);
    out.insert(out.end(), inner.begin(), inner.end());
  }
  return out;
}

std::string fieldsRead(const Program& program, ExprId id,
                       const std::function<std::int64_t(ExprId)>& value,
                       const std::function<std::string(const Expr&)>& text) {
  std::vector<ExprId> fields;
  collectFields(program, id, fields);
  std::string out;
  for (ExprId f : fields) {
    const std::int64_t v = value(f);
    if (isAggregate(program.exprs[f].kind)) {
      out += fmt::format("{}{} = {}", out.empty() ? "" : ", ", exprText(program, f), v);
      continue;
    }
    const Flavor flavor = flavorOf(program, f);
    if (flavor == Flavor::Text && text) {
      const std::string given = text(program.exprs[f]);
      out += fmt::format("{}{} = {}", out.empty() ? "" : ", ", fieldName(program.exprs[f]),
                         given.empty() ? std::string("(none)") : "\"" + given + "\"");
      continue;
    }
    const bool absent =
        (flavor == Flavor::Number && v < 0) || (flavor == Flavor::Date && v == INT32_MIN);
    out += fmt::format("{}{} = {}", out.empty() ? "" : ", ", fieldName(program.exprs[f]),
                       absent ? "(none)" : valueText(program, flavor, v));
  }
  return out;
}

}  // namespace edict::ir
