#include "frontend/check/check_expr.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/model/claim.h"
#include "frontend/diag/suggest.h"

namespace edict::check {

namespace {

using ir::Binding;
using ir::ClaimField;
using ir::LineField;

/// A checked (sub)expression: typed IR, or a word still waiting for a type.
struct Value {
  Type type = Type::Word;
  ir::ExprId id = 0;
  std::optional<ast::Word> word;
  /// `Known` checks that must hold before the value means anything (minutes,
  /// age, birth date can be absent; comparisons with an absent value are
  /// unknown).
  std::vector<ir::ExprId> guards;
  source::Span span;
  /// A condition that may be unknown: `id` holds when it is true, `falseId`
  /// when it is false, neither when it is unknown. Empty for conditions that
  /// are always true or false: their falsity is `not id`.
  std::optional<ir::ExprId> falseId{};
  /// The field a value was read from (`line.place_of_service`), for messages
  /// and for the sets that belong to one field.
  std::string path{};
};

/// What a claim without a value that may be absent lacks, for messages.
std::string whatIsMissing(const std::string& field) {
  return field == "line.minutes" ? "a line with no minutes" : "a claim with no birth date";
}

std::string typeName(Type type) {
  switch (type) {
    case Type::Bool: return "a condition";
    case Type::Int: return "a number";
    case Type::Code: return "a procedure code";
    case Type::Modifier: return "a modifier";
    case Type::Date: return "a date";
    case Type::Money: return "an amount";
    case Type::Text: return "a text";
    case Type::Sex: return "a sex";
    case Type::Word: return "a word";
  }
  return "a value";
}

struct FieldInfo {
  Type type;
  Binding binding;
  LineField lineField = LineField::Code;
  ClaimField claimField = ClaimField::Payer;
  bool optional = false;
};

/// Every readable path, except patient.age whose binding depends on scope.
const std::map<std::string, FieldInfo>& fields() {
  static const std::map<std::string, FieldInfo> table{
      {"line.code", {Type::Code, Binding::Line, LineField::Code}},
      {"line.units", {Type::Int, Binding::Line, LineField::Units}},
      {"line.minutes", {Type::Int, Binding::Line, LineField::Minutes, ClaimField::Payer, true}},
      {"line.date", {Type::Date, Binding::Line, LineField::Date}},
      {"line.charge", {Type::Money, Binding::Line, LineField::Charge}},
      {"line.position", {Type::Int, Binding::Line, LineField::Position}},
      {"line.place_of_service", {Type::Text, Binding::Line, LineField::PlaceOfService}},
      {"line.provider", {Type::Text, Binding::Line, LineField::Provider}},
      {"patient.age", {Type::Int, Binding::Line, LineField::Age, ClaimField::Age, true}},
      {"patient.sex", {Type::Sex, Binding::Claim, LineField::Code, ClaimField::Sex}},
      {"patient.birth_date",
       {Type::Date, Binding::Claim, LineField::Code, ClaimField::BirthDate, true}},
      {"claim.payer", {Type::Text, Binding::Claim, LineField::Code, ClaimField::Payer}},
      {"claim.place_of_service",
       {Type::Text, Binding::Claim, LineField::Code, ClaimField::PlaceOfService}},
      {"claim.provider", {Type::Text, Binding::Claim, LineField::Code, ClaimField::Provider}},
  };
  return table;
}

const std::vector<std::string>& functionNames() {
  static const std::vector<std::string> names{
      "line.modifiers.any", "line.modifiers.has",  "line.modifiers.none", "same_day.has",
      "same_day.count",     "same_day.units",      "claim.lines.has",     "claim.lines.count",
      "claim.lines.units",  "claim.diagnoses.any", "history.has",         "history.count",
      "history.units"};
  return names;
}

std::string joined(const std::vector<ast::Word>& parts) {
  std::string out;
  for (const ast::Word& w : parts) out.append(out.empty() ? "" : ".").append(w.text);
  return out;
}

class ExprChecker {
 public:
  ExprChecker(CheckContext& cx, const ExprScope& scope)
      : cx_(cx), scope_(scope), b_(cx.builder()) {}

  std::optional<Value> check(const ast::Expr& e) {
    return std::visit([&](const auto& node) { return visit(node, e.span); }, e.node);
  }

  /// Gives a value the type `want`: converts a word to a literal of it.
  std::optional<Value> as(Value v, Type want, const source::Span& context) {
    if (v.type == want) return v;
    if (v.type != Type::Word) {
      cx_.report(diag::Kind::TypeMismatch, context,
                 fmt::format("expected {} here, found {}", typeName(want), typeName(v.type)));
      return std::nullopt;
    }
    auto literal = wordLiteral(*v.word, want);
    if (!literal) return std::nullopt;
    v.type = want;
    v.id = *literal;
    return v;
  }

