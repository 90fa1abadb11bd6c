// What the libFuzzer harnesses of tests/fuzz share: the entry point's signature, a check that
// stops the run with a message (an invariant broken is a finding, like a crash), and the
// files of the source tree the harnesses read once (JATEI_SOURCE_DIR).
//
// Each fuzz_NAME.cpp defines LLVMFuzzerTestOneInput. Built with -fsanitize=fuzzer it is a
// libFuzzer target (make fuzz); built with replay_main.cpp it runs the same checks over files
// (the fuzz.replay.NAME tests: tests/fuzz/regressions/NAME/ and the seeds).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace jatei::fuzz {

// Stops the process (abort: libFuzzer saves the input) when an invariant does not hold.
#define JATEI_FUZZ_CHECK(cond, what)                                                    \
  do {                                                                                  \
    if (!(cond)) {                                                                      \
      std::fprintf(stderr, "jatei fuzz check failed at %s:%d: %s\n", __FILE__, __LINE__, \
                   std::string(what).c_str());                                          \
      std::abort();                                                                     \
    }                                                                                   \
  } while (0)

inline std::string_view bytes_of(const std::uint8_t* data, std::size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// A file of the source tree, whole ("" when it cannot be read: the harness then says so).
inline std::string source_file(const std::string& rel) {
  std::ifstream in(std::string(JATEI_SOURCE_DIR) + "/" + rel, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace jatei::fuzz
