// Helpers for the search server's integration tests: build a real index with the indexer, run the
// real server in-process on a free loopback port and a unix socket in a temp dir, and talk to it
// with a minimal HTTP/1.1 client and an NDJSON client over plain POSIX sockets.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "app.hpp"
#include "indexer_runs.hpp"
#include "test_support.hpp"

namespace newsdex::testing {

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
};

inline std::string read_all(int fd) {
  std::string out;
  char buffer[65536];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) out.append(buffer, n);
  return out;
}

inline int connect_tcp(unsigned short port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// A loopback port nothing listens on now (for servers that cannot report the one they bind).
inline unsigned short free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

inline void send_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n <= 0) return;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

// Parses one HTTP response from raw bytes (Content-Length bodies).
inline HttpReply parse_reply(std::string_view raw) {
  HttpReply reply;
  const std::size_t head_end = raw.find("\r\n\r\n");
  if (raw.size() < 12 || head_end == std::string_view::npos) return reply;
  reply.status = std::stoi(std::string(raw.substr(9, 3)));
  std::size_t at = raw.find("\r\n") + 2;
  while (at < head_end) {
    const std::size_t end = raw.find("\r\n", at);
    const std::string line(raw.substr(at, end - at));
    const std::size_t colon = line.find(':');
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    reply.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
    at = end + 2;
  }
  reply.body = std::string(raw.substr(head_end + 4));
  return reply;
}

// One request on its own connection (Connection: close).
inline HttpReply http(unsigned short port, const std::string& method, const std::string& target,
                      const std::string& body = {},
                      const std::vector<std::string>& extra_headers = {}) {
  const int fd = connect_tcp(port);
  if (fd < 0) return {};
  std::string request =
      method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  for (const auto& header : extra_headers) request += header + "\r\n";
  if (!body.empty() || method == "POST")
    request +=
        "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  request += "\r\n" + body;
  send_all(fd, request);
  const std::string raw = read_all(fd);
  ::close(fd);
  return parse_reply(raw);
}

// Sends NDJSON lines over a unix socket and reads one response line per request line.
inline std::vector<nlohmann::json> ndjson(const std::filesystem::path& socket_path,
                                          const std::vector<std::string>& lines) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::snprintf(address.sun_path, sizeof address.sun_path, "%s", socket_path.c_str());
  std::vector<nlohmann::json> replies;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return replies;
  }
  std::string all;
  for (const auto& line : lines) all += line + "\n";
  send_all(fd, all);
  std::string buffer;
  char chunk[65536];
  while (replies.size() < lines.size()) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n <= 0) break;
    buffer.append(chunk, n);
    for (std::size_t nl; (nl = buffer.find('\n')) != std::string::npos; buffer.erase(0, nl + 1))
      replies.push_back(nlohmann::json::parse(buffer.substr(0, nl), nullptr, false));
  }
  ::close(fd);
  return replies;
}

// Indexes docs into index with the real indexer (one pass).
inline void index_documents(const std::filesystem::path& docs, const std::filesystem::path& index) {
  Config config;
  config.paths.docs = docs;
  config.paths.index = index;
  index_once_checked(config);
}

// The real server on 127.0.0.1 (a free port) and a unix socket, served by a background thread.
class RunningServer {
 public:
  explicit RunningServer(Config config) {
    config.server.listen = "127.0.0.1:0";
    if (config.server.socket.empty()) config.server.socket = "none";
    if (config.server.threads == 0) config.server.threads = 2;
    app_ = std::make_unique<searchd::App>(config);
    auto started = app_->start();
    if (!started) throw std::runtime_error(started.error().message);
    thread_ = std::thread([this] { app_->run(false); });
  }
  ~RunningServer() {
    app_->stop();
    thread_.join();
  }
  unsigned short port() const { return app_->server().http_port(); }
  searchd::App& app() { return *app_; }

 private:
  std::unique_ptr<searchd::App> app_;
  std::thread thread_;
};

}  // namespace newsdex::testing
