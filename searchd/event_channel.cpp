#include "event_channel.hpp"

#include <algorithm>
#include <iterator>

namespace newsdex::searchd {

bool EventChannel::push(std::vector<AlertEvent> events, bool always) {
  std::function<void()> wake;
  {
    std::lock_guard lock(mutex_);
    if (closed_) return false;
    if (!always && queue_.size() + events.size() > max_queued_) return false;
    std::ranges::move(events, std::back_inserter(queue_));
    wake = wake_;
  }
  if (wake) wake();
  return true;
}

std::vector<AlertEvent> EventChannel::take() {
  std::lock_guard lock(mutex_);
  std::vector<AlertEvent> out(std::make_move_iterator(queue_.begin()),
                              std::make_move_iterator(queue_.end()));
  queue_.clear();
  return out;
}

std::size_t EventChannel::size() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void EventChannel::on_push(std::function<void()> wake) {
  std::lock_guard lock(mutex_);
  wake_ = std::move(wake);
}

void EventChannel::close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
  wake_ = nullptr;
  queue_.clear();
}

bool EventChannel::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

}  // namespace newsdex::searchd
