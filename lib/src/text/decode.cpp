// Decoding: detection order is BOM, then strict UTF-8 (the common case, and the only one that
// needs no copy through UTF-16), then ICU's detector restricted to Japanese encodings, each
// candidate confirmed by a strict conversion so a wrong guess cannot garble text silently.
#include "jatei/decode.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include "core/beside.hpp"
#include "text/utf8_check.hpp"
#include "jatei/error.hpp"
#include "jatei/utf8.hpp"

// N_("…"): a message template the tools translate whole (po/ja.po; xgettext --keyword=N_).
#define N_(english) english

namespace jatei {
namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

// Line and column (1-based) of byte `offset`, counting LF, CRLF and CR as line ends. Columns
// count characters in UTF-8 (continuation bytes do not advance them) and bytes otherwise.
std::pair<std::size_t, std::size_t> line_col(std::string_view bytes, std::size_t offset, bool utf8_columns) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
    char c = bytes[i];
    if (c == '\n' || (c == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))) {
      ++line;
      col = 1;
    } else if (c != '\r' && !(utf8_columns && (static_cast<unsigned char>(c) & 0xC0) == 0x80)) {
      ++col;
    }
  }
  return {line, col};
}

bool xml_allowed(char32_t c) {
  if (c < 0x20) return c == 0x9 || c == 0xA || c == 0xD;
  return c != 0xFFFE && c != 0xFFFF;
}

// Line and column (1-based, in characters) of byte `at` of `in`, counting from byte `from`
// (after a BOM) with CRLF, CR and LF as line ends: what finish() reports.
std::pair<std::size_t, std::size_t> char_position(std::string_view in, std::size_t from, std::size_t at) {
  std::size_t line = 1, col = 1, i = from;
  while (i < at) {
    unsigned char b = static_cast<unsigned char>(in[i]);
    if (b == '\r' || b == '\n') {
      i += (b == '\r' && i + 1 < in.size() && in[i + 1] == '\n') ? 2 : 1;
      ++line;
      col = 1;
      continue;
    }
    std::size_t len = 1;
    if (b >= 0x80 || b < 0x20) utf8::decode(in, i, len);
    i += len;
    ++col;
  }
  return {line, col};
}

