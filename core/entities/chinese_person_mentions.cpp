// MentionFinder's pass for people in Chinese text: no capitals and no spaces, and the segmenter
// cuts an unknown name into single characters, so a name is read after a role word ("教授陈静",
// "总统伊利哈姆·阿利耶夫", "记者 王晓明"): a common surname and one or two more characters, or a
// transliterated foreign name of up to six characters on each side of a middle dot, up to a verb
// or particle. A byline ("By 王晓明", as the extractor's text starts) counts as a role.
#include <algorithm>
#include <string_view>

#include "mention_finder.hpp"

namespace newsdex {
namespace {

using entity_text::Script;

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

}  // namespace

void MentionFinder::find_chinese_people() {
  using namespace gazetteer_data;
  const auto han = [&](std::size_t k) {
    return k < tokens_.size() && tokens_[k].script == Script::cjk && !used_[k];
  };
  // The text between two tokens: nothing inside a run of Chinese, "·" inside a foreign name.
  const auto gap = [&](std::size_t k) {
    return std::string_view(text_).substr(tokens_[k - 1].end,
                                          tokens_[k].begin - tokens_[k - 1].end);
  };
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    // A role word ends at token i: one token or two ("秘书" + "长"); or the byline's "By".
    std::size_t role_begin = i;
    bool is_role = tokens_[i].key == "by" && tokens_[i].sentence_start;
    if (tokens_[i].script == Script::cjk) {
      is_role = gaz_.is_role_noun(tokens_[i].key);
      if (!is_role && i > 0 && tokens_[i - 1].script == Script::cjk && gap(i).empty() &&
          gaz_.is_role_noun(tokens_[i - 1].key + tokens_[i].key)) {
        is_role = true;
        role_begin = i - 1;
      }
    }
    if (!is_role || !han(i + 1)) continue;
    const std::size_t begin = i + 1;
    if (!gap(begin).empty() && gap(begin).find_first_not_of(' ') != std::string_view::npos)
      continue;
    const bool surname = code_points(tokens_[begin].key) == 1 &&
                         chinese_surnames().find(tokens_[begin].key) != std::string_view::npos;
    std::size_t end = begin;
    std::size_t chars = 0;
    bool dotted = false;
    while (han(end) && !gaz_.is_particle(tokens_[end].key)) {
      if (end > begin) {
        const auto between = gap(end);
        if (between == "\u00B7" && !dotted && !surname) {
          dotted = true;
          chars = 0;
        } else if (!between.empty()) {
          break;
        }
      }
      chars += code_points(tokens_[end].key);
      if (chars > (surname ? 3u : 6u)) break;
      ++end;
    }
    const std::size_t length = code_points(surface_of(begin, std::max(end, begin + 1)));
    if (end == begin || (surname && (length < 2 || length > 3)) || (!surname && length < 3))
      continue;
    add_cued_person(tokens_[i].key == "by" ? begin : role_begin, begin, end);
    i = end - 1;
  }
}

}  // namespace newsdex
