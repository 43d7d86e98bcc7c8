// The interface every claim reader implements: a stream of claims, each
// either read whole or rejected with a message that names where and what.
// Readers never throw on bad input and never skip a claim silently.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "core/model/claim.h"

namespace edict::read {

/// A claim the reader could not read; becomes a `reject` result record.
struct RejectedClaim {
  model::ClaimOrigin origin;
  /// The claim's id when it could be read, else empty.
  std::string claimId;
  /// What is wrong, naming the field (e.g. `lines[2].code: ...`).
  std::string message;
  /// The claim's payer when it could be read, so the reject is labelled
  /// with the ruleset that payer is routed to; else empty.
  std::string payer;
};

/// One item of the stream: a claim, or the reason a claim was rejected.
using ReadItem = std::variant<model::Claim, RejectedClaim>;

/// What the reading thread knew of a record that its text does not say
/// (an X12 claim's envelope and hierarchy, a FHIR claim's place in its
/// file): each reader derives its own, and only its parseRecord reads it.
struct RecordContext {
  virtual ~RecordContext() = default;
};

/// One record of the input, split off but not yet parsed: what a reader
/// that splits() hands from the reading thread to the threads that parse.
struct RawRecord {
  /// The record's text, as the parser is to see it (a line of JSON, or the
  /// reader's own packing of a claim's rows or segments).
  std::string text;
  model::ClaimOrigin origin;
  /// When not empty, the record is refused with this message whatever its
  /// text (e.g. a line too long to keep).
  std::string refusal;
  /// The context the record is parsed in, shared by the records it applies
  /// to; null when the text says it all.
  std::shared_ptr<const RecordContext> context;
  /// An item the reading thread had to make itself to read on (the claims
  /// of a FHIR Bundle on one NDJSON line): parseRecord hands it over as is.
  std::optional<ReadItem> made;
};

/// A source of claims, read one at a time so memory stays bounded.
class ClaimReader {
 public:
  virtual ~ClaimReader() = default;
  /// Reads the next item into `item`; returns false at the end of input.
  virtual bool next(ReadItem& item) = 0;

  /// Whether the reader can split its input into records that are parsed
  /// apart (nextRecord, parseRecord), so parsing can leave the thread that
  /// reads. Splitting and parsing give exactly the items next() gives.
  [[nodiscard]] virtual bool splits() const { return false; }
  /// Reads the next record into `record` without parsing it; returns false
  /// at the end of input. Only when splits(); not mixed with next().
  virtual bool nextRecord(RawRecord& record) {
    (void)record;
    return false;
  }
  /// Parses a record from nextRecord() into `item`. Only when splits();
  /// safe to call from many threads at once, as it touches no reader state.
  virtual void parseRecord(const RawRecord& record, ReadItem& item) const {
    (void)record;
    (void)item;
  }
  /// Why reading stopped early, when the input turned out not to be claims
  /// in this format at all (a PDF given as X12, an 837I file): one clear
  /// error for the whole file instead of a reject per record. Empty when
  /// the input was read to its end. Meaningful once next() returned false.
  [[nodiscard]] virtual std::string fatalError() const { return {}; }
};

/// A reader that splits (each file format's): next() is nextRecord() then
/// parseRecord() on the calling thread, so both paths give the same items.
class SplittingReader : public ClaimReader {
 public:
  bool next(ReadItem& item) final {
    if (!nextRecord(record_)) return false;
    parseRecord(record_, item);
    return true;
  }
  [[nodiscard]] bool splits() const final { return true; }

 private:
  RawRecord record_;
};

}  // namespace edict::read
