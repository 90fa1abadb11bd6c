// jatei-bench-sha256 [MB] [RUNS]: SHA-256 as jatei takes it (every output's header carries the
// source's digest): jatei::Sha256 (the library: OpenSSL's EVP behind it), OpenSSL's EVP called
// directly, nettle, and the project's former own implementation (sha256_own.cpp: portable C++
// and SHA-NI), on the same bytes fed a megabyte at a time as jatei-segment does. Prints MB/s from the median of RUNS runs (default
// 4 MB, 9 runs) for each, in processor time of the thread (CLOCK_THREAD_CPUTIME_ID: the other
// processes of a busy machine count less than in wall time), and fails when the digests differ.
// tests/bench/sha256.sh runs it.
#include <nettle/sha2.h>
#include <openssl/evp.h>

#include <algorithm>
#include <ctime>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "jatei/decode.hpp"
#include "sha256_own.hpp"

namespace {

double thread_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

constexpr std::size_t kStep = std::size_t{1} << 20;

std::string hex(const unsigned char* d, std::size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(digits[d[i] >> 4]);
    out.push_back(digits[d[i] & 15]);
  }
  return out;
}

std::string with_jatei(std::string_view bytes) {
  jatei::Sha256 s;
  for (std::size_t i = 0; i < bytes.size(); i += kStep) s.update(bytes.substr(i, kStep));
  return s.hex();
}

std::string with_own(std::string_view bytes) {
  jatei_bench::OwnSha256 s;
  for (std::size_t i = 0; i < bytes.size(); i += kStep) s.update(bytes.substr(i, kStep));
  return s.hex();
}

std::string with_openssl(std::string_view bytes) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  for (std::size_t i = 0; i < bytes.size(); i += kStep)
    EVP_DigestUpdate(ctx, bytes.data() + i, std::min(kStep, bytes.size() - i));
  unsigned char d[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_DigestFinal_ex(ctx, d, &n);
  EVP_MD_CTX_free(ctx);
  return hex(d, n);
}

std::string with_nettle(std::string_view bytes) {
  sha256_ctx ctx;
  sha256_init(&ctx);
  for (std::size_t i = 0; i < bytes.size(); i += kStep)
    sha256_update(&ctx, std::min(kStep, bytes.size() - i), reinterpret_cast<const std::uint8_t*>(bytes.data() + i));
  unsigned char d[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, SHA256_DIGEST_SIZE, d);
  return hex(d, SHA256_DIGEST_SIZE);
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t mb = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 4;
  int runs = argc > 2 ? std::atoi(argv[2]) : 9;
  if (mb == 0) mb = 1;
  if (runs < 1) runs = 1;
  // Any bytes cost the same; these are reproducible.
  std::string bytes(mb << 20, '\0');
  std::uint32_t x = 2463534242u;
  for (auto& c : bytes) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    c = static_cast<char>(x);
  }
  struct Impl {
    const char* name;
    std::string (*run)(std::string_view);
  };
  const Impl impls[] = {{"jatei", with_jatei}, {"openssl", with_openssl}, {"nettle", with_nettle}, {"own", with_own}};
  std::string first;
  int rc = 0;
  // Interleaved runs, so that a change in the machine's load falls on every implementation.
  std::vector<std::vector<double>> seconds(std::size(impls));
  std::vector<std::string> digests(std::size(impls));
  for (int k = 0; k < runs; ++k)
    for (std::size_t i = 0; i < std::size(impls); ++i) {
      double t0 = thread_seconds();
      digests[i] = impls[i].run(bytes);
      seconds[i].push_back(thread_seconds() - t0);
    }
  for (std::size_t i = 0; i < std::size(impls); ++i) {
    auto& s = seconds[i];
    std::sort(s.begin(), s.end());
    double median = s.size() % 2 ? s[s.size() / 2] : (s[s.size() / 2 - 1] + s[s.size() / 2]) / 2;
    bool same = digests[i] == digests[0];
    if (!same) rc = 1;
    std::printf("sha256\t%s\t%.0f\tMB/s\t(median of %d runs on %zu MB: %.4f s)%s\n", impls[i].name,
                static_cast<double>(mb) / median, runs, mb, median, same ? "" : "\tDIGEST DIFFERS");
  }
  return rc;
}
