// gzip replies and streams: Accept-Encoding is read as RFC 9110 says (q values, "*"), bodies of 1
// KiB or more are compressed and come back byte for byte, small ones and other types are left
// alone.
#include <gtest/gtest.h>

#include "canned_backend.hpp"
#include "compression.hpp"
#include "gzip.hpp"
#include "router.hpp"

namespace newsdex::searchd {
namespace {

std::string gunzip(const std::string& data) {
  auto out = newsdex::gunzip(data, 1 << 24);
  EXPECT_TRUE(out) << "not a gzip stream";
  return out.value_or("");
}

bool has_header(const Response& response, const std::string& name, const std::string& value) {
  return std::ranges::find(response.headers, std::pair{name, value}) != response.headers.end();
}

TEST(AcceptEncoding, ReadsCodingsAndQualities) {
  EXPECT_TRUE(accepts_gzip("gzip"));
  EXPECT_TRUE(accepts_gzip("deflate, gzip;q=0.5, br"));
  EXPECT_TRUE(accepts_gzip(" GZIP ; q=1.0"));
  EXPECT_TRUE(accepts_gzip("*"));
  EXPECT_TRUE(accepts_gzip("x-gzip"));
  EXPECT_FALSE(accepts_gzip(""));
  EXPECT_FALSE(accepts_gzip("identity"));
  EXPECT_FALSE(accepts_gzip("br, deflate"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("*, gzip;q=0")) << "naming gzip overrides the wildcard";
  EXPECT_FALSE(accepts_gzip("gzip;q=zero"));
}

TEST(Gzip, RoundTripsAndShrinksText) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += R"({"title": "Harbour talks resume", "lang": "en"},)";
  const auto packed = gzip(text, 4);
  ASSERT_TRUE(packed);
  EXPECT_LT(packed->size(), text.size() / 10);
  EXPECT_EQ(gunzip(*packed), text);
  EXPECT_EQ(gunzip(*gzip("", 1)), "");
}

TEST(Gzip, RefusesBrokenStreamsAndBombs) {
  const auto packed = gzip(std::string(1 << 20, 'a'), 9);
  ASSERT_TRUE(packed);
  EXPECT_FALSE(newsdex::gunzip(*packed, 1000)) << "inflates past the limit";
  EXPECT_TRUE(newsdex::gunzip(*packed, 1 << 20));
  EXPECT_FALSE(newsdex::gunzip(packed->substr(0, packed->size() / 2), 1 << 24)) << "cut short";
  EXPECT_FALSE(newsdex::gunzip("not gzip at all", 1 << 24));
}

class CompressedReplies : public ::testing::Test {
 protected:
  testing::CannedBackend backend;
  Metrics metrics;
  RouterOptions options;
  Response get(const std::string& target, const std::string& accept) {
    Router router(backend, metrics, options);
    std::map<std::string, std::string> headers;
    if (!accept.empty()) headers["accept-encoding"] = accept;
    return router.handle({"GET", target, headers, ""});
  }
};

TEST_F(CompressedReplies, LargeBodiesAreGzippedForClientsThatAcceptIt) {
  const Response plain = get("/", "");
  ASSERT_EQ(plain.status, 200);
  ASSERT_GE(plain.body.size(), options.compression_min_bytes) << "the page is large enough";
  EXPECT_FALSE(has_header(plain, "Content-Encoding", "gzip"));
  EXPECT_TRUE(has_header(plain, "Vary", "Accept-Encoding"));

  const Response packed = get("/", "gzip, deflate, br");
  EXPECT_TRUE(has_header(packed, "Content-Encoding", "gzip"));
  EXPECT_TRUE(has_header(packed, "Vary", "Accept-Encoding"));
  EXPECT_LT(packed.body.size(), plain.body.size());
  EXPECT_EQ(gunzip(packed.body), plain.body);
}

TEST_F(CompressedReplies, SmallBodiesAndTurnedOffAreSentAsTheyAre) {
  const Response health = get("/health", "gzip");
  ASSERT_LT(health.body.size(), options.compression_min_bytes);
  EXPECT_FALSE(has_header(health, "Content-Encoding", "gzip"));
  options.compression_level = 0;
  const Response page = get("/", "gzip");
  EXPECT_FALSE(has_header(page, "Content-Encoding", "gzip"));
  EXPECT_FALSE(has_header(page, "Vary", "Accept-Encoding"));
}

}  // namespace
}  // namespace newsdex::searchd
