// `file:` URIs, the LSP's names of documents, and the paths edict reads.
// Only `file` URIs name files edict can read; others are refused.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace edict::lsp {

/// The absolute, normalized path of a `file:` URI (`file:///a/b%20c.edict`
/// is `/a/b c.edict`), or nullopt for another scheme or a malformed URI.
std::optional<std::string> pathOfUri(std::string_view uri);

/// The `file:` URI of an absolute path, percent-encoding what RFC 3986
/// does not allow in a path.
std::string uriOfPath(std::string_view path);

}  // namespace edict::lsp
