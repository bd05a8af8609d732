#include "encoding.hpp"

#include <gtest/gtest.h>

#include <string>

#include "test_support.hpp"

namespace newsdex {
namespace {

std::string data(const char* name) {
  return testing::read_file(testing::source_dir() / "tests/data/encodings" / name);
}

// The legacy files trimmed of their final newline compare equal to the UTF-8 copies.
class LegacyEncodingTest : public ::testing::TestWithParam<const char*> {};

TEST_P(LegacyEncodingTest, IsDetectedAndConverted) {
  const std::string name = GetParam();
  const auto bytes = data((name + ".txt").c_str());
  ASSERT_FALSE(is_valid_utf8(bytes));
  const auto text = decode_text(bytes);
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(*text, data((name + ".utf8.txt").c_str()));
}

INSTANTIATE_TEST_SUITE_P(Files, LegacyEncodingTest,
                         ::testing::Values("windows-1252", "koi8-r", "shift_jis"));

TEST(DecodeTextTest, ValidUtf8PassesUnchanged) {
  const std::string text = "Bakı, 9 fevral — Пакистан и Азербайджан 🤝";
  EXPECT_TRUE(is_valid_utf8(text));
  EXPECT_EQ(*decode_text(text), text);
}

TEST(DecodeTextTest, Utf8ByteOrderMarkIsStripped) {
  EXPECT_EQ(*decode_text("\xEF\xBB\xBFHeadline\n"), "Headline\n");
}

TEST(DecodeTextTest, Utf16WithByteOrderMarkIsConverted) {
  const std::string little("\xFF\xFEH\0i\0 \0\x16\x04\n\0", 12);  // "Hi Ж\n"
  EXPECT_EQ(*decode_text(little), "Hi \u0416\n");
  const std::string big("\xFE\xFF\0H\0i", 6);
  EXPECT_EQ(*decode_text(big), "Hi");
}

TEST(DecodeTextTest, MostlyValidUtf8GetsReplacementCharacters) {
  // Twenty good accented letters and one stray Latin-1 byte.
  std::string text;
  for (int i = 0; i < 20; ++i) text += "caf\xC3\xA9 ";
  text += "na\xEFve";
  EXPECT_FALSE(is_valid_utf8(text));
  const auto decoded = decode_text(text);
  ASSERT_TRUE(decoded.ok());
  EXPECT_TRUE(decoded->ends_with("na\xEF\xBF\xBDve"));
  EXPECT_TRUE(decoded->starts_with("caf\xC3\xA9 "));
}

TEST(DecodeTextTest, RejectsOverlongAndSurrogateEncodings) {
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong "/"
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // a UTF-16 surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x93\xB0"));   // 📰
}

TEST(DecodeTextTest, BinaryIsUnsupported) {
  const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
  EXPECT_EQ(decode_text(png).error().code, Errc::unsupported);
  const std::string controls(200, '\x01');
  EXPECT_EQ(decode_text("text " + controls).error().code, Errc::unsupported);
}

TEST(DecodeTextTest, EmptyOrBlankIsAParseError) {
  for (const std::string blank : {"", "   \n\t\r\n", "\xEF\xBB\xBF", "\xC2\xA0\n"}) {
    const auto result = decode_text(blank);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, Errc::parse_error);
    EXPECT_EQ(result.error().message, "empty file");
  }
}

TEST(DecodeTextTest, UndetectableBytesAreABadEncoding) {
  // High bytes in a pattern no charset produces as text.
  std::string noise;
  for (int i = 0; i < 400; ++i) noise += static_cast<char>(0x80 + (i * 37) % 128);
  const auto result = decode_text(noise);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, Errc::bad_encoding) << result.error().message;
}

}  // namespace
}  // namespace newsdex