 private:
  /// A word as a number (`want` Int) or an amount in cents (Money), or E0106.
  std::optional<std::int64_t> wholeNumber(const ast::Word& w, Type want) {
    const bool digits =
        !w.text.empty() && w.text.size() <= 12 &&
        std::all_of(w.text.begin(), w.text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) {
      cx_.report(diag::Kind::MalformedNumber, w.span,
                 fmt::format("`{}` is not a whole number", w.text),
                 cx_.isCodeSet(w.text) ? std::optional<std::string>(fmt::format(
                                             "to test a code set, write `line.code in {}`", w.text))
                                       : std::nullopt);
      return std::nullopt;
    }
    const std::int64_t n = std::stoll(w.text);
    return want == Type::Money ? n * 100 : n;
  }

  std::optional<ir::ExprId> wordLiteral(const ast::Word& w, Type want) {
    switch (want) {
      case Type::Code: {
        auto code = cx_.code(w);
        if (!code) return std::nullopt;
        return b_.intConst(code->packed);
      }
      case Type::Int:
      case Type::Money: {
        auto n = wholeNumber(w, want);
        if (!n) return std::nullopt;
        return b_.intConst(*n);
      }
      case Type::Modifier: {
        auto m = model::Modifier::parse(w.text);
        if (!m) {
          cx_.report(
              diag::Kind::MalformedModifier, w.span,
              fmt::format("`{}` is not a modifier: modifiers are two digits or capital letters",
                          w.text));
          return std::nullopt;
        }
        return b_.intConst(m->packed);
      }
      case Type::Sex: {
        if (w.text == "F") return b_.intConst(static_cast<int>(model::Sex::Female));
        if (w.text == "M") return b_.intConst(static_cast<int>(model::Sex::Male));
        if (w.text == "U") return b_.intConst(static_cast<int>(model::Sex::Unknown));
        cx_.report(diag::Kind::MalformedSex, w.span, fmt::format("`{}` is not a sex", w.text),
                   "write F, M or U");
        return std::nullopt;
      }
      case Type::Text: return b_.stringConst(w.text);
      case Type::Date:
      case Type::Bool:
      case Type::Word: break;
    }
    cx_.report(diag::Kind::TypeMismatch, w.span,
               fmt::format("`{}` is not {} like the other side", w.text, typeName(want)),
               want == Type::Date ? std::optional<std::string>("dates are written YYYY-MM-DD")
                                  : std::nullopt);
    return std::nullopt;
  }

  std::optional<Value> visit(const ast::PathExpr& path, const source::Span& span) {
    if (path.parts.size() == 1) return Value{Type::Word, 0, path.parts[0], {}, span};
    const std::string name = joined(path.parts);
    auto found = fields().find(name);
    if (found == fields().end()) {
      std::vector<std::string> known;
      for (const auto& [n, info] : fields()) known.push_back(n);
      std::optional<std::string> help;
      if (auto guess = diag::closestMatch(name, known))
        help = fmt::format("did you mean `{}`?", *guess);
      if (std::find(functionNames().begin(), functionNames().end(), name) != functionNames().end())
        help = fmt::format("`{}` is a function: write `{}(...)`", name, name);
      cx_.report(diag::Kind::UnknownField, span, fmt::format("`{}` is not a field", name), help);
      return std::nullopt;
    }
    FieldInfo info = found->second;
    if (name == "patient.age" && scope_.onClaim) info.binding = Binding::Claim;
    if (info.binding == Binding::Line && scope_.onClaim) {
      notInClaimScope(name, span);
      return std::nullopt;
    }
    Value v{info.type, 0, std::nullopt, {}, span};
    v.path = name;
    if (info.optional && scope_.absent != nullptr) {
      auto& read = scope_.absent->read;
      if (std::none_of(read.begin(), read.end(), [&](const auto& r) { return r.field == name; }))
        read.push_back({name, span, scope_.absent->readingUnits});
    }
    if (info.binding == Binding::Claim) {
      v.id = b_.claimField(info.claimField);
      if (info.optional) v.guards.push_back(b_.knownClaim(info.claimField));
    } else {
      v.id = b_.field(info.binding, info.lineField);
      if (info.optional) v.guards.push_back(b_.known(info.binding, info.lineField));
    }
    return v;
  }

  void notInClaimScope(const std::string& what, const source::Span& span) {
    cx_.report(diag::Kind::NotInScope, span,
               fmt::format("`{}` is about one line, but this rule acts on the whole claim", what),
               "write `deny line` (or review, flag) to judge each line, or use `claim.lines`");
  }

