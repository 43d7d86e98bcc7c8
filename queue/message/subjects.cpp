#include "queue/message/subjects.h"

#include <fmt/format.h>

namespace edict::queue {

namespace {

bool keptAsIs(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string payerToken(std::string_view payer) {
  if (payer.empty()) return "%";
  std::string token;
  token.reserve(payer.size());
  for (char c : payer) {
    const auto u = static_cast<unsigned char>(c);
    if (keptAsIs(u))
      token += c;
    else
      token += fmt::format("%{:02X}", u);
  }
  return token;
}

std::optional<std::string> payerFromToken(std::string_view token) {
  if (token == "%") return std::string();
  if (token.empty()) return std::nullopt;
  std::string payer;
  for (std::size_t i = 0; i < token.size(); ++i) {
    const auto u = static_cast<unsigned char>(token[i]);
    if (keptAsIs(u)) {
      payer += token[i];
      continue;
    }
    if (token[i] != '%' || i + 2 >= token.size()) return std::nullopt;
    const int high = hexValue(token[i + 1]);
    const int low = hexValue(token[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    const auto byte = static_cast<unsigned char>(high * 16 + low);
    // Only bytes payerToken escapes may come escaped: one token per payer.
    if (keptAsIs(byte)) return std::nullopt;
    payer += static_cast<char>(byte);
    i += 2;
  }
  return payer;
}

std::string resultsSubject(std::string_view prefix, std::string_view payer) {
  return fmt::format("{}.{}", prefix, payerToken(payer));
}

std::string inputKey(std::string_view stream, std::optional<std::string_view> messageId,
                     std::uint64_t sequence) {
  if (messageId && !messageId->empty()) return fmt::format("{}:id:{}", stream, *messageId);
  return fmt::format("{}:seq:{}", stream, sequence);
}

std::string resultPartId(std::string_view inputKey, std::string_view payer,
                         std::size_t firstClaim) {
  return fmt::format("{}:{}:{}", inputKey, payerToken(payer), firstClaim);
}

bool isPlainSubject(std::string_view subject, std::string& why) {
  if (subject.empty()) {
    why = "a subject cannot be empty";
    return false;
  }
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = subject.find('.', start);
    const std::string_view token =
        subject.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (token.empty()) {
      why = fmt::format("`{}` has an empty token (two dots, or a dot at an end)", subject);
      return false;
    }
    if (token == "*" || token == ">") {
      why = fmt::format("`{}` has a wildcard (`{}`)", subject, token);
      return false;
    }
    for (char c : token)
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        why = fmt::format("`{}` has white space", subject);
        return false;
      }
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

}  // namespace edict::queue
