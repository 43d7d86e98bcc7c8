#include "runtime/read/fhir_reader.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <deque>
#include <memory>
#include <optional>

#include "runtime/read/claim_fields.h"
#include "runtime/read/fhir_claim.h"
#include "runtime/read/fhir_resource_stream.h"

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

/// Where a Claim piece was: its Bundle entry, if it is one, and how many
/// resources the directory held then (what its references may name).
struct FhirPlace final : RecordContext {
  std::optional<std::size_t> entry;
  std::uint64_t asOf = 0;
};

std::string entryPath(std::optional<std::size_t> entry) {
  return entry ? fmt::format("entry[{}]", *entry) : std::string("resource");
}

/// A scanner of the first members of a piece, to tell a Claim from other
/// resources without parsing it: only what is plain (keys without escapes)
/// is believed, and anything else goes the slow way (a whole parse on the
/// reading thread), which decides the same.
class PieceScan {
 public:
  explicit PieceScan(std::string_view text) : text_(text) {}

  /// `{"resourceType":"Claim"...`: a Claim resource.
  bool claimResource() {
    return literal('{') && string("resourceType") && literal(':') && string("Claim") &&
           (literal(',') || literal('}'));
  }

  /// `{..., "resource": {"resourceType":"Claim"...}...}`: a Bundle entry
  /// whose resource is a Claim.
  bool claimEntry() {
    if (!literal('{')) return false;
    for (;;) {
      std::string_view key;
      if (!plainString(key) || !literal(':')) return false;
      if (key == "resource") return claimResource();
      if (!skipValue() || !literal(',')) return false;
    }
  }

