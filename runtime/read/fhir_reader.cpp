#include "runtime/read/fhir_reader.h"

#include <fmt/format.h>
#include <simdjson.h>

#include "runtime/read/claim_fields.h"
#include "runtime/read/fhir_claim.h"
#include "runtime/read/fhir_resource_stream.h"
#include "runtime/read/pumped_reader.h"

namespace edict::read {

namespace {

using simdjson::dom::element;
using simdjson::dom::object;

std::string stringOf(object o, std::string_view key) {
  std::string_view text;
  if (o[key].get(text) == simdjson::SUCCESS) return std::string(text);
  return {};
}

/// The id of a Claim that could not be converted, for its reject record.
std::string claimIdIfAny(object claim) {
  simdjson::dom::array identifiers;
  if (claim["identifier"].get(identifiers) == simdjson::SUCCESS)
    for (element e : identifiers) {
      object id;
      if (e.get(id) == simdjson::SUCCESS && !stringOf(id, "value").empty())
        return stringOf(id, "value");
    }
  return stringOf(claim, "id");
}

/// The Claim's insurer identifier, for the label of its reject record.
std::string insurerIfAny(object claim) {
  object insurer;
  object identifier;
  if (claim["insurer"].get(insurer) == simdjson::SUCCESS &&
      insurer["identifier"].get(identifier) == simdjson::SUCCESS)
    return stringOf(identifier, "value");
  return {};
}

bool isReferable(std::string_view type) {
  return type == "Patient" || type == "Practitioner" || type == "Organization" ||
         type == "PractitionerRole";
}

class FhirReader final : public PumpedReader<FhirReader> {
 public:
  FhirReader(std::istream& in, std::string fileName)
      : stream_(in), fileName_(std::move(fileName)) {}

  [[nodiscard]] std::string fatalError() const override { return fatal_; }

 private:
  friend PumpedReader;

  void reject(std::uint64_t line, std::string message, std::string id = {},
              std::string payer = {}) {
    ready_.emplace_back(
        RejectedClaim{{fileName_, line}, std::move(id), std::move(message), std::move(payer)});
  }

  /// The start of the file decides whether it is FHIR at all.
  void notFhir(std::uint64_t line, const std::string& why) {
    fatal_ = fmt::format("not FHIR JSON: line {}: {}", line, why);
    done_ = true;
  }

  void pump() {
    FhirPiece piece;
    switch (stream_.next(piece)) {
      case FhirResourceStream::Status::End:
        done_ = true;
        if (claims_ == 0 && sawResource_)
          fatal_ =
              fmt::format("the file holds no FHIR Claim resource ({} other resources)", others_);
        return;
      case FhirResourceStream::Status::TooLong:
        if (!sawResource_) return notFhir(piece.line, "the first resource is too long");
        return reject(piece.line, fmt::format("the resource is longer than {} bytes",
                                              FhirResourceStream::kMaxResource));
      case FhirResourceStream::Status::Malformed:
        if (!sawResource_) return notFhir(piece.line, piece.problem);
        return reject(piece.line, piece.problem);
      case FhirResourceStream::Status::Piece: return handlePiece(piece);
    }
  }

  void handlePiece(const FhirPiece& piece) {
    element root;
    if (auto error = parser_.parse(piece.text).get(root); error != simdjson::SUCCESS) {
      const std::string why = fmt::format("not valid JSON: {}", simdjson::error_message(error));
      if (!sawResource_) return notFhir(piece.line, why);
      return reject(piece.line, why);
    }
    object obj;
    if (root.get(obj) != simdjson::SUCCESS) {
      if (!sawResource_) return notFhir(piece.line, "expected a JSON object");
      return reject(piece.line, fmt::format("{}: expected an object", entryPath(piece)));
    }
    if (!piece.entry) return handleResource(obj, {}, {}, piece.line);
    // A Bundle entry: the resource and the URL other entries refer to it by.
    object resource;
    if (obj["resource"].get(resource) != simdjson::SUCCESS) return;  // a request, no resource
    handleResource(resource, stringOf(obj, "fullUrl"), entryPath(piece) + ".resource.", piece.line);
  }

  static std::string entryPath(const FhirPiece& piece) {
    return piece.entry ? fmt::format("entry[{}]", *piece.entry) : std::string("resource");
  }

  void handleResource(object resource, const std::string& fullUrl, const std::string& path,
                      std::uint64_t line) {
    const std::string type = stringOf(resource, "resourceType");
    if (type.empty()) {
      if (!sawResource_) return notFhir(line, "the JSON object has no `resourceType`");
      return reject(line, fmt::format("{}resourceType: required field is missing", path),
                    claimIdIfAny(resource));
    }
    sawResource_ = true;
    if (type == "Claim") {
      ++claims_;
      try {
        model::Claim claim = convertFhirClaim(resource, directory_, path);
        claim.origin = {fileName_, line};
        ready_.emplace_back(std::move(claim));
      } catch (const FieldError& e) {
        reject(line, e.message, claimIdIfAny(resource), insurerIfAny(resource));
      }
    } else if (type == "Bundle") {
      // A Bundle inside NDJSON, or one small enough to come whole.
      simdjson::dom::array entries;
      if (resource["entry"].get(entries) != simdjson::SUCCESS) return;
      std::size_t i = 0;
      for (element e : entries) {
        const std::string epath = fmt::format("{}entry[{}]", path, i++);
        object entry;
        object inner;
        if (e.get(entry) != simdjson::SUCCESS || entry["resource"].get(inner) != simdjson::SUCCESS)
          continue;
        handleResource(inner, stringOf(entry, "fullUrl"), epath + ".resource.", line);
      }
    } else if (isReferable(type)) {
      FhirTarget target;
      try {
        target = fhirTarget(resource, path);
      } catch (const FieldError& e) {
        target.problem = fmt::format("line {}: {}", line, e.message);
      }
      const std::string id = stringOf(resource, "id");
      if (!id.empty()) directory_.remember(type + "/" + id, target);
      if (!fullUrl.empty()) directory_.remember(fullUrl, target);
    } else {
      ++others_;
    }
  }

  FhirResourceStream stream_;
  std::string fileName_;
  simdjson::dom::parser parser_;
  FhirDirectory directory_;
  bool sawResource_ = false;
  std::size_t claims_ = 0;
  std::size_t others_ = 0;
  std::string fatal_;
};

}  // namespace

std::unique_ptr<ClaimReader> openFhir(std::istream& in, std::string fileName) {
  return std::make_unique<FhirReader>(in, std::move(fileName));
}

}  // namespace edict::read
