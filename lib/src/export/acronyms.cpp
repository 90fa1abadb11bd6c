// The full English names of acronyms (lib/data/terms/acronyms.tsv, compiled in), for the
// glossary a translator gets: an article that glosses a term with an acronym only (欧州連合(EU))
// gives the acronym, and the translator needs the name it stands for.
#include <cstddef>

#include "core/data_files.hpp"
#include "jatei/error.hpp"
#include "jatei/export.hpp"
#include "jatei/utf8.hpp"

namespace jatei {

// Generated at build time from lib/data/terms/acronyms.tsv (see lib/CMakeLists.txt).
extern const char kTermsAcronyms[];
extern const std::size_t kTermsAcronymsSize;

std::string AcronymNames::key(std::string_view acronym) {
  // Full-width letters, digits and signs as ASCII (ＥＵ is EU); case kept (IoT, SDGs).
  std::string out;
  for (std::size_t i = 0; i < acronym.size();) {
    std::size_t len = 0;
    char32_t c = utf8::decode(acronym, i, len);
    if (len == 0) break;
    if (c >= 0xFF01 && c <= 0xFF5E) out.push_back(static_cast<char>(c - 0xFF01 + 0x21));
    else out.append(acronym.substr(i, len));
    i += len;
  }
  return out;
}

bool AcronymNames::is_acronym(std::string_view text) {
  // Two capitals or more, a lower-case letter at most beside each (IoT, SDGs, mRNA), digits and
  // & - allowed (M&A, B2B, COVID-19): a word a translator cannot read as a name.
  std::string k = key(text);
  if (k.empty() || k.size() > 12) return false;
  std::size_t upper = 0, lower = 0;
  for (char c : k) {
    if (c >= 'A' && c <= 'Z') ++upper;
    else if (c >= 'a' && c <= 'z') ++lower;
    else if (!((c >= '0' && c <= '9') || c == '&' || c == '-')) return false;
  }
  return upper >= 2 && lower <= upper / 2 + 1 && lower < upper;
}

void AcronymNames::merge(std::string_view text, const std::string& origin) {
  data::for_each_line(text, [&](std::string_view l, std::size_t line) {
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (l.empty() || l.front() == '#') return;
    for (std::size_t i = 0; i < l.size();) {
      std::size_t n = utf8::valid_prefix(l.substr(i));
      if (n == 0) throw DataError("invalid UTF-8; a data file is UTF-8", line, i + 1);
      if (n == 1 && static_cast<unsigned char>(l[i]) < 0x20 && l[i] != '\t')
        throw DataError("a control character XML cannot hold", line, i + 1);
      i += n;
    }
    std::size_t tab = l.find('\t');
    if (tab == std::string_view::npos) throw DataError("expected ACRONYM<TAB>full name", line, 1);
    std::string_view acronym = l.substr(0, tab), name = l.substr(tab + 1);
    name = data::trim(name, " \t");
    if (!is_acronym(acronym))
      throw DataError("'" + std::string(acronym) +
                          "' is not an acronym (two capitals or more; lower-case letters, digits, & and - beside them)",
                      line, 1);
    std::string k = key(acronym);
    if (name.empty()) names_.erase(k);  // an empty name takes out the entry of an earlier file
    else names_[k] = {std::string(name), origin};
  });
}

void AcronymNames::merge_file(const std::string& path) { merge(data::read_file(path, "acronym list"), path); }

const AcronymNames& AcronymNames::builtin() {
  static const AcronymNames names = [] {
    AcronymNames n;
    data::Text t = data::override_or_builtin("terms/acronyms.tsv", std::string_view(kTermsAcronyms, kTermsAcronymsSize),
                                             "acronym list");
    try {
      n.merge(t.text, t.origin);
    } catch (const DataError& e) {
      throw data::located(e, t.origin);  // read outside any one input: the place in the message
    }
    return n;
  }();
  return names;
}

const AcronymNames::Name* AcronymNames::find(std::string_view acronym) const {
  auto it = names_.find(key(acronym));
  return it == names_.end() ? nullptr : &it->second;
}

}  // namespace jatei
