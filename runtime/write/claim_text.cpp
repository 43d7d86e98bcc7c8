#include "runtime/write/claim_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <vector>

#include "core/text/json_text.h"
#include "runtime/write/csv_writer.h"

namespace edict::write {

namespace {

std::string_view sexLetter(model::Sex sex) {
  switch (sex) {
    case model::Sex::Female: return "F";
    case model::Sex::Male: return "M";
    case model::Sex::Unknown: return "U";
  }
  return "U";
}

std::string_view fhirGender(model::Sex sex) {
  switch (sex) {
    case model::Sex::Female: return "female";
    case model::Sex::Male: return "male";
    case model::Sex::Unknown: return "unknown";
  }
  return "unknown";
}

std::string modifiersText(const model::Line& line, std::string_view separator) {
  std::string out;
  for (std::uint8_t i = 0; i < line.modifierCount; ++i) {
    if (i > 0) out += separator;
    out += line.modifiers[i].text();
  }
  return out;
}

/// `"key":"value"` with a leading comma.
void jsonMember(std::string& out, std::string_view key, std::string_view value) {
  out += fmt::format(",\"{}\":", key);
  text::appendJsonString(out, value);
}

/// A value made safe for X12, which cannot escape its separators.
std::string x12Text(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c == '*' || c == ':' || c == '~' || c == '^' || c == '\n' || c == '\r') c = ' ';
  return out;
}

/// The X12 CLM05-3 code of a frequency; an original is written as `1`.
std::string_view frequencyCode(model::ClaimFrequency frequency) {
  switch (frequency) {
    case model::ClaimFrequency::Original: return "1";
    case model::ClaimFrequency::Replacement: return "7";
    case model::ClaimFrequency::Void: return "8";
  }
  return "1";
}

std::string compactDate(model::Date date) {
  std::string text = date.iso();
  std::erase(text, '-');
  return text;
}

}  // namespace

std::string claimToJsonLine(const model::Claim& claim) {
  std::string out = "{\"id\":";
  text::appendJsonString(out, claim.id);
  if (!claim.payer.empty()) jsonMember(out, "payer", claim.payer);
  out += ",\"patient\":{\"id\":";
  text::appendJsonString(out, claim.patient.id);
  if (claim.patient.birthDate) jsonMember(out, "birth_date", claim.patient.birthDate->iso());
  if (claim.patient.sex != model::Sex::Unknown)
    jsonMember(out, "sex", sexLetter(claim.patient.sex));
  out += "}";
  if (!claim.providerNpi.empty()) {
    out += ",\"provider\":{\"npi\":";
    text::appendJsonString(out, claim.providerNpi);
    out += "}";
  }
  if (!claim.billingProviderNpi.empty()) {
    out += ",\"billing_provider\":{\"npi\":";
    text::appendJsonString(out, claim.billingProviderNpi);
    out += "}";
  }
  if (!claim.placeOfService.empty()) jsonMember(out, "place_of_service", claim.placeOfService);
  if (claim.frequency != model::ClaimFrequency::Original) {
    jsonMember(out, "frequency", frequencyCode(claim.frequency));
    jsonMember(out, "replaces", claim.replaces);
  }
  if (!claim.diagnoses.empty()) {
    out += ",\"diagnoses\":[";
    for (std::size_t i = 0; i < claim.diagnoses.size(); ++i) {
      if (i > 0) out.push_back(',');
      text::appendJsonString(out, claim.diagnoses[i]);
    }
    out.push_back(']');
  }
  out += ",\"lines\":[";
  for (std::size_t i = 0; i < claim.lines.size(); ++i) {
    const model::Line& line = claim.lines[i];
    if (i > 0) out.push_back(',');
    out += fmt::format("{{\"code\":\"{}\"", line.code.text());
    if (line.modifierCount > 0) {
      out += ",\"modifiers\":[";
      for (std::uint8_t m = 0; m < line.modifierCount; ++m)
        out += fmt::format("{}\"{}\"", m > 0 ? "," : "", line.modifiers[m].text());
      out.push_back(']');
    }
    out += fmt::format(",\"units\":{}", line.units);
    if (line.minutes) out += fmt::format(",\"minutes\":{}", *line.minutes);
    out += fmt::format(",\"date\":\"{}\",\"charge\":{}", line.date.iso(), line.charge);
    if (!line.placeOfService.empty()) jsonMember(out, "place_of_service", line.placeOfService);
    if (!line.providerNpi.empty()) {
      out += ",\"provider\":{\"npi\":";
      text::appendJsonString(out, line.providerNpi);
      out += "}";
    }
    out.push_back('}');
  }
  out += "]}\n";
  return out;
}

