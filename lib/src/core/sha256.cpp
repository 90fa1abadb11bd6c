// SHA-256 (FIPS 180-4) of a source's bytes, for its header, by OpenSSL's libcrypto (EVP). It
// replaced an implementation of the project's own (portable C++ and SHA-NI intrinsics) that was
// no faster: tests/bench/sha256.sh (make bench) measures both beside nettle's.
#include <openssl/evp.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "jatei/decode.hpp"

namespace jatei {

namespace {

const EVP_MD* sha256_md() {
  // Fetched once: EVP_sha256() would look the implementation up again at every init.
  static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  if (!md) throw std::runtime_error("OpenSSL: SHA-256 is not available");
  return md;
}

void check(int ok, const char* what) {
  if (ok != 1) throw std::runtime_error(std::string("OpenSSL: ") + what + " failed");
}

}  // namespace

struct Sha256::State {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  State() {
    if (!ctx) throw std::bad_alloc();
  }
  State(const State&) = delete;
  State& operator=(const State&) = delete;
  ~State() { EVP_MD_CTX_free(ctx); }
};

Sha256::Sha256() : state_(std::make_unique<State>()) {
  check(EVP_DigestInit_ex(state_->ctx, sha256_md(), nullptr), "EVP_DigestInit_ex");
}

Sha256::Sha256(const Sha256& other) : state_(std::make_unique<State>()) {
  check(EVP_MD_CTX_copy_ex(state_->ctx, other.state_->ctx), "EVP_MD_CTX_copy_ex");
}

Sha256::Sha256(Sha256&& other) noexcept = default;

Sha256& Sha256::operator=(Sha256 other) noexcept {
  std::swap(state_, other.state_);
  return *this;
}

Sha256::~Sha256() = default;

void Sha256::update(std::string_view bytes) {
  check(EVP_DigestUpdate(state_->ctx, bytes.data(), bytes.size()), "EVP_DigestUpdate");
}

std::string Sha256::hex() const {
  // Finished on a copy, so that more bytes may follow.
  State copy;
  check(EVP_MD_CTX_copy_ex(copy.ctx, state_->ctx), "EVP_MD_CTX_copy_ex");
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  check(EVP_DigestFinal_ex(copy.ctx, digest, &size), "EVP_DigestFinal_ex");
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(2 * size);
  for (unsigned int i = 0; i < size; ++i) {
    out.push_back(hex[digest[i] >> 4]);
    out.push_back(hex[digest[i] & 0xF]);
  }
  return out;
}

std::string sha256_hex(std::string_view bytes) {
  Sha256 s;
  s.update(bytes);
  return s.hex();
}

}  // namespace jatei
