#include "runtime/read/x12_segments.h"

#include <fmt/format.h>

#include "runtime/read/reader_text.h"

namespace edict::read {

namespace {

bool isAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

}  // namespace

std::string_view X12Segment::element(std::size_t n) const {
  if (n >= parts_.size()) return {};
  std::string_view value = parts_[n];
  if (hasRepetition_) value = value.substr(0, value.find(separators_.repetition));
  return value;
}

std::string_view X12Segment::component(std::size_t n, std::size_t c) const {
  std::string_view value = element(n);
  for (std::size_t i = 1; i < c; ++i) {
    const std::size_t at = value.find(separators_.component);
    if (at == std::string_view::npos) return {};
    value.remove_prefix(at + 1);
  }
  return value.substr(0, value.find(separators_.component));
}

X12SegmentReader::X12SegmentReader(std::istream& in) : lines_(in, kMaxSegment) {}

bool X12SegmentReader::skipBlanks() {
  for (;;) {
    const int c = lines_.peek();
    if (c < 0) return false;
    // A UTF-8 byte order mark may precede the first ISA.
    if (!isBlankOrByteOrderMark(static_cast<char>(c))) return true;
    lines_.get();
  }
}

X12SegmentReader::Status X12SegmentReader::readIsa(X12Segment& segment) {
  const bool first = number_ == 0;
  text_.clear();
  for (int i = 0; i < 4; ++i) {
    const int c = lines_.get();
    if (c < 0) break;
    text_.push_back(static_cast<char>(c));
  }
  if (!text_.starts_with("ISA") || text_.size() < 4) {
    error_ = first ? "not X12: the file does not start with an ISA segment"
                   : fmt::format(
                         "after the IEA segment (segment {}), the file goes on with data "
                         "that is not an ISA segment",
                         number_);
    return Status::Error;
  }
  X12Separators seps;
  seps.element = text_[3];
  // ISA has 16 elements; ISA16 is one character, and the character after it
  // terminates the segment. Counting separators rather than trusting the
  // fixed width also reads files whose padding is wrong.
  int separatorsSeen = 1;
  while (separatorsSeen < 16) {
    const int c = lines_.get();
    if (c < 0 || text_.size() > 512) break;
    text_.push_back(static_cast<char>(c));
    if (static_cast<char>(c) == seps.element) ++separatorsSeen;
  }
  const int isa16 = separatorsSeen == 16 ? lines_.get() : -1;
  const int terminator = isa16 < 0 ? -1 : lines_.get();
  if (terminator < 0) {
    error_ = "the ISA segment is truncated: it needs 16 elements, then the segment terminator";
    return Status::Error;
  }
  seps.component = static_cast<char>(isa16);
  seps.segment = static_cast<char>(terminator);
  text_.push_back(seps.component);
  ++number_;

  if (isAlnum(seps.element) || seps.element == ' ' || isAlnum(seps.component) ||
      isAlnum(seps.segment) || seps.component == seps.element || seps.segment == seps.element ||
      seps.segment == seps.component) {
    error_ = fmt::format(
        "the ISA segment declares unusable separators: element {}, component {} (ISA16), "
        "segment terminator {}",
        showByte(seps.element), showByte(seps.component), showByte(seps.segment));
    return Status::Error;
  }
  segment.separators_ = seps;
  segment.text_ = text_;
  segment.number_ = number_;
  segment.truncated_ = false;
  segment.separators_.repetition = 0;
  segment.split();
  // From version 00501 on, ISA11 is the repetition separator.
  const std::string_view version = segment.element(12);
  const std::string_view isa11 = segment.element(11);
  if (version >= "00501" && isa11.size() == 1 && !isAlnum(isa11[0]) && isa11[0] != seps.element &&
      isa11[0] != seps.component && isa11[0] != seps.segment)
    seps.repetition = isa11[0];
  separators_ = seps;
  segment.separators_ = seps;
  expectIsa_ = false;
  return Status::Segment;
}

void X12Segment::split() {
  parts_.clear();
  const std::string_view text = text_;
  const char separator = separators_.element;
  const char repetition = separators_.repetition;
  bool hasRepetition = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == separator) {
      parts_.push_back(text.substr(start, i - start));
      start = i + 1;
    } else if (text[i] == repetition) {
      hasRepetition = true;
    }
  }
  parts_.push_back(text.substr(start));
  hasRepetition_ = hasRepetition && repetition != 0;
}

void X12Segment::assign(std::string_view text, const X12Separators& separators,
                        std::uint64_t number, bool truncated) {
  text_ = text;
  separators_ = separators;
  number_ = number;
  truncated_ = truncated;
  split();
}

X12SegmentReader::Status X12SegmentReader::next(X12Segment& segment) {
  for (;;) {
    if (expectIsa_) {
      if (!skipBlanks()) return Status::End;
      return readIsa(segment);
    }
    std::string_view piece;
    const io::LineReader::Status status = lines_.nextUntil(separators_.segment, piece);
    if (status == io::LineReader::Status::End) return Status::End;
    const bool tooLong = status == io::LineReader::Status::TooLong;
    const bool terminated = lines_.lastHadNewline();
    // Line breaks between segments are common and belong to no segment.
    std::size_t first = 0;
    std::size_t last = 0;
    if (!tooLong) {
      while (first < piece.size() && isBlank(piece[first])) ++first;
      last = piece.size();
      if (separators_.segment == '\n' && last > first && piece[last - 1] == '\r') --last;
      if (first == last) {
        if (!terminated) return Status::End;
        continue;
      }
    }
    ++number_;
    if (tooLong) return Status::TooLong;
    segment.separators_ = separators_;
    segment.text_ = piece.substr(first, last - first);
    segment.number_ = number_;
    segment.truncated_ = !terminated;
    segment.split();
    if (segment.id() == "IEA") expectIsa_ = true;
    return Status::Segment;
  }
}

}  // namespace edict::read
