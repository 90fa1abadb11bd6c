// The cue sections of segment.rules that segmentation consults for every line, indexed
// (internal to lib/src/segment).
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "jatei/rules.hpp"
#include "jatei/utf8.hpp"
#include "segment/lines.hpp"

namespace jatei::seg {

// One cue section, indexed once per document so that a line is tried only against the
// entries that can match it. Each answer is the one of the Rules call named beside it: an
// entry starting with a literal can only match text starting with those bytes ('#': a digit);
// a whole-line "*literal" only text ending with the literal; a substring only where its first
// six bytes are (two kana or kanji; shorter substrings are searched for as they are).
class CueList {
 public:
  CueList(const Rules& rules, std::string_view section) : entries_(rules.section(section)) {
    for (std::uint32_t k = 0; k < entries_.size(); ++k) {
      std::string_view p = entries_[k].pattern;
      if (p.empty() || p[0] == '*') {
        any_.push_back(k);
      } else if (p[0] == '#') {  // a digit: 0-9, or ０-９ (EF BC 90-99)
        for (unsigned char b : {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '\xEF'}) lead_[b].push_back({k, 0, 0});
      } else {
        std::size_t n = std::min({p.find_first_of("*#"), p.size(), std::size_t(4)});
        std::uint32_t bytes = 0;
        for (std::size_t i = 0; i < n; ++i) bytes |= std::uint32_t(static_cast<unsigned char>(p[i])) << (8 * i);
        lead_[static_cast<unsigned char>(p[0])].push_back({k, static_cast<std::uint32_t>(n), bytes});
      }
      if (p.size() > kSuffixKey && p[0] == '*' && p.find_first_of("*#", 1) == std::string_view::npos)
        suffix_.push_back({suffix_key(p), k, head4(p.substr(1))});
      else if (p.empty() || p[0] == '*')
        other_.push_back(k);
      if (p.empty()) {
        has_empty_ = true;
      } else if (p.size() >= kSubKey && (static_cast<unsigned char>(p[0]) & 0xC0) != 0x80) {
        std::uint64_t key = sub_key(p.data());
        sub_.emplace_back(key, k);
        sub_bits_[sub_hash(key) >> 6] |= std::uint64_t(1) << (sub_hash(key) & 63);
      } else {
        short_.push_back(k);
      }
    }
    std::sort(suffix_.begin(), suffix_.end(), [](const Suffix& a, const Suffix& b) { return a.key < b.key || (a.key == b.key && a.index < b.index); });
    std::sort(sub_.begin(), sub_.end());
  }

  const std::vector<RuleEntry>& entries() const { return entries_; }

  // Rules::matches_whole(section, s).
  bool whole(std::string_view s) const {
    if (s.empty()) {
      for (auto& e : entries_)
        if (glob_match(e.pattern, s)) return true;
      return false;
    }
    for (const Lead& l : lead_[static_cast<unsigned char>(s[0])])
      if (starts(l, s) && glob_match(entries_[l.index].pattern, s)) return true;
    if (s.size() >= kSuffixKey) {
      auto key = suffix_key(s);
      for (auto it = std::lower_bound(suffix_.begin(), suffix_.end(), key, [](const Suffix& x, std::uint64_t v) { return x.key < v; });
           it != suffix_.end() && it->key == key; ++it) {
        // "*literal": the text ends with the literal. Many literals end alike (…ています。):
        // their first bytes tell them apart before all are compared.
        std::string_view lit = std::string_view(entries_[it->index].pattern).substr(1);
        if (s.size() < lit.size() || head4(s.substr(s.size() - lit.size())) != it->head) continue;
        if (s.substr(s.size() - lit.size()) == lit) return true;
      }
    }
    for (std::uint32_t k : other_)
      if (glob_match(entries_[k].pattern, s)) return true;
    return false;
  }

  // Rules::matches_prefix(section, s, weak): the longest match, the first entry on a tie.
  std::size_t prefix(std::string_view s, bool* weak = nullptr) const {
    std::size_t best = 0;
    each_candidate(s, [&](std::uint32_t k) {
      std::size_t n = glob_prefix(entries_[k].pattern, s);
      if (n != std::string_view::npos && n > best) {
        best = n;
        if (weak) *weak = entries_[k].weak;
      }
      return false;
    });
    return best;
  }

  // Calls f(index) for every entry that may match a prefix of s, in the entries' order, until
  // f returns true; returns whether it did.
  template <class F>
  bool each_candidate(std::string_view s, F f) const {
    if (s.empty()) {
      for (std::uint32_t k = 0; k < entries_.size(); ++k)
        if (f(k)) return true;
      return false;
    }
    const auto& lead = lead_[static_cast<unsigned char>(s[0])];
    std::size_t i = 0, j = 0;
    while (i < lead.size() || j < any_.size()) {
      if (j == any_.size() || (i < lead.size() && lead[i].index < any_[j])) {
        const Lead& l = lead[i++];
        if (starts(l, s) && f(l.index)) return true;
      } else if (f(any_[j++])) {
        return true;
      }
    }
    return false;
  }

