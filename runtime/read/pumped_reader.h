// The next() of the readers whose input can make several items at once (an
// X12 transaction ends with all its claims, a FHIR Bundle is read entry by
// entry and a bad piece is rejected on the spot): a queue, filled by the
// reader's pump() one piece of input at a time and handed out item by item.
#pragma once

#include <deque>
#include <utility>

#include "runtime/read/claim_reader.h"

namespace edict::read {

/// A ClaimReader whose `Reader::pump()` reads one piece of input, queues what
/// it makes in `ready_`, and sets `done_` at the end of input. Reader is the
/// derived class (no virtual call per piece: X12 pumps once per segment).
template <typename Reader>
class PumpedReader : public ClaimReader {
 public:
  bool next(ReadItem& item) final {
    while (ready_.empty() && !done_) static_cast<Reader&>(*this).pump();
    if (ready_.empty()) return false;
    item = std::move(ready_.front());
    ready_.pop_front();
    return true;
  }

 protected:
  /// Items made and not yet handed out, in input order.
  std::deque<ReadItem> ready_;
  /// Set when pump() has nothing more to read.
  bool done_ = false;
};

}  // namespace edict::read
