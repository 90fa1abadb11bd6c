// One loop for every context: runs of bytes that need nothing are copied at once, and eight
// bytes at a time are stepped over while none is below '?' (every byte any context escapes is).
#include "tei/escape.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace jatei::xml {
namespace {

[[noreturn]] void unwritable(char c) {
  throw std::logic_error("internal error: control character " + std::to_string(static_cast<int>(static_cast<unsigned char>(c))) +
                         " reached the XML writer");
}

// What byte c becomes in context C: its replacement, "" to keep it, or nullptr when it cannot
// be written.
template <Context C>
inline const char* replacement(char c) {
  switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return C == Context::text ? "" : "&quot;";
    case '\'': return C == Context::html ? "&#39;" : "";
    case '\r': return C == Context::html ? "" : "&#13;";
    case '\n': return C == Context::attribute ? "&#10;" : "";
    case '\t': return C == Context::attribute ? "&#9;" : "";
    default: return static_cast<unsigned char>(c) < 0x20 ? nullptr : "";
  }
}

template <Context C>
void escape_in(std::string& out, std::string_view s) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    for (std::uint64_t w; i + 8 <= s.size(); i += 8) {
      std::memcpy(&w, s.data() + i, 8);
      if ((w - 0x3F3F3F3F3F3F3F3FULL) & ~w & 0x8080808080808080ULL) break;
    }
    if (i >= s.size()) break;
    if (static_cast<unsigned char>(s[i]) >= '?') continue;
    const char* rep = replacement<C>(s[i]);
    if (!rep) unwritable(s[i]);
    if (!*rep) continue;
    out.append(s.data() + run, i - run);
    out += rep;
    run = i + 1;
  }
  out.append(s.data() + run, s.size() - run);
}

}  // namespace

void escape(std::string& out, std::string_view s, Context context) {
  switch (context) {
    case Context::text: escape_in<Context::text>(out, s); break;
    case Context::attribute: escape_in<Context::attribute>(out, s); break;
    case Context::html: escape_in<Context::html>(out, s); break;
  }
}

std::string escaped(std::string_view s, Context context) {
  std::string out;
  out.reserve(s.size());
  escape(out, s, context);
  return out;
}

std::string writable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') out += "\xEF\xBF\xBD";
    else out.push_back(c);
  }
  return out;
}

std::string keep_cr(std::string printed) {
  if (printed.find('\r') == std::string::npos) return printed;
  std::string out;
  out.reserve(printed.size() + 16);
  for (char c : printed) {
    if (c == '\r') out += "&#13;";
    else out.push_back(c);
  }
  return out;
}

}  // namespace jatei::xml