// The end of the run of bytes from i that finish() keeps as they are: printable ASCII, LF, tab,
// and every byte of non-ASCII characters but U+FFFE and U+FFFF (EF BF BE/BF; EF never
// continues a sequence).
std::size_t kept_run(std::string_view in, std::size_t i) {
  i = utf8_check::unchanged_until(in, i);
  while (i < in.size()) {
    // Eight bytes at a time while none is a control character or EF.
    for (std::uint64_t w, x; i + 8 <= in.size(); i += 8) {
      std::memcpy(&w, in.data() + i, 8);
      x = w ^ 0xEFEFEFEFEFEFEFEFULL;
      if (((w - 0x2020202020202020ULL) & ~w & 0x8080808080808080ULL) | ((x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL))
        break;
    }
    if (i >= in.size()) break;
    unsigned char b = static_cast<unsigned char>(in[i]);
    if (b >= 0x20 || b == '\n' || b == '\t') {
      if (b == 0xEF && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0xBF &&
          (static_cast<unsigned char>(in[i + 2]) & 0xFE) == 0xBE)
        break;
      ++i;
      continue;
    }
    break;
  }
  return i;
}

// How many line ends of each kind finish() turned into LF (a bare LF is kept as it is and
// counted from the output afterwards).
struct LineEndCount {
  std::size_t crlf = 0, cr = 0;
};

// "CRLF" or "CR" when every line end of the source was one, "mixed" when they differ, ""
// when all are LF (or there is none): what the header records so that the source's bytes can
// be rebuilt (jatei-text --source).
std::string line_end_style(const LineEndCount& ends, std::string_view text) {
  if (ends.crlf == 0 && ends.cr == 0) return "";
  std::size_t lf = 0;
  for (char c : text) lf += c == '\n';
  std::size_t converted = ends.crlf + ends.cr;
  if (lf != converted || (ends.crlf && ends.cr)) return "mixed";
  return ends.crlf ? "CRLF" : "CR";
}

// Final pass over UTF-8 text: drops a leading BOM, turns CRLF and CR into LF, and checks
// every character is one XML 1.0 can carry. When `source_is_text` the offsets of `in` are
// the source's byte offsets (UTF-8 input), so errors can name them.
std::string finish(std::string_view in, bool source_is_text, std::size_t base_offset, bool replace,
                   std::size_t& replaced, LineEndCount& ends) {
  std::string out;
  out.reserve(in.size());
  std::size_t i = 0;
  if (in.size() >= 3 && std::memcmp(in.data(), "\xEF\xBB\xBF", 3) == 0) i = 3;
  const std::size_t first = i;
  while (i < in.size()) {
    std::size_t run = i;
    i = kept_run(in, i);
    out.append(in.data() + run, i - run);
    if (i >= in.size()) break;
    if (in[i] == '\r') {
      out.push_back('\n');
      bool crlf = i + 1 < in.size() && in[i + 1] == '\n';
      ++(crlf ? ends.crlf : ends.cr);
      i += crlf ? 2 : 1;
      continue;
    }
    std::size_t len = 0;
    char32_t c = utf8::decode(in, i, len);
    if (!xml_allowed(c)) {  // a control character, U+FFFE or U+FFFF
      if (!replace) {
        auto [line, col] = char_position(in, first, i);
        char cp[16];
        std::snprintf(cp, sizeof cp, "%04X", static_cast<unsigned>(c));
        if (source_is_text)
          throw DataError::whole(
              N_("character U+{1} cannot be carried in XML (byte offset {2}); use --replace-invalid to substitute U+FFFD"),
              {cp, std::to_string(base_offset + i)}, line, col, base_offset + i);
        throw DataError::whole(N_("character U+{1} cannot be carried in XML; use --replace-invalid to substitute U+FFFD"),
                               {cp}, line, col);
      }
      out += "\xEF\xBF\xBD";
      ++replaced;
    } else {
      out.append(in.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string canonical(std::string name) {
  std::string up;
  for (char c : name) up.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
  std::string squashed;
  for (char c : up)
    if (c != '-' && c != '_') squashed.push_back(c);
  if (squashed == "UTF8") return "UTF-8";
  if (squashed == "UTF16LE") return "UTF-16LE";
  if (squashed == "UTF16BE") return "UTF-16BE";
  if (squashed == "UTF16") return "UTF-16";
  if (squashed == "SHIFTJIS" || squashed == "SJIS") return "Shift_JIS";
  if (squashed == "CP932" || squashed == "WINDOWS31J" || squashed == "MS932") return "CP932";
  if (squashed == "EUCJP") return "EUC-JP";
  if (squashed == "ISO2022JP") return "ISO-2022-JP";
  return name;
}

// The name ICU knows an encoding by: Shift_JIS is read as CP932 (windows-31j), the superset web
// pages actually use.
std::string icu_name(const std::string& encoding) {
  return encoding == "CP932" || encoding == "Shift_JIS" ? "windows-31j" : encoding;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

struct SubstCounter {
  std::size_t count = 0;
};

void U_CALLCONV count_and_substitute(const void* context, UConverterToUnicodeArgs* args,
                                     const char*, int32_t, UConverterCallbackReason reason,
                                     UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset/close/clone: nothing to do
  auto* counter = const_cast<SubstCounter*>(static_cast<const SubstCounter*>(context));
  ++counter->count;
  static const UChar fffd[1] = {0xFFFD};
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, fffd, 1, 0, err);
}

// Strict (or substituting) conversion of `bytes` in `encoding` to UTF-8. On an invalid
// sequence in strict mode returns false and sets `bad_offset`.
bool convert(std::string_view bytes, const std::string& encoding, bool replace, std::string& out,
             std::size_t& replaced, std::size_t& bad_offset) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> cnv(ucnv_open(icu_name(encoding).c_str(), &err));
  if (U_FAILURE(err)) throw DataError("unknown encoding '" + encoding + "'");
  SubstCounter counter;
  if (replace) {
    ucnv_setToUCallBack(cnv.get(), count_and_substitute, &counter, nullptr, nullptr, &err);
  } else {
    ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  }
  std::vector<UChar> buf(bytes.size() + 16);
  const char* src = bytes.data();
  const char* src_end = bytes.data() + bytes.size();
  UChar* tgt = buf.data();
  err = U_ZERO_ERROR;
  ucnv_toUnicode(cnv.get(), &tgt, buf.data() + buf.size(), &src, src_end, nullptr, true, &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {  // cannot happen: one byte never yields two units more
    throw DataError("conversion from " + encoding + " overflowed");
  }
  if (U_FAILURE(err)) {
    char invalid[32];
    int8_t len = sizeof invalid;
    UErrorCode e2 = U_ZERO_ERROR;
    ucnv_getInvalidChars(cnv.get(), invalid, &len, &e2);
    std::size_t consumed = static_cast<std::size_t>(src - bytes.data());
    bad_offset = consumed >= static_cast<std::size_t>(len) ? consumed - len : consumed;
    return false;
  }
  std::size_t units = static_cast<std::size_t>(tgt - buf.data());
  std::string utf8;
  utf8.resize(units * 3 + 4);
  int32_t written = 0;
  err = U_ZERO_ERROR;
  u_strToUTF8(utf8.data(), static_cast<int32_t>(utf8.size()), &written, buf.data(),
              static_cast<int32_t>(units), &err);
  if (U_FAILURE(err)) throw DataError("conversion from " + encoding + " produced invalid UTF-16");
  utf8.resize(static_cast<std::size_t>(written));
  out = std::move(utf8);
  replaced += counter.count;
  return true;
}

// UTF-8 with maximal invalid subparts replaced by U+FFFD.
std::string repair_utf8(std::string_view in, std::size_t& replaced) {
  std::string out;
  out.reserve(in.size());
  std::size_t i = 0;
  while (i < in.size()) {
    std::size_t len = utf8::valid_prefix(in.substr(i));
    if (len == 0) {
      std::size_t bad = utf8::invalid_length(in.substr(i));
      out += "\xEF\xBF\xBD";
      ++replaced;
      i += bad;
    } else {
      out.append(in.substr(i, len));
      i += len;
    }
  }
  return out;
}

[[noreturn]] void invalid_bytes(std::string_view bytes, std::size_t offset, const std::string& enc) {
  auto [line, col] = line_col(bytes, offset, enc == "UTF-8");
  char hex[8];
  std::snprintf(hex, sizeof hex, "%02X", offset < bytes.size() ? static_cast<unsigned char>(bytes[offset]) : 0u);
  throw DataError::whole(
      N_("invalid {1} byte sequence at byte offset {2} (byte 0x{3}); use --replace-invalid to substitute U+FFFD, "
         "or --encoding"),
      {enc, std::to_string(offset), hex}, line, col, offset);
}

// UTF-16 without a byte order mark: "UTF-16LE" or "UTF-16BE" when the bytes hold NULs (which
// no text in UTF-8 or a legacy Japanese encoding has: in UTF-16 every ASCII character, the
// line feed included, has one), are not UTF-8 or are nearly half NULs (ASCII in UTF-16), and
// nearly all of their first 32 K code units, read in that order, are characters Japanese text
// is made of, and they convert; "" otherwise. A stray NUL in UTF-8 text stays an error that
// names its place.
std::string looks_utf16(std::string_view bytes, bool invalid_utf8) {
  std::size_t n = std::min<std::size_t>(bytes.size(), std::size_t(1) << 16) & ~std::size_t(1);
  if (n < 2 || std::memchr(bytes.data(), 0, n) == nullptr) return "";
  // Text that is valid UTF-8 is UTF-16 only when it is ASCII (or nearly) in UTF-16, every other
  // byte NUL; kana and kanji in UTF-16 are no valid UTF-8. So a short line with a stray NUL
  // (ab\0cd\n: a sixth of its bytes) stays UTF-8, and an error that names the NUL.
  if (!invalid_utf8 && static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + n, '\0')) * 8 < n * 3)
    return "";
  auto plausible = [](unsigned u) {
    return u == 0x09 || u == 0x0A || u == 0x0D || (u >= 0x20 && u < 0x7F) || (u >= 0xA0 && u < 0x250) ||
           (u >= 0x2000 && u < 0x2700) || (u >= 0x3000 && u < 0x3100) || (u >= 0x3400 && u < 0xA000) ||
           (u >= 0xD800 && u < 0xE000) || (u >= 0xF900 && u < 0xFB00) || (u >= 0xFF00 && u < 0xFFF0);
  };
  std::size_t le = 0, be = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    unsigned a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    le += plausible(a | b << 8);
    be += plausible(a << 8 | b);
  }
  std::size_t units = n / 2, need = units - units / 10;  // nine in ten
  const char* guess = le >= need && le > be ? "UTF-16LE" : be >= need && be > le ? "UTF-16BE" : nullptr;
  if (!guess) return "";
  // Confirmed on the sample (decode() converts the whole text, strictly, once), cut before a
  // surrogate pair the sample would split.
  if (bytes.size() % 2 != 0) return "";
  std::size_t m = n;
  unsigned a = static_cast<unsigned char>(bytes[m - 2]), b = static_cast<unsigned char>(bytes[m - 1]);
  unsigned last = guess[6] == 'L' ? (a | b << 8) : (a << 8 | b);
  if (m < bytes.size() && last >= 0xD800 && last < 0xDC00) m -= 2;
  std::string out;
  std::size_t replaced = 0, off = 0;
  return convert(bytes.substr(0, m), guess, false, out, replaced, off) ? guess : "";
}

bool looks_iso2022jp(std::string_view bytes) {
  bool esc = false;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(bytes[i]);
    if (b >= 0x80) return false;
    if (b == 0x1B && i + 2 < bytes.size() && bytes[i + 1] == '$' && (bytes[i + 2] == 'B' || bytes[i + 2] == '@'))
      esc = true;
  }
  return esc;
}

// Number of well-formed multi-byte UTF-8 sequences before `limit` (evidence that the text is
// UTF-8 with a damaged byte rather than a legacy encoding).
std::size_t utf8_multibyte_count(std::string_view bytes, std::size_t limit) {
  std::size_t n = 0, i = 0;
  while (i < limit) {
    unsigned char b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = utf8::valid_prefix(bytes.substr(i, 4));
    if (len == 0) return n;
    std::size_t seq = utf8::sequence_length(b);
    ++n;
    i += seq;
  }
  return n;
}

// How much the first 64 KB of `bytes` read in `encoding` look like Japanese text: kana count
// two, kanji and the full-width punctuation and forms one, ASCII and the marks and shapes of
// U+2000-2BFF nothing; half-width katakana, private-use characters, characters of other
// scripts and bytes that do not convert count against it. A misread gives those (EUC-JP's 駅前の店 read as Shift_JIS is ｱﾘﾁｰ､ﾎﾅｹ).
// A japanese_score that only Japanese text reaches: a handful of kana, or of kanji and
// full-width marks, more than the damage costs.
constexpr long kClearlyJapanese = 16;

long japanese_score(std::string_view bytes, const std::string& encoding) {
  std::string_view sample = bytes.substr(0, std::size_t(1) << 16);
  std::string out;
  std::size_t replaced = 0, off = 0;
  if (!convert(sample, encoding == "Shift_JIS" ? "CP932" : encoding, true, out, replaced, off)) return 0;
  long score = -4 * static_cast<long>(replaced);
  for (std::size_t i = 0; i < out.size();) {
    std::size_t len = 1;
    char32_t c = static_cast<unsigned char>(out[i]) < 0x80 ? static_cast<unsigned char>(out[i]) : utf8::decode(out, i, len);
    i += len;
    if (c < 0x80) continue;
    if (c == 0xFFFD) continue;  // counted as replaced
    if ((c >= 0x3041 && c <= 0x309F) || (c >= 0x30A0 && c <= 0x30FF)) score += 2;
    else if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF60)) score += 1;
    else if (c >= 0x2000 && c <= 0x2BFF) continue;  // marks, arrows, shapes: ※ → ■ ① alike in both
    else score -= 2;  // half-width katakana (U+FF61-FF9F), private use, other scripts
  }
  return score;
}

}  // namespace