  std::optional<Value> visit(const ast::DateExpr& date, const source::Span& span) {
    auto d = cx_.date(date.date);
    if (!d) return std::nullopt;
    return Value{Type::Date, b_.intConst(d->days), std::nullopt, {}, span};
  }

  std::optional<Value> visit(const ast::StringExpr& text, const source::Span& span) {
    return Value{Type::Text, b_.stringConst(text.value), std::nullopt, {}, span};
  }

  /// The IR that holds when condition `v` is false.
  ir::ExprId falseOf(const Value& v) { return v.falseId ? *v.falseId : b_.negate(v.id); }

  /// A condition that is unknown unless `guards` hold: true when they and
  /// `test` hold, false when they hold and `test` does not.
  Value guarded(const std::vector<ir::ExprId>& guards, ir::ExprId test, ir::ExprId notTest,
                const source::Span& span) {
    if (guards.empty()) return Value{Type::Bool, test, std::nullopt, {}, span};
    std::vector<ir::ExprId> whenTrue = guards;
    whenTrue.push_back(test);
    std::vector<ir::ExprId> whenFalse = guards;
    whenFalse.push_back(notTest);
    return Value{Type::Bool, b_.allOf(std::move(whenTrue)), std::nullopt, {},
                 span,       b_.allOf(std::move(whenFalse))};
  }

  std::optional<Value> visit(const ast::NotExpr& negation, const source::Span& span) {
    auto operand = check(*negation.operand);
    if (!operand) return std::nullopt;
    auto condition = as(*operand, Type::Bool, operand->span);
    if (!condition) return std::nullopt;
    // Not unknown is unknown: true and false swap.
    if (condition->falseId)
      return Value{Type::Bool, *condition->falseId, std::nullopt, {}, span, condition->id};
    return Value{Type::Bool, b_.negate(condition->id), std::nullopt, {}, span};
  }

  std::optional<Value> visit(const ast::KnownExpr& known, const source::Span& span) {
    // The values `is known` tests are tested, not read.
    AbsentReads inside;
    AbsentReads* outside = scope_.absent;
    scope_.absent = &inside;
    auto value = check(*known.value);
    scope_.absent = outside;
    if (outside != nullptr)
      for (const auto& read : inside.read) outside->tested.insert(read.field);
    if (!value) return std::nullopt;
    if (value->type == Type::Bool || value->type == Type::Word || value->guards.empty()) {
      cx_.report(diag::Kind::AlwaysKnown, known.value->span,
                 value->type == Type::Word
                     ? "`is known` tests a value of the claim, not a word"
                     : "every claim gives this value, so `is known` would always hold",
                 "`is known` is for values a claim may leave out: `line.minutes`, "
                 "`patient.birth_date`, `patient.age`");
      return std::nullopt;
    }
    const ir::ExprId all = b_.allOf(value->guards);
    return Value{Type::Bool, known.negated ? b_.negate(all) : all, std::nullopt, {}, span};
  }

  std::optional<Value> visit(const ast::BinaryExpr& e, const source::Span& span) {
    auto left = check(*e.left);
    auto right = check(*e.right);
    if (!left || !right) return std::nullopt;
    switch (e.op) {
      case ast::BinaryOp::And:
      case ast::BinaryOp::Or: {
        auto l = as(*left, Type::Bool, left->span);
        auto r = as(*right, Type::Bool, right->span);
        if (!l || !r) return std::nullopt;
        // Kleene: `and` is false when either side is, `or` when both are.
        const bool both = e.op == ast::BinaryOp::And;
        Value v{Type::Bool,
                both ? b_.allOf({l->id, r->id}) : b_.anyOf({l->id, r->id}),
                std::nullopt,
                {},
                span};
        if (l->falseId || r->falseId)
          v.falseId =
              both ? b_.anyOf({falseOf(*l), falseOf(*r)}) : b_.allOf({falseOf(*l), falseOf(*r)});
        return v;
      }
      case ast::BinaryOp::Add:
      case ast::BinaryOp::Sub: return arithmetic(e, *left, *right, span);
      default: return comparison(e, *left, *right, span);
    }
  }

  /// Types a pair of operands alike: a word takes the other side's type
  /// (`wordType` maps that type to the word's, e.g. days next to a date).
  bool unify(Value& left, Value& right, const source::Span& span, Type (*wordType)(Type)) {
    if (left.type == Type::Word && right.type == Type::Word) {
      cx_.report(diag::Kind::TypeMismatch, span,
                 "both sides are plain words, so nothing is read from the claim",
                 "put a field such as `line.code` on one side");
      return false;
    }
    if (left.type == Type::Word) {
      auto typed = as(left, wordType(right.type), left.span);
      if (!typed) return false;
      left = *typed;
    }
    if (right.type == Type::Word) {
      auto typed = as(right, wordType(left.type), right.span);
      if (!typed) return false;
      right = *typed;
    }
    return true;
  }

