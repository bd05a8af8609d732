// Explicit results at module borders: either a value or an Error whose code says what kind of
// failure it was (and so which HTTP status or exit code it maps to), with a message for people.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace newsdex {

enum class Errc {
  invalid_argument,  // the caller's input is wrong (bad config value, bad request field)
  not_found,         // a file, document or key does not exist
  unsupported,       // a format or feature we do not handle (binary file, unknown extension)
  too_large,         // over a configured limit
  bad_encoding,      // bytes that are not text in any encoding we can detect
  parse_error,       // a document or config that does not parse
  io_error,          // the operating system refused (permissions, vanished file, disk)
  index_error,       // Xapian refused (corrupt, locked, full)
};

struct Error {
  Errc code;
  std::string message;
};

// A value of T or an error (an Error unless a border needs its own kind, as searchd's ApiError).
// Kept deliberately small: check ok(), then use value() or error().
template <class T, class E = Error>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(E error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const E& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, E> v_;
};

// For operations that return nothing but may fail.
struct Ok {};
using Status = Result<Ok>;

inline Error make_error(Errc code, std::string message) { return Error{code, std::move(message)}; }

}  // namespace newsdex
