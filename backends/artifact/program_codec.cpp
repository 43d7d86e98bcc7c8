#include "backends/artifact/program_codec.h"

#include <fmt/format.h>

#include <algorithm>

namespace edict::artifact {

namespace {

// Bytes per table row as encoded (the structs have padding, which is not
// written so that an artifact's bytes depend on the ruleset alone).
constexpr std::size_t kPairRowBytes = 4 + 4 + 4 + 4 + 4 + 1;
constexpr std::size_t kMueRowBytes = 4 + 4 + 4 + 4 + 1 + 4;

void encodeStrings(const std::vector<std::string>& strings, ByteWriter& out) {
  out.u64(strings.size());
  for (const std::string& s : strings) out.string(s);
}

std::vector<std::string> decodeStrings(ByteReader& in) {
  std::vector<std::string> out(in.count(8));
  for (std::string& s : out) s = in.string();
  return out;
}

void encodeDate(const std::optional<model::Date>& date, ByteWriter& out) {
  out.boolean(date.has_value());
  if (date) out.i32(date->days);
}

std::optional<model::Date> decodeDate(ByteReader& in) {
  if (!in.boolean()) return std::nullopt;
  return model::Date{in.i32()};
}

/// Reads a u8 that must be below `limit` (an enum's number of values).
template <typename Enum>
Enum decodeEnum(ByteReader& in, unsigned limit, const char* what) {
  const std::uint8_t v = in.u8();
  if (v >= limit) in.fail(fmt::format("{} {} is not one this edict knows", what, v));
  return static_cast<Enum>(v);
}

void encodeExpr(const ir::Expr& e, ByteWriter& out) {
  out.u8(static_cast<std::uint8_t>(e.kind));
  out.u8(static_cast<std::uint8_t>(e.binding));
  out.u8(static_cast<std::uint8_t>(e.lineField));
  out.u8(static_cast<std::uint8_t>(e.claimField));
  out.u8(static_cast<std::uint8_t>(e.op));
  out.i64(e.value);
  out.u32(e.set);
  out.u64(e.operands.size());
  for (ir::ExprId id : e.operands) out.u32(id);
}

ir::Expr decodeExpr(ByteReader& in) {
  using Kind = ir::Expr::Kind;
  ir::Expr e;
  e.kind = decodeEnum<Kind>(in, static_cast<unsigned>(Kind::FrequencyUnits) + 1, "expression kind");
  e.binding = decodeEnum<ir::Binding>(in, 3, "binding");
  e.lineField =
      decodeEnum<ir::LineField>(in, static_cast<unsigned>(ir::LineField::Age) + 1, "line field");
  e.claimField =
      decodeEnum<ir::ClaimField>(in, static_cast<unsigned>(ir::ClaimField::Age) + 1, "claim field");
  e.op = decodeEnum<ir::CmpOp>(in, static_cast<unsigned>(ir::CmpOp::Ge) + 1, "comparison");
  e.value = in.i64();
  e.set = in.u32();
  e.operands.resize(in.count(4));
  for (ir::ExprId& id : e.operands) id = in.u32();
  return e;
}

void encodePairTable(const ir::PairTable& t, ByteWriter& out) {
  out.string(t.source);
  out.i32(t.plainBypass);
  out.i32(t.anatomicBypass);
  encodeStrings(t.rationales, out);
  out.u64(t.rows.size());
  for (const ir::PairTable::Row& r : t.rows) {
    out.u32(r.column1);
    out.u32(r.column2);
    out.i32(r.effective);
    out.i32(r.deletion);
    out.u32(r.rationale);
    out.u8(r.indicator);
  }
}

/// Reads the 4 little-endian bytes at `p` as an unsigned integer.
std::uint32_t le32(const char* p) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i)
    v |= static_cast<std::uint32_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}

/// Decodes a count and that many fixed-size rows: millions of them in NCCI
/// tables, so one bounds check for all, then `fill(row, bytes)` in a tight loop.
template <std::size_t kRowBytes, typename Row, typename Fill>
std::vector<Row> decodeRows(ByteReader& in, Fill fill) {
  const std::size_t n = in.count(kRowBytes);
  const std::string_view bytes = in.take(n * kRowBytes);
  std::vector<Row> rows(n);
  for (std::size_t i = 0; i < n; ++i) fill(rows[i], bytes.data() + i * kRowBytes);
  return rows;
}