  std::optional<Value> arithmetic(const ast::BinaryExpr& e, Value left, Value right,
                                  const source::Span& span) {
    for (const Value* v : {&left, &right}) {
      const bool computable = v->type == Type::Word || v->type == Type::Int ||
                              v->type == Type::Money || v->type == Type::Date;
      if (!computable) {
        cx_.report(diag::Kind::TypeMismatch, v->span,
                   fmt::format("cannot compute with {}", typeName(v->type)),
                   "numbers, amounts and dates can be added and subtracted");
        return std::nullopt;
      }
    }
    if (!unify(left, right, span, [](Type t) { return t == Type::Date ? Type::Int : t; }))
      return std::nullopt;
    const bool sub = e.op == ast::BinaryOp::Sub;
    std::optional<Type> result;
    if (left.type == Type::Int && right.type == Type::Int) result = Type::Int;
    if (left.type == Type::Money && right.type == Type::Money) result = Type::Money;
    if (left.type == Type::Date && right.type == Type::Int) result = Type::Date;
    if (left.type == Type::Date && right.type == Type::Date && sub) result = Type::Int;
    if (!result) {
      cx_.report(diag::Kind::TypeMismatch, e.opSpan,
                 fmt::format("cannot {} {} {} {}", sub ? "subtract" : "add", typeName(right.type),
                             sub ? "from" : "to", typeName(left.type)),
                 "dates take a number of days; numbers and amounts add to their own kind");
      return std::nullopt;
    }
    Value v{*result, b_.arith(sub ? ir::Expr::Kind::Sub : ir::Expr::Kind::Add, left.id, right.id),
            std::nullopt, left.guards, span};
    v.guards.insert(v.guards.end(), right.guards.begin(), right.guards.end());
    return v;
  }

  std::optional<Value> comparison(const ast::BinaryExpr& e, Value left, Value right,
                                  const source::Span& span) {
    if (!unify(left, right, span, [](Type t) { return t; })) return std::nullopt;
    if (left.type != right.type) {
      cx_.report(
          diag::Kind::TypeMismatch, e.opSpan,
          fmt::format("cannot compare {} with {}", typeName(left.type), typeName(right.type)));
      return std::nullopt;
    }
    static const std::map<ast::BinaryOp, ir::CmpOp> ops{
        {ast::BinaryOp::Eq, ir::CmpOp::Eq}, {ast::BinaryOp::Ne, ir::CmpOp::Ne},
        {ast::BinaryOp::Lt, ir::CmpOp::Lt}, {ast::BinaryOp::Le, ir::CmpOp::Le},
        {ast::BinaryOp::Gt, ir::CmpOp::Gt}, {ast::BinaryOp::Ge, ir::CmpOp::Ge}};
    const ir::CmpOp op = ops.at(e.op);
    const bool ordered = op != ir::CmpOp::Eq && op != ir::CmpOp::Ne;
    const Type t = left.type;
    if (t == Type::Bool ||
        (ordered && (t == Type::Text || t == Type::Sex || t == Type::Modifier))) {
      cx_.report(diag::Kind::TypeMismatch, e.opSpan,
                 fmt::format("{} cannot be compared with `{}`", typeName(t),
                             ordered ? "<, <=, > or >=" : "== or !="),
                 t == Type::Bool
                     ? std::optional<std::string>("combine conditions with `and`, `or`, `not`")
                     : std::nullopt);
      return std::nullopt;
    }
    static const std::map<ir::CmpOp, ir::CmpOp> inverse{
        {ir::CmpOp::Eq, ir::CmpOp::Ne}, {ir::CmpOp::Ne, ir::CmpOp::Eq},
        {ir::CmpOp::Lt, ir::CmpOp::Ge}, {ir::CmpOp::Le, ir::CmpOp::Gt},
        {ir::CmpOp::Gt, ir::CmpOp::Le}, {ir::CmpOp::Ge, ir::CmpOp::Lt}};
    std::vector<ir::ExprId> guards = left.guards;
    guards.insert(guards.end(), right.guards.begin(), right.guards.end());
    const ir::ExprId test = b_.compare(op, left.id, right.id);
    if (guards.empty()) return Value{Type::Bool, test, std::nullopt, {}, span};
    return guarded(guards, test, b_.compare(inverse.at(op), left.id, right.id), span);
  }