std::string claimCsvHeader() {
  return "id,payer,patient.id,patient.birth_date,patient.sex,provider.npi,billing_provider.npi,"
         "place_of_service,diagnoses,frequency,replaces,line.code,line.modifiers,line.units,line."
         "minutes,line.date,"
         "line.charge,line.place_of_service,line.provider.npi\n";
}

std::string claimToCsvRows(const model::Claim& claim) {
  std::string diagnoses;
  for (std::size_t i = 0; i < claim.diagnoses.size(); ++i) {
    if (i > 0) diagnoses.push_back(' ');
    diagnoses += claim.diagnoses[i];
  }
  std::string out;
  for (const model::Line& line : claim.lines) {
    for (std::string_view value : {std::string_view(claim.id), std::string_view(claim.payer),
                                   std::string_view(claim.patient.id)}) {
      appendCsvField(out, value);
      out.push_back(',');
    }
    out += claim.patient.birthDate ? claim.patient.birthDate->iso() : "";
    out += fmt::format(",{},", claim.patient.sex == model::Sex::Unknown
                                   ? std::string_view()
                                   : sexLetter(claim.patient.sex));
    appendCsvField(out, claim.providerNpi);
    out.push_back(',');
    appendCsvField(out, claim.billingProviderNpi);
    out += fmt::format(",{},{},", claim.placeOfService, diagnoses);
    if (claim.frequency != model::ClaimFrequency::Original) {
      out += frequencyCode(claim.frequency);
      out.push_back(',');
      appendCsvField(out, claim.replaces);
    } else {
      out.push_back(',');
    }
    out += fmt::format(",{},{},{},{},{},{},{},", line.code.text(), modifiersText(line, " "),
                       line.units, line.minutes ? std::to_string(*line.minutes) : "",
                       line.date.iso(), line.charge, line.placeOfService);
    appendCsvField(out, line.providerNpi);
    out.push_back('\n');
  }
  return out;
}