std::size_t utf8_invalid_offset(std::string_view bytes) {
  if (utf8_check::known_valid(bytes)) return npos;
  std::size_t i = 0;
  while (i < bytes.size()) {
    unsigned char b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    if (((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) && i + 2 < bytes.size() &&
        (static_cast<unsigned char>(bytes[i + 1]) & 0xC0) == 0x80 && (static_cast<unsigned char>(bytes[i + 2]) & 0xC0) == 0x80) {
      i += 3;  // the common case of Japanese text: a three-byte sequence without special ranges
      continue;
    }
    std::size_t len = utf8::valid_prefix(bytes.substr(i));
    if (len == 0) return i;
    i += len;
  }
  return npos;
}

// detect_encoding(), also handing back the offset of the first invalid UTF-8 byte when it
// looked for one (so decode() need not scan the text twice).
static std::string detect_checked(std::string_view bytes, std::size_t* bad_out) {
  auto starts = [&](const char* p, std::size_t n) { return bytes.size() >= n && std::memcmp(bytes.data(), p, n) == 0; };
  if (starts("\xEF\xBB\xBF", 3)) return "UTF-8";
  if (starts("\xFF\xFE", 2)) return "UTF-16LE";
  if (starts("\xFE\xFF", 2)) return "UTF-16BE";
  std::size_t bad = utf8_invalid_offset(bytes);
  if (bad_out) *bad_out = bad;
  if (std::string u16 = looks_utf16(bytes, bad != npos); !u16.empty()) return u16;
  if (bad == npos) return looks_iso2022jp(bytes) ? "ISO-2022-JP" : "UTF-8";
  // Legacy encodings: ask ICU's detector, keep its Japanese answers, confirm by conversion.
  std::vector<std::string> candidates;
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&err);
  if (U_SUCCESS(err)) {
    std::size_t sample = bytes.size() < (1u << 20) ? bytes.size() : (1u << 20);
    ucsdet_setText(det, bytes.data(), static_cast<int32_t>(sample), &err);
    int32_t n = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(det, &n, &err);
    for (int32_t k = 0; U_SUCCESS(err) && k < n; ++k) {
      UErrorCode e = U_ZERO_ERROR;
      std::string name = canonical(ucsdet_getName(matches[k], &e));
      if (name == "Shift_JIS" || name == "EUC-JP" || name == "ISO-2022-JP") candidates.push_back(name);
    }
    ucsdet_close(det);
  }
  for (const char* fallback : {"Shift_JIS", "EUC-JP"}) {
    bool seen = false;
    for (auto& c : candidates) seen = seen || c == fallback;
    if (!seen) candidates.emplace_back(fallback);
  }
  // Text that is UTF-8 up to a damaged byte stays UTF-8, so the error names that byte.
  if (utf8_multibyte_count(bytes, bad) >= 4) return "UTF-8";
  // The same bytes are often valid in more than one of them (EUC-JP kana pairs are Shift_JIS
  // half-width katakana and kanji): the candidates are tried in the order of how Japanese each
  // makes the text look, ICU's order among equals, the first that converts whole winning.
  std::vector<std::pair<long, std::size_t>> order;
  for (std::size_t k = 0; k < candidates.size(); ++k) order.emplace_back(-japanese_score(bytes, candidates[k]), k);
  std::stable_sort(order.begin(), order.end(), [](auto& a, auto& b) { return a.first < b.first; });
  for (auto& [score, k] : order) {
    const std::string& c = candidates[k];
    std::string out;
    std::size_t replaced = 0, off = 0;
    if (convert(bytes, c == "Shift_JIS" ? "CP932" : c, false, out, replaced, off)) return c;
  }
  // None converts whole: a damaged byte in a legacy text. The one that reads most like Japanese
  // (its damage replaced while scoring) is the text's encoding when it makes clear Japanese of
  // it, so the error names the damaged byte in that encoding, and --replace-invalid replaces that
  // byte alone instead of reading the whole text as broken UTF-8.
  if (!order.empty() && -order.front().first >= kClearlyJapanese) return candidates[order.front().second];
  return "UTF-8";
}