ir::PairTable decodePairTable(ByteReader& in) {
  ir::PairTable t;
  t.source = in.string();
  t.plainBypass = in.i32();
  t.anatomicBypass = in.i32();
  t.rationales = decodeStrings(in);
  t.rows = decodeRows<kPairRowBytes, ir::PairTable::Row>(in, [](auto& r, const char* p) {
    r.column1 = le32(p);
    r.column2 = le32(p + 4);
    r.effective = static_cast<std::int32_t>(le32(p + 8));
    r.deletion = static_cast<std::int32_t>(le32(p + 12));
    r.rationale = le32(p + 16);
    r.indicator = static_cast<std::uint8_t>(p[20]);
  });
  t.buildIndex();  // derived from the rows, never saved
  return t;
}

void encodeMueTable(const ir::MueTable& t, ByteWriter& out) {
  out.string(t.source);
  encodeStrings(t.rationales, out);
  out.u64(t.rows.size());
  for (const ir::MueTable::Row& r : t.rows) {
    out.u32(r.code);
    out.i32(r.effective);
    out.i32(r.value);
    out.u32(r.rationale);
    out.u8(r.indicator);
    out.i32(r.deletion);
  }
}

ir::MueTable decodeMueTable(ByteReader& in) {
  ir::MueTable t;
  t.source = in.string();
  t.rationales = decodeStrings(in);
  t.rows = decodeRows<kMueRowBytes, ir::MueTable::Row>(in, [](auto& r, const char* p) {
    r.code = le32(p);
    r.effective = static_cast<std::int32_t>(le32(p + 4));
    r.value = static_cast<std::int32_t>(le32(p + 8));
    r.rationale = le32(p + 12);
    r.indicator = static_cast<std::uint8_t>(p[16]);
    r.deletion = static_cast<std::int32_t>(le32(p + 17));
  });
  t.buildIndex();
  return t;
}

void encodeCodes(const std::vector<model::Code>& codes, ByteWriter& out) {
  out.u64(codes.size());
  for (model::Code c : codes) out.u32(c.packed);
}

std::vector<model::Code> decodeCodes(ByteReader& in) {
  std::vector<model::Code> out(in.count(4));
  for (model::Code& c : out) c.packed = in.u32();
  return out;
}

void encodeRule(const ir::Rule& r, ByteWriter& out) {
  out.string(r.id);
  out.u8(static_cast<std::uint8_t>(r.action));
  out.string(r.reason);
  out.string(r.message);
  out.u8(static_cast<std::uint8_t>(r.scope));
  out.boolean(r.units.has_value());
  if (r.units) out.u32(*r.units);
  encodeCodes(r.lineCodes, out);
  out.boolean(r.anyCode);
  encodeCodes(r.otherCodes, out);
  out.boolean(r.pairTable.has_value());
  if (r.pairTable) out.u32(*r.pairTable);
  out.boolean(r.mueTable.has_value());
  if (r.mueTable) out.u32(*r.mueTable);
  out.boolean(r.rejectsMinutes);
  out.u32(r.predicate);
  out.string(r.origin);
  out.string(r.detail);
}

ir::Rule decodeRule(ByteReader& in) {
  ir::Rule r;
  r.id = in.string();
  // Reject is what the runner gives unreadable claims, never a rule's action.
  r.action = decodeEnum<model::Action>(in, static_cast<unsigned>(model::Action::Reject), "action");
  r.reason = in.string();
  r.message = in.string();
  r.scope = decodeEnum<ir::RuleScope>(in, 3, "rule scope");
  if (in.boolean()) r.units = in.u32();
  r.lineCodes = decodeCodes(in);
  r.anyCode = in.boolean();
  r.otherCodes = decodeCodes(in);
  if (in.boolean()) r.pairTable = in.u32();
  if (in.boolean()) r.mueTable = in.u32();
  r.rejectsMinutes = in.boolean();
  r.predicate = in.u32();
  r.origin = in.string();
  r.detail = in.string();
  return r;
}

/// What decodeProgram checks once everything is read: the invariants the
/// compiler guarantees and the back ends rely on.
class ProgramValidator {
 public:
  ProgramValidator(const ir::Program& p, ByteReader& in) : p_(p), in_(in) {}

