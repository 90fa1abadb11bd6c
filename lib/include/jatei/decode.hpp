// Bytes in any common Japanese encoding -> UTF-8 text with LF line ends (what the source had
// instead, and its byte order mark, are recorded so that its bytes can be rebuilt).
//
//   jatei::DecodeOptions o;               // detect the encoding
//   jatei::Decoded d = jatei::decode(bytes, o);   // throws DataError on invalid bytes
//   d.text; d.encoding; d.sha256;
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace jatei {

struct DecodeOptions {
  // Encoding name understood by ICU (UTF-8, UTF-16LE, Shift_JIS, CP932, EUC-JP, ISO-2022-JP …);
  // empty = detect (BOM, then UTF-8 validity, then ICU's detector among Japanese encodings).
  std::string encoding;
  // Replace invalid byte sequences and characters XML cannot hold with U+FFFD instead of
  // failing; the count is reported in Decoded::replaced.
  bool replace_invalid = false;
  // The text may be `bytes` themselves when decoding would leave them as they are (UTF-8
  // without a BOM, CR or control characters): no copy is made, Decoded::text stays empty and
  // Decoded::view() is the bytes, which must then outlive the Decoded.
  bool may_borrow = false;
  // Take the SHA-256 of the bytes (Decoded::sha256). Off, it is left empty for a caller that
  // takes it later (jatei::segment_bytes_to does, while it segments).
  bool digest = true;
};

struct Decoded {
  std::string text;       // UTF-8, LF line ends, no BOM, only characters XML 1.0 allows
  std::string encoding;   // canonical name of the source encoding
  std::string sha256;     // hex digest of the source bytes
  std::size_t replaced = 0;  // substitutions made under replace_invalid
  bool had_bom = false;
  // The source's line ends when they were not LF: "CRLF" or "CR" (every one), "mixed"; empty
  // for LF or none. Decoded::text has LF either way.
  std::string line_ends;
  std::string_view borrowed;  // the text, when is_borrowed (DecodeOptions::may_borrow)
  bool is_borrowed = false;

  // The text, wherever it is held.
  std::string_view view() const { return is_borrowed ? borrowed : std::string_view(text); }
};

// Decodes `bytes`. Throws DataError naming the byte offset (and line/column) of the first
// invalid sequence, or of a character XML cannot carry (NUL, other C0 controls, U+FFFE/FFFF),
// unless options.replace_invalid. Throws DataError for an unknown encoding name.
Decoded decode(std::string_view bytes, const DecodeOptions& options = {});

// The source's bytes rebuilt from its text (LF line ends, no BOM, as decode() gave it): the
// line ends `line_ends` ("", "CRLF" or "CR"), a byte order mark when `bom`, encoded in
// `encoding` (a name decode() reports). Throws DataError when they cannot be rebuilt: mixed
// line ends, or a character the encoding has no bytes for. The caller compares the result
// with the source's SHA-256.
std::string encode_source(std::string_view text, const std::string& encoding, bool bom, const std::string& line_ends);

// Whether `name` is an encoding decode() can be given (DecodeOptions::encoding).
bool known_encoding(const std::string& name);

// Guesses the encoding of `bytes` without converting (what decode() would use).
std::string detect_encoding(std::string_view bytes);

// Offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t utf8_invalid_offset(std::string_view bytes);

// Lowercase hex SHA-256 of `bytes` (FIPS 180-4), taken by OpenSSL's libcrypto (which uses the
// processor's SHA instructions where it has them).
std::string sha256_hex(std::string_view bytes);

// The same taken in steps, for bytes looked at in pieces:
//   Sha256 s; s.update(a); s.update(b);   // s.hex() == sha256_hex(a + b)
// One object is used by one thread at a time; objects on different threads are independent.
class Sha256 {
 public:
  Sha256();
  Sha256(const Sha256& other);
  Sha256(Sha256&& other) noexcept;
  Sha256& operator=(Sha256 other) noexcept;
  ~Sha256();

  void update(std::string_view bytes);
  std::string hex() const;  // of all bytes so far (more may follow)

 private:
  struct State;  // the library's digest context (lib/src/core/sha256.cpp)
  std::unique_ptr<State> state_;
};

}  // namespace jatei