  // Rules::contains(section, s): some entry occurs in s, as literal text.
  bool contains(std::string_view s) const {
    if (has_empty_) return true;
    for (std::uint32_t k : short_)
      if (s.find(entries_[k].pattern) != std::string_view::npos) return true;
    if (sub_.empty() || s.size() < kSubKey) return false;
    // Entries start on a lead byte: step from character to character (the text is valid UTF-8).
    // Two kana or kanji make a key that rarely occurs where no entry does.
    for (std::size_t i = 0; i + kSubKey <= s.size();) {
      const char* key_at = s.data() + i;
      std::uint64_t key = sub_key(key_at);
      // Most characters take three bytes: a predicted branch lets the next step start at once.
      auto lead = static_cast<unsigned char>(s[i]);
      if (__builtin_expect((lead & 0xF0) == 0xE0, 1))
        i += 3;
      else
        i += utf8::sequence_length(lead);
      std::uint32_t h = sub_hash(key);
      if (!((sub_bits_[h >> 6] >> (h & 63)) & 1)) continue;
      for (auto it = std::lower_bound(sub_.begin(), sub_.end(), std::make_pair(key, std::uint32_t(0)));
           it != sub_.end() && it->first == key; ++it) {
        const std::string& p = entries_[it->second].pattern;
        if (s.substr(static_cast<std::size_t>(key_at - s.data()), p.size()) == p) return true;
      }
    }
    return false;
  }

 private:
  struct Lead {
    std::uint32_t index, length, bytes;  // the entry, and its first literal bytes (up to 4)
  };
  static constexpr std::size_t kSuffixKey = 4;

  static bool starts(const Lead& l, std::string_view s) {
    if (s.size() < l.length) return false;
    if (std::endian::native == std::endian::little && s.size() >= 4) {  // four bytes at once, masked to the literal
      std::uint32_t w;
      std::memcpy(&w, s.data(), 4);
      std::uint32_t mask = l.length >= 4 ? 0xFFFFFFFFu : (std::uint32_t(1) << (8 * l.length)) - 1;
      return (w & mask) == l.bytes;
    }
    std::uint32_t bytes = 0;
    for (std::size_t i = 0; i < l.length; ++i) bytes |= std::uint32_t(static_cast<unsigned char>(s[i])) << (8 * i);
    return bytes == l.bytes;
  }
  static std::uint32_t head4(std::string_view s) {  // the first bytes (up to 4), as a number
    std::uint32_t h = 0;
    std::memcpy(&h, s.data(), std::min<std::size_t>(4, s.size()));
    return h;
  }
  static std::uint64_t suffix_key(std::string_view s) {
    std::uint64_t key = 0;
    for (std::size_t i = s.size() - kSuffixKey; i < s.size(); ++i) key = (key << 8) | static_cast<unsigned char>(s[i]);
    return key;
  }
  static constexpr std::size_t kSubKey = 6;  // two kana or kanji
  static std::uint64_t sub_key(const char* s) {  // in registers: a 6-byte copy to memory stalls the reload
    std::uint32_t lo = 0;
    std::uint16_t hi = 0;
    std::memcpy(&lo, s, 4);
    std::memcpy(&hi, s + 4, 2);
    return lo | (std::uint64_t(hi) << 32);
  }
  static std::uint32_t sub_hash(std::uint64_t key) { return static_cast<std::uint32_t>((key * 0x9E3779B97F4A7C15ull) >> 48); }

  const std::vector<RuleEntry>& entries_;
  std::array<std::vector<Lead>, 256> lead_;  // entries starting with a literal byte (or '#')
  std::vector<std::uint32_t> any_;           // entries starting with '*' (or empty)
  struct Suffix {
    std::uint64_t key;   // the last bytes of the literal
    std::uint32_t index; // the entry
    std::uint32_t head;  // head4() of the literal
  };
  std::vector<Suffix> suffix_;  // "*literal" by its last bytes
  std::vector<std::uint32_t> other_;         // the other entries starting with '*'
  std::vector<std::pair<std::uint64_t, std::uint32_t>> sub_;  // substrings by their first 6 bytes
  std::vector<std::uint64_t> sub_bits_ = std::vector<std::uint64_t>(1024);  // the hashes of those keys, a bit each
  std::vector<std::uint32_t> short_;  // substrings shorter than 6 bytes or not UTF-8 led (found with find)
  bool has_empty_ = false;
};

// The cue sections segmentation consults for every line.
struct Cues {
  explicit Cues(const Rules& r)
      : trailer(r, "trailer"), byline(r, "byline"), credit(r, "credit"), caption(r, "caption"),
        summary_head(r, "summary-head"), boilerplate(r, "boilerplate"), list_bullet(r, "list-bullet"),
        list_number(r, "list-number"), section_head(r, "section-head"), quote_intro(r, "quote-intro"),
        credit_desk(r, "credit-desk"), credit_source(r, "credit-source"), dateline(r, "dateline"),
        table_title(r, "table-title"), boilerplate_line(r, "boilerplate-line"),
        breadcrumb(r, "breadcrumb-separator"), counter_unit(r, "counter-unit"), addressee(r, "addressee"),
        predicate_end(r, "predicate-end"), links_head(r, "links-head"), chrome_line(r, "chrome-line"),
        caption_credit(r, "caption-credit"), note_boilerplate(r, "note-boilerplate") {}
  CueList trailer, byline, credit, caption, summary_head, boilerplate, list_bullet, list_number, section_head,
      quote_intro, credit_desk, credit_source, dateline, table_title, boilerplate_line, breadcrumb, counter_unit,
      addressee, predicate_end, links_head, chrome_line, caption_credit, note_boilerplate;
};

}  // namespace jatei::seg
