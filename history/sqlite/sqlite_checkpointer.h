// Copies a SQLite history's write-ahead log back into the database on a
// thread of its own, with a connection of its own. A checkpoint fsyncs the
// file; made by the writer (SQLite's automatic checkpoint), it would stop
// the run on the disk at every few thousand pages. Here the writer's
// commits never wait for the disk (WAL with synchronous=NORMAL), and the log
// is copied back while the run goes on (a PASSIVE checkpoint takes no lock
// the writer needs).
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace edict::history::sqlite {

class Checkpointer {
 public:
  /// Checkpoints the database at `path` whenever the writer connection
  /// `writer` has committed `framesPerCheckpoint` pages to the log since the
  /// last checkpoint; turns the writer's automatic checkpoints off.
  Checkpointer(sqlite3* writer, const std::string& path, int framesPerCheckpoint);
  /// Stops the thread (after a checkpoint in progress).
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

 private:
  static int onCommit(void* self, sqlite3* db, const char* name, int frames);
  void work();

  std::string path_;
  int framesPerCheckpoint_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool due_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace edict::history::sqlite