std::string claimToFhirLine(const model::Claim& claim) {
  std::string out = "{\"resourceType\":\"Claim\",\"identifier\":[{\"value\":";
  text::appendJsonString(out, claim.id);
  // A void is a cancelled Claim; a replacement or void names the claim it
  // replaces in `related`, as a prior claim (docs/input-formats.md).
  out += fmt::format("}}],\"status\":\"{}\",",
                     claim.frequency == model::ClaimFrequency::Void ? "cancelled" : "active");
  if (claim.frequency != model::ClaimFrequency::Original) {
    out += fmt::format(
        "\"related\":[{{\"relationship\":{{\"coding\":[{{\"system\":\"{}\",\"code\":\"prior\"}}]}},"
        "\"claim\":{{\"identifier\":{{\"value\":",
        "http://terminology.hl7.org/CodeSystem/ex-relatedclaimrelationship");
    text::appendJsonString(out, claim.replaces);
    out += "}}}],";
  }
  out +=
      "\"type\":{\"coding\":[{\"system\":"
      "\"http://terminology.hl7.org/CodeSystem/claim-type\",\"code\":\"professional\"}]},"
      "\"use\":\"claim\",\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"patient\","
      "\"identifier\":[{\"value\":";
  text::appendJsonString(out, claim.patient.id);
  out += fmt::format("}}],\"gender\":\"{}\"", fhirGender(claim.patient.sex));
  if (claim.patient.birthDate) jsonMember(out, "birthDate", claim.patient.birthDate->iso());
  out += "}],\"patient\":{\"reference\":\"#patient\"}";
  if (!claim.payer.empty()) {
    out += ",\"insurer\":{\"identifier\":{\"value\":";
    text::appendJsonString(out, claim.payer);
    out += "}}";
  }
  constexpr std::string_view npiSystem = "http://hl7.org/fhir/sid/us-npi";
  auto reference = [&](std::string_view npi) {
    std::string ref = fmt::format("{{\"identifier\":{{\"system\":\"{}\",\"value\":", npiSystem);
    text::appendJsonString(ref, npi);
    ref += "}}";
    return ref;
  };
  if (!claim.billingProviderNpi.empty()) {
    out += ",\"provider\":";
    out += reference(claim.billingProviderNpi);
  }
  // The care team: the claim's rendering provider first, then each line's own.
  std::vector<std::string> team;
  if (!claim.providerNpi.empty()) team.push_back(claim.providerNpi);
  for (const model::Line& line : claim.lines)
    if (!line.providerNpi.empty() &&
        std::find(team.begin(), team.end(), line.providerNpi) == team.end())
      team.push_back(line.providerNpi);
  if (!team.empty()) {
    out += ",\"careTeam\":[";
    for (std::size_t i = 0; i < team.size(); ++i)
      out += fmt::format(
          "{}{{\"sequence\":{},\"provider\":{}{}}}", i > 0 ? "," : "", i + 1, reference(team[i]),
          i == 0 && team[0] == claim.providerNpi ? ",\"role\":{\"coding\":[{\"code\":\"primary\"}]}"
                                                 : "");
    out.push_back(']');
  }
  if (!claim.diagnoses.empty()) {
    out += ",\"diagnosis\":[";
    for (std::size_t i = 0; i < claim.diagnoses.size(); ++i) {
      out += fmt::format(
          "{}{{\"sequence\":{},\"diagnosisCodeableConcept\":{{\"coding\":[{{"
          "\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":",
          i > 0 ? "," : "", i + 1);
      text::appendJsonString(out, claim.diagnoses[i]);
      out += "}]}}";
    }
    out.push_back(']');
  }
  out += ",\"item\":[";
  for (std::size_t i = 0; i < claim.lines.size(); ++i) {
    const model::Line& line = claim.lines[i];
    out += fmt::format("{}{{\"sequence\":{}", i > 0 ? "," : "", i + 1);
    if (!line.providerNpi.empty()) {
      const auto at = std::find(team.begin(), team.end(), line.providerNpi) - team.begin();
      out += fmt::format(",\"careTeamSequence\":[{}]", at + 1);
    }
    out += fmt::format(
        ",\"productOrService\":{{\"coding\":[{{\"system\":"
        "\"http://www.ama-assn.org/go/cpt\",\"code\":\"{}\"}}]}}",
        line.code.text());
    if (line.modifierCount > 0) {
      out += ",\"modifier\":[";
      for (std::uint8_t m = 0; m < line.modifierCount; ++m)
        out += fmt::format("{}{{\"coding\":[{{\"code\":\"{}\"}}]}}", m > 0 ? "," : "",
                           line.modifiers[m].text());
      out.push_back(']');
    }
    out += fmt::format(",\"servicedDate\":\"{}\"", line.date.iso());
    const std::string& pos =
        line.placeOfService.empty() ? claim.placeOfService : line.placeOfService;
    if (!pos.empty())
      out += fmt::format(",\"locationCodeableConcept\":{{\"coding\":[{{\"code\":\"{}\"}}]}}", pos);
    out +=
        fmt::format(",\"quantity\":{{\"value\":{}}},\"net\":{{\"value\":{},\"currency\":\"USD\"}}",
                    line.units, line.charge);
    if (line.minutes)
      out += fmt::format(
          ",\"extension\":[{{\"url\":\"urn:edict:fhir:service-minutes\","
          "\"valueInteger\":{}}}]",
          *line.minutes);
    out.push_back('}');
  }
  out += "]}\n";
  return out;
}

X12ClaimWriter::X12ClaimWriter(std::ostream& out, std::size_t claimsPerTransaction)
    : out_(out), claimsPerTransaction_(claimsPerTransaction == 0 ? 1 : claimsPerTransaction) {
  out_ << "ISA*00*          *00*          *ZZ*EDICT          *ZZ*RECEIVER       *261101*1200*^*"
          "00501*000000001*0*P*:~\n"
          "GS*HC*EDICT*RECEIVER*20261101*1200*1*X*005010X222A1~\n";
}

X12ClaimWriter::~X12ClaimWriter() {
  if (!finished_) finish();
}

