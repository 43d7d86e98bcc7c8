#include "runtime/read/input_format.h"

#include <fmt/format.h>
#include <simdjson.h>

#include "core/io/byte_order_mark.h"
#include "runtime/read/csv_reader.h"
#include "runtime/read/fhir_reader.h"
#include "runtime/read/jsonl_reader.h"
#include "runtime/read/x12_reader.h"

namespace edict::read {

namespace {

std::string_view skipBlanks(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first == std::string_view::npos ? std::string_view{} : text.substr(first);
}

/// A short, printable excerpt of what the file starts with.
std::string excerpt(std::string_view head) {
  std::string out;
  for (char c : head.substr(0, 24)) {
    const auto u = static_cast<unsigned char>(c);
    out += (u >= 0x20 && u < 0x7F) ? std::string(1, c) : fmt::format("\\x{:02X}", u);
  }
  return out;
}

/// The top-level keys of a JSON object on one line tell a FHIR resource
/// (`resourceType`) from a claim; a pretty-printed object is searched.
InputFormat jsonFlavour(std::string_view head) {
  const std::string_view firstLine = head.substr(0, head.find('\n'));
  simdjson::dom::parser parser;
  simdjson::dom::object obj;
  if (parser.parse(firstLine.data(), firstLine.size()).get(obj) == simdjson::SUCCESS) {
    std::string_view type;
    return obj["resourceType"].get(type) == simdjson::SUCCESS ? InputFormat::Fhir
                                                              : InputFormat::Jsonl;
  }
  return head.find("\"resourceType\"") != std::string_view::npos ? InputFormat::Fhir
                                                                 : InputFormat::Jsonl;
}

}  // namespace

std::string_view formatName(InputFormat format) {
  switch (format) {
    case InputFormat::Jsonl: return "jsonl";
    case InputFormat::Csv: return "csv";
    case InputFormat::X12: return "x12";
    case InputFormat::Fhir: return "fhir";
  }
  return "jsonl";
}

std::optional<InputFormat> parseFormatName(std::string_view name) {
  for (InputFormat f : {InputFormat::Jsonl, InputFormat::Csv, InputFormat::X12, InputFormat::Fhir})
    if (formatName(f) == name) return f;
  return std::nullopt;
}

Detection detectFormat(std::string_view head) {
  const std::string_view text = skipBlanks(io::withoutUtf8ByteOrderMark(head));
  if (text.empty()) return {std::nullopt, "the file is empty"};
  if (text.starts_with("ISA")) return {InputFormat::X12, {}};
  if (text.front() == '{') return {jsonFlavour(text), {}};
  const std::string_view firstLine = text.substr(0, text.find('\n'));
  const bool textual = simdjson::validate_utf8(firstLine.data(), firstLine.size()) &&
                       firstLine.find('\0') == std::string_view::npos;
  if (textual && firstLine.find(',') != std::string_view::npos) return {InputFormat::Csv, {}};
  if (text.front() == '[')
    return {std::nullopt,
            "it starts with a JSON array; JSON Lines holds one claim object per "
            "line, and FHIR input is NDJSON or a Bundle"};
  return {std::nullopt,
          fmt::format("it is none of the claim formats edict reads (JSON Lines, CSV, X12 837P, "
                      "FHIR R4): it starts with `{}`",
                      excerpt(text))};
}

std::unique_ptr<ClaimReader> openReader(InputFormat format, std::istream& in,
                                        std::string fileName) {
  switch (format) {
    case InputFormat::Jsonl: return openJsonLines(in, std::move(fileName));
    case InputFormat::Csv: return openCsv(in, std::move(fileName));
    case InputFormat::X12: return openX12(in, std::move(fileName));
    case InputFormat::Fhir: return openFhir(in, std::move(fileName));
  }
  return openJsonLines(in, std::move(fileName));
}

std::unique_ptr<ClaimReader> openClaims(InputStream& in, std::string fileName,
                                        std::optional<InputFormat> format, std::string& problem,
                                        InputFormat* chosen) {
  if (!format) {
    const Detection detection = detectFormat(in.peek(kDetectionBytes));
    if (!detection.format) {
      problem = "not claims: " + detection.problem;
      return nullptr;
    }
    format = detection.format;
  }
  if (chosen) *chosen = *format;
  return openReader(*format, in, std::move(fileName));
}

}  // namespace edict::read
