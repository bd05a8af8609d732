#include "change_queue.hpp"

#include <algorithm>

namespace newsdex {

void ChangeQueue::changed(const std::string& relative_path, Clock::time_point now) {
  auto& pending = pending_[relative_path];
  pending.last_event = now;
  // A write after a rename means the content must be read anyway.
  pending.moved_from.reset();
}

void ChangeQueue::moved(const std::string& from, const std::string& to, Clock::time_point now) {
  // If the source was itself waiting (written just before the rename, the write-to-temp-then-
  // rename pattern), its content was never indexed: index the target as a fresh file.
  const bool source_pending = pending_.erase(from) > 0;
  auto& target = pending_[to];
  target.last_event = now;
  if (source_pending) {
    target.moved_from.reset();
    changed(from, now);  // whatever the index held for the old path must still go
  } else {
    target.moved_from = from;
  }
}

std::vector<ChangeQueue::Ready> ChangeQueue::take_ready(Clock::time_point now) {
  std::vector<std::pair<Clock::time_point, Ready>> ready;
  for (auto it = pending_.begin(); it != pending_.end();) {
    if (now - it->second.last_event >= debounce_) {
      ready.push_back({it->second.last_event, {it->first, std::move(it->second.moved_from)}});
      it = pending_.erase(it);
    } else {
      ++it;
    }
  }
  std::ranges::stable_sort(ready, {}, &decltype(ready)::value_type::first);
  std::vector<Ready> out;
  out.reserve(ready.size());
  for (auto& [_, item] : ready) out.push_back(std::move(item));
  return out;
}

std::optional<ChangeQueue::Clock::time_point> ChangeQueue::next_deadline() const {
  if (pending_.empty()) return std::nullopt;
  auto oldest = std::ranges::min_element(pending_, {},
                                         [](const auto& entry) { return entry.second.last_event; });
  return oldest->second.last_event + debounce_;
}

}  // namespace newsdex
