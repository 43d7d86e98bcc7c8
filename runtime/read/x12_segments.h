// Splits an X12 interchange into segments and elements. The separators are
// not fixed: each interchange declares them in its ISA segment (element
// separator after `ISA`, repetition separator in ISA11 from version 00501,
// component separator in ISA16, segment terminator right after ISA16), so
// they are learnt anew at every ISA.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/line_reader.h"

namespace edict::read {

/// The delimiters one interchange declares.
struct X12Separators {
  char element = '*';
  char component = ':';
  /// ISA11 in 00501 and later; 0 when the version has none (4010 puts a
  /// standards identifier, `U`, there).
  char repetition = 0;
  char segment = '~';
};

/// One segment, split into elements; views into the reader's buffer, valid
/// until the next call to X12SegmentReader::next.
class X12Segment {
 public:
  /// The segment id: `ISA`, `CLM`, `SV1`...
  [[nodiscard]] std::string_view id() const {
    return parts_.empty() ? std::string_view{} : parts_[0];
  }
  /// Element `n`, 1-based as X12 numbers them (`CLM01` is element(1)), up to
  /// its first repetition separator; empty when absent.
  [[nodiscard]] std::string_view element(std::size_t n) const;
  /// Component `c` (1-based) of the composite element `n` (`SV101-2` is
  /// component(1, 2)); empty when absent.
  [[nodiscard]] std::string_view component(std::size_t n, std::size_t c) const;
  /// The number of elements after the id.
  [[nodiscard]] std::size_t elementCount() const { return parts_.empty() ? 0 : parts_.size() - 1; }
  /// The whole segment without its terminator.
  [[nodiscard]] std::string_view text() const { return text_; }
  /// 1-based position of the segment in the file, counting from the first ISA.
  [[nodiscard]] std::uint64_t number() const { return number_; }
  [[nodiscard]] const X12Separators& separators() const { return separators_; }
  /// True when the input ended before the segment's terminator.
  [[nodiscard]] bool truncated() const { return truncated_; }

  /// Makes this the segment `text` (without its terminator), number
  /// `number` of its file, split by `separators`: for the threads that parse
  /// segments the reading thread packed (x12_claim_builder.h). `text` must
  /// outlive the segment's use.
  void assign(std::string_view text, const X12Separators& separators, std::uint64_t number,
              bool truncated);

 private:
  friend class X12SegmentReader;
  /// Splits text_ into parts_ at the element separator.
  void split();

  std::string_view text_;
  std::vector<std::string_view> parts_;
  X12Separators separators_;
  std::uint64_t number_ = 0;
  bool truncated_ = false;
  /// Whether any element holds the repetition separator (rare: 837P
  /// elements edict reads do not repeat), so element() can skip the search.
  bool hasRepetition_ = false;
};

/// Reads segments from a stream, bounded in memory by kMaxSegment.
/// Reads the stream in blocks: once used, the stream belongs to it.
class X12SegmentReader {
 public:
  /// The longest segment accepted; 837 segments are a few hundred bytes.
  static constexpr std::size_t kMaxSegment = 1u << 16;

  enum class Status {
    Segment,  ///< `segment` holds the next segment
    TooLong,  ///< a segment over kMaxSegment was skipped (it still counts)
    End,      ///< the input ended (possibly in the middle of an interchange)
    Error,    ///< the input is not X12 from here on; see error()
  };

  explicit X12SegmentReader(std::istream& in);

  Status next(X12Segment& segment);

  /// Why next() returned Error.
  [[nodiscard]] const std::string& error() const { return error_; }
  /// The number of the segment last returned (or skipped).
  [[nodiscard]] std::uint64_t segmentNumber() const { return number_; }

 private:
  /// Skips blanks between interchanges; false at the end of input.
  bool skipBlanks();
  /// Reads an ISA segment and learns the separators from it.
  Status readIsa(X12Segment& segment);

  /// Segments as pieces ending in the terminator; the ISA byte by byte.
  io::LineReader lines_;
  /// The ISA segment, which is read before its terminator is known.
  std::string text_;
  X12Separators separators_;
  bool expectIsa_ = true;
  std::uint64_t number_ = 0;
  std::string error_;
};

}  // namespace edict::read
