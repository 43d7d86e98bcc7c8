#include "runtime/read/x12_reader.h"

#include <fmt/format.h>

#include <deque>

#include "runtime/read/x12_claim_builder.h"
#include "runtime/read/x12_segments.h"

namespace edict::read {

namespace {

class X12Reader final : public ClaimReader {
 public:
  X12Reader(std::istream& in, std::string fileName)
      : segments_(in), builder_(std::move(fileName)) {}

  bool next(ReadItem& item) override {
    while (ready_.empty() && !done_) pump();
    if (ready_.empty()) return false;
    item = std::move(ready_.front());
    ready_.pop_front();
    return true;
  }

  [[nodiscard]] std::string fatalError() const override {
    return fatal_.empty() ? builder_.fatal() : fatal_;
  }

 private:
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
  std::deque<ReadItem> ready_;
  bool done_ = false;
  std::string fatal_;
};

}  // namespace

std::unique_ptr<ClaimReader> openX12(std::istream& in, std::string fileName) {
  return std::make_unique<X12Reader>(in, std::move(fileName));
}

}  // namespace edict::read
