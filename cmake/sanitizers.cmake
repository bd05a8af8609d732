# Sanitizer and fuzzing builds (scripts/test runs both; see README "Building and testing").
#   -DNEWSDEX_SANITIZE=address,undefined   every target under ASan + UBSan
#   -DNEWSDEX_SANITIZE=thread              every target under TSan
#   -DNEWSDEX_FUZZ=ON                      also the libFuzzer targets in tests/fuzz (clang only;
#                                          implies address,undefined unless NEWSDEX_SANITIZE is set)
# Any sanitizer report aborts the program (no recovery), so a test or fuzz run fails on it.
set(NEWSDEX_SANITIZE "" CACHE STRING "Sanitizers for every target, e.g. address,undefined or thread")
option(NEWSDEX_FUZZ "Build the libFuzzer targets in tests/fuzz (clang only)" OFF)

if(NEWSDEX_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "NEWSDEX_FUZZ needs clang (libFuzzer): configure with "
                        "-DCMAKE_CXX_COMPILER=clang++-14 (Debian: clang-14 libclang-rt-14-dev)")
  endif()
  if(NEWSDEX_SANITIZE STREQUAL "")
    set(NEWSDEX_SANITIZE "address,undefined" CACHE STRING "" FORCE)
  endif()
  # Coverage feedback for libFuzzer in all our code; only the fuzz programs link libFuzzer itself,
  # so the tests of the same build keep their own main().
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(NOT NEWSDEX_SANITIZE STREQUAL "")
  add_compile_options(-fsanitize=${NEWSDEX_SANITIZE} -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${NEWSDEX_SANITIZE})
  # clang 14's UBSan "function" check cannot compile coroutines (the server's sessions): "Cannot
  # represent a difference across sections" (llvm/llvm-project#49689). Every other check stays.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 15
     AND NEWSDEX_SANITIZE MATCHES "undefined")
    add_compile_options(-fno-sanitize=function)
  endif()
endif()