  /// Resolves code arguments (codes, ranges, set names) into a new code set.
  std::optional<std::uint32_t> codeSetOf(const std::vector<ast::Argument>& arguments,
                                         const std::string& what, const source::Span& span) {
    CodeRanges all;
    bool ok = true;
    for (const ast::Argument& argument : arguments) {
      std::optional<CodeRanges> ranges;
      if (const auto* range = std::get_if<ast::RangeArg>(&argument)) {
        ranges = cx_.codeItem(range->first, range->last);
      } else {
        const ast::Expr& e = *std::get<ast::ExprPtr>(argument);
        const auto* path = std::get_if<ast::PathExpr>(&e.node);
        if (path == nullptr || path->parts.size() != 1) {
          cx_.report(diag::Kind::WrongArguments, e.span,
                     fmt::format("{} takes codes, code ranges or code set names", what));
          ok = false;
          continue;
        }
        ranges = cx_.codeItem(path->parts[0], std::nullopt);
      }
      if (!ranges) {
        ok = false;
        continue;
      }
      all.insert(all.end(), ranges->begin(), ranges->end());
    }
    if (!ok) return std::nullopt;
    if (all.empty()) {
      cx_.report(diag::Kind::WrongArguments, span, fmt::format("{} needs at least one code", what));
      return std::nullopt;
    }
    return b_.codeSet(what, std::move(all));
  }

  /// Words of modifier arguments (modifiers or modifier set names).
  std::optional<std::vector<ast::Word>> wordsOf(const std::vector<ast::Argument>& arguments,
                                                const std::string& what, const source::Span& span) {
    std::vector<ast::Word> words;
    for (const ast::Argument& argument : arguments) {
      const ast::Expr* e = std::get_if<ast::ExprPtr>(&argument) != nullptr
                               ? std::get<ast::ExprPtr>(argument).get()
                               : nullptr;
      const auto* path = e != nullptr ? std::get_if<ast::PathExpr>(&e->node) : nullptr;
      if (path == nullptr || path->parts.size() != 1) {
        cx_.report(diag::Kind::WrongArguments, e != nullptr ? e->span : span,
                   fmt::format("{} takes modifiers or modifier set names", what));
        return std::nullopt;
      }
      words.push_back(path->parts[0]);
    }
    if (words.empty()) {
      cx_.report(diag::Kind::WrongArguments, span,
                 fmt::format("{} needs at least one modifier", what));
      return std::nullopt;
    }
    return words;
  }

  std::optional<Value> visit(const ast::CallExpr& call, const source::Span& span) {
    const std::string name = joined(call.callee);
    const auto& args = call.arguments;
    auto boolean = [&](ir::ExprId id) { return Value{Type::Bool, id, std::nullopt, {}, span}; };
    auto number = [&](ir::ExprId id) { return Value{Type::Int, id, std::nullopt, {}, span}; };
    const bool history =
        name == "history.has" || name == "history.count" || name == "history.units";
    if (call.within && !history) {
      cx_.report(diag::Kind::WrongArguments, call.within->span,
                 fmt::format("`{}` takes no window", name),
                 "`within ...` is for `history.has`, `history.count` and `history.units`");
      return std::nullopt;
    }
    if (history) return historyCall(call, name, span);

    if (name == "line.modifiers.any" || name == "line.modifiers.has" ||
        name == "line.modifiers.none") {
      if (scope_.onClaim) return notInClaimScope(name, span), std::nullopt;
      auto words = wordsOf(args, "`" + name + "`", span);
      if (!words) return std::nullopt;
      if (name == "line.modifiers.has" && words->size() != 1) {
        cx_.report(diag::Kind::WrongArguments, span, "`line.modifiers.has` takes one modifier",
                   "use `line.modifiers.any(...)` for several");
        return std::nullopt;
      }
      auto members = cx_.modifiers(*words);
      if (!members) return std::nullopt;
      const ir::ExprId any = b_.hasModifierIn(Binding::Line, b_.modifierSet(name, *members));
      return boolean(name == "line.modifiers.none" ? b_.negate(any) : any);
    }
    const bool sameDay = name.rfind("same_day.", 0) == 0;
    const bool claimLines = name.rfind("claim.lines.", 0) == 0;
    const std::string verb = sameDay ? name.substr(9) : claimLines ? name.substr(12) : "";
    if ((sameDay || claimLines) && (verb == "has" || verb == "count" || verb == "units")) {
      if (sameDay && scope_.onClaim) return notInClaimScope(name, span), std::nullopt;
      auto set = codeSetOf(args, "`" + name + "`", span);
      if (!set) return std::nullopt;
      using Kind = ir::Expr::Kind;
      const Kind count = sameDay ? Kind::SameDayCount : Kind::ClaimCount;
      const Kind units = sameDay ? Kind::SameDayUnits : Kind::ClaimUnits;
      if (verb == "has")
        return boolean(b_.compare(ir::CmpOp::Gt, b_.aggregate(count, *set), b_.intConst(0)));
      return number(b_.aggregate(verb == "count" ? count : units, *set));
    }
    if (name == "claim.diagnoses.any") return diagnoses(args, span);

    std::optional<std::string> help;
    if (auto guess = diag::closestMatch(name, functionNames()))
      help = fmt::format("did you mean `{}`?", *guess);
    cx_.report(diag::Kind::UnknownFunction, span, fmt::format("`{}` is not a function", name),
               help);
    return std::nullopt;
  }

