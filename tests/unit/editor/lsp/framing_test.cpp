// The LSP base protocol (editor/lsp/rpc/framing.h): messages framed by
// `Content-Length`, byte for byte, and every way a header can be broken
// answered without a crash or unbounded reading.
#include <catch2/catch.hpp>

#include <sstream>

#include "editor/lsp/rpc/framing.h"
#include "editor/lsp/rpc/message.h"

using namespace edict::lsp;
using Status = rpc::Frame::Status;

TEST_CASE("a frame is Content-Length, CRLF CRLF, then the body", "[lsp][rpc]") {
  std::ostringstream out;
  rpc::writeFrame(out, R"({"a":"é"})");
  // The length counts bytes: `é` is two.
  CHECK(out.str() == "Content-Length: 10\r\n\r\n{\"a\":\"é\"}");
}

TEST_CASE("messages back to back are read one at a time", "[lsp][rpc]") {
  std::istringstream in(
      "Content-Length: 2\r\n\r\n{}"
      "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:  7 "
      "\r\n\r\n[1,2,3]"
      "\r\n\r\nContent-Length: 1\n\n5");
  auto a = rpc::readFrame(in);
  auto b = rpc::readFrame(in);
  auto c = rpc::readFrame(in);
  auto end = rpc::readFrame(in);
  CHECK(a.status == Status::Message);
  CHECK(a.body == "{}");
  CHECK(b.status == Status::Message);
  CHECK(b.body == "[1,2,3]");
  // Stray line breaks between messages and bare LFs are tolerated.
  CHECK(c.status == Status::Message);
  CHECK(c.body == "5");
  CHECK(end.status == Status::End);
}

TEST_CASE("a broken header is skipped and reading goes on", "[lsp][rpc]") {
  std::istringstream in(
      "Content-Type: x\r\n\r\n"         // no length
      "Content-Length: twelve\r\n\r\n"  // not a number
      "no colon here\r\n\r\n"           // not a header
      "Content-Length: 2\r\n\r\n{}");
  CHECK(rpc::readFrame(in).status == Status::Bad);
  CHECK(rpc::readFrame(in).status == Status::Bad);
  auto third = rpc::readFrame(in);
  CHECK(third.status == Status::Bad);
  CHECK(third.error.find("`:`") != std::string::npos);
  auto good = rpc::readFrame(in);
  CHECK(good.status == Status::Message);
  CHECK(good.body == "{}");
}

TEST_CASE("limits: a long header line, many lines, a body over the limit", "[lsp][rpc]") {
  std::string longLine(rpc::kMaxHeaderLineBytes + 10, 'x');
  std::istringstream tooLong(longLine + "\r\n\r\nContent-Length: 2\r\n\r\n{}");
  CHECK(rpc::readFrame(tooLong).status == Status::Bad);
  CHECK(rpc::readFrame(tooLong).body == "{}");

  std::string many;
  for (std::size_t i = 0; i <= rpc::kMaxHeaderLines; ++i)
    many += "X-" + std::to_string(i) + ": y\r\n";
  std::istringstream manyLines(many + "Content-Length: 2\r\n\r\n{}");
  CHECK(rpc::readFrame(manyLines).status == Status::Bad);

  const std::size_t big = rpc::kMaxBodyBytes + 1;
  std::istringstream huge("Content-Length: " + std::to_string(big) + "\r\n\r\n" +
                          std::string(big, ' ') + "Content-Length: 2\r\n\r\n[]");
  auto skipped = rpc::readFrame(huge);
  CHECK(skipped.status == Status::Bad);
  CHECK(skipped.error.find("more than the limit") != std::string::npos);
  CHECK(rpc::readFrame(huge).body == "[]");
}

TEST_CASE("input that ends inside a message is broken", "[lsp][rpc]") {
  std::istringstream header("Content-Length: 5\r\n");
  CHECK(rpc::readFrame(header).status == Status::Broken);
  std::istringstream body("Content-Length: 5\r\n\r\n{}");
  CHECK(rpc::readFrame(body).status == Status::Broken);
}

TEST_CASE("JSON-RPC messages: requests, notifications and what is not one", "[lsp][rpc]") {
  auto request = rpc::parseMessage(R"({"jsonrpc":"2.0","id":3,"method":"shutdown"})");
  REQUIRE(std::holds_alternative<rpc::Message>(request));
  CHECK(std::get<rpc::Message>(request).id == rpc::Json(3));
  CHECK(std::get<rpc::Message>(request).params.is_null());

  auto notification = rpc::parseMessage(R"({"jsonrpc":"2.0","method":"initialized","params":{}})");
  REQUIRE(std::holds_alternative<rpc::Message>(notification));
  CHECK_FALSE(std::get<rpc::Message>(notification).id.has_value());

  auto response = rpc::parseMessage(R"({"jsonrpc":"2.0","id":"s1","result":null})");
  REQUIRE(std::holds_alternative<rpc::Message>(response));
  CHECK(std::get<rpc::Message>(response).method.empty());

  auto code = [](std::string_view body) {
    auto parsed = rpc::parseMessage(body);
    REQUIRE(std::holds_alternative<rpc::MessageError>(parsed));
    return std::get<rpc::MessageError>(parsed).code;
  };
  CHECK(code("{") == rpc::ErrorCode::ParseError);
  CHECK(code("[1]") == rpc::ErrorCode::InvalidRequest);
  CHECK(code(R"({"id":1.5,"method":"x"})") == rpc::ErrorCode::InvalidRequest);
  CHECK(code(R"({"id":1,"method":7})") == rpc::ErrorCode::InvalidRequest);
  CHECK(code(R"({"id":1,"method":"x","params":"p"})") == rpc::ErrorCode::InvalidRequest);
  CHECK(code(R"({"id":1})") == rpc::ErrorCode::InvalidRequest);
  // The id of a bad request is kept for its error.
  auto bad = rpc::parseMessage(R"({"id":9,"method":7})");
  CHECK(std::get<rpc::MessageError>(bad).id == rpc::Json(9));
}

TEST_CASE("a message with invalid UTF-8 can still be written", "[lsp][rpc]") {
  const rpc::Json message = rpc::notification("x", {{"text", std::string("a\xff"
                                                                         "b")}});
  CHECK(rpc::serialize(message).find("a\xEF\xBF\xBD"
                                     "b") != std::string::npos);
}
