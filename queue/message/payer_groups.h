// A message's claims grouped by payer: a worker publishes each payer's
// records to that payer's subject, so it reads the whole message (a few
// thousand claims at most) and hands each group to the batch runner in
// turn, through ItemsReader.
#pragma once

#include <string>
#include <vector>

#include "runtime/read/claim_reader.h"

namespace edict::queue {

/// One payer's claims (and rejected claims), in message order.
struct PayerGroup {
  /// The claim's payer; a rejected claim's when its reader could read it,
  /// else empty.
  std::string payer;
  std::vector<read::ReadItem> items;
};

/// Reads every item of `reader` into groups, one per payer, in order of
/// the payer's first claim.
std::vector<PayerGroup> groupByPayer(read::ClaimReader& reader);

/// A ClaimReader over items already read (it moves them out).
class ItemsReader final : public read::ClaimReader {
 public:
  explicit ItemsReader(std::vector<read::ReadItem>& items) : items_(items) {}
  bool next(read::ReadItem& item) override;

 private:
  std::vector<read::ReadItem>& items_;
  std::size_t next_ = 0;
};

}  // namespace edict::queue
