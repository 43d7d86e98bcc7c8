#include "history/store/migration.h"

#include <fmt/format.h>

#include "history/store/history_store.h"

namespace edict::history {

std::vector<Migration> pendingMigrations(int current, std::span<const Migration> known,
                                         SchemaPolicy policy, const std::string& where) {
  const int latest = known.empty() ? 0 : known.back().version;
  if (current > latest)
    throw StoreError(fmt::format(
        "the history at {} has schema version {}, newer than this edict knows ({}); use the "
        "edict that migrated it, or a newer one",
        where, current, latest));
  std::vector<Migration> pending;
  for (const Migration& m : known)
    if (m.version > current) pending.push_back(m);
  if (pending.empty()) return pending;
  if (current == 0 && policy == SchemaPolicy::Existing)
    throw StoreError(fmt::format(
        "{} holds no edict history (no schema); record one with `edict run --history` or create "
        "it with `edict history migrate`",
        where));
  if (current > 0 && policy != SchemaPolicy::Migrate)
    throw StoreError(fmt::format(
        "the history at {} has schema version {}, older than this edict's ({}); upgrade it "
        "with `edict history migrate --history {}`",
        where, current, latest, where));
  return pending;
}

}  // namespace edict::history
