// The cue index of the text layer: one list of cues (a section of segment.rules or
// speakers.rules, the claims lexicon, the gazetteer, the terms of a termbase) ready to answer
// every question the stages ask of one, each through its one fast path (lib/src/text/cues.cpp;
// unit.test_cues checks every answer against a plain loop over the entries).
//
//   jatei::text::CueIndex cues(rules.section("byline"));      // borrows the entries
//   cues.whole("写真・時事");              // some entry matches the whole text ('*' and '#' globs)
//   std::size_t n = cues.prefix(line);     // length of the longest entry the text starts with
//   std::size_t m = cues.suffix(line);     // ... of the longest literal entry it ends with
//   std::size_t at = cues.find(line);      // where the first literal entry occurs (npos: none)
//   cues.each_at(text, i, [](std::uint32_t entry, std::size_t length) {});  // entries at byte i
//   cues.scan(text, matches);              // every occurrence of every literal entry
//
// Entries are RuleEntry (a pattern and a weak flag). Under CueSyntax::glob (the rules files),
// '*' in a pattern matches any run of characters and '#' one digit (ASCII or full-width); an
// entry with either is a pattern, the others are literal text. Under CueSyntax::literal (word
// lists, the lexicon, the termbase) every entry is literal text, '*' and '#' included. A
// pattern has no text to find: find, suffix, each_at and scan answer for literal entries
// only; whole and prefix for every entry. Ties: the first entry in the list wins.
//
// The fast paths (built on first use, shared by copies, safe to ask from several threads):
// - whole, prefix, each_candidate: the entries by their first byte, with their first four
//   literal bytes compared at once ('#': a digit's first byte; entries starting with '*' are
//   tried on every text); whole tries "*literal" entries by the last four bytes of the text.
// - suffix: the literal entries by their last byte, longest first.
// - find, contains: the literal entries by their first six bytes (two kana or kanji), a bit a
//   hash of them, stepped over character by character; shorter entries are searched for as
//   they are.
// - each_at, scan: an Aho–Corasick automaton over the bytes of the literal entries (a trie
//   made from the sorted entries in depth-first order, a dense table at the root, the edges of
//   the other states in sorted runs): each_at walks it from the root, scan follows its failure
//   and dictionary-suffix links (linear in the text plus the matches).
#pragma once

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace jatei {

struct RuleEntry {
  std::string pattern;  // UTF-8, may contain * and # (CueSyntax::glob)
  bool weak = false;
};

// Glob match with `*` (any run of characters) and `#` (one digit, ASCII or full-width); every
// other character matches itself. Returns whether all of `text` matches. Both functions take
// at most time proportional to pattern length × text length, whatever the pattern.
bool glob_match(std::string_view pattern, std::string_view text);
// Longest prefix of `text` that `pattern` matches (npos = none).
std::size_t glob_prefix(std::string_view pattern, std::string_view text);

}  // namespace jatei

namespace jatei::text {

enum class CueSyntax : std::uint8_t { glob, literal };

// One occurrence of an entry: bytes [begin, end) of the text.
struct CueMatch {
  std::size_t begin, end;
  std::uint32_t entry;
};

// Longest-leftmost choice among occurrences: sorted by start, then the longest first (then
// the lower entry); one is taken when it starts at or after the end of the last one taken.
std::vector<CueMatch> longest_leftmost(std::vector<CueMatch> matches);

namespace detail {
// The automaton of each_at and scan (states in depth-first order, 0 the root).
struct CueTrie {
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  std::array<std::uint32_t, 256> root{};   // the root's edges (kNone: none)
  std::vector<std::uint32_t> edge_begin;   // per state, into edge_byte/edge_to (states + 1)
  std::vector<unsigned char> edge_byte;    // ascending within a state
  std::vector<std::uint32_t> edge_to;
  std::vector<std::uint32_t> depth, fail, dict;
  std::vector<std::uint32_t> out_begin;    // per state, into out_entries (states + 1): the entries
  std::vector<std::uint32_t> out_entries;  // that end there, in list order
  std::uint32_t child(std::uint32_t s, unsigned char b) const {
    if (s == 0) return root[b];
    std::uint32_t lo = edge_begin[s], hi = edge_begin[s + 1];
    if (hi - lo > 8) {
      lo = static_cast<std::uint32_t>(std::lower_bound(edge_byte.begin() + lo, edge_byte.begin() + hi, b) - edge_byte.begin());
      return lo < hi && edge_byte[lo] == b ? edge_to[lo] : kNone;
    }
    for (; lo < hi; ++lo)
      if (edge_byte[lo] == b) return edge_to[lo];
    return kNone;
  }
};
}  // namespace detail

class CueIndex {
 public:
  CueIndex();
  // Borrows `entries`, which must outlive the index (a section of a Rules kept alive).
  explicit CueIndex(const std::vector<RuleEntry>& entries, CueSyntax syntax = CueSyntax::glob);
  // Owns its entries.
  static CueIndex owning(std::vector<RuleEntry> entries, CueSyntax syntax = CueSyntax::glob);

  const std::vector<RuleEntry>& entries() const { return *entries_; }
  std::size_t size() const { return entries_->size(); }
  // Whether entry k is literal text (not a pattern).
  bool literal(std::uint32_t k) const { return !wild_[k]; }
  // The literal entries, longest first (the list's order among equal lengths).
  const std::vector<std::uint32_t>& longest_first() const { return lines().by_length; }

