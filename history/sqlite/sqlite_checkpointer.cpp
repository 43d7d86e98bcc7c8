#include "history/sqlite/sqlite_checkpointer.h"

#include <sqlite3.h>

#include <memory>

#include "history/sqlite/sqlite_db.h"
#include "history/sqlite/sqlite_store.h"

namespace edict::history::sqlite {

Checkpointer::Checkpointer(sqlite3* writer, const std::string& path, int framesPerCheckpoint)
    : path_(path), framesPerCheckpoint_(framesPerCheckpoint) {
  thread_ = std::thread([this] { work(); });
  // Replaces SQLite's automatic checkpoint, which is also a WAL hook.
  sqlite3_wal_hook(writer, &Checkpointer::onCommit, this);
}

Checkpointer::~Checkpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

int Checkpointer::onCommit(void* self, sqlite3*, const char*, int frames) {
  auto* checkpointer = static_cast<Checkpointer*>(self);
  if (frames < checkpointer->framesPerCheckpoint_) return SQLITE_OK;
  {
    std::lock_guard lock(checkpointer->mutex_);
    checkpointer->due_ = true;
  }
  checkpointer->wake_.notify_one();
  return SQLITE_OK;
}

void Checkpointer::work() {
  std::unique_ptr<Database> db;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return due_ || stopping_; });
      if (stopping_) return;
      due_ = false;
    }
    try {
      if (!db) {
        db = std::make_unique<Database>(path_, false);
        sqlite3_busy_timeout(db->handle(), kBusyTimeoutMs);
      }
      // PASSIVE: copies what no reader still needs, waits for no one. A
      // failure is left to the next checkpoint, or to the writer's close.
      sqlite3_wal_checkpoint_v2(db->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    } catch (const std::exception&) {
      db.reset();
    }
  }
}

}  // namespace edict::history::sqlite
