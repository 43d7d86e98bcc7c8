// Builds claims from the segments of X12 837P transactions (005010X222A1/A2
// and 004010X098A1): follows the envelope (ISA/GS/ST), the HL hierarchy
// (20 billing provider, 22 subscriber, 23 patient), the claim (CLM, HI,
// 2310B rendering provider) and its service lines (LX, SV1, DTP*472, 2420A
// rendering provider). Loops it does not need (2320/2330 other payers, 2430
// adjudication...) are passed over.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>

#include "core/model/claim.h"
#include "runtime/read/claim_reader.h"
#include "runtime/read/x12_segments.h"

namespace edict::read {

// The builder's state, outside its class so that std::optional of it is
// complete where the builder is declared.
namespace x12 {

/// The first problem found, with the segment it was found in.
struct Problem {
  std::string message;
  std::uint64_t segment = 0;
};

/// A person of the hierarchy: the subscriber (2010BA) or patient (2010CA).
struct Person {
  std::string id;
  std::string lastName;
  std::string firstName;
  std::optional<model::Date> birthDate;
  model::Sex sex = model::Sex::Unknown;
};

/// Where in the claim the segments now belong.
enum class Loop : std::uint8_t { Claim, OtherSubscriber, Line };

/// The claim being read, until its next CLM, HL or SE.
struct OpenClaim {
  model::Claim claim;
  std::optional<Problem> problem;
  Loop loop = Loop::Claim;
  bool lineHasService = false;
  bool lineHasDate = false;
  std::uint64_t lineSegment = 0;
  std::size_t extraLines = 0;
};

}  // namespace x12

/// A state machine fed one segment at a time; completed claims and rejects
/// come out in file order.
///
/// Splitting: a builder made with `splits` follows the envelope and the
/// hierarchy on the reading thread but does not build claims. It packs each
/// claim's segments, from its CLM to the segment that ends it, into a
/// record (takeRecord()) whose context is the hierarchy above the claim;
/// parseRecord() then builds the claim from it on any thread, as a builder
/// fed the same segments would.
class X12ClaimBuilder {
 public:
  explicit X12ClaimBuilder(std::string fileName, bool splits = false)
      : fileName_(std::move(fileName)), splits_(splits) {}

  /// Splitting: moves the next finished record into `record`; false when
  /// none is finished yet.
  bool takeRecord(RawRecord& record);
  /// Builds the claim of a record made by a splitting builder of file
  /// `fileName`: a claim, or a reject with its first problem.
  static ReadItem parseRecord(const RawRecord& record, const std::string& fileName);

  /// Feeds one segment; appends the items it completes to `out`.
  void add(const X12Segment& segment, std::deque<ReadItem>& out);
  /// A segment that could not be read (too long): spoils what it belongs to.
  void addUnreadable(std::uint64_t number, const std::string& what);
  /// The end of the input; a claim still open was cut off and is rejected.
  void finish(std::uint64_t lastSegment, std::deque<ReadItem>& out);

  /// Why the file is refused as a whole (its first transaction is not an
  /// 837P); empty otherwise. Once set, the builder takes no more segments.
  [[nodiscard]] const std::string& fatal() const { return fatal_; }

 private:
  using Problem = x12::Problem;
  using Person = x12::Person;
  using Loop = x12::Loop;
  using OpenClaim = x12::OpenClaim;

  void dispatch(const X12Segment& s, std::deque<ReadItem>& out);
  void startTransaction(const X12Segment& s);
  void startLevel(const X12Segment& s);
  void hierarchyName(const X12Segment& s);
  void demographics(const X12Segment& s);
  void startClaim(const X12Segment& s);
  void claimSegment(const X12Segment& s);
  void diagnoses(const X12Segment& s);
  void startLine(const X12Segment& s);
  void service(const X12Segment& s);
  void serviceDate(const X12Segment& s);
  void finishLine();
  /// Emits the open claim: the claim, or a reject with its first problem.
  void close(std::deque<ReadItem>& out);
  /// Records a problem against the open claim, else the hierarchy level.
  void spoil(Problem problem);

  /// Whether a claim is open, being built or (splitting) being packed.
  [[nodiscard]] bool claimOpen() const { return open_.has_value() || packingOpen_; }
  /// Closes the open claim as its end of loop does (close()).
  void closeClaim(std::deque<ReadItem>& out);
  /// Splitting: whether `s` ends the claim being packed (or is the envelope's
  /// business, GS): it is then handled here, not packed.
  [[nodiscard]] bool handledWhilePacking(const X12Segment& s) const;
  /// Splitting: starts packing the claim of CLM `s`.
  void startPacking(const X12Segment& s);
  /// Splitting: ends the record being packed with `end` (record kinds in
  /// the .cpp) and `lastSegment`, and hands it to takeRecord().
  void endPacking(std::uint8_t end, std::uint64_t lastSegment);
  /// Splitting: the hierarchy above the claim, for its record.
  [[nodiscard]] std::shared_ptr<const RecordContext> context(const X12Separators& seps) const;

  std::string fileName_;
  std::string fatal_;
  bool emittedAny_ = false;

  std::string groupVersion_;
  bool inTransaction_ = false;
  /// Set while in a transaction that is not an 837P: why its claims are refused.
  std::string refused_;

  /// The current HL level: 20, 22 or 23; 0 before the first HL.
  int level_ = 0;
  std::string billingNpi_;
  Person subscriber_;
  std::string payer_;
  Person patient_;
  bool dependent_ = false;
  std::optional<Problem> billingProblem_;
  std::optional<Problem> subscriberProblem_;
  std::optional<Problem> patientProblem_;

  std::optional<OpenClaim> open_;

  /// Splitting: whether this builder packs claims rather than build them,
  /// the record being packed, and the one finished and not yet taken (a
  /// segment can end one claim and start the next).
  bool splits_ = false;
  bool packingOpen_ = false;
  RawRecord packing_;
  RawRecord finished_;
  bool hasFinished_ = false;
};

}  // namespace edict::read
