// The CSV claim layout (brief §4): one row per service line, a header row
// with the JSON Lines field names flattened with dots, consecutive rows per
// claim. Shared by the CSV reader and the claim writers that produce CSV.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace edict::read {

/// The columns of a claims CSV file, in the order edict writes them.
enum class CsvColumn : std::uint8_t {
  Id,
  Payer,
  PatientId,
  PatientBirthDate,
  PatientSex,
  ProviderNpi,
  BillingProviderNpi,
  PlaceOfService,
  Diagnoses,
  Frequency,
  Replaces,
  LineCode,
  LineModifiers,
  LineUnits,
  LineMinutes,
  LineDate,
  LineCharge,
  LinePlaceOfService,
  LineProviderNpi,
};

inline constexpr std::size_t kCsvColumnCount = 19;

/// Header names, indexed by CsvColumn. Claim-level names are the JSON field
/// paths; line-level ones are the fields of `lines[]` under `line.`.
inline constexpr std::array<std::string_view, kCsvColumnCount> kCsvColumnNames = {
    "id",
    "payer",
    "patient.id",
    "patient.birth_date",
    "patient.sex",
    "provider.npi",
    "billing_provider.npi",
    "place_of_service",
    "diagnoses",
    "frequency",
    "replaces",
    "line.code",
    "line.modifiers",
    "line.units",
    "line.minutes",
    "line.date",
    "line.charge",
    "line.place_of_service",
    "line.provider.npi"};

/// True for the columns that describe the claim and repeat on each of its rows.
inline constexpr bool isClaimColumn(CsvColumn column) {
  return column < CsvColumn::LineCode;
}

}  // namespace edict::read
