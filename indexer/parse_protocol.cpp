#include "parse_protocol.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <new>

namespace newsdex {
namespace {

constexpr std::size_t kHeaderBytes = 8;
constexpr std::uint8_t kLastFormat = static_cast<std::uint8_t>(Format::pdf);

void put_uint(std::string& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

void put_string(std::string& out, std::string_view text) {
  put_uint(out, text.size(), 8);
  out += text;
}

// Reads what a writer above put, failing (not throwing) on a short or oversized field.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}

  std::optional<std::uint64_t> uint(int bytes) {
    if (data_.size() < static_cast<std::size_t>(bytes)) return std::nullopt;
    std::uint64_t value = 0;
    for (int i = 0; i < bytes; ++i)
      value |= std::uint64_t{static_cast<unsigned char>(data_[i])} << (8 * i);
    data_.remove_prefix(bytes);
    return value;
  }
  std::optional<std::string> string() {
    const auto size = uint(8);
    if (!size || *size > data_.size()) return std::nullopt;
    std::string text(data_.substr(0, *size));
    data_.remove_prefix(*size);
    return text;
  }
  bool done() const { return data_.empty(); }

 private:
  std::string_view data_;
};

void put_article(std::string& out, const Article& article) {
  for (const auto* field :
       {&article.title, &article.body, &article.byline, &article.url, &article.lang_hint})
    put_string(out, *field);
  put_uint(out, article.date ? 1 : 0, 1);
  if (article.date) {
    put_uint(out, static_cast<std::uint32_t>(article.date->year), 4);
    put_uint(out, static_cast<std::uint64_t>(article.date->month), 1);
    put_uint(out, static_cast<std::uint64_t>(article.date->day), 1);
  }
}

std::optional<Article> get_article(Reader& in) {
  Article article;
  for (auto* field :
       {&article.title, &article.body, &article.byline, &article.url, &article.lang_hint}) {
    auto text = in.string();
    if (!text) return std::nullopt;
    *field = std::move(*text);
  }
  const auto has_date = in.uint(1);
  if (!has_date || *has_date > 1) return std::nullopt;
  if (*has_date) {
    const auto year = in.uint(4), month = in.uint(1), day = in.uint(1);
    if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1 || *day > 31)
      return std::nullopt;
    article.date = Date{static_cast<std::int32_t>(static_cast<std::uint32_t>(*year)),
                        static_cast<int>(*month), static_cast<int>(*day)};
  }
  return article;
}

// Whole reads and writes on blocking descriptors; false at end of input or on an error.
bool read_exactly(int fd, char* data, std::size_t size) {
  while (size > 0) {
    const auto n = ::read(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const auto n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// RLIMIT_CPU counts the process's whole life, so each document gets the CPU time used so far
// plus its own allowance.
void limit_cpu_for_next_document(unsigned cpu_seconds) {
  if (cpu_seconds == 0) return;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double used = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                      (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  const rlimit limit{static_cast<rlim_t>(std::ceil(used)) + cpu_seconds, RLIM_INFINITY};
  setrlimit(RLIMIT_CPU, &limit);
}

}  // namespace

std::string frame_header(std::uint64_t size) {
  std::string header;
  put_uint(header, size, kHeaderBytes);
  return header;
}

std::uint64_t frame_size(std::string_view header) {
  return Reader(header).uint(kHeaderBytes).value_or(0);
}

std::string encode_request(Format format, std::string_view bytes) {
  std::string out;
  out.reserve(1 + bytes.size());
  put_uint(out, static_cast<std::uint8_t>(format), 1);
  out += bytes;
  return out;
}

Result<Request> decode_request(std::string_view payload) {
  if (payload.empty() || static_cast<std::uint8_t>(payload[0]) > kLastFormat)
    return make_error(Errc::parse_error, "a parse request starts with a known format byte");
  return Request{static_cast<Format>(payload[0]), payload.substr(1)};
}

std::string encode_reply(const Result<std::vector<Article>>& result) {
  std::string out;
  if (!result) {
    put_uint(out, 1, 1);
    put_uint(out, static_cast<std::uint8_t>(result.error().code), 1);
    put_string(out, result.error().message);
    return out;
  }
  put_uint(out, 0, 1);
  put_uint(out, result->size(), 8);
  for (const auto& article : *result) put_article(out, article);
  return out;
}

Result<Result<std::vector<Article>>> decode_reply(std::string_view payload) {
  const auto malformed = [](std::string_view what) {
    return make_error(Errc::io_error,
                      "the parse helper's reply is malformed: " + std::string(what));
  };
  Reader in(payload);
  const auto kind = in.uint(1);
  if (kind == 1) {
    const auto code = in.uint(1);
    auto message = in.string();
    if (!code || *code > static_cast<std::uint8_t>(Errc::index_error) || !message || !in.done())
      return malformed("a bad error record");
    return Result<std::vector<Article>>(Error{static_cast<Errc>(*code), std::move(*message)});
  }
  if (kind != 0) return malformed("neither articles nor an error");
  const auto count = in.uint(8);
  if (!count || *count > payload.size()) return malformed("a bad article count");
  std::vector<Article> articles;
  for (std::uint64_t i = 0; i < *count; ++i) {
    auto article = get_article(in);
    if (!article) return malformed("a truncated article");
    articles.push_back(std::move(*article));
  }
  if (!in.done()) return malformed("bytes after the last article");
  return Result<std::vector<Article>>(std::move(articles));
}

int serve_parse_requests(int in_fd, int out_fd, unsigned cpu_seconds, const ParseFunction& parse) {
  try {
    for (;;) {
      std::string header(kHeaderBytes, '\0');
      if (!read_exactly(in_fd, header.data(), header.size())) return 0;
      std::string payload(frame_size(header), '\0');
      if (!read_exactly(in_fd, payload.data(), payload.size())) return kHelperBadRequest;
      const auto request = decode_request(payload);
      if (!request) return kHelperBadRequest;
      limit_cpu_for_next_document(cpu_seconds);
      Result<std::vector<Article>> result = make_error(Errc::parse_error, "not parsed");
      try {
        result = parse(request->format, request->bytes);
      } catch (const std::bad_alloc&) {
        throw;
      } catch (const std::exception& e) {
        result = make_error(Errc::parse_error, std::string("the parser failed: ") + e.what());
      }
      const auto reply = encode_reply(result);
      if (!write_all(out_fd, frame_header(reply.size())) || !write_all(out_fd, reply)) return 0;
    }
  } catch (const std::bad_alloc&) {
    return kHelperOutOfMemory;
  } catch (const std::length_error&) {
    return kHelperBadRequest;  // a frame size no string can hold
  }
}

}  // namespace newsdex