  /// `history.has|count|units(CODES, within WINDOW)`: the paid lines of the
  /// patient's earlier claims around the line's date of service.
  std::optional<Value> historyCall(const ast::CallExpr& call, const std::string& name,
                                   const source::Span& span) {
    if (scope_.onClaim) {
      cx_.report(diag::Kind::NotInScope, span,
                 fmt::format("`{}` counts around one line's date of service, but this rule acts "
                             "on the whole claim",
                             name),
                 "write `deny line` (or review, flag) to judge each line");
      return std::nullopt;
    }
    auto set = codeSetOf(call.arguments, "`" + name + "`", span);
    if (!call.within) {
      cx_.report(diag::Kind::WrongArguments, span,
                 fmt::format("`{}` needs a window of dates", name),
                 fmt::format("write `{}(CODES, within 30 days)` or `within calendar year`", name));
      return std::nullopt;
    }
    auto window = checkWindow(cx_, *call.within);
    if (!set || !window) return std::nullopt;
    using Kind = ir::Expr::Kind;
    if (name == "history.has")
      return Value{
          Type::Bool,
          b_.compare(ir::CmpOp::Gt, b_.history(Kind::HistoryCount, *set, *window), b_.intConst(0)),
          std::nullopt,
          {},
          span};
    return Value{Type::Int,
                 b_.history(name == "history.units" ? Kind::HistoryUnits : Kind::HistoryCount, *set,
                            *window),
                 std::nullopt,
                 {},
                 span};
  }

  /// The bit of diagnosis `pattern` in the program's table (added if new).
  std::optional<std::uint64_t> diagnosisBit(const std::string& pattern, const source::Span& span) {
    auto& patterns = cx_.out().program.diagnosisPatterns;
    auto found = std::find(patterns.begin(), patterns.end(), pattern);
    if (found == patterns.end()) {
      if (patterns.size() == 64) {
        cx_.report(diag::Kind::TooManyDiagnoses, span,
                   "a ruleset may test at most 64 diagnosis patterns",
                   "use prefixes such as \"M54.*\" to cover several codes");
        return std::nullopt;
      }
      patterns.push_back(pattern);
      found = patterns.end() - 1;
    }
    return 1ull << (found - patterns.begin());
  }

  /// `claim.diagnoses.any("M54.50", "M54.5*", back_pain)`: codes and
  /// patterns in quotes, and names of `diagnoses` sets.
  std::optional<Value> diagnoses(const std::vector<ast::Argument>& args, const source::Span& span) {
    std::uint64_t mask = 0;
    bool ok = true;
    for (const ast::Argument& argument : args) {
      const ast::Expr* e = std::get_if<ast::ExprPtr>(&argument) != nullptr
                               ? std::get<ast::ExprPtr>(argument).get()
                               : nullptr;
      const auto* text = e != nullptr ? std::get_if<ast::StringExpr>(&e->node) : nullptr;
      const auto* word = e != nullptr ? std::get_if<ast::PathExpr>(&e->node) : nullptr;
      std::vector<std::string> patterns;
      if (text != nullptr) {
        if (!cx_.diagnosisPattern(ast::Word{text->value, e->span})) {
          ok = false;
          continue;
        }
        patterns.push_back(text->value);
      } else if (word != nullptr && word->parts.size() == 1) {
        auto members = cx_.diagnosisSet(word->parts[0]);
        if (!members) {
          ok = false;
          continue;
        }
        patterns = std::move(*members);
      } else {
        cx_.report(diag::Kind::WrongArguments, e != nullptr ? e->span : span,
                   "`claim.diagnoses.any` takes ICD-10 codes in quotes, such as \"M54.50\" or "
                   "\"M54.5*\", and names of diagnosis sets");
        return std::nullopt;
      }
      for (const std::string& pattern : patterns) {
        auto bit = diagnosisBit(pattern, e->span);
        if (!bit) return std::nullopt;
        mask |= *bit;
      }
    }
    if (!ok) return std::nullopt;
    if (mask == 0) {
      cx_.report(diag::Kind::WrongArguments, span,
                 "`claim.diagnoses.any` needs at least one diagnosis");
      return std::nullopt;
    }
    return Value{Type::Bool, b_.diagnosisAny(mask), std::nullopt, {}, span};
  }

