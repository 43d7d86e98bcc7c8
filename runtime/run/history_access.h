// The batch runner's view of a claim history store: what it fetches before
// evaluating a batch and what it writes after. history/ implements it over
// SQLite and PostgreSQL; no database type crosses this interface, and
// nothing below it does database I/O. The semantics (what a claim sees,
// what is recorded) are docs/history.md's.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/model/claim.h"
#include "core/model/history.h"

namespace edict::run {

/// A patient at a payer: whose history a claim is judged with.
struct PatientKey {
  std::string payer;
  std::string patientId;
  friend bool operator==(const PatientKey&, const PatientKey&) = default;
};

/// A claim at a payer: what the history records once (brief: idempotent).
struct ClaimKey {
  std::string payer;
  std::string claimId;
  friend bool operator==(const ClaimKey&, const ClaimKey&) = default;
};

/// What the history holds of a claim it knows.
enum class ClaimStatus : std::uint8_t {
  Active,    ///< its lines are history
  Replaced,  ///< a replacement took its place; no lines
  Voided,    ///< a void removed it; no lines
  Void,      ///< it is itself a void (frequency 8); never has lines
};

/// The name stored in the database and written by `edict history`.
std::string_view statusName(ClaimStatus status);
/// The status of a stored name; nullopt for an unknown one.
std::optional<ClaimStatus> parseStatus(std::string_view name);

/// What a fetch returns for a batch.
struct FetchedHistory {
  /// lines[i] holds the lines of the claims of patients[i] that the history
  /// holds as Active, in any order.
  std::vector<std::vector<model::PriorLine>> lines;
  /// status[i] is the status of claims[i], nullopt when it is not known.
  std::vector<std::optional<ClaimStatus>> status;
};

/// The new state of one claim after a batch: written over what the history
/// held of it (its row and all its lines).
struct ClaimChange {
  ClaimKey key;
  ClaimStatus status = ClaimStatus::Active;
  /// The claim that replaced or voided this one (Replaced, Voided).
  std::string supersededBy;
  /// False for a claim the history knows only as replaced or voided by a
  /// claim of this batch, and may not hold at all: only `status` and
  /// `supersededBy` are written, and its lines removed; the other fields
  /// keep what the history holds, or their defaults for a claim it lacks.
  bool full = true;
  std::string patientId;
  model::ClaimFrequency frequency = model::ClaimFrequency::Original;
  std::string replaces;
  /// The ruleset and version that evaluated the claim.
  std::string ruleset;
  std::string version;
  /// Its lines (Active only), by line number.
  std::vector<model::PriorLine> lines;
  /// Whether the history held lines of the claim before: they are removed
  /// first. False spares a claim recorded for the first time the delete.
  bool hadLines = false;
};

/// One batch's transaction: a fetch, then at most one record.
class HistoryTransaction {
 public:
  virtual ~HistoryTransaction() = default;
  /// The Active lines of `patients` and the status of `claims`, in one
  /// query. Keys are distinct.
  virtual FetchedHistory fetch(std::span<const PatientKey> patients,
                               std::span<const ClaimKey> claims) = 0;
  /// Writes `changes` (distinct keys, in the order they were made).
  virtual void record(std::span<const ClaimChange> changes) = 0;
};

/// A claim history store, as the runner uses it.
class HistoryAccess {
 public:
  virtual ~HistoryAccess() = default;
  /// Runs `body` in one transaction: isolated from every other writer of
  /// the history as if transactions ran one after the other, and either
  /// wholly committed or not at all. When the store must abort it (a
  /// concurrent writer conflicts), it runs `body` again in a new one, a
  /// bounded number of times, so `body` must start afresh on each call.
  /// `readOnly` transactions must not record. Thread-safe.
  virtual void transact(bool readOnly, const std::function<void(HistoryTransaction&)>& body) = 0;
  /// Where the history is, for messages (`sqlite:h.db`); no password.
  [[nodiscard]] virtual std::string describe() const = 0;
};

/// The store failed (lost connection, full disk, too many conflicts): the
/// run stops, as no later claim could be judged with a correct history.
class HistoryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace edict::run

template <>
struct std::hash<edict::run::PatientKey> {
  std::size_t operator()(const edict::run::PatientKey& k) const noexcept {
    return std::hash<std::string>{}(k.payer) * 31 + std::hash<std::string>{}(k.patientId);
  }
};

template <>
struct std::hash<edict::run::ClaimKey> {
  std::size_t operator()(const edict::run::ClaimKey& k) const noexcept {
    return std::hash<std::string>{}(k.payer) * 31 + std::hash<std::string>{}(k.claimId);
  }
};