void X12ClaimWriter::segment(std::string text) {
  out_ << text << "~\n";
  ++segmentsInTransaction_;
}

void X12ClaimWriter::startTransaction() {
  ++transactions_;
  segmentsInTransaction_ = 0;
  hl_ = 0;
  inTransaction_ = true;
  claimsInTransaction_ = 0;
  segment(fmt::format("ST*837*{:04}*005010X222A1", transactions_));
  segment(fmt::format("BHT*0019*00*{:04}*20261101*1200*CH", transactions_));
  segment("NM1*41*2*EDICT GENERATOR*****46*EDICT");
  segment("PER*IC*CLAIMS*TE*5555550100");
  segment("NM1*40*2*RECEIVER*****46*RECEIVER");
}

void X12ClaimWriter::endTransaction() {
  segment(fmt::format("SE*{}*{:04}", segmentsInTransaction_ + 1, transactions_));
  inTransaction_ = false;
}

void X12ClaimWriter::add(const model::Claim& claim) {
  if (inTransaction_ && claimsInTransaction_ == claimsPerTransaction_) endTransaction();
  if (!inTransaction_) startTransaction();
  ++claimsInTransaction_;
  const std::size_t billingLevel = ++hl_;
  segment(fmt::format("HL*{}**20*1", billingLevel));
  segment(fmt::format("NM1*85*2*BILLING PROVIDER*****XX*{}", x12Text(claim.billingProviderNpi)));
  segment("N3*1 MAIN ST");
  segment("N4*CLEVELAND*OH*441140000");
  segment("REF*EI*340000000");
  segment(fmt::format("HL*{}*{}*22*0", ++hl_, billingLevel));
  segment("SBR*P*18*******CI");
  segment(fmt::format("NM1*IL*1*PATIENT*NAME****MI*{}", x12Text(claim.patient.id)));
  if (claim.patient.birthDate)
    segment(fmt::format("DMG*D8*{}*{}", compactDate(*claim.patient.birthDate),
                        sexLetter(claim.patient.sex)));
  segment(fmt::format("NM1*PR*2*PAYER*****PI*{}", x12Text(claim.payer)));
  double total = 0;
  for (const model::Line& line : claim.lines) total += line.charge;
  segment(fmt::format("CLM*{}*{}***{}:B:{}*Y*A*Y*Y", x12Text(claim.id), total,
                      claim.placeOfService.empty() ? "11" : claim.placeOfService,
                      frequencyCode(claim.frequency)));
  // 2300 REF*F8, the payer claim control number of the claim replaced.
  if (claim.frequency != model::ClaimFrequency::Original)
    segment(fmt::format("REF*F8*{}", x12Text(claim.replaces)));
  if (!claim.diagnoses.empty()) {
    std::string hi = "HI";
    for (std::size_t i = 0; i < claim.diagnoses.size(); ++i) {
      std::string code = claim.diagnoses[i];
      std::erase(code, '.');
      hi += fmt::format("*{}:{}", i == 0 ? "ABK" : "ABF", code);
    }
    segment(hi);
  }
  if (!claim.providerNpi.empty() && claim.providerNpi != claim.billingProviderNpi)
    segment(fmt::format("NM1*82*1*RENDERING*PROVIDER****XX*{}", x12Text(claim.providerNpi)));
  for (std::size_t i = 0; i < claim.lines.size(); ++i) {
    const model::Line& line = claim.lines[i];
    segment(fmt::format("LX*{}", i + 1));
    std::string composite = fmt::format("HC:{}", line.code.text());
    if (line.modifierCount > 0) composite += fmt::format(":{}", modifiersText(line, ":"));
    segment(fmt::format("SV1*{}*{}*UN*{}*{}**1", composite, line.charge, line.units,
                        line.placeOfService));
    segment(fmt::format("DTP*472*D8*{}", compactDate(line.date)));
    if (!line.providerNpi.empty())
      segment(fmt::format("NM1*82*1*RENDERING*PROVIDER****XX*{}", x12Text(line.providerNpi)));
  }
}

void X12ClaimWriter::finish() {
  if (finished_) return;
  finished_ = true;
  if (inTransaction_) endTransaction();
  out_ << fmt::format("GE*{}*1~\nIEA*1*000000001~\n", transactions_);
}

}  // namespace edict::write