  // Whether some entry matches all of s.
  bool whole(std::string_view s) const;
  // Length of the longest entry s starts with (0 = none); `weak` set from that entry.
  std::size_t prefix(std::string_view s, bool* weak = nullptr) const;
  // Length of the longest literal entry s ends with (0 = none); `weak` set from that entry.
  std::size_t suffix(std::string_view s, bool* weak = nullptr) const;
  // Where the first literal entry occurs in s (its first byte), or npos.
  std::size_t find(std::string_view s) const;
  // Whether a literal entry occurs in s.
  bool contains(std::string_view s) const;
  // Calls f(entry) for the entries that may match a prefix of s (every one that does among
  // them), in the list's order, until f returns true; returns whether it did.
  template <class F>
  bool each_candidate(std::string_view s, F f) const;
  // Calls f(entry, length) for every literal entry that occurs at byte i of s, shortest first
  // (the list's order within one length).
  template <class F>
  void each_at(std::string_view s, std::size_t i, F f) const;
  // Appends every occurrence of every literal entry in s to out: by end, then the longest
  // first, then in the list's order.
  void scan(std::string_view s, std::vector<CueMatch>& out) const;

 private:
  struct Lead {
    std::uint32_t index, length, bytes;  // the entry, and its first literal bytes (up to 4)
  };
  struct Suffix {
    std::uint64_t key;    // the last bytes of the literal
    std::uint32_t index;  // the entry
    std::uint32_t head;   // head4() of the literal
  };
  // The index of whole, prefix, suffix and find.
  struct Lines {
    std::array<std::vector<Lead>, 256> lead;   // entries starting with a literal byte (or '#')
    std::vector<std::uint32_t> any;            // entries starting with '*' (glob) or empty
    std::vector<Suffix> star_suffix;           // "*literal" patterns by their last bytes
    std::vector<std::uint32_t> other;          // the other entries of `any`
    std::array<std::uint32_t, 257> end_begin{};  // literal entries by last byte, longest first:
    std::vector<std::uint32_t> by_end;           // by_end[end_begin[b], end_begin[b + 1])
    std::vector<std::uint32_t> by_length;        // literal entries, longest first
    std::vector<std::pair<std::uint64_t, std::uint32_t>> sub;  // literal entries by their first 6 bytes
    std::vector<std::uint64_t> sub_bits = std::vector<std::uint64_t>(1024);  // a bit per hash of those keys
    std::vector<std::uint32_t> short_;         // literal entries shorter than 6 bytes (found with find)
    bool has_empty = false;
  };
  struct Built {
    std::atomic<bool> lines_ready{false}, trie_ready{false};  // read first: call_once costs more
    std::once_flag lines_once, trie_once;
    Lines lines;
    detail::CueTrie trie;
  };
  CueIndex(std::shared_ptr<const std::vector<RuleEntry>> owned, const std::vector<RuleEntry>* entries, CueSyntax syntax);
  const Lines& lines() const {
    if (!built_->lines_ready.load(std::memory_order_acquire)) build_once(false);
    return built_->lines;
  }
  const detail::CueTrie& trie() const {
    if (!built_->trie_ready.load(std::memory_order_acquire)) build_once(true);
    return built_->trie;
  }
  void build_once(bool trie) const;
  void build_lines(Lines& l) const;
  void build_trie(detail::CueTrie& t) const;
  std::size_t match_length(std::uint32_t k, std::string_view s) const;  // as glob_prefix
  bool match_whole(std::uint32_t k, std::string_view s) const;          // as glob_match
  static bool starts(const Lead& l, std::string_view s);

  std::shared_ptr<const std::vector<RuleEntry>> owned_;
  const std::vector<RuleEntry>* entries_;
  std::vector<std::uint8_t> wild_;  // per entry: a pattern
  CueSyntax syntax_;
  std::shared_ptr<Built> built_;
};

template <class F>
bool CueIndex::each_candidate(std::string_view s, F f) const {
  if (s.empty()) {
    for (std::uint32_t k = 0; k < entries_->size(); ++k)
      if (f(k)) return true;
    return false;
  }
  const Lines& l = lines();
  const auto& lead = l.lead[static_cast<unsigned char>(s[0])];
  std::size_t i = 0, j = 0;
  while (i < lead.size() || j < l.any.size()) {
    if (j == l.any.size() || (i < lead.size() && lead[i].index < l.any[j])) {
      const Lead& x = lead[i++];
      if (starts(x, s) && f(x.index)) return true;
    } else if (f(l.any[j++])) {
      return true;
    }
  }
  return false;
}

template <class F>
void CueIndex::each_at(std::string_view s, std::size_t i, F f) const {
  const detail::CueTrie& t = trie();
  std::uint32_t state = 0;
  for (std::size_t k = i; k < s.size(); ++k) {
    state = t.child(state, static_cast<unsigned char>(s[k]));
    if (state == detail::CueTrie::kNone) return;
    for (std::uint32_t o = t.out_begin[state]; o < t.out_begin[state + 1]; ++o) f(t.out_entries[o], k + 1 - i);
  }
}

}  // namespace jatei::text
