#include "scanner.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "formats.hpp"
#include "tree_guard.hpp"

namespace newsdex {
namespace fs = std::filesystem;

namespace {

// Deeper than any real newsroom tree; stops a pathological (or hostile) nesting early.
constexpr std::size_t kMaxDepth = 128;

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
                  st.st_mtim.tv_sec * 1'000'000'000LL + st.st_mtim.tv_nsec,
                  st.st_ctim.tv_sec * 1'000'000'000LL + st.st_ctim.tv_nsec};
}

// A depth-first walk that remembers the real directories it is inside, so a link back to one of
// them (a loop) is reported instead of followed.
class Walk {
 public:
  Walk(const fs::path& root, const IgnoreRules& ignore, bool follow_external, ScanResult& result)
      : root_(root), ignore_(ignore), follow_external_(follow_external), result_(result) {}

  void directory(const fs::path& path, const std::string& relative) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      result_.problems.push_back({relative, std::strerror(errno)});
      return;
    }
    const std::pair id{st.st_dev, st.st_ino};
    if (std::ranges::find(chain_, id) != chain_.end()) {
      result_.problems.push_back({relative, "symlink loop (links back to a parent directory)"});
      return;
    }
    if (chain_.size() >= kMaxDepth) {
      result_.problems.push_back({relative, "directories nested too deeply"});
      return;
    }
    chain_.push_back(id);
    std::error_code ec;
    fs::directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      result_.problems.push_back(
          {relative, relative.empty() ? "cannot open the documents directory: " + ec.message()
                                      : ec.message()});
    } else {
      for (const fs::directory_iterator end; !ec && it != end; it.increment(ec))
        entry(*it, relative);
      if (ec) result_.problems.push_back({relative, ec.message()});
    }
    chain_.pop_back();
  }

 private:
  void entry(const fs::directory_entry& item, const std::string& parent) {
    const auto name = item.path().filename().string();
    const auto relative = parent.empty() ? name : parent + "/" + name;
    if (ignore_.ignored(relative)) return;
    std::error_code ec;
    const bool is_dir = item.is_directory(ec);
    if (!is_dir && !format_for(item.path())) return;
    if (item.is_symlink(ec)) {
      if (auto why = outside_tree(root_, relative, follow_external_)) {
        result_.problems.push_back({relative, *why});
        return;
      }
    }
    if (is_dir) return directory(item.path(), relative);
    std::string why_not;
    if (auto stat = stat_path(item.path(), relative, &why_not))
      result_.files.push_back(std::move(*stat));
    else
      result_.problems.push_back({relative, why_not});
  }

  const fs::path& root_;
  const IgnoreRules& ignore_;
  bool follow_external_;
  ScanResult& result_;
  std::vector<std::pair<dev_t, ino_t>> chain_;
};

}  // namespace

std::optional<FileStat> stat_document(const fs::path& root, const std::string& relative_path) {
  return stat_path(root / relative_path, relative_path, nullptr);
}

ScanResult scan_documents(const fs::path& root, const IgnoreRules& ignore,
                          bool follow_external_symlinks, const std::string& under) {
  ScanResult result;
  Walk(root, ignore, follow_external_symlinks, result)
      .directory(under.empty() ? root : root / under, under);
  std::ranges::sort(result.files, {}, &FileStat::relative_path);
  return result;
}

}  // namespace newsdex
