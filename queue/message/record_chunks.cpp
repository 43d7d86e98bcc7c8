#include "queue/message/record_chunks.h"

namespace edict::queue {

std::string_view recordClaim(std::string_view line) {
  constexpr std::string_view kStart = "{\"claim\":\"";
  if (!line.starts_with(kStart)) return {};
  std::size_t i = kStart.size();
  for (; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;  // the escaped character, whatever it is
      continue;
    }
    if (line[i] == '"') break;
  }
  return line.substr(kStart.size(), i - kStart.size());
}

std::vector<RecordChunk> chunkRecords(std::string_view records, std::size_t limit) {
  std::vector<RecordChunk> chunks;
  if (records.size() <= limit) {
    chunks.push_back({records, 0});
    return chunks;
  }
  std::size_t chunkStart = 0;
  std::size_t chunkFirstClaim = 0;
  std::size_t claimStart = 0;  // where the current claim's records begin
  std::size_t claims = 0;      // distinct claims seen so far
  std::string_view current;
  for (std::size_t offset = 0; offset < records.size();) {
    std::size_t end = records.find('\n', offset);
    end = end == std::string_view::npos ? records.size() : end + 1;
    const std::string_view claim = recordClaim(records.substr(offset, end - offset));
    if (offset == 0 || claim != current) {
      // A new claim begins here: close the chunk before it if it would grow too big.
      if (offset > chunkStart && end - chunkStart > limit) {
        chunks.push_back({records.substr(chunkStart, offset - chunkStart), chunkFirstClaim});
        chunkStart = offset;
        chunkFirstClaim = claims;
      }
      claimStart = offset;
      current = claim;
      ++claims;
    } else if (end - chunkStart > limit && claimStart > chunkStart) {
      // The current claim's records outgrow the chunk: start it anew at the claim.
      chunks.push_back({records.substr(chunkStart, claimStart - chunkStart), chunkFirstClaim});
      chunkStart = claimStart;
      chunkFirstClaim = claims - 1;
    }
    offset = end;
  }
  chunks.push_back({records.substr(chunkStart), chunkFirstClaim});
  return chunks;
}

}  // namespace edict::queue
