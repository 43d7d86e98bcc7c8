#include "handwritten/claims_process.h"

#include <simdjson.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <vector>

#include "handwritten/jsonl_claim.h"
#include "handwritten/record_text.h"

namespace edict::bench {

namespace {

/// About this many bytes of whole lines make a block.
constexpr std::size_t kBlockBytes = std::size_t{1} << 19;

struct Block {
  std::string text;
  std::uint64_t firstLine = 0;
  std::string out;
  ProcessCounts counts;
  bool done = false;  // guarded by the pool's mutex
};

/// One worker's reusable memory.
struct Worker {
  simdjson::dom::parser parser;
  model::Claim claim;
  std::vector<model::Edit> edits;
};

void process(const HandwrittenShippedTherapy& policy, const std::string& file, Block& block,
             Worker& w) {
  std::uint64_t lineNumber = block.firstLine;
  std::string_view rest = block.text;
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    const std::uint64_t number = lineNumber++;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    ++block.counts.claims;
    if (!parseJsonClaim(w.parser, line, w.claim)) {
      ++block.counts.rejected;
      ++block.counts.records;
      model::Edit reject;
      reject.action = model::Action::Reject;
      reject.reason = "invalid-input";
      reject.message = file + ":" + std::to_string(number) + ": not a claim";
      appendRecordLine(reject, block.out);
      continue;
    }
    w.claim.origin.file.assign(file);
    w.claim.origin.position = number;
    w.edits.clear();
    policy.evaluate(w.claim, w.edits);
    for (const model::Edit& e : w.edits) appendRecordLine(e, block.out);
    block.counts.records += w.edits.size();
  }
}

class Pool {
 public:
  Pool(const HandwrittenShippedTherapy& policy, const std::string& file, unsigned threads)
      : policy_(policy), file_(file) {
    for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
  }
  ~Pool() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (std::thread& t : threads_) t.join();
  }
  void submit(Block& b) {
    {
      std::lock_guard lock(mutex_);
      queue_.push_back(&b);
    }
    ready_.notify_one();
  }
  void wait(Block& b) {
    std::unique_lock lock(mutex_);
    finished_.wait(lock, [&] { return b.done; });
  }

 private:
  void work() {
    Worker w;
    for (;;) {
      Block* b = nullptr;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;
        b = queue_.front();
        queue_.pop_front();
      }
      process(policy_, file_, *b, w);
      {
        std::lock_guard lock(mutex_);
        b->done = true;
      }
      finished_.notify_all();
    }
  }

  const HandwrittenShippedTherapy& policy_;
  const std::string& file_;
  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable ready_, finished_;
  std::deque<Block*> queue_;
  bool stopping_ = false;
};

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

File open(const std::string& path, const char* mode) {
  File f(std::fopen(path.c_str(), mode));
  if (!f) throw std::runtime_error("cannot open `" + path + "`");
  return f;
}

}  // namespace

ProcessCounts runClaimsProcess(const HandwrittenShippedTherapy& policy, const std::string& inPath,
                               const std::string& outPath, unsigned threads) {
  File in = open(inPath, "rb");
  File out = open(outPath, "wb");
  ProcessCounts total;
  std::vector<Block> ring(2 * std::max(1u, threads) + 1);
  Pool pool(policy, inPath, std::max(1u, threads));
  std::uint64_t submitted = 0;
  std::uint64_t written = 0;
  std::uint64_t nextLine = 1;
  std::string carry;  // a line begun at the end of the last block
  auto writeOldest = [&] {
    Block& b = ring[written++ % ring.size()];
    pool.wait(b);
    if (std::fwrite(b.out.data(), 1, b.out.size(), out.get()) != b.out.size())
      throw std::runtime_error("cannot write `" + outPath + "`");
    total.claims += b.counts.claims;
    total.rejected += b.counts.rejected;
    total.records += b.counts.records;
  };
  for (bool more = true; more;) {
    if (submitted - written == ring.size()) writeOldest();
    Block& b = ring[submitted % ring.size()];
    b.text.swap(carry);
    carry.clear();
    b.out.clear();
    b.counts = {};
    b.done = false;
    // Whole lines: read a block's worth, then up to the end of its last line.
    const std::size_t had = b.text.size();
    b.text.resize(had + kBlockBytes);
    const std::size_t got = std::fread(b.text.data() + had, 1, kBlockBytes, in.get());
    b.text.resize(had + got);
    more = got == kBlockBytes;
    if (more) {
      const std::size_t last = b.text.rfind('\n');
      if (last == std::string::npos) {  // one line longer than a block: read on
        carry.swap(b.text);
        continue;
      }
      carry.assign(b.text, last + 1);
      b.text.resize(last + 1);
    }
    if (b.text.empty()) break;
    b.firstLine = nextLine;
    nextLine += static_cast<std::uint64_t>(std::count(b.text.begin(), b.text.end(), '\n'));
    pool.submit(b);
    ++submitted;
  }
  while (written < submitted) writeOldest();
  if (std::fflush(out.get()) != 0) throw std::runtime_error("cannot write `" + outPath + "`");
  return total;
}

}  // namespace edict::bench
