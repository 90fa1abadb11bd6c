// The project's former own SHA-256, for the benchmark only (tests/bench/sha256_own.cpp):
//   OwnSha256 s; s.update(a); s.update(b);   // s.hex() == jatei::sha256_hex(a + b)
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace jatei_bench {

class OwnSha256 {
 public:
  void update(std::string_view bytes);
  std::string hex() const;  // of all bytes so far (more may follow)

 private:
  std::array<std::uint32_t, 8> h_ = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::uint64_t length_ = 0;                 // bytes taken in
  std::array<unsigned char, 64> pending_{};  // the start of a block not yet full
  std::size_t pending_size_ = 0;
};

}  // namespace jatei_bench
