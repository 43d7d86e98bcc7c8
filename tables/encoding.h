// Text encodings of table files. CMS publishes its files in Latin-1 (in
// practice Windows-1252, which the WHATWG Encoding Standard uses for every
// `latin1` / `iso-8859-1` label); edict's own tables are UTF-8.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace edict::tables {

/// Appends `text`, read as Latin-1, to `out` as UTF-8. Bytes 0x80-0x9F are
/// read as Windows-1252 (curly quotes, dashes, the euro sign), because files
/// labelled Latin-1 that use them mean those characters, not C1 controls.
/// A field that is already valid UTF-8 with at least one multi-byte sequence
/// is kept as it is: a file re-saved as UTF-8 must not turn `®` into `Â®`
/// (such byte pairs do not occur in real Latin-1 text).
/// Returns why the text is refused (a control character, or one of the five
/// bytes Windows-1252 leaves undefined), or nullopt when it was appended.
std::optional<std::string> appendLatin1AsUtf8(std::string_view text, std::string& out);

/// Why `text` is not valid UTF-8 without control characters, or nullopt.
/// Tab and line breaks are allowed; other C0 controls and DEL are not.
std::optional<std::string> checkUtf8Text(std::string_view text);

/// `text` quoted for a message: at most 40 bytes, and every byte that is not
/// printable ASCII written as `\xNN`, so that a message is always valid UTF-8.
std::string quoteForMessage(std::string_view text);

}  // namespace edict::tables
