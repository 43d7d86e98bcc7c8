#include "runtime/read/x12_reader.h"

#include <fmt/format.h>

#include "runtime/read/pumped_reader.h"
#include "runtime/read/x12_claim_builder.h"
#include "runtime/read/x12_segments.h"

namespace edict::read {

namespace {

class X12Reader final : public PumpedReader<X12Reader> {
 public:
  X12Reader(std::istream& in, std::string fileName)
      : segments_(in), builder_(std::move(fileName)) {}

  [[nodiscard]] std::string fatalError() const override {
    return fatal_.empty() ? builder_.fatal() : fatal_;
  }

 private:
  friend PumpedReader;

  /// Reads one segment and feeds it to the builder.
  void pump() {
    switch (segments_.next(segment_)) {
      case X12SegmentReader::Status::Segment:
        builder_.add(segment_, ready_);
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
        builder_.finish(segments_.segmentNumber(), ready_);
        done_ = true;
        return;
    }
  }

  X12SegmentReader segments_;
  X12Segment segment_;
  X12ClaimBuilder builder_;
  std::string fatal_;
};

}  // namespace

std::unique_ptr<ClaimReader> openX12(std::istream& in, std::string fileName) {
  return std::make_unique<X12Reader>(in, std::move(fileName));
}

}  // namespace edict::read