 private:
  void blanks() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\r' || text_[at_] == '\n'))
      ++at_;
  }
  bool literal(char c) {
    blanks();
    if (at_ >= text_.size() || text_[at_] != c) return false;
    ++at_;
    return true;
  }
  /// A string without escapes, into `out`.
  bool plainString(std::string_view& out) {
    if (!literal('"')) return false;
    const std::size_t end = text_.find_first_of("\"\\", at_);
    if (end == std::string_view::npos || text_[end] != '"') return false;
    out = text_.substr(at_, end - at_);
    at_ = end + 1;
    return true;
  }
  bool string(std::string_view expected) {
    std::string_view s;
    return plainString(s) && s == expected;
  }
  /// Skips one value (strings with their escapes, nesting), up to the
  /// separator after it.
  bool skipValue() {
    blanks();
    int depth = 0;
    for (; at_ < text_.size(); ++at_) {
      const char c = text_[at_];
      if (c == '"') {
        for (++at_; at_ < text_.size() && text_[at_] != '"'; ++at_)
          if (text_[at_] == '\\') ++at_;
        if (at_ >= text_.size()) return false;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (depth == 0) return true;
        if (--depth == 0) {
          ++at_;
          return true;
        }
      } else if (c == ',' && depth == 0) {
        return true;
      }
    }
    return false;
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

/// The reading thread cuts the file into pieces (resources, or Bundle
/// entries) and keeps the directory of resources Claims may refer to; a
/// piece that is a Claim becomes a record that any thread converts, as of
/// the directory where it was. Other pieces, and the first, which decides
/// whether the file is FHIR at all, are read whole on the reading thread,
/// and what they make travels as made items.
class FhirReader final : public SplittingReader {
 public:
  FhirReader(std::istream& in, std::string fileName)
      : stream_(in), fileName_(std::move(fileName)) {}

  bool nextRecord(RawRecord& record) override {
    record.refusal.clear();
    for (;;) {
      if (!made_.empty()) {
        record.made = std::move(made_.front());
        made_.pop_front();
        record.text.clear();
        record.context.reset();
        return true;
      }
      record.made.reset();
      if (done_) return false;
      if (pump(record)) return true;
    }
  }

  void parseRecord(const RawRecord& record, ReadItem& item) const override {
    if (record.made) {
      item = *record.made;
      return;
    }
    const auto& place = static_cast<const FhirPlace&>(*record.context);
    thread_local simdjson::dom::parser parser;
    element root;
    if (auto error = parser.parse(record.text).get(root); error != simdjson::SUCCESS) {
      item = RejectedClaim{
          record.origin, {}, fmt::format("not valid JSON: {}", simdjson::error_message(error)), {}};
      return;
    }
    object resource;
    if (root.get(resource) != simdjson::SUCCESS ||
        (place.entry && resource["resource"].get(resource) != simdjson::SUCCESS)) {
      // Not what the scan saw: never, unless the scan and simdjson differ.
      item = RejectedClaim{record.origin, {}, "expected an object", {}};
      return;
    }
    const std::string path = place.entry ? entryPath(place.entry) + ".resource." : std::string();
    try {
      model::Claim claim = convertFhirClaim(resource, {directory_, place.asOf}, path);
      claim.origin = record.origin;
      item = std::move(claim);
    } catch (const FieldError& e) {
      item =
          RejectedClaim{record.origin, claimIdIfAny(resource), e.message, insurerIfAny(resource)};
    }
  }

  [[nodiscard]] std::string fatalError() const override { return fatal_; }

 private:
  void reject(std::uint64_t line, std::string message, std::string id = {},
              std::string payer = {}) {
    made_.emplace_back(
        RejectedClaim{{fileName_, line}, std::move(id), std::move(message), std::move(payer)});
  }

  /// The start of the file decides whether it is FHIR at all.
  void notFhir(std::uint64_t line, const std::string& why) {
    fatal_ = fmt::format("not FHIR JSON: line {}: {}", line, why);
    done_ = true;
  }

  /// Reads one piece: a Claim to convert elsewhere into `record` (true),
  /// or what the piece makes into made_.
  bool pump(RawRecord& record) {
    switch (stream_.next(piece_)) {
      case FhirResourceStream::Status::End:
        done_ = true;
        if (claims_ == 0 && sawResource_)
          fatal_ =
              fmt::format("the file holds no FHIR Claim resource ({} other resources)", others_);
        return false;
      case FhirResourceStream::Status::TooLong:
        if (!sawResource_) {
          notFhir(piece_.line, "the first resource is too long");
          return false;
        }
        reject(piece_.line, fmt::format("the resource is longer than {} bytes",
                                        FhirResourceStream::kMaxResource));
        return false;
      case FhirResourceStream::Status::Malformed:
        if (!sawResource_)
          notFhir(piece_.line, piece_.problem);
        else
          reject(piece_.line, piece_.problem);
        return false;
      case FhirResourceStream::Status::Piece: break;
    }
    const bool claim = sawResource_ && (piece_.entry ? PieceScan(piece_.text).claimEntry()
                                                     : PieceScan(piece_.text).claimResource());
    if (!claim) {
      handlePiece(piece_);
      return false;
    }
    ++claims_;
    record.text.swap(piece_.text);
    record.origin.file = fileName_;
    record.origin.position = piece_.line;
    const std::uint64_t asOf = directory_.version();
    if (!place_ || place_->entry != piece_.entry || place_->asOf != asOf) {
      auto place = std::make_shared<FhirPlace>();
      place->entry = piece_.entry;
      place->asOf = asOf;
      place_ = std::move(place);
    }
    record.context = place_;
    return true;
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
      return reject(piece.line, fmt::format("{}: expected an object", entryPath(piece.entry)));
    }
    if (!piece.entry) return handleResource(obj, {}, {}, piece.line);
    // A Bundle entry: the resource and the URL other entries refer to it by.
    object resource;
    if (obj["resource"].get(resource) != simdjson::SUCCESS) return;  // a request, no resource
    handleResource(resource, stringOf(obj, "fullUrl"), entryPath(piece.entry) + ".resource.",
                   piece.line);
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
        model::Claim claim = convertFhirClaim(resource, {directory_}, path);
        claim.origin = {fileName_, line};
        made_.emplace_back(std::move(claim));
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
  FhirPiece piece_;
  /// Items the reading thread made, in file order, not yet handed out.
  std::deque<ReadItem> made_;
  std::shared_ptr<const FhirPlace> place_;
  bool done_ = false;
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
