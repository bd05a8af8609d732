# Every third-party library, wrapped once as an imported target; folders link these names.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)

pkg_check_modules(xapian REQUIRED IMPORTED_TARGET xapian-core)
pkg_check_modules(icu REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
pkg_check_modules(libxml2 REQUIRED IMPORTED_TARGET libxml-2.0)
pkg_check_modules(poppler_cpp REQUIRED IMPORTED_TARGET poppler-cpp)
pkg_check_modules(libcrypto REQUIRED IMPORTED_TARGET libcrypto)
pkg_check_modules(md4c REQUIRED IMPORTED_TARGET md4c)
pkg_check_modules(yaml_cpp REQUIRED IMPORTED_TARGET yaml-cpp)
pkg_check_modules(lz4 REQUIRED IMPORTED_TARGET liblz4)  # stored bodies
pkg_check_modules(jemalloc REQUIRED IMPORTED_TARGET jemalloc)  # searchd's allocator
find_package(tomlplusplus REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(spdlog REQUIRED)
find_package(fmt REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(Boost 1.74 REQUIRED)
find_package(ZLIB REQUIRED)  # gzip for HTTP responses
# Boost 1.74's Asio looks for clang's coroutines in <experimental/coroutine> (libc++ only); clang
# over libstdc++ (the fuzz and sanitizer builds) has <coroutine>, which Asio uses once told so.
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  set_property(TARGET Boost::headers APPEND PROPERTY INTERFACE_COMPILE_DEFINITIONS
                                                     BOOST_ASIO_HAS_CO_AWAIT=1)
endif()

# CLD2 ships no pkg-config file. Debian's libcld2 holds the code and tables that already know the
# languages we need (Urdu among them); libcld2_full is a tables-only library whose symbols,
# interposed over libcld2's, mix two table sets and break Cyrillic detection: do not link it.
find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
find_library(CLD2_CODE_LIBRARY NAMES cld2 REQUIRED)
add_library(cld2::cld2 UNKNOWN IMPORTED)
set_target_properties(cld2::cld2 PROPERTIES
  IMPORTED_LOCATION "${CLD2_CODE_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${CLD2_INCLUDE_DIR}")

if(NEWSDEX_BUILD_TESTS)
  find_package(GTest REQUIRED)
  include(GoogleTest)
endif()
