#include "file_reader.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "test_support.hpp"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

TEST(ReadFileTest, ReadsBytesSizeAndMtime) {
  testing::TempDir dir;
  const std::string content("line one\n\0binary ok here\n", 25);
  testing::write_file(dir / "a.txt", content);
  const auto file = read_file(dir / "a.txt", 1024);
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_EQ(file->bytes, content);
  EXPECT_EQ(file->size, content.size());
  // std::filesystem's file clock has no portable epoch; compare with stat(2) directly.
  struct stat info {};
  ASSERT_EQ(::stat((dir / "a.txt").c_str(), &info), 0);
  EXPECT_EQ(file->mtime_ns, info.st_mtim.tv_sec * 1'000'000'000LL + info.st_mtim.tv_nsec);
}

TEST(ReadFileTest, EmptyFileReadsAsEmpty) {
  testing::TempDir dir;
  testing::write_file(dir / "empty.txt", "");
  const auto file = read_file(dir / "empty.txt", 1024);
  ASSERT_TRUE(file.ok());
  EXPECT_TRUE(file->bytes.empty());
}

TEST(ReadFileTest, OverTheLimitIsTooLarge) {
  testing::TempDir dir;
  testing::write_file(dir / "big.txt", std::string(2048, 'x'));
  EXPECT_TRUE(read_file(dir / "big.txt", 2048).ok());
  const auto file = read_file(dir / "big.txt", 2047);
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.error().code, Errc::too_large);
  EXPECT_NE(file.error().message.find("2048"), std::string::npos) << file.error().message;
}

TEST(ReadFileTest, MissingOrVanishedFileIsNotFound) {
  testing::TempDir dir;
  testing::write_file(dir / "gone.txt", "soon gone");
  fs::remove(dir / "gone.txt");
  const auto file = read_file(dir / "gone.txt", 1024);
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.error().code, Errc::not_found);
}

TEST(ReadFileTest, UnreadableFileIsAnIoError) {
  if (::geteuid() == 0) GTEST_SKIP() << "running as root: permission bits are not enforced";
  testing::TempDir dir;
  testing::write_file(dir / "secret.txt", "classified");
  fs::permissions(dir / "secret.txt", fs::perms::none);
  const auto file = read_file(dir / "secret.txt", 1024);
  fs::permissions(dir / "secret.txt", fs::perms::owner_all);
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.error().code, Errc::io_error);
  EXPECT_NE(file.error().message.find("permission"), std::string::npos);
}

TEST(ReadFileTest, SymlinkToAFileIsFollowed) {
  testing::TempDir dir;
  testing::write_file(dir / "target.txt", "through the link");
  fs::create_symlink(dir / "target.txt", dir / "link.txt");
  EXPECT_EQ(read_file(dir / "link.txt", 1024)->bytes, "through the link");
}

TEST(ReadFileTest, SymlinkLoopIsUnsupported) {
  testing::TempDir dir;
  fs::create_symlink(dir / "b.txt", dir / "a.txt");
  fs::create_symlink(dir / "a.txt", dir / "b.txt");
  const auto file = read_file(dir / "a.txt", 1024);
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.error().code, Errc::unsupported);
  EXPECT_EQ(file.error().message, "symlink loop");
}

TEST(ReadFileTest, DanglingSymlinkIsUnsupported) {
  testing::TempDir dir;
  fs::create_symlink(dir / "nowhere.txt", dir / "dangling.txt");
  const auto file = read_file(dir / "dangling.txt", 1024);
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.error().code, Errc::unsupported);
  EXPECT_NE(file.error().message.find("dangling"), std::string::npos);
}

TEST(ReadFileTest, DirectoryAndFifoAreUnsupported) {
  testing::TempDir dir;
  fs::create_directory(dir / "folder.txt");
  EXPECT_EQ(read_file(dir / "folder.txt", 1024).error().code, Errc::unsupported);
  ASSERT_EQ(::mkfifo((dir / "pipe.txt").c_str(), 0600), 0);
  // Must return at once rather than block waiting for a writer.
  const auto fifo = read_file(dir / "pipe.txt", 1024);
  EXPECT_EQ(fifo.error().code, Errc::unsupported);
  EXPECT_NE(fifo.error().message.find("fifo"), std::string::npos);
}

}  // namespace
}  // namespace newsdex
