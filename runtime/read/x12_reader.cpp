#include "runtime/read/x12_reader.h"

#include <fmt/format.h>

#include <deque>

#include "runtime/read/x12_claim_builder.h"
#include "runtime/read/x12_segments.h"

namespace edict::read {

namespace {

/// The reading thread follows the envelope and the hierarchy and packs each
/// claim's segments into a record (X12ClaimBuilder's splitting); the claim
/// is built from the record by whichever thread parses it.
class X12Reader final : public SplittingReader {
 public:
  X12Reader(std::istream& in, std::string fileName)
      : segments_(in), fileName_(std::move(fileName)), builder_(fileName_, true) {}

  bool nextRecord(RawRecord& record) override {
    for (;;) {
      if (builder_.takeRecord(record)) return true;
      if (done_) return false;
      pump();
    }
  }

  void parseRecord(const RawRecord& record, ReadItem& item) const override {
    item = X12ClaimBuilder::parseRecord(record, fileName_);
  }

  [[nodiscard]] std::string fatalError() const override {
    return fatal_.empty() ? builder_.fatal() : fatal_;
  }

 private:
  /// Reads one segment and feeds it to the builder.
  void pump() {
    switch (segments_.next(segment_)) {
      case X12SegmentReader::Status::Segment:
        builder_.add(segment_, unused_);
        if (!builder_.fatal().empty()) done_ = true;
        return;
      case X12SegmentReader::Status::TooLong:
        builder_.addUnreadable(
            segments_.segmentNumber(),
            fmt::format("segment {} is longer than {} bytes", segments_.segmentNumber(),
                        X12SegmentReader::kMaxSegment));
        return;
      case X12SegmentReader::Status::Error: fatal_ = segments_.error(); [[fallthrough]];
      case X12SegmentReader::Status::End:
        builder_.finish(segments_.segmentNumber(), unused_);
        done_ = true;
        return;
    }
  }

  X12SegmentReader segments_;
  std::string fileName_;
  X12Segment segment_;
  X12ClaimBuilder builder_;
  /// A splitting builder makes records, never items.
  std::deque<ReadItem> unused_;
  bool done_ = false;
  std::string fatal_;
};

}  // namespace

std::unique_ptr<ClaimReader> openX12(std::istream& in, std::string fileName) {
  return std::make_unique<X12Reader>(in, std::move(fileName));
}

}  // namespace edict::read