  /// A bound of a range of numbers, amounts or dates, as an IR constant.
  std::optional<std::int64_t> rangeBound(const ast::Word& w, Type type) {
    if (type == Type::Date) {
      auto d = cx_.date(w);
      if (!d) return std::nullopt;
      return d->days;
    }
    if (w.text.find('-') != std::string::npos) {
      cx_.report(diag::Kind::TypeMismatch, w.span,
                 fmt::format("`{}` is a date, and this range is of {}s", w.text,
                             typeName(type).substr(typeName(type).find(' ') + 1)));
      return std::nullopt;
    }
    return wholeNumber(w, type);
  }

  /// `value in first..last` over numbers, amounts or dates.
  std::optional<ir::ExprId> inRange(const Value& value, const ast::RangeArg& range) {
    auto first = rangeBound(range.first, value.type);
    auto last = rangeBound(range.last, value.type);
    if (!first || !last) return std::nullopt;
    if (*last < *first) {
      const source::Span whole{
          range.first.span.line, range.first.span.column,
          range.last.span.column + range.last.span.length - range.first.span.column};
      cx_.report(
          value.type == Type::Date ? diag::Kind::InvertedDateRange : diag::Kind::InvertedCodeRange,
          whole,
          fmt::format("the range `{}..{}` is empty: it ends before it starts", range.first.text,
                      range.last.text),
          fmt::format("write `{}..{}`", range.last.text, range.first.text));
      return std::nullopt;
    }
    return b_.inRange(value.id, b_.intConst(*first), b_.intConst(*last));
  }

  /// The test of `value in ...` for a text: a named set of places, or a list.
  std::optional<ir::ExprId> inTexts(const ast::InExpr& e, const Value& value,
                                    const source::Span& span) {
    std::vector<ir::ExprId> any;
    if (e.setName) {
      auto places = cx_.placeSet(*e.setName);
      if (!places) return std::nullopt;
      if (value.path.find("place_of_service") == std::string::npos) {
        cx_.report(diag::Kind::WrongSetKind, e.setName->span,
                   fmt::format("`{}` is a set of places of service, and `{}` is not a place of "
                               "service",
                               e.setName->text, value.path),
                   "use it with `line.place_of_service` or `claim.place_of_service`");
        return std::nullopt;
      }
      for (const std::string& place : *places)
        any.push_back(b_.compare(ir::CmpOp::Eq, value.id, b_.stringConst(place)));
      return b_.anyOf(std::move(any));
    }
    if (e.range) {
      cx_.report(diag::Kind::TypeMismatch, span, "ranges hold codes, numbers and dates, not texts",
                 "list the texts in parentheses: `in (\"11\", \"22\")`");
      return std::nullopt;
    }
    return inList(e.items, value, span, false);
  }

  /// The test of `value in ...` for a number, amount or date: a range, or a
  /// list of values and ranges.
  std::optional<ir::ExprId> inOrdered(const ast::InExpr& e, const Value& value,
                                      const source::Span& span) {
    if (e.setName) {
      cx_.report(diag::Kind::TypeMismatch, e.setName->span,
                 fmt::format("named sets hold codes, modifiers, places or diagnoses, not {}s",
                             typeName(value.type).substr(typeName(value.type).find(' ') + 1)),
                 value.type == Type::Date ? "write a range of dates: `in 2026-01-01..2026-06-30`"
                                          : "write a range: `in 18..64`, or a list: `in (1, 2)`");
      return std::nullopt;
    }
    if (e.range) return inRange(value, *e.range);
    return inList(e.items, value, span, true);
  }

  /// `value in (A, B, FIRST..LAST)`: `value` equals an item or falls in a
  /// range (`ranges`: numbers, amounts and dates; texts have none).
  std::optional<ir::ExprId> inList(const std::vector<ast::Argument>& items, const Value& value,
                                   const source::Span& span, bool ranges) {
    std::vector<ir::ExprId> any;
    for (const ast::Argument& argument : items) {
      if (const auto* range = std::get_if<ast::RangeArg>(&argument)) {
        if (!ranges) {
          cx_.report(diag::Kind::TypeMismatch, span,
                     "ranges hold codes, numbers and dates, not texts");
          return std::nullopt;
        }
        auto test = inRange(value, *range);
        if (!test) return std::nullopt;
        any.push_back(*test);
        continue;
      }
      auto item = check(*std::get<ast::ExprPtr>(argument));
      if (!item) return std::nullopt;
      auto typed = as(*item, value.type, item->span);
      if (!typed) return std::nullopt;
      any.push_back(b_.compare(ir::CmpOp::Eq, value.id, typed->id));
    }
    if (any.empty()) {
      cx_.report(diag::Kind::EmptySet, span, "the list after `in` is empty");
      return std::nullopt;
    }
    return b_.anyOf(std::move(any));
  }

