#include "runtime/read/reader_text.h"

#include <fmt/format.h>

namespace edict::read {

std::string showByte(char c) {
  if (static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7F)
    return fmt::format("`{}`", c);
  return fmt::format("byte 0x{:02X}", static_cast<unsigned char>(c));
}

}  // namespace edict::read
