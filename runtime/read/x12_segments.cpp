#include "runtime/read/x12_segments.h"

#include <fmt/format.h>

#include <cstring>

namespace edict::read {

namespace {

bool isAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool isBlank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/// How a character is shown in a message: `~`, or its code when invisible.
std::string show(char c) {
  if (static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7F)
    return fmt::format("`{}`", c);
  return fmt::format("byte 0x{:02X}", static_cast<unsigned char>(c));
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

X12SegmentReader::X12SegmentReader(std::istream& in) : in_(in), chunk_(kChunk) {}

int X12SegmentReader::get() {
  if (pos_ == end_) {
    const std::streamsize got =
        in_.rdbuf()->sgetn(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
    pos_ = 0;
    end_ = got > 0 ? static_cast<std::size_t>(got) : 0;
    if (end_ == 0) return -1;
  }
  return static_cast<unsigned char>(chunk_[pos_++]);
}

bool X12SegmentReader::skipBlanks() {
  for (;;) {
    if (pos_ == end_) {
      if (get() < 0) return false;
      --pos_;
    }
    const char c = chunk_[pos_];
    // A UTF-8 byte order mark may precede the first ISA.
    if (!isBlank(c) && c != '\xEF' && c != '\xBB' && c != '\xBF') return true;
    ++pos_;
  }
}

X12SegmentReader::Status X12SegmentReader::readIsa(X12Segment& segment) {
  const bool first = number_ == 0;
  text_.clear();
  for (int i = 0; i < 4; ++i) {
    const int c = get();
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
    const int c = get();
    if (c < 0 || text_.size() > 512) break;
    text_.push_back(static_cast<char>(c));
    if (static_cast<char>(c) == seps.element) ++separatorsSeen;
  }
  const int isa16 = separatorsSeen == 16 ? get() : -1;
  const int terminator = isa16 < 0 ? -1 : get();
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
        show(seps.element), show(seps.component), show(seps.segment));
    return Status::Error;
  }
  segment.separators_ = seps;
  segment.text_ = text_;
  segment.number_ = number_;
  segment.truncated_ = false;
  segment.separators_.repetition = 0;
  split(segment);
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

void X12SegmentReader::split(X12Segment& segment) {
  segment.parts_.clear();
  const std::string_view text = segment.text_;
  const char separator = segment.separators_.element;
  const char repetition = segment.separators_.repetition;
  bool hasRepetition = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == separator) {
      segment.parts_.push_back(text.substr(start, i - start));
      start = i + 1;
    } else if (text[i] == repetition) {
      hasRepetition = true;
    }
  }
  segment.parts_.push_back(text.substr(start));
  segment.hasRepetition_ = hasRepetition && repetition != 0;
}

X12SegmentReader::Status X12SegmentReader::next(X12Segment& segment) {
  for (;;) {
    if (expectIsa_) {
      if (!skipBlanks()) return Status::End;
      return readIsa(segment);
    }
    text_.clear();
    bool tooLong = false;
    bool terminated = false;
    while (!terminated) {
      if (pos_ == end_) {
        if (get() < 0) break;
        --pos_;
      }
      const char* start = chunk_.data() + pos_;
      const std::size_t available = end_ - pos_;
      const void* hit = std::memchr(start, separators_.segment, available);
      const std::size_t take =
          hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - start) : available;
      if (!tooLong && text_.size() + take <= kMaxSegment)
        text_.append(start, take);
      else
        tooLong = true;
      pos_ += take;
      if (hit) {
        ++pos_;
        terminated = true;
      }
    }
    // Line breaks between segments are common and belong to no segment.
    std::size_t first = 0;
    while (first < text_.size() && isBlank(text_[first])) ++first;
    std::size_t last = text_.size();
    if (separators_.segment == '\n' && last > first && text_[last - 1] == '\r') --last;
    if (!tooLong && first == last) {
      if (!terminated) return Status::End;
      continue;
    }
    ++number_;
    if (tooLong) return Status::TooLong;
    segment.separators_ = separators_;
    segment.text_ = std::string_view(text_).substr(first, last - first);
    segment.number_ = number_;
    segment.truncated_ = !terminated;
    split(segment);
    if (segment.id() == "IEA") expectIsa_ = true;
    return Status::Segment;
  }
}

}  // namespace edict::read
