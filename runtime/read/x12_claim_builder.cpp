#include "runtime/read/x12_claim_builder.h"

#include <fmt/format.h>

#include <string_view>

#include "runtime/read/claim_fields.h"
#include "runtime/read/record_packing.h"

namespace edict::read {

namespace {

/// `SV104`: how X12 names element 4 of SV1.
std::string ref(const X12Segment& s, std::size_t element) {
  return fmt::format("{}{:02}", s.id(), element);
}

/// `SV101-2`: component 2 of element 1 of SV1.
std::string ref(const X12Segment& s, std::size_t element, std::size_t component) {
  return fmt::format("{}{:02}-{}", s.id(), element, component);
}

/// `SV101-2 (lines[0].code)`: an element, optionally a component, and the
/// model field it gives, for messages. Converts to a FieldPath that renders
/// it only when a message needs it; it must live to the end of the full
/// expression that uses it, which a temporary in a call does.
struct ElementPath {
  const X12Segment& segment;
  std::size_t element;
  std::size_t component = 0;
  /// The model field: `place_of_service`, or with a line `code` for `lines[i].code`.
  std::string_view field = {};
  std::size_t line = kNoLine;

  static constexpr std::size_t kNoLine = static_cast<std::size_t>(-1);

  std::string operator()() const {
    std::string out = component == 0 ? ref(segment, element) : ref(segment, element, component);
    if (line != kNoLine) return fmt::format("{} (lines[{}].{})", out, line, field);
    if (!field.empty()) return fmt::format("{} ({})", out, field);
    return out;
  }
  operator FieldPath() const { return FieldPath::lazy(*this); }  // NOLINT: implicit on purpose
};

bool isSegmentId(std::string_view id) {
  if (id.size() < 2 || id.size() > 3) return false;
  for (char c : id)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

/// What kind of 837 a version names, for the message refusing it; empty
/// for the professional versions edict reads.
std::string refusal(std::string_view transactionSet, std::string_view version) {
  if (transactionSet != "837")
    return fmt::format("transaction set {} is not an 837 health care claim",
                       quoted(transactionSet));
  if (version.starts_with("005010X222") || version.starts_with("004010X098")) return {};
  if (version.starts_with("005010X223") || version.starts_with("004010X096"))
    return fmt::format(
        "this is an 837I (institutional) transaction ({}); edict reads 837P "
        "professional claims (005010X222A1/A2, 004010X098A1)",
        version);
  if (version.starts_with("005010X224") || version.starts_with("004010X097"))
    return fmt::format(
        "this is an 837D (dental) transaction ({}); edict reads 837P "
        "professional claims (005010X222A1/A2, 004010X098A1)",
        version);
  return fmt::format(
      "version {} is not an 837P implementation guide edict reads "
      "(005010X222A1/A2, 004010X098A1)",
      quoted(version));
}

/// A hint for the common mistake of data written with other separators
/// than the ISA declares (`HC>97110` where ISA16 is `:`).
std::string separatorHint(const X12Segment& s) {
  const X12Separators& seps = s.separators();
  for (char c : std::string_view(">:^|\\")) {
    if (c == seps.element || c == seps.component || c == seps.repetition) continue;
    if (s.text().find(c) != std::string_view::npos)
      return fmt::format(
          " (the ISA segment declares `{}` as the component separator, ISA16, but "
          "this segment uses `{}`)",
          seps.component, c);
  }
  return {};
}

/// What every segment must be before its content is looked at; throws
/// FieldError naming what is wrong.
void checkSegment(const X12Segment& s) {
  if (!isSegmentId(s.id()))
    failField("segment", fmt::format("{} is not a segment id (two or three capitals or digits)",
                                     quoted(s.id())));
  if (s.truncated())
    failField(std::string(s.id()),
              "the file ends inside this segment, before its terminator: it is cut off");
  // Valid text is checked once for the whole segment; only a segment that
  // fails is searched for the element to name.
  bool ascii = true;
  for (char c : s.text()) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (!ascii)
    for (std::size_t i = 1; i <= s.elementCount(); ++i)
      FieldRules{}.utf8(s.element(i), ElementPath{s, i});
}

/// The entries of a packed claim (record_packing.h), each a kind byte and
/// its fields: a segment (number, truncated, text), a segment too long to
/// read (number, why), and the claim's end: closed by its loop or
/// transaction, or cut off after a segment (its number).
enum PackedEntry : std::uint8_t { kSegment, kUnreadable, kClosed, kCutOff };

/// The hierarchy above a packed claim: what startClaim() reads of the builder.
struct X12Context final : RecordContext {
  X12Separators separators;
  int level = 0;
  std::string billingNpi;
  x12::Person subscriber;
  std::string payer;
  x12::Person patient;
  bool dependent = false;
  std::optional<x12::Problem> billingProblem;
  std::optional<x12::Problem> subscriberProblem;
  std::optional<x12::Problem> patientProblem;
  std::string refused;
};

}  // namespace

void X12ClaimBuilder::add(const X12Segment& s, std::deque<ReadItem>& out) {
  if (!fatal_.empty()) return;
  if (packingOpen_ && !handledWhilePacking(s)) {
    packNumber(packing_.text, kSegment);
    packNumber(packing_.text, s.number());
    packNumber(packing_.text, static_cast<std::uint8_t>(s.truncated()));
    packText(packing_.text, s.text());
    return;
  }
  try {
    checkSegment(s);
    dispatch(s, out);
  } catch (const FieldError& e) {
    spoil({e.message + separatorHint(s), s.number()});
  }
}

void X12ClaimBuilder::addUnreadable(std::uint64_t number, const std::string& what) {
  if (packingOpen_) {
    packNumber(packing_.text, kUnreadable);
    packNumber(packing_.text, number);
    packText(packing_.text, what);
    return;
  }
  spoil({what, number});
}

void X12ClaimBuilder::finish(std::uint64_t lastSegment, std::deque<ReadItem>& out) {
  if (packingOpen_) {
    endPacking(kCutOff, lastSegment);
    return;
  }
  if (!open_) return;
  if (!open_->problem)
    open_->problem = Problem{
        fmt::format("CLM: the file ends inside claim {} (no SE segment closes its transaction); "
                    "the claim may be incomplete",
                    quoted(open_->claim.id)),
        lastSegment};
  close(out);
}

void X12ClaimBuilder::spoil(Problem problem) {
  if (open_) {
    if (!open_->problem) open_->problem = std::move(problem);
    return;
  }
  // Outside a claim, a problem spoils every claim of its hierarchy level:
  // a bad subscriber birth date is wrong for each of that subscriber's claims.
  std::optional<Problem>* slot = nullptr;
  if (level_ == 20) slot = &billingProblem_;
  if (level_ == 22) slot = &subscriberProblem_;
  if (level_ == 23) slot = &patientProblem_;
  if (slot && !*slot) *slot = std::move(problem);
}

bool X12ClaimBuilder::handledWhilePacking(const X12Segment& s) const {
  const std::string_view id = s.id();
  if (id != "ISA" && id != "ST" && id != "SE" && id != "GE" && id != "IEA" && id != "HL" &&
      id != "CLM" && id != "GS")
    return false;
  try {
    checkSegment(s);  // a segment that fails is the claim's problem, found where it is built
  } catch (const FieldError&) {
    return false;
  }
  return true;
}

void X12ClaimBuilder::closeClaim(std::deque<ReadItem>& out) {
  if (packingOpen_)
    endPacking(kClosed, 0);
  else
    close(out);
}

std::shared_ptr<const RecordContext> X12ClaimBuilder::context(const X12Separators& seps) const {
  auto c = std::make_shared<X12Context>();
  c->separators = seps;
  c->level = level_;
  c->billingNpi = billingNpi_;
  c->subscriber = subscriber_;
  c->payer = payer_;
  c->patient = patient_;
  c->dependent = dependent_;
  c->billingProblem = billingProblem_;
  c->subscriberProblem = subscriberProblem_;
  c->patientProblem = patientProblem_;
  c->refused = refused_;
  return c;
}

void X12ClaimBuilder::startPacking(const X12Segment& s) {
  emittedAny_ = true;
  packingOpen_ = true;
  packing_.text.clear();
  packing_.refusal.clear();
  packing_.made.reset();
  packing_.origin.file = fileName_;
  packing_.origin.position = s.number();
  packing_.context = context(s.separators());
  packNumber(packing_.text, kSegment);
  packNumber(packing_.text, s.number());
  packNumber(packing_.text, static_cast<std::uint8_t>(s.truncated()));
  packText(packing_.text, s.text());
}

void X12ClaimBuilder::endPacking(std::uint8_t end, std::uint64_t lastSegment) {
  packNumber(packing_.text, end);
  if (end == kCutOff) packNumber(packing_.text, lastSegment);
  packingOpen_ = false;
  std::swap(finished_, packing_);
  hasFinished_ = true;
}

bool X12ClaimBuilder::takeRecord(RawRecord& record) {
  if (!hasFinished_) return false;
  std::swap(record, finished_);
  hasFinished_ = false;
  return true;
}

ReadItem X12ClaimBuilder::parseRecord(const RawRecord& record, const std::string& fileName) {
  const auto& c = static_cast<const X12Context&>(*record.context);
  X12ClaimBuilder b(fileName);
  b.inTransaction_ = true;
  b.level_ = c.level;
  b.billingNpi_ = c.billingNpi;
  b.subscriber_ = c.subscriber;
  b.payer_ = c.payer;
  b.patient_ = c.patient;
  b.dependent_ = c.dependent;
  b.billingProblem_ = c.billingProblem;
  b.subscriberProblem_ = c.subscriberProblem;
  b.patientProblem_ = c.patientProblem;
  b.refused_ = c.refused;
  std::deque<ReadItem> out;
  X12Segment segment;
  for (Unpacker in(record.text); !in.done();) {
    switch (in.number<std::uint8_t>()) {
      case kSegment: {
        const auto number = in.number<std::uint64_t>();
        const bool truncated = in.number<std::uint8_t>() != 0;
        segment.assign(in.text(), c.separators, number, truncated);
        b.add(segment, out);
        break;
      }
      case kUnreadable: {
        const auto number = in.number<std::uint64_t>();
        b.addUnreadable(number, std::string(in.text()));
        break;
      }
      case kClosed: b.close(out); break;
      case kCutOff: b.finish(in.number<std::uint64_t>(), out); break;
    }
  }
  return std::move(out.front());
}

void X12ClaimBuilder::dispatch(const X12Segment& s, std::deque<ReadItem>& out) {
  const std::string_view id = s.id();
  if (id == "ISA" || id == "ST") {
    // A new transaction while a claim is open: its SE never came.
    if (claimOpen()) finish(s.number() - 1, out);
    if (id == "ST") startTransaction(s);
    if (id == "ISA") inTransaction_ = false;
    return;
  }
  if (id == "GS") {
    groupVersion_ = std::string(s.element(8));
    return;
  }
  if (id == "SE" || id == "GE" || id == "IEA") {
    if (claimOpen()) closeClaim(out);
    inTransaction_ = false;
    return;
  }
  if (!inTransaction_) return;
  if (id == "HL") {
    if (claimOpen()) closeClaim(out);
    startLevel(s);
    return;
  }
  if (id == "CLM") {
    if (claimOpen()) closeClaim(out);
    if (splits_)
      startPacking(s);
    else
      startClaim(s);
    return;
  }
  if (open_) {
    claimSegment(s);
    return;
  }
  if (id == "NM1") hierarchyName(s);
  if (id == "DMG") demographics(s);
}

void X12ClaimBuilder::startTransaction(const X12Segment& s) {
  inTransaction_ = true;
  level_ = 0;
  billingNpi_.clear();
  subscriber_ = {};
  patient_ = {};
  payer_.clear();
  dependent_ = false;
  billingProblem_.reset();
  subscriberProblem_.reset();
  patientProblem_.reset();
  // ST03 names the implementation guide from 5010 on; 4010 has it in GS08 only.
  const std::string_view version = s.element(3).empty() ? groupVersion_ : s.element(3);
  refused_ = refusal(s.element(1), version);
  if (!refused_.empty() && !emittedAny_) fatal_ = refused_;
}

void X12ClaimBuilder::startLevel(const X12Segment& s) {
  const std::string_view level = s.element(3);
  if (level == "20") {
    level_ = 20;
    billingNpi_.clear();
    billingProblem_.reset();
    subscriber_ = {};
    payer_.clear();
    subscriberProblem_.reset();
  } else if (level == "22") {
    level_ = 22;
    subscriber_ = {};
    payer_.clear();
    subscriberProblem_.reset();
  } else if (level == "23") {
    level_ = 23;
  } else {
    failField(ElementPath{s, 3},
              fmt::format("{} is not an 837P hierarchical level (20 billing provider, "
                          "22 subscriber, 23 patient)",
                          quoted(level)));
  }
  // A new subscriber or patient level starts a new patient; parent ids
  // (HL02) are not checked, as real files get them wrong and the levels
  // alone say what follows.
  patient_ = {};
  patientProblem_.reset();
  dependent_ = level_ == 23;
}

void X12ClaimBuilder::hierarchyName(const X12Segment& s) {
  const std::string_view entity = s.element(1);
  // NM108 `XX` marks an NPI; 4010 files often carry a tax id (24, 34) instead.
  const bool npi = s.element(8) == "XX";
  if (entity == "85" && level_ == 20) {
    billingNpi_ = npi ? std::string(s.element(9)) : std::string();
  } else if (entity == "IL" && level_ == 22) {
    subscriber_.id = s.element(9);
    subscriber_.lastName = s.element(3);
    subscriber_.firstName = s.element(4);
  } else if (entity == "PR" && level_ == 22) {
    // The payer's id routes the claim to a ruleset; its name is the fallback.
    payer_ = s.element(9).empty() ? s.element(3) : s.element(9);
  } else if (entity == "QC" && level_ == 23) {
    patient_.id = s.element(9);
    patient_.lastName = s.element(3);
    patient_.firstName = s.element(4);
  }
}

void X12ClaimBuilder::demographics(const X12Segment& s) {
  if (level_ != 22 && level_ != 23) return;
  Person& person = level_ == 23 ? patient_ : subscriber_;
  const FieldRules rules;
  if (s.element(1) != "D8")
    failField(ElementPath{s, 1}, fmt::format("date format {} is not `D8`", quoted(s.element(1))));
  person.birthDate = rules.compactDate(s.element(2), ElementPath{s, 2, 0, "patient.birth_date"});
  person.sex = rules.sex(s.element(3), ElementPath{s, 3, 0, "patient.sex"});
}

void X12ClaimBuilder::startClaim(const X12Segment& s) {
  open_.emplace();
  emittedAny_ = true;
  model::Claim& claim = open_->claim;
  claim.id = s.element(1);
  claim.origin = {fileName_, s.number()};
  claim.payer = payer_;
  claim.billingProviderNpi = billingNpi_;
  if (dependent_) {
    claim.patient.birthDate = patient_.birthDate;
    claim.patient.sex = patient_.sex;
    // A 5010 dependent has no id of its own: the subscriber's member id
    // and the patient's name identify them.
    claim.patient.id = !patient_.id.empty() ? patient_.id
                                            : fmt::format("{}/{}/{}", subscriber_.id,
                                                          patient_.lastName, patient_.firstName);
  } else {
    claim.patient.id = subscriber_.id;
    claim.patient.birthDate = subscriber_.birthDate;
    claim.patient.sex = subscriber_.sex;
  }
  // Problems of the hierarchy above the claim are the claim's first.
  for (const auto* inherited : {&billingProblem_, &subscriberProblem_, &patientProblem_})
    if (*inherited && !open_->problem) open_->problem = **inherited;
  if (!refused_.empty() && !open_->problem) open_->problem = Problem{"ST: " + refused_, s.number()};
  if (level_ != 22 && level_ != 23 && !open_->problem)
    open_->problem =
        Problem{"CLM: the claim comes before any subscriber level (HL*22)", s.number()};
  if (claim.id.empty()) failField(ElementPath{s, 1, 0, "id"}, "required field is missing");
  if (const std::string_view pos = s.component(5, 1); !pos.empty())
    claim.placeOfService =
        FieldRules{}.placeOfService(pos, ElementPath{s, 5, 1, "place_of_service"});
  if (const std::string_view frequency = s.component(5, 3); !frequency.empty())
    claim.frequency = FieldRules{}.frequency(frequency, ElementPath{s, 5, 3, "frequency"});
}

void X12ClaimBuilder::claimSegment(const X12Segment& s) {
  const std::string_view id = s.id();
  Loop& loop = open_->loop;
  if (id == "LX") {
    startLine(s);
  } else if (id == "SV1") {
    service(s);
  } else if (id == "DTP") {
    if (loop == Loop::Line && s.element(1) == "472") serviceDate(s);
  } else if (id == "HI") {
    if (loop != Loop::Line) diagnoses(s);
  } else if (id == "REF") {
    // 2300 REF*F8: the payer's control number of the claim a replacement
    // or void replaces (2330B has its own REF*F8, another payer's).
    if (loop == Loop::Claim && s.element(1) == "F8") open_->claim.replaces = s.element(2);
  } else if (id == "SBR") {
    // 2320: other subscribers and their payers (coordination of benefits);
    // their NM1 segments are not this claim's providers.
    if (loop == Loop::Claim) loop = Loop::OtherSubscriber;
  } else if (id == "NM1" && s.element(1) == "82" && loop != Loop::OtherSubscriber) {
    if (s.element(8) != "XX") return;
    if (loop == Loop::Claim)
      open_->claim.providerNpi = s.element(9);  // 2310B
    else if (!open_->claim.lines.empty())
      open_->claim.lines.back().providerNpi = s.element(9);  // 2420A
  } else if (id == "SV2") {
    failField("SV2",
              "an institutional service line (SV2) in a professional claim; 837P lines "
              "are SV1");
  }
}

void X12ClaimBuilder::diagnoses(const X12Segment& s) {
  const FieldRules rules;
  const char componentSeparator = s.separators().component;
  for (std::size_t i = 1; i <= s.elementCount(); ++i) {
    const std::string_view qualifier = s.component(i, 1);
    DiagnosisCodeSet set;
    if (qualifier == "ABK" || qualifier == "ABF")
      set = DiagnosisCodeSet::Icd10;
    else if (qualifier == "BK" || qualifier == "BF")
      set = DiagnosisCodeSet::Icd9;
    else
      continue;  // other HI segments: anesthesia procedures, condition codes
    std::string_view code = s.component(i, 2);
    std::size_t component = 2;
    // `HI*BK*8901`: the element separator written where the component
    // separator belongs. The pair is unambiguous, so it is read as `BK:8901`.
    if (s.element(i).find(componentSeparator) == std::string_view::npos && i < s.elementCount() &&
        s.element(i + 1).find(componentSeparator) == std::string_view::npos &&
        !s.element(i + 1).empty()) {
      code = s.element(++i);
      component = 0;
    }
    const std::size_t index = open_->claim.diagnoses.size();
    const auto path = [&] {
      return fmt::format("{} (diagnoses[{}])", ElementPath{s, i, component}(), index);
    };
    rules.addDiagnosis(open_->claim, rules.diagnosis(code, set, FieldPath::lazy(path)),
                       FieldPath::lazy(path));
  }
}

void X12ClaimBuilder::startLine(const X12Segment& s) {
  if (open_->loop == Loop::Line) finishLine();
  open_->loop = Loop::Line;
  open_->lineHasService = false;
  open_->lineHasDate = false;
  open_->lineSegment = s.number();
  if (open_->claim.lines.size() == kMaxLinesPerClaim) {
    // Counted but not kept: the claim is refused for its size at its end.
    ++open_->extraLines;
    return;
  }
  open_->claim.lines.emplace_back();
}

void X12ClaimBuilder::service(const X12Segment& s) {
  if (open_->loop != Loop::Line || open_->lineHasService)
    failField("SV1", "a service line (SV1) must follow its own LX segment");
  open_->lineHasService = true;
  if (open_->extraLines > 0) return;
  const FieldRules rules;
  model::Line& line = open_->claim.lines.back();
  const std::size_t index = open_->claim.lines.size() - 1;
  if (s.component(1, 1) != "HC")
    failField(ElementPath{s, 1, 1}, fmt::format("product or service id qualifier {} is not `HC` "
                                                "(CPT/HCPCS); edict reads procedure codes only",
                                                quoted(s.component(1, 1))));
  line.code = rules.code(s.component(1, 2), ElementPath{s, 1, 2, "code", index});
  for (std::size_t c = 3; c <= 6; ++c)
    if (const std::string_view m = s.component(1, c); !m.empty())
      rules.addModifier(line, m, ElementPath{s, 1, c, "modifiers", index});
  line.charge = rules.charge(rules.decimal(s.element(2), ElementPath{s, 2, 0, "charge", index}),
                             ElementPath{s, 2, 0, "charge", index});
  const ElementPath unitsPath{s, 4, 0, "units", index};
  const std::int64_t quantity =
      rules.wholeNumber(rules.decimal(s.element(4), unitsPath), unitsPath);
  if (s.element(3) == "UN") {
    line.units = rules.units(quantity, unitsPath);
  } else if (s.element(3) == "MJ") {
    // Anesthesia is billed in minutes: one service of that many minutes.
    line.minutes = rules.minutes(quantity, ElementPath{s, 4, 0, "minutes", index});
  } else {
    failField(ElementPath{s, 3}, fmt::format("unit basis {} is neither `UN` (units) nor `MJ` "
                                             "(minutes)",
                                             quoted(s.element(3))));
  }
  if (const std::string_view pos = s.element(5); !pos.empty())
    line.placeOfService =
        rules.placeOfService(pos, ElementPath{s, 5, 0, "place_of_service", index});
}

void X12ClaimBuilder::serviceDate(const X12Segment& s) {
  if (open_->lineHasDate) return;
  open_->lineHasDate = true;
  if (open_->extraLines > 0) return;
  const FieldRules rules;
  const ElementPath path{s, 3, 0, "date", open_->claim.lines.size() - 1};
  const std::string_view format = s.element(2);
  const std::string_view text = s.element(3);
  model::Line& line = open_->claim.lines.back();
  if (format == "D8") {
    line.date = rules.compactDate(text, path);
  } else if (format == "RD8") {
    // A range of dates: edits compare the first (docs/input-formats.md).
    const std::size_t dash = text.find('-');
    if (dash == std::string_view::npos)
      failField(path,
                fmt::format("{} is not a date range (expected CCYYMMDD-CCYYMMDD)", quoted(text)));
    line.date = rules.compactDate(text.substr(0, dash), path);
    const model::Date last = rules.compactDate(text.substr(dash + 1), path);
    if (last < line.date)
      failField(path, fmt::format("the range {} ends before it begins", quoted(text)));
  } else {
    failField(ElementPath{s, 2},
              fmt::format("date format {} is neither `D8` nor `RD8`", quoted(format)));
  }
}

void X12ClaimBuilder::finishLine() {
  if (open_->extraLines > 0 || open_->problem) return;
  const std::size_t index = open_->claim.lines.size() - 1;
  if (!open_->lineHasService)
    open_->problem =
        Problem{fmt::format("LX (lines[{}]): the service line has no SV1 segment", index),
                open_->lineSegment};
  else if (!open_->lineHasDate)
    open_->problem = Problem{
        fmt::format("DTP*472 (lines[{}].date): required segment is missing: the line has no date "
                    "of service",
                    index),
        open_->lineSegment};
}

void X12ClaimBuilder::close(std::deque<ReadItem>& out) {
  if (open_->loop == Loop::Line) finishLine();
  try {
    if (!open_->problem && open_->extraLines > 0)
      FieldRules{}.checkLineCount(open_->claim.lines.size() + open_->extraLines, "LX (lines)");
    if (!open_->problem) {
      FieldRules{}.checkReplaces(open_->claim, "CLM05-3 (frequency)", "REF*F8 (replaces)");
      FieldRules{}.completeClaim(open_->claim, "LX (lines)");
    }
  } catch (const FieldError& e) {
    open_->problem = Problem{e.message, open_->claim.origin.position};
  }
  OpenClaim open = std::move(*open_);
  open_.reset();
  if (open.problem) {
    out.emplace_back(RejectedClaim{{fileName_, open.problem->segment},
                                   std::move(open.claim.id),
                                   std::move(open.problem->message),
                                   std::move(open.claim.payer)});
    return;
  }
  out.emplace_back(std::move(open.claim));
}

}  // namespace edict::read
