// Bytes as the claim readers see them between values and show them in
// messages (FHIR's JSON scanner and X12's segment reader).
#pragma once

#include <string>

namespace edict::read {

/// Space, tab, CR or LF: what JSON and X12 allow between values.
inline bool isBlank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/// A blank or a byte of the UTF-8 byte order mark, which may precede the
/// first value of a file.
inline bool isBlankOrByteOrderMark(char c) {
  return isBlank(c) || c == '\xEF' || c == '\xBB' || c == '\xBF';
}

/// How a byte is shown in a message: `~`, or its code when invisible.
std::string showByte(char c);

}  // namespace edict::read