  void run() {
    if (p_.diagnosisPatterns.size() > 64) fail("more than 64 diagnosis patterns");
    for (std::size_t s = 0; s < p_.modifierSets.size(); ++s)
      for (model::Modifier m : p_.modifierSets[s].members)
        if (m.packed == 0 || m.packed >= model::kModifierSpace)
          fail(fmt::format("modifier set {} holds modifier number {}", s, m.packed));
    for (std::size_t s = 0; s < p_.codeSets.size(); ++s) {
      const auto& ranges = p_.codeSets[s].ranges;
      for (std::size_t i = 0; i < ranges.size(); ++i)
        if (ranges[i].first > ranges[i].second ||
            (i > 0 && ranges[i - 1].second >= ranges[i].first))
          fail(fmt::format("code set {} is not sorted disjoint ranges", s));
    }
    for (std::size_t t = 0; t < p_.pairTables.size(); ++t) checkPairTable(t);
    for (std::size_t t = 0; t < p_.mueTables.size(); ++t) checkMueTable(t);
    for (std::size_t e = 0; e < p_.exprs.size(); ++e) checkExpr(static_cast<ir::ExprId>(e));
    for (std::size_t r = 0; r < p_.rules.size(); ++r) checkRule(r);
  }

 private:
  [[noreturn]] void fail(const std::string& what) { in_.fail("the program is damaged: " + what); }

  void checkPairTable(std::size_t t) {
    const ir::PairTable& table = p_.pairTables[t];
    for (std::int32_t set : {table.plainBypass, table.anatomicBypass})
      if (set < -1 || (set >= 0 && static_cast<std::size_t>(set) >= p_.modifierSets.size()))
        fail(fmt::format("pair table {} names modifier set {}", t, set));
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
      const auto& r = table.rows[i];
      if (r.rationale >= table.rationales.size())
        fail(fmt::format("pair table {} row {} names rationale {}", t, i, r.rationale));
      if (r.indicator != 0 && r.indicator != 1 && r.indicator != 9)
        fail(fmt::format("pair table {} row {} has indicator {}", t, i, r.indicator));
      if (i > 0) {
        const auto& q = table.rows[i - 1];
        if (std::tie(q.column2, q.column1, q.effective) >
            std::tie(r.column2, r.column1, r.effective))
          fail(fmt::format("pair table {} is not sorted at row {}", t, i));
      }
    }
  }

  void checkMueTable(std::size_t t) {
    const ir::MueTable& table = p_.mueTables[t];
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
      const auto& r = table.rows[i];
      if (r.rationale >= table.rationales.size())
        fail(fmt::format("MUE table {} row {} names rationale {}", t, i, r.rationale));
      if (r.indicator < 1 || r.indicator > 3)
        fail(fmt::format("MUE table {} row {} has indicator {}", t, i, r.indicator));
      if (i > 0) {
        const auto& q = table.rows[i - 1];
        if (std::tie(q.code, q.effective) > std::tie(r.code, r.effective))
          fail(fmt::format("MUE table {} is not sorted at row {}", t, i));
      }
    }
  }

  /// Operands come before the expressions that use them (the builder
  /// appends them first), which also rules out cycles.
  void checkExpr(ir::ExprId id) {
    using Kind = ir::Expr::Kind;
    const ir::Expr& e = p_.exprs[id];
    for (ir::ExprId op : e.operands)
      if (op >= id) fail(fmt::format("expression {} uses expression {}", id, op));
    std::size_t arity = 0;
    bool variadic = false;
    switch (e.kind) {
      case Kind::Compare:
      case Kind::Add:
      case Kind::Sub: arity = 2; break;
      case Kind::InRange: arity = 3; break;
      case Kind::Not:
      case Kind::InCodeSet:
      case Kind::FrequencyServices:
      case Kind::FrequencyUnits: arity = 1; break;
      case Kind::And:
      case Kind::Or: variadic = true; break;
      default: break;
    }
    if (!variadic && e.operands.size() != arity)
      fail(fmt::format("expression {} has {} operands, not {}", id, e.operands.size(), arity));
    std::size_t limit = 0;
    const char* what = nullptr;
    switch (e.kind) {
      case Kind::InCodeSet:
      case Kind::SameDayCount:
      case Kind::SameDayUnits:
      case Kind::ClaimCount:
      case Kind::ClaimUnits:
      case Kind::TimedUnits:
      case Kind::HistoryCount:
      case Kind::HistoryUnits:
      case Kind::FrequencyServices:
      case Kind::FrequencyUnits: limit = p_.codeSets.size(), what = "code set"; break;
      case Kind::HasModifierIn:
      case Kind::SitesDiffer: limit = p_.modifierSets.size(), what = "modifier set"; break;
      case Kind::PairTableHolds: limit = p_.pairTables.size(), what = "pair table"; break;
      case Kind::MueUnits: limit = p_.mueTables.size(), what = "MUE table"; break;
      default: break;
    }
    if (what != nullptr && e.set >= limit)
      fail(fmt::format("expression {} names {} {}", id, what, e.set));
    if (e.kind == Kind::IntConst && e.set == ir::kStringConstant &&
        (e.value < 0 || static_cast<std::uint64_t>(e.value) >= p_.strings.size()))
      fail(fmt::format("expression {} names string {}", id, e.value));
    if (e.kind == Kind::TimedUnits &&
        (e.value < 0 || e.value > static_cast<std::int64_t>(ir::UnitMethod::Rounded)))
      fail(fmt::format("expression {} names unit method {}", id, e.value));
    const bool windowed = e.kind == Kind::HistoryCount || e.kind == Kind::HistoryUnits ||
                          e.kind == Kind::FrequencyServices || e.kind == Kind::FrequencyUnits;
    if (windowed && e.value != ir::kCalendarYear && (e.value < 1 || e.value > ir::kMaxWindowDays))
      fail(fmt::format("expression {} has a window of {}", id, e.value));
    // A frequency limit's maximum is a constant: the runtime takes it as one.
    if ((e.kind == Kind::FrequencyServices || e.kind == Kind::FrequencyUnits) &&
        p_.exprs[e.operands[0]].kind != Kind::IntConst)
      fail(fmt::format("expression {} has a maximum that is not a number", id));
  }

  void checkRule(std::size_t r) {
    const ir::Rule& rule = p_.rules[r];
    if (rule.predicate >= p_.exprs.size() || (rule.units && *rule.units >= p_.exprs.size()))
      fail(fmt::format("rule `{}` names a missing expression", rule.id));
    if ((rule.pairTable && *rule.pairTable >= p_.pairTables.size()) ||
        (rule.mueTable && *rule.mueTable >= p_.mueTables.size()))
      fail(fmt::format("rule `{}` names a missing table", rule.id));
  }

  const ir::Program& p_;
  ByteReader& in_;
};

}  // namespace

