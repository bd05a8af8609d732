#include "scanner.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "formats.hpp"

namespace newsdex {
namespace fs = std::filesystem;

namespace {

std::optional<FileStat> stat_path(const fs::path& path, std::string relative_path,
                                  std::string* why_not) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (why_not) *why_not = errno == ELOOP ? "symlink loop" : std::strerror(errno);
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {
    if (why_not) *why_not = "not a regular file";
    return std::nullopt;
  }
  return FileStat{std::move(relative_path), static_cast<std::uint64_t>(st.st_size),
                  st.st_mtim.tv_sec * 1'000'000'000LL + st.st_mtim.tv_nsec};
}

}  // namespace

std::optional<FileStat> stat_document(const fs::path& root, const std::string& relative_path) {
  return stat_path(root / relative_path, relative_path, nullptr);
}

ScanResult scan_documents(const fs::path& root, const IgnoreRules& ignore) {
  ScanResult result;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    result.problems.push_back({"", "cannot open the documents directory: " + ec.message()});
    return result;
  }
  for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
    if (ec) {
      result.problems.push_back({"", ec.message()});
      ec.clear();
      continue;
    }
    auto relative = it->path().lexically_relative(root).generic_string();
    if (ignore.ignored(relative)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_directory(ec) || !format_for(it->path())) continue;
    std::string why_not;
    if (auto stat = stat_path(it->path(), relative, &why_not))
      result.files.push_back(std::move(*stat));
    else
      result.problems.push_back({relative, why_not});
  }
  std::ranges::sort(result.files, {}, &FileStat::relative_path);
  return result;
}

}  // namespace newsdex
