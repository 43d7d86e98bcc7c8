// The playground's page, styles and scripts (playground/assets/), embedded
// in the binary at build time by embed_assets.cmake: the page needs no file
// beside the `edict` program and nothing from the network.
#pragma once

#include <string_view>
#include <vector>

namespace edict::playground {

/// One file of the page.
struct Asset {
  /// Where it is served: `/index.html`, `/playground.js`.
  std::string_view path;
  std::string_view contentType;
  std::string_view bytes;
};

/// Every asset, in the order embedded.
const std::vector<Asset>& assets();

/// The asset served at `path` (`/` is `/index.html`), or null.
const Asset* findAsset(std::string_view path);

}  // namespace edict::playground