  std::optional<Value> visit(const ast::InExpr& e, const source::Span& span) {
    auto value = check(*e.value);
    if (!value) return std::nullopt;
    std::optional<ir::ExprId> test;
    if (value->type == Type::Code) {
      std::optional<std::uint32_t> set;
      if (e.setName) {
        auto ranges = cx_.codeItem(*e.setName, std::nullopt);
        if (ranges) set = b_.codeSet(e.setName->text, *ranges);
      } else if (e.range) {
        auto ranges = cx_.codeItem(e.range->first, e.range->last);
        if (ranges) set = b_.codeSet("range", *ranges);
      } else {
        set = codeSetOf(e.items, "the list after `in`", span);
      }
      if (!set) return std::nullopt;
      test = b_.inCodeSet(value->id, *set);
    } else if (value->type == Type::Text) {
      test = inTexts(e, *value, span);
    } else if (value->type == Type::Int || value->type == Type::Money ||
               value->type == Type::Date) {
      test = inOrdered(e, *value, span);
    } else {
      cx_.report(
          diag::Kind::TypeMismatch, e.value->span,
          fmt::format("`in` tests codes, texts, numbers and dates, not {}", typeName(value->type)),
          value->type == Type::Word ? std::optional<std::string>(
                                          "put a field on the left, such as `line.code in therapy`")
                                    : std::nullopt);
      return std::nullopt;
    }
    if (!test) return std::nullopt;
    if (value->guards.empty())
      return Value{Type::Bool, e.negated ? b_.negate(*test) : *test, std::nullopt, {}, span};
    const ir::ExprId negated = b_.negate(*test);
    return guarded(value->guards, e.negated ? negated : *test, e.negated ? *test : negated, span);
  }

  CheckContext& cx_;
  ExprScope scope_;
  ir::Builder& b_;
};

}  // namespace

std::optional<ir::ExprId> checkCondition(CheckContext& cx, const ast::Expr& expr,
                                         const ExprScope& scope) {
  ExprChecker checker(cx, scope);
  auto value = checker.check(expr);
  if (!value) return std::nullopt;
  if (value->type != Type::Bool) {
    cx.report(
        diag::Kind::NotACondition, expr.span,
        fmt::format("a condition must be true or false, but this is {}", typeName(value->type)),
        "compare it with something, such as `line.units > 4`");
    return std::nullopt;
  }
  return value->id;
}

std::optional<ir::ExprId> checkUnits(CheckContext& cx, const ast::Expr& expr,
                                     const ExprScope& scope, std::vector<ir::ExprId>& known) {
  ExprChecker checker(cx, scope);
  auto value = checker.check(expr);
  if (!value) return std::nullopt;
  if (value->type == Type::Word) value = checker.as(*value, Type::Int, expr.span);
  if (!value) return std::nullopt;
  if (value->type != Type::Int) {
    cx.report(diag::Kind::NotANumber, expr.span,
              fmt::format("units must be a number, but this is {}", typeName(value->type)));
    return std::nullopt;
  }
  known = value->guards;
  return value->id;
}

void reportAbsentReads(CheckContext& cx, const std::string& rule, const AbsentReads& reads) {
  for (const AbsentReads::Read& read : reads.read) {
    if (reads.tested.count(read.field) > 0) continue;
    if (read.inUnits) {
      cx.report(diag::Kind::AbsentValue, read.span,
                fmt::format("`{}` is absent on {}: the units of `{}` then have no value, and "
                            "the rule does not fire",
                            read.field, whatIsMissing(read.field), rule),
                fmt::format("say so in the condition: `when ... and {} is known`", read.field));
      continue;
    }
    cx.report(diag::Kind::AbsentValue, read.span,
              fmt::format("`{}` is absent on {}; a comparison with it is then neither true nor "
                          "false, and does not make `{}` fire",
                          read.field, whatIsMissing(read.field), rule),
              fmt::format("say what such a claim gets: `... and {0} is known` keeps the rule as "
                          "it is; `... or {0} is not known` makes it fire on such claims too",
                          read.field));
  }
}

}  // namespace edict::check
