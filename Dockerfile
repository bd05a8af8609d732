# newsdex: both daemons in one image.
#
#   docker build -t newsdex .
#   docker volume create newsdex-index
#   # the indexer (the default command) watches /data/docs and writes /var/lib/newsdex/index:
#   docker run -d --name newsdex-indexer -v "$PWD/examples:/data/docs:ro" -v newsdex-index:/var/lib/newsdex newsdex
#   # the search server, from the same image, reading the same index volume:
#   docker run -d --name newsdex-searchd -p 127.0.0.1:8080:8080 -v newsdex-index:/var/lib/newsdex:ro \
#     newsdex newsdex-searchd --config /etc/newsdex/newsdex.toml
#
# The configuration is /etc/newsdex/newsdex.toml (config/newsdex.toml with the paths below and an
# HTTP listener on all of the container's interfaces); mount your own file there to change it.
# Flags after the image name override it, e.g. `newsdex-indexer --config ... --once`.
# docker-compose.yml runs both daemons (and optionally a xapian-tcpsrv shard server) from this image.

# --- build: the very steps CI runs (scripts/setup, then the CMake configure/build) ---------------
FROM debian:12 AS build
WORKDIR /src
# setup first, on its own, so the package layer is cached while the sources change.
COPY scripts/setup scripts/setup
RUN scripts/setup
COPY . .
RUN cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DNEWSDEX_BUILD_TESTS=OFF -DNEWSDEX_BUILD_BENCH=OFF \
 && cmake --build build \
 && cmake --install build --prefix /opt/newsdex

# --- runtime: the shared libraries the binaries link, and xapian-tools for shard servers ---------
FROM debian:12-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libxapian30 libicu72 libcld2-0 libpoppler-cpp0v5 libxml2 libtomlplusplus3 \
      libspdlog1.10 libfmt9 libssl3 libsystemd0 libmd4c0 libyaml-cpp0.7 zlib1g liblz4-1 libjemalloc2 \
      xapian-tools \
 && rm -rf /var/lib/apt/lists/*

# The volume is the index's parent, as /var/lib/newsdex is in the package: `--once` compacts into a
# sibling folder and swaps the two, which needs a folder newsdex can write around the index (a
# volume mounted at the index itself could be neither written beside nor swapped).
RUN useradd --system --user-group --home-dir /var/lib/newsdex --no-create-home --shell /usr/sbin/nologin newsdex \
 && mkdir -p /data/docs /var/lib/newsdex /run/newsdex /etc/newsdex \
 && chown newsdex:newsdex /var/lib/newsdex /run/newsdex \
 && chmod 0750 /var/lib/newsdex /run/newsdex

# Everything `cmake --install` put under the prefix: bin/newsdex-indexer, bin/newsdex-searchd, ...
COPY --from=build /opt/newsdex/ /usr/local/
# Fail the image build, not the first run, if a runtime library is missing.
RUN ! ldd /usr/local/bin/newsdex-* | grep 'not found'

COPY config/newsdex.toml /etc/newsdex/newsdex.toml
# [paths] index keeps the shipped /var/lib/newsdex/index.
RUN sed -i -e 's|^docs = .*|docs = "/data/docs"|' \
           -e 's|^listen = .*|listen = "0.0.0.0:8080"|' /etc/newsdex/newsdex.toml

# The NDJSON socket goes where systemd would put it ([server] socket = "" uses this).
ENV RUNTIME_DIRECTORY=/run/newsdex
VOLUME ["/data/docs", "/var/lib/newsdex"]
EXPOSE 8080
USER newsdex
WORKDIR /data
CMD ["newsdex-indexer", "--config", "/etc/newsdex/newsdex.toml"]
