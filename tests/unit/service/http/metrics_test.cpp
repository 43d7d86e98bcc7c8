// The metrics registry writes the Prometheus text format: one HELP and TYPE
// per family, escaped label values, cumulative histogram buckets.
#include <catch2/catch.hpp>

#include "service/http/metrics.h"
#include "service/http/server.h"

using edict::http::Metrics;

TEST_CASE("metrics are written in the Prometheus text format", "[service][http]") {
  Metrics metrics;
  metrics.counter("b_total", "B things", {{"kind", "x\"y\\z\n"}}).add(3);
  metrics.counter("b_total", "B things", {{"kind", "w"}}).add();
  metrics.counter("b_total", "B things", {{"kind", "w"}}).add();
  auto& h = metrics.histogram("a_seconds", "A time", {}, {0.25, 1});
  h.observe(0.125);
  h.observe(0.5);
  h.observe(4);
  metrics.gauge("c", "C now", [] {
    return std::vector<std::pair<edict::http::Labels, double>>{{{{"p", "1"}}, 2.5}};
  });
  CHECK(metrics.text() ==
        "# HELP a_seconds A time\n# TYPE a_seconds histogram\n"
        "a_seconds_bucket{le=\"0.25\"} 1\na_seconds_bucket{le=\"1\"} 2\n"
        "a_seconds_bucket{le=\"+Inf\"} 3\na_seconds_sum 4.625\na_seconds_count 3\n"
        "# HELP b_total B things\n# TYPE b_total counter\n"
        "b_total{kind=\"x\\\"y\\\\z\\n\"} 3\nb_total{kind=\"w\"} 2\n"
        "# HELP c C now\n# TYPE c gauge\nc{p=\"1\"} 2.5\n");
}

TEST_CASE("listen addresses are HOST:PORT or [IPV6]:PORT", "[service][http]") {
  std::string host, error;
  int port = -1;
  CHECK(edict::http::parseListenAddress("127.0.0.1:8080", host, port, error));
  CHECK(host == "127.0.0.1");
  CHECK(port == 8080);
  CHECK(edict::http::parseListenAddress("[::1]:0", host, port, error));
  CHECK(host == "::1");
  CHECK(port == 0);
  for (const char* bad : {"8080", "localhost:", ":80", "host:99999", "host:8x", "[::1]8080"}) {
    INFO(bad);
    CHECK_FALSE(edict::http::parseListenAddress(bad, host, port, error));
    CHECK(error.find(bad) != std::string::npos);
  }
}