std::string detect_encoding(std::string_view bytes) { return detect_checked(bytes, nullptr); }

bool known_encoding(const std::string& name) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> cnv(ucnv_open(icu_name(canonical(name)).c_str(), &err));
  return U_SUCCESS(err);
}

std::string encode_source(std::string_view text, const std::string& encoding, bool bom, const std::string& line_ends) {
  if (!line_ends.empty() && line_ends != "CRLF" && line_ends != "CR")
    throw DataError("the source's line ends were " + line_ends + " (not all LF, CRLF or CR); its bytes cannot be rebuilt");
  std::string lines;
  if (line_ends.empty()) {
    lines.assign(text);
  } else {
    lines.reserve(text.size() + text.size() / 16);
    for (char c : text) {
      if (c != '\n') lines.push_back(c);
      else lines += line_ends == "CR" ? "\r" : "\r\n";
    }
  }
  if (encoding == "UTF-8" || encoding.empty()) return bom ? "\xEF\xBB\xBF" + lines : lines;
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> cnv(ucnv_open(icu_name(encoding).c_str(), &err));
  if (U_FAILURE(err)) throw DataError("unknown encoding '" + encoding + "'");
  ucnv_setFromUCallBack(cnv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::vector<UChar> units(lines.size() + 1);
  int32_t n = 0;
  err = U_ZERO_ERROR;
  u_strFromUTF8(units.data(), static_cast<int32_t>(units.size()), &n, lines.data(), static_cast<int32_t>(lines.size()), &err);
  if (U_FAILURE(err)) throw DataError("the text is not valid UTF-8; its bytes cannot be rebuilt");
  std::string out;
  if (bom && encoding == "UTF-16LE") out = "\xFF\xFE";
  if (bom && encoding == "UTF-16BE") out = "\xFE\xFF";
  std::size_t at = out.size();
  out.resize(at + static_cast<std::size_t>(n) * 4 + 16);
  char* tgt = out.data() + at;
  const UChar* src = units.data();
  err = U_ZERO_ERROR;
  ucnv_fromUnicode(cnv.get(), &tgt, out.data() + out.size(), &src, units.data() + n, nullptr, true, &err);
  if (U_FAILURE(err)) throw DataError("a character of the text has no bytes in " + encoding + "; the source cannot be rebuilt");
  out.resize(static_cast<std::size_t>(tgt - out.data()));
  return out;
}

namespace {
Decoded decode_text(std::string_view bytes, const DecodeOptions& options, Decoded d);
}  // namespace

Decoded decode(std::string_view bytes, const DecodeOptions& options) {
  // On a large input the digest is taken on a second thread while the text is checked and
  // decoded (the two read the same bytes and nothing else).
  constexpr std::size_t kThreadMin = std::size_t(1) << 20;
  Decoded d;
  std::string digest;
  if (!options.digest) {
    d = decode_text(bytes, options, Decoded{});
  } else if (bytes.size() >= kThreadMin) {
    run_beside([&] { digest = sha256_hex(bytes); }, [&] { d = decode_text(bytes, options, Decoded{}); });
  } else {
    d = decode_text(bytes, options, Decoded{});
    digest = sha256_hex(bytes);
  }
  d.sha256 = std::move(digest);
  return d;
}

namespace {

// The offset of the first byte that shows `bytes` are not text, or npos: a file whose first
// 8 KB hold at least two NULs or C0 controls text never has (all but tab, line feed, vertical
// tab, form feed, carriage return, escape and the end-of-file mark 0x1A), one in 32 bytes or
// more, as executables, images and archives do. One stray control in text is left to the
// error that names that character.
std::size_t binary_offset(std::string_view bytes) {
  std::string_view sample = bytes.substr(0, 8192);
  std::size_t count = 0, first = npos;
  for (std::size_t i = 0; i < sample.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(sample[i]);
    if (b >= 0x20 || (b >= 0x09 && b <= 0x0D) || b == 0x1A || b == 0x1B) continue;
    if (first == npos) first = i;
    ++count;
  }
  return count >= 2 && count * 32 >= sample.size() ? first : npos;
}

Decoded decode_text(std::string_view bytes, const DecodeOptions& options, Decoded d) {
  constexpr std::size_t unknown = npos - 1;
  std::size_t checked = unknown;
  std::string enc = options.encoding.empty() ? detect_checked(bytes, &checked) : canonical(options.encoding);
  d.encoding = enc;
  if (enc.rfind("UTF-16", 0) != 0 && !options.replace_invalid) {
    if (std::size_t at = binary_offset(bytes); at != npos) {
      auto [line, col] = line_col(bytes, at, false);
      char hex[8];
      std::snprintf(hex, sizeof hex, "%02X", static_cast<unsigned>(static_cast<unsigned char>(bytes[at])));
      throw DataError::whole(N_("the file looks binary, not text (control byte 0x{1} at byte offset {2}, and more in "
                                "its first 8 KB); jatei reads text"),
                             {hex, std::to_string(at)}, line, col, at);
    }
  }
  if (enc == "UTF-8") {
    d.had_bom = bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0;
    std::size_t bad = checked != unknown ? checked : utf8_invalid_offset(bytes);
    if (bad != npos) {
      if (!options.replace_invalid) invalid_bytes(bytes, bad, "UTF-8");
      std::string repaired = repair_utf8(bytes, d.replaced);
      LineEndCount ends;
      d.text = finish(repaired, false, 0, true, d.replaced, ends);
      d.line_ends = line_end_style(ends, d.text);
      return d;
    }
    if (options.may_borrow && !d.had_bom && kept_run(bytes, 0) == bytes.size()) {
      d.borrowed = bytes;  // finish() would copy the bytes unchanged
      d.is_borrowed = true;
      return d;
    }
    LineEndCount ends;
    d.text = finish(bytes, true, 0, options.replace_invalid, d.replaced, ends);
    d.line_ends = line_end_style(ends, d.text);
    return d;
  }
  std::string icu = enc;
  if (enc == "Shift_JIS") icu = "CP932";  // CP932 is the superset web pages actually use
  std::string_view body = bytes;
  if (enc == "UTF-16LE" || enc == "UTF-16BE") {
    const char* bom = enc == "UTF-16LE" ? "\xFF\xFE" : "\xFE\xFF";
    if (bytes.size() >= 2 && std::memcmp(bytes.data(), bom, 2) == 0) {
      body = bytes.substr(2);
      d.had_bom = true;
    }
  }
  std::string utf8;
  std::size_t bad = 0;
  if (!convert(body, icu, options.replace_invalid, utf8, d.replaced, bad))
    invalid_bytes(bytes, bad + static_cast<std::size_t>(body.data() - bytes.data()), enc);
  LineEndCount ends;
  d.text = finish(utf8, false, 0, options.replace_invalid, d.replaced, ends);
  d.line_ends = line_end_style(ends, d.text);
  return d;
}

}  // namespace

}  // namespace jatei
