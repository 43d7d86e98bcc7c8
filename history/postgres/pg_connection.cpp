#include "history/postgres/pg_connection.h"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <charconv>

namespace edict::history::postgres {

void Result::Free::operator()(pg_result* r) const {
  PQclear(r);
}

int Result::rows() const {
  return PQntuples(result_.get());
}

std::string_view Result::text(int row, int column) const {
  return {PQgetvalue(result_.get(), row, column),
          static_cast<std::size_t>(PQgetlength(result_.get(), row, column))};
}

bool Result::isNull(int row, int column) const {
  return PQgetisnull(result_.get(), row, column) != 0;
}

std::int64_t Result::integer(int row, int column) const {
  const std::string_view t = text(row, column);
  std::int64_t value = 0;
  std::from_chars(t.data(), t.data() + t.size(), value);
  return value;
}

void Connection::Finish::operator()(pg_conn* c) const {
  PQfinish(c);
}

Connection::Connection(const std::string& url) {
  // The URL's own settings win over these defaults: libpq applies the
  // expanded dbname over the keywords before it.
  const char* keywords[] = {"connect_timeout", "application_name", "client_encoding", "dbname",
                            nullptr};
  const char* values[] = {"10", "edict", "UTF8", url.c_str(), nullptr};
  conn_.reset(PQconnectdbParams(keywords, values, 1));
  if (!conn_ || PQstatus(conn_.get()) != CONNECTION_OK) {
    std::string message = conn_ ? PQerrorMessage(conn_.get()) : "out of memory";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    throw PgError(message, {});
  }
  PQsetErrorVerbosity(conn_.get(), PQERRORS_DEFAULT);
}

bool Connection::ok() const {
  return PQstatus(conn_.get()) == CONNECTION_OK;
}

void Connection::reconnect() {
  PQreset(conn_.get());
  if (!ok()) {
    std::string message = PQerrorMessage(conn_.get());
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    throw PgError(message, {});
  }
}

namespace {

/// `result` when its statement succeeded; else throws its error.
Result checked(pg_conn* conn, pg_result* r) {
  Result result(r);
  const ExecStatusType status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = r ? PQresultErrorMessage(r) : PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  throw PgError(message.empty() ? "the connection failed" : message, state ? state : "");
}

}  // namespace

Result Connection::exec(std::string_view sql, const std::vector<Param>& params) {
  const std::string text(sql);
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const Param& p : params) values.push_back(p ? p->c_str() : nullptr);
  return checked(conn_.get(),
                 PQexecParams(conn_.get(), text.c_str(), static_cast<int>(params.size()), nullptr,
                              values.data(), nullptr, nullptr, 0));
}

void Connection::execScript(std::string_view sql) {
  const std::string text(sql);
  checked(conn_.get(), PQexec(conn_.get(), text.c_str()));
}

void ArrayLiteral::add(std::string_view text) {
  if (text_.size() > 1) text_.push_back(',');
  text_.push_back('"');
  for (char c : text) {
    // PostgreSQL text cannot hold a NUL byte (a claim id may, from JSON's
    // \u0000): it is stored as U+FFFD, as the JSON writers write invalid text.
    if (c == '\0') {
      text_ += "\xEF\xBF\xBD";
      continue;
    }
    if (c == '"' || c == '\\') text_.push_back('\\');
    text_.push_back(c);
  }
  text_.push_back('"');
}

void ArrayLiteral::add(std::int64_t value) {
  if (text_.size() > 1) text_.push_back(',');
  text_ += std::to_string(value);
}

void ArrayLiteral::addNull() {
  if (text_.size() > 1) text_.push_back(',');
  text_ += "NULL";
}

std::string withoutPassword(std::string_view url) {
  // scheme://user:password@host... -> scheme://user@host...
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  const std::size_t start = scheme + 3;
  const std::size_t end = url.find_first_of("/?", start);
  const std::string_view authority = url.substr(start, end - start);
  const std::size_t at = authority.rfind('@');
  std::string out(url.substr(0, start));
  if (at != std::string_view::npos) {
    const std::string_view user = authority.substr(0, at);
    out += user.substr(0, user.find(':'));
    out += authority.substr(at);
  } else {
    out += authority;
  }
  if (end != std::string_view::npos) {
    // A password may also come as a parameter.
    std::string_view rest = url.substr(end);
    const std::size_t password = rest.find("password=");
    if (password != std::string_view::npos) {
      out += rest.substr(0, password);
      const std::size_t next = rest.find('&', password);
      out += "password=...";
      if (next != std::string_view::npos) out += rest.substr(next);
    } else {
      out += rest;
    }
  }
  return out;
}

}  // namespace edict::history::postgres