void encodeProgram(const ir::Program& p, ByteWriter& out) {
  out.string(p.name);
  out.string(p.title);
  out.string(p.version);
  encodeDate(p.effectiveFrom, out);
  encodeDate(p.effectiveUntil, out);
  out.u64(p.exprs.size());
  for (const ir::Expr& e : p.exprs) encodeExpr(e, out);
  out.u64(p.modifierSets.size());
  for (const ir::ModifierSet& s : p.modifierSets) {
    out.string(s.name);
    out.u64(s.members.size());
    for (model::Modifier m : s.members) out.u16(m.packed);
  }
  out.u64(p.codeSets.size());
  for (const ir::CodeSet& s : p.codeSets) {
    out.string(s.name);
    out.u64(s.ranges.size());
    for (const auto& [first, last] : s.ranges) {
      out.u32(first);
      out.u32(last);
    }
  }
  encodeStrings(p.strings, out);
  encodeStrings(p.diagnosisPatterns, out);
  out.u64(p.pairTables.size());
  for (const ir::PairTable& t : p.pairTables) encodePairTable(t, out);
  out.u64(p.mueTables.size());
  for (const ir::MueTable& t : p.mueTables) encodeMueTable(t, out);
  out.u64(p.rules.size());
  for (const ir::Rule& r : p.rules) encodeRule(r, out);
}

ir::Program decodeProgram(ByteReader& in) {
  // Each count(N) names the fewest bytes one element of that kind takes when
  // encoded above (an empty string is 8), which bounds what a count may claim.
  ir::Program p;
  p.name = in.string();
  p.title = in.string();
  p.version = in.string();
  p.effectiveFrom = decodeDate(in);
  p.effectiveUntil = decodeDate(in);
  p.exprs.resize(in.count(17));
  for (ir::Expr& e : p.exprs) e = decodeExpr(in);
  p.modifierSets.resize(in.count(16));
  for (ir::ModifierSet& s : p.modifierSets) {
    s.name = in.string();
    s.members.resize(in.count(2));
    for (model::Modifier& m : s.members) m.packed = in.u16();
  }
  p.codeSets.resize(in.count(16));
  for (ir::CodeSet& s : p.codeSets) {
    s.name = in.string();
    s.ranges.resize(in.count(8));
    for (auto& [first, last] : s.ranges) {
      first = in.u32();
      last = in.u32();
    }
  }
  p.strings = decodeStrings(in);
  p.diagnosisPatterns = decodeStrings(in);
  p.pairTables.resize(in.count(24));
  for (ir::PairTable& t : p.pairTables) t = decodePairTable(in);
  p.mueTables.resize(in.count(16));
  for (ir::MueTable& t : p.mueTables) t = decodeMueTable(in);
  p.rules.resize(in.count(40));
  for (ir::Rule& r : p.rules) r = decodeRule(in);
  ProgramValidator(p, in).run();
  return p;
}

}  // namespace edict::artifact
